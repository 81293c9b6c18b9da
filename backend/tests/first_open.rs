//! Several threads opening their first encrypted database at the same moment all get in. This
//! file holds one test so that its threads are the first in the process to touch SQLite: SQLite
//! marks itself started before SQLCipher's own start-up has finished, and a thread let through
//! then had its key refused.

use std::sync::{Arc, Barrier};

use backend::cases::{DatabaseKey, Store};
use rand::{rngs::StdRng, SeedableRng};

const THREADS: u64 = 8;

#[test]
fn threads_opening_their_first_database_together_all_open_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let start = Arc::new(Barrier::new(THREADS as usize));
    let threads: Vec<_> = (0..THREADS)
        .map(|n| {
            let path = dir.path().join(format!("cases-{n}.db"));
            let start = Arc::clone(&start);
            std::thread::spawn(move || {
                let key = DatabaseKey::generate(&mut StdRng::seed_from_u64(n));
                start.wait();
                Store::open_encrypted(&path, &key).map(|_| ())
            })
        })
        .collect();
    for (n, thread) in threads.into_iter().enumerate() {
        let opened = thread.join().expect("thread ends");
        assert!(opened.is_ok(), "thread {n}: {opened:?}");
    }
}
