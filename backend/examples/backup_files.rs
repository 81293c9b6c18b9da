//! What the person's own files do to backups: how large each backup is, how long the daily
//! backup takes, and how many are kept, with hundreds of megabytes of records.
//!
//! ```text
//! cargo run --release -p backend --example backup_files -- [megabytes of records]
//! ```
//!
//! It makes a profile with one case holding 20 MB scans (300 MB in all unless given), then uses
//! the profile on seven days in a row: each day's first command starts that day's backup, which
//! is waited for. Each day prints how long the backup took, and how many backups are kept and
//! how much they take together (see `profiles::how_many_to_keep`).

use std::time::Instant;

use backend::app::{self, Now, Session};
use backend::cases::CaseDetails;
use chrono::{FixedOffset, TimeZone};
use rand::{rngs::StdRng, SeedableRng};

#[path = "../benches/scan/mod.rs"]
mod scan;

const MB: u64 = 1024 * 1024;

fn at(day: u32) -> Now {
    Now::at(
        FixedOffset::east_opt(0)
            .expect("offset")
            .with_ymd_and_hms(2026, 11, day, 10, 0, 0)
            .single()
            .expect("a time"),
    )
}

/// How many backups the profile folder holds, and their bytes together.
fn backups(data: &std::path::Path) -> (usize, u64) {
    let mut count = 0;
    let mut bytes = 0;
    let profiles = data.join("profiles");
    for profile in std::fs::read_dir(profiles)
        .expect("profiles folder")
        .flatten()
    {
        let Ok(entries) = std::fs::read_dir(profile.path().join("backups")) else {
            continue;
        };
        for entry in entries.flatten() {
            count += 1;
            bytes += entry.metadata().map(|m| m.len()).unwrap_or(0);
        }
    }
    (count, bytes)
}

fn main() {
    let megabytes: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(300);
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let session = Session::for_tests(&data);
    let first = at(20);
    app::profiles::create_profile(
        &session,
        &first,
        &mut StdRng::seed_from_u64(1),
        "Measure",
        "a passphrase for the measurement",
    )
    .expect("profile");
    let case = app::cases::create_case(
        &session,
        &first,
        &CaseDetails {
            patient_name: "Someone Measured".into(),
            ..CaseDetails::default()
        },
    )
    .expect("case");
    let scan = scan::scan_pdf(20 * MB as usize);
    let offered = dir.path().join("offered");
    std::fs::create_dir(&offered).expect("folder");
    let files = megabytes.div_ceil(20);
    for i in 0..files {
        // Each scan differs by its last bytes, as real records would.
        let path = offered.join(format!("scan-{i}.pdf"));
        let mut bytes = scan.clone();
        bytes.extend_from_slice(format!("\n% scan {i}\n").as_bytes());
        std::fs::write(&path, bytes).expect("written");
        app::attachments::add_attachment(&session, &first, case.case.id, &path, None)
            .expect("added");
    }
    session.wait_for_backup();
    let (count, bytes) = backups(&data);
    println!(
        "{files} scans of 20 MB ({} MB of records); day 1: {count} backup(s), {} MB",
        files * 20,
        bytes / MB
    );
    for day in 2..=7 {
        let now = at(19 + day);
        let started = Instant::now();
        app::cases::list_cases(&session, &now).expect("listed");
        session.wait_for_backup();
        let took = started.elapsed();
        let (count, bytes) = backups(&data);
        println!(
            "day {day}: the backup took {:.2} s; {count} backups kept, {} MB together",
            took.as_secs_f64(),
            bytes / MB
        );
    }
}
