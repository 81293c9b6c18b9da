//! Exporting and importing a profile hold a few blocks of it in memory at a time, never the
//! whole database (once or twice): a profile of years of notes must import on a small laptop.
//! Measured by a counting allocator (Rust's heap; SQLCipher's own page cache is outside it and
//! bounded by its cache size). `backend/examples/export_memory.rs` measures the whole process.
//!
//! One test in this file: the allocator's peak is shared by every thread.

use backend::cases::{CaseDetails, Nation};
use backend::profiles::{KdfParams, Profiles};
use chrono::{FixedOffset, TimeZone, Utc};
use peak_alloc::PeakAlloc;
use rand::{rngs::StdRng, SeedableRng};

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

const PASS: &str = "correct horse battery staple";
/// Far less than the database: only blocks of it may be held.
const MOST_HEAP: usize = 4 * 1024 * 1024;

/// The heap taken at the peak of `f`, beyond what was in use when it started.
fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    HEAP.reset_peak_usage();
    let before = HEAP.current_usage();
    let out = f();
    (out, HEAP.peak_usage().saturating_sub(before))
}

#[test]
fn a_large_profile_is_exported_and_imported_a_block_at_a_time() {
    let here = tempfile::tempdir().expect("temp dir");
    let there = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(here.path().join("profiles"));
    let (mut open, _) = profiles
        .create(
            "Ann",
            PASS,
            KdfParams::INSECURE_FOR_TESTS,
            &mut StdRng::seed_from_u64(1),
        )
        .expect("creates");
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 10, 0, 0).unwrap();
    let case = open
        .store_mut()
        .create_case(
            &CaseDetails {
                patient_name: "Ann Example".into(),
                nation: Some(Nation::Wales),
                ..Default::default()
            },
            now,
        )
        .expect("case");
    let written = FixedOffset::east_opt(0)
        .unwrap()
        .from_utc_datetime(&now.naive_utc());
    // About 16 MB of notes: four times the heap allowed.
    for i in 0..800 {
        let text = format!("note {i:04} ").repeat(20_000 / 10);
        open.store_mut()
            .add_note(case.id, &text, written)
            .expect("note");
    }
    let file = here.path().join("ann.soprofile");

    let (exported, export_peak) = peak_during(|| {
        profiles.export(
            &open,
            &file,
            "export passphrase",
            &mut StdRng::seed_from_u64(2),
        )
    });
    exported.expect("exports");
    let size = std::fs::metadata(&file).expect("export file").len();
    assert!(size > 4 * MOST_HEAP as u64, "the export is {size} bytes");
    assert!(
        export_peak < MOST_HEAP,
        "exporting {size} bytes held {export_peak} bytes of heap at once"
    );

    let elsewhere = Profiles::at(there.path());
    let (imported, import_peak) =
        peak_during(|| elsewhere.import(&file, "export passphrase", &mut StdRng::seed_from_u64(3)));
    let (imported, _) = imported.expect("imports");
    assert!(
        import_peak < MOST_HEAP,
        "importing {size} bytes held {import_peak} bytes of heap at once"
    );
    eprintln!(
        "{size} bytes: export held {export_peak}, import {import_peak} bytes of heap at most"
    );
    let notes = imported.store().list_notes(case.id).expect("notes");
    assert_eq!(notes.len(), 800, "every note came across");
    assert!(notes.iter().all(|n| n.text.len() == 20_000));
}
