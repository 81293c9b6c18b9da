//! Notes: the first page of a search or of the list over 10,000 and 100,000 notes (SQLite FTS5,
//! ranked by bm25, in an encrypted profile), adding a note, and loading everything the case
//! screen shows (the case, its journey and its first page of notes).
//!
//! Run: `cargo bench -p backend --bench notes`.

use std::hint::black_box;

use backend::cases::{CaseDetails, CaseId, DatabaseKey, Nation, Store};
use chrono::{FixedOffset, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use rand::{rngs::StdRng, RngExt, SeedableRng};

const WORDS: &[&str] = &[
    "rang",
    "clinic",
    "appointment",
    "letter",
    "scan",
    "results",
    "GP",
    "surgery",
    "consultant",
    "referral",
    "waiting",
    "list",
    "pain",
    "shoulder",
    "physiotherapy",
    "medicine",
    "dose",
    "tablets",
    "morning",
    "evening",
    "daughter",
    "son",
    "lift",
    "hospital",
    "ward",
    "nurse",
    "receptionist",
    "booked",
    "cancelled",
    "moved",
    "Tuesday",
    "Friday",
    "question",
    "answer",
    "operation",
    "biopsy",
    "blood",
    "test",
    "x-ray",
    "MRI",
    "records",
    "copy",
    "post",
    "email",
    "phone",
    "call",
    "back",
    "weeks",
    "months",
    "ŵyr",
    "meddyg",
    "ysbyty",
    "Zażółć",
    "🙂",
];

fn note_text(rng: &mut StdRng) -> String {
    let len = rng.random_range(8..60);
    (0..len)
        .map(|_| WORDS[rng.random_range(0..WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

fn set_synchronous(store: &Store, mode: &str) {
    store
        .connection_for_tests()
        .pragma_update(None, "synchronous", mode)
        .expect("pragma");
}

/// A case with `count` notes of random words, and one rare word, in an encrypted profile.
fn case_with_notes(count: usize, seed: u64) -> (tempfile::TempDir, Store, CaseId) {
    let dir = tempfile::tempdir().expect("temp dir");
    let key = DatabaseKey::generate(&mut StdRng::seed_from_u64(seed));
    let mut store = Store::open_encrypted(&dir.path().join("cases.db"), &key).expect("creates");
    let now = Utc
        .with_ymd_and_hms(2026, 11, 21, 10, 0, 0)
        .single()
        .expect("time");
    let written = now.fixed_offset();
    let case = store
        .create_case(
            &CaseDetails {
                patient_name: "Margaret Ellison".into(),
                nation: Some(Nation::England),
                ..Default::default()
            },
            now,
        )
        .expect("case")
        .id;
    let mut rng = StdRng::seed_from_u64(seed + 1);
    // Filling is set-up, not measured: each add is its own transaction as in the app, but not
    // flushed to disk one by one, so 100,000 notes take seconds rather than minutes.
    let start = std::time::Instant::now();
    set_synchronous(&store, "OFF");
    for _ in 0..count {
        store
            .add_note(case, &note_text(&mut rng), written)
            .expect("adds");
    }
    set_synchronous(&store, "FULL");
    eprintln!(
        "added {count} notes in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    // A rare word, so the search also has a needle to find.
    store
        .add_note(case, "The echocardiogram is on Friday", written)
        .expect("adds");
    (dir, store, case)
}

/// The first page of each query shape, at 10,000 notes and at 100,000 to show how cost grows;
/// at 10,000 also every match at once, as the notes screen read them before it was paged.
fn notes(c: &mut Criterion) {
    for (count, label) in [(10_000, "10,000"), (100_000, "100,000")] {
        let (_dir, mut store, case) = case_with_notes(count, u64::try_from(count).expect("fits"));
        for q in ["consultant", "echocardiogram", "cons", "scan results"] {
            let page = store.notes_page(case, q, 0).expect("searches");
            eprintln!(
                "{label}: {q:?} first page {} notes, more: {}",
                page.notes.len(),
                page.more
            );
        }
        let mut group = c.benchmark_group(format!("notes ({label}, encrypted)"));
        group.sample_size(20);
        for (name, q) in [
            ("first page: a rare word", "echocardiogram"),
            ("first page: two words", "scan results"),
            ("first page: a prefix", "cons"),
            ("first page: a common word", "consultant"),
            ("first page: the list", ""),
        ] {
            group.bench_function(name, |b| {
                b.iter(|| store.notes_page(case, black_box(q), 0).expect("page"))
            });
        }
        group.bench_function("the list's twentieth page", |b| {
            b.iter(|| {
                store
                    .notes_page(case, "", black_box(19 * backend::cases::NOTES_PAGE))
                    .expect("page")
            })
        });
        if count == 10_000 {
            group.bench_function("every match of a common word (unpaged)", |b| {
                b.iter(|| {
                    store
                        .search_notes(case, black_box("consultant"))
                        .expect("s")
                })
            });
            group.bench_function("every note (unpaged)", |b| {
                b.iter(|| store.list_notes(black_box(case)).expect("lists"))
            });
            let written = FixedOffset::east_opt(0)
                .expect("offset")
                .with_ymd_and_hms(2026, 11, 21, 10, 0, 0)
                .single()
                .expect("time");
            group.bench_function("add a note (durable)", |b| {
                b.iter(|| {
                    store
                        .add_note(case, black_box("Rang the clinic again"), written)
                        .expect("adds")
                })
            });
        }
        group.finish();
    }
}

fn case_screen(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let key = DatabaseKey::generate(&mut StdRng::seed_from_u64(3));
    let mut store = Store::open_encrypted(&dir.path().join("cases.db"), &key).expect("creates");
    let now = Utc
        .with_ymd_and_hms(2026, 11, 21, 10, 0, 0)
        .single()
        .expect("time");
    let written = now.fixed_offset();
    let case = store
        .create_case(&CaseDetails::default(), now)
        .expect("case")
        .id;
    let mut rng = StdRng::seed_from_u64(4);
    for _ in 0..50 {
        store
            .add_note(case, &note_text(&mut rng), written)
            .expect("adds");
    }
    // Opening a case: the case, its journey and its notes, as the case screen asks for them.
    c.bench_function(
        "load the case screen (case, journey, 50 notes; encrypted)",
        |b| {
            b.iter(|| {
                let case = store.case(black_box(case)).expect("case");
                let journey = store.journey(case.id).expect("journey");
                let notes = store.notes_page(case.id, "", 0).expect("notes");
                (case, journey, notes)
            })
        },
    );
}

criterion_group!(benches, notes, case_screen);
criterion_main!(benches);
