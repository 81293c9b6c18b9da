//! One writer per profile: while a profile is open, its folder's `open.lock` file holds an
//! exclusive lock (`flock` on Unix, `LockFileEx` on Windows), so a second copy of the app, or a
//! second person logged in at the same computer, cannot open the same database.
//!
//! Invariants: the lock is taken before the database is opened and released only after it is
//! closed (it is the last field of `OpenProfile`). The operating system releases it when the
//! process ends, however it ends (a crash or a kill leaves no stale lock).
//!
//! A lock held in this process is known from a list kept here, not from the operating system:
//! a child process starting (the PDF viewer, or any program) holds a copy of every open file
//! for a moment until it runs its program, and that copy holds an `flock` too. So a profile
//! just locked here could look "in use" for that moment. When the operating system says
//! another holder exists but no lock is held in this process, the lock is asked for again a
//! few times over about a quarter of a second: a real second window keeps holding it, a
//! starting child lets it go.

use std::collections::HashSet;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use crate::error::{Error, Result};

/// The lock file's name inside a profile's folder. It is empty; only its lock matters.
pub(crate) const LOCK_FILE: &str = "open.lock";

/// How many times, and how far apart, the lock is asked for again while another process seems
/// to hold it (about a quarter of a second in all).
const TRIES: u32 = 50;
const BETWEEN_TRIES: Duration = Duration::from_millis(5);

/// The folders whose lock this process holds.
static HELD: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

fn held() -> MutexGuard<'static, Option<HashSet<PathBuf>>> {
    HELD.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A held lock on one profile's folder. Dropping it releases the lock.
#[derive(Debug)]
pub(crate) struct ProfileLock {
    file: File,
    /// The key in [`HELD`].
    folder: PathBuf,
}

impl ProfileLock {
    /// Takes the lock on `folder`, or fails with [`Error::ProfileInUse`] when another open
    /// profile (in this process or another) holds it.
    pub(crate) fn acquire(folder: &Path) -> Result<ProfileLock> {
        Self::acquire_waiting(folder, |tries| {
            if tries >= TRIES {
                return false;
            }
            std::thread::sleep(BETWEEN_TRIES);
            true
        })
    }

    /// [`ProfileLock::acquire`], with `wait_again(tries so far)` called each time another
    /// process holds the lock: it waits and says whether to ask again.
    fn acquire_waiting(
        folder: &Path,
        mut wait_again: impl FnMut(u32) -> bool,
    ) -> Result<ProfileLock> {
        let key = folder
            .canonicalize()
            .unwrap_or_else(|_| folder.to_path_buf());
        if held().as_ref().is_some_and(|set| set.contains(&key)) {
            return Err(Error::ProfileInUse);
        }
        let path = folder.join(LOCK_FILE);
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = match options.open(&path) {
            Ok(file) => file,
            // A folder (or drive) that cannot be written: the profile cannot be opened to
            // change it, so say so before the database is touched.
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
                ) =>
            {
                return Err(Error::ReadOnly)
            }
            Err(e) => return Err(e.into()),
        };
        let mut tries = 0;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {
                    if !wait_again(tries) {
                        return Err(Error::ProfileInUse);
                    }
                    tries += 1;
                }
                Err(TryLockError::Error(e)) => return Err(e.into()),
            }
        }
        let mut held = held();
        let set = held.get_or_insert_with(HashSet::new);
        if !set.insert(key.clone()) {
            // Taken in this process between the check above and now.
            return Err(Error::ProfileInUse);
        }
        Ok(ProfileLock { file, folder: key })
    }
}

impl Drop for ProfileLock {
    fn drop(&mut self) {
        // The operating system's lock goes first, so no one sees it held once the list says free.
        let _ = self.file.unlock();
        if let Some(set) = held().as_mut() {
            set.remove(&self.folder);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Another holder of the same file, as a starting child process's copy would be.
    fn other_holder(folder: &Path) -> File {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(folder.join(LOCK_FILE))
            .expect("opens");
        file.try_lock().expect("takes it first");
        file
    }

    #[test]
    fn a_holder_that_lets_go_while_it_is_asked_again_does_not_make_the_profile_in_use() {
        let dir = tempfile::tempdir().expect("dir");
        let mut other = Some(other_holder(dir.path()));
        let lock = ProfileLock::acquire_waiting(dir.path(), |_| {
            // The child has started its program: its copy is gone.
            other.take();
            true
        })
        .expect("taken once the other lets go");
        drop(lock);
    }

    #[test]
    fn a_holder_that_keeps_it_makes_the_profile_in_use() {
        let dir = tempfile::tempdir().expect("dir");
        let _other = other_holder(dir.path());
        let mut asked = 0;
        let err = ProfileLock::acquire_waiting(dir.path(), |tries| {
            asked += 1;
            tries < 3
        })
        .expect_err("still held");
        assert_eq!(err.code(), "profile_in_use");
        assert_eq!(asked, 4, "asked again a bounded number of times");
    }

    #[test]
    fn a_second_lock_in_this_process_is_refused_at_once_and_freed_on_drop() {
        let dir = tempfile::tempdir().expect("dir");
        let first = ProfileLock::acquire(dir.path()).expect("first");
        let err = ProfileLock::acquire_waiting(dir.path(), |_| panic!("no waiting in-process"))
            .expect_err("second");
        assert_eq!(err.code(), "profile_in_use");
        drop(first);
        ProfileLock::acquire(dir.path()).expect("free again");
    }
}
