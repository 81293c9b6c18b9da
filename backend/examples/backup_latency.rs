//! Measures how long a cheap command waits while the daily backup of a large profile is made:
//! the window stays responsive only if that wait is short.
//!
//! ```text
//! cargo run -p backend --example backup_latency -- [notes] [characters per note]
//! ```
//!
//! It makes a profile with `notes` notes (3,000 unless given) of `characters` each (2,000), then,
//! a day later (so the backup is due), calls one command that finds the backup due while
//! another thread calls a cheap command (`list_cases`) every 5 ms. It prints how long the first
//! call took, how long the backup took to appear, the slowest and median cheap call, and how
//! long a lock takes when it comes in the middle of a backup.

use std::time::{Duration, Instant};

use backend::app::{self, Now, Session};
use backend::cases::CaseDetails;
use chrono::{FixedOffset, TimeZone};
use rand::{rngs::StdRng, SeedableRng};

fn at(day: u32) -> Now {
    Now::at(
        FixedOffset::east_opt(0)
            .expect("offset")
            .with_ymd_and_hms(2026, 11, day, 10, 0, 0)
            .single()
            .expect("a time"),
    )
}

fn main() {
    let mut args = std::env::args().skip(1);
    let notes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3_000);
    let chars: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let session = Session::for_tests(dir.path());
    let first = at(20);
    let made = app::profiles::create_profile(
        &session,
        &first,
        &mut StdRng::seed_from_u64(1),
        "Large",
        "a passphrase for the measurement",
    )
    .expect("profile");
    let case = app::cases::create_case(
        &session,
        &first,
        &CaseDetails {
            patient_name: "A Person".into(),
            ..Default::default()
        },
    )
    .expect("case")
    .case
    .id;
    let text: String = "Words of a long note about the appointment. "
        .chars()
        .cycle()
        .take(chars)
        .collect();
    let started = Instant::now();
    for _ in 0..notes {
        app::notes::add_note(&session, &first, case, &text).expect("note");
    }
    let db = dir
        .path()
        .join("profiles")
        .join(&made.profile.id)
        .join("cases.db");
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(db.with_file_name("cases.db-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
    println!(
        "profile: {notes} notes of {chars} characters, database {:.1} MB, made in {:.1} s",
        size as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let backups_before = app::backups::list_backups(&session, &made.profile.id)
        .expect("backups")
        .len();

    // A day later the backup is due; the first command finds it so.
    let next = at(21);
    let (first_call, latencies) = std::thread::scope(|s| {
        let due = s.spawn(|| {
            let t = Instant::now();
            app::cases::list_cases(&session, &next).expect("list");
            t.elapsed()
        });
        let cheap = s.spawn(|| {
            std::thread::sleep(Duration::from_millis(2));
            let mut out = Vec::new();
            let until = Instant::now() + Duration::from_secs(3);
            while Instant::now() < until {
                let t = Instant::now();
                app::cases::list_cases(&session, &next).expect("list");
                out.push(t.elapsed());
                std::thread::sleep(Duration::from_millis(5));
            }
            out
        });
        (due.join().expect("due"), cheap.join().expect("cheap"))
    });
    let backed_up = Instant::now();
    while app::backups::list_backups(&session, &made.profile.id)
        .expect("backups")
        .len()
        <= backups_before
    {
        assert!(
            backed_up.elapsed() < Duration::from_secs(120),
            "no backup made"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let mut sorted = latencies.clone();
    sorted.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "the call that found the backup due: {:.1} ms; the backup there after {:.1} ms more",
        ms(first_call),
        ms(backed_up.elapsed())
    );
    println!(
        "a cheap command meanwhile ({} calls): slowest {:.1} ms, median {:.1} ms",
        sorted.len(),
        ms(*sorted.last().expect("calls")),
        ms(sorted[sorted.len() / 2])
    );

    // The next day, a lock straight after the command that starts the backup: the backup is
    // stopped, so the lock does not wait for the whole copy.
    let day_after = at(22);
    app::cases::list_cases(&session, &day_after).expect("list");
    std::thread::sleep(Duration::from_millis(20));
    let t = Instant::now();
    app::profiles::lock_profile(&session);
    let folder = dir
        .path()
        .join("profiles")
        .join(&made.profile.id)
        .join("backups");
    let left: Vec<String> = std::fs::read_dir(&folder)
        .expect("backups")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    println!(
        "a lock 20 ms into the next day's backup: {:.1} ms; part-made files left: {}",
        ms(t.elapsed()),
        left.len()
    );
}
