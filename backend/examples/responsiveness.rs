//! Measures how long a cheap command waits while a slow one runs: saving an encrypted backup
//! copy (the export) of a large profile, and adding a 20 MB PDF to a case. The window stays
//! responsive only if that wait is short (the goal: no wait over 100 ms). The daily backup has
//! its own measurement, `examples/backup_latency.rs`.
//!
//! ```text
//! cargo run --release -p backend --example responsiveness -- [notes] [megabytes of the PDF]
//! ```
//!
//! The profile uses the app's real Argon2id settings. It holds `notes` notes (3,000 unless
//! given) of 2,000 characters. While each slow command runs on one thread, another calls a
//! cheap command (`list_cases`) every 5 ms; the slowest and median of those calls are printed
//! with how long the slow command took.

use std::time::{Duration, Instant};

use backend::app::{self, Now, Session};
use backend::cases::CaseDetails;
use chrono::{FixedOffset, TimeZone};
use rand::{rngs::StdRng, SeedableRng};

#[path = "../benches/scan/mod.rs"]
mod scan;
use scan::scan_pdf;

const PASSPHRASE: &str = "a passphrase for the measurement";

fn at(hour: u32) -> Now {
    Now::at(
        FixedOffset::east_opt(0)
            .expect("offset")
            .with_ymd_and_hms(2026, 11, 20, hour, 0, 0)
            .single()
            .expect("a time"),
    )
}

/// Runs `slow` on one thread while another calls `list_cases` every 5 ms; prints the slow
/// command's time and the cheap calls' slowest and median.
fn measure(label: &str, session: &Session, now: &Now, slow: impl FnOnce() + Send) {
    let done = std::sync::atomic::AtomicBool::new(false);
    let (took, mut calls) = std::thread::scope(|s| {
        let slow = s.spawn(|| {
            let t = Instant::now();
            slow();
            done.store(true, std::sync::atomic::Ordering::SeqCst);
            t.elapsed()
        });
        let cheap = s.spawn(|| {
            let mut out = Vec::new();
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                let t = Instant::now();
                app::cases::list_cases(session, now).expect("list");
                out.push(t.elapsed());
                std::thread::sleep(Duration::from_millis(5));
            }
            out
        });
        (slow.join().expect("slow"), cheap.join().expect("cheap"))
    });
    calls.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{label}: took {:.0} ms; a cheap command meanwhile ({} calls): slowest {:.1} ms, median {:.1} ms",
        ms(took),
        calls.len(),
        calls.last().map_or(0.0, |d| ms(*d)),
        calls.get(calls.len() / 2).map_or(0.0, |d| ms(*d)),
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let notes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3_000);
    let megabytes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let dir = tempfile::tempdir().expect("temp dir");
    let session = Session::at(dir.path());
    let now = at(10);
    let mut rng = StdRng::seed_from_u64(1);
    app::profiles::create_profile(&session, &now, &mut rng, "Large", PASSPHRASE).expect("profile");
    let case = app::cases::create_case(
        &session,
        &now,
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
        .take(2_000)
        .collect();
    for _ in 0..notes {
        app::notes::add_note(&session, &now, case, &text).expect("note");
    }
    let pdf = dir.path().join("scan.pdf");
    std::fs::write(&pdf, scan_pdf(megabytes * 1_000_000)).expect("pdf written");
    println!(
        "profile: {notes} notes of 2,000 characters; a PDF of {:.1} MB; Argon2id as in the app",
        std::fs::metadata(&pdf).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    );

    measure(
        &format!("adding the {megabytes} MB PDF"),
        &session,
        &now,
        || {
            app::attachments::add_attachment(&session, &now, case, &pdf, None).expect("added");
        },
    );
    let saved = dir.path().join("saved");
    std::fs::create_dir(&saved).expect("folder");
    measure(
        "saving an encrypted backup copy (export)",
        &session,
        &now,
        || {
            let mut rng = StdRng::seed_from_u64(2);
            app::profiles::export_profile(
                &session,
                &now,
                &mut rng,
                PASSPHRASE,
                "another passphrase for the copy",
                |name| Some(saved.join(name)),
            )
            .expect("exported");
        },
    );
}
