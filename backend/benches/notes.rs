//! Notes: searching 10,000 notes with SQLite FTS5 in an encrypted profile, adding a note, and
//! loading everything the case screen shows (the case, its journey and its notes).
//!
//! Run: `cargo bench -p backend --bench notes`.

use std::hint::black_box;

use backend::cases::{CaseDetails, DatabaseKey, Nation, Store};
use chrono::{FixedOffset, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use rand::{rngs::StdRng, RngExt, SeedableRng};

const NOTES: usize = 10_000;

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

fn notes(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let key = DatabaseKey::generate(&mut StdRng::seed_from_u64(1));
    let mut store = Store::open_encrypted(&dir.path().join("cases.db"), &key).expect("creates");
    let now = Utc
        .with_ymd_and_hms(2026, 11, 21, 10, 0, 0)
        .single()
        .expect("time");
    let written = FixedOffset::east_opt(0)
        .expect("offset")
        .with_ymd_and_hms(2026, 11, 21, 10, 0, 0)
        .single()
        .expect("time");
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
    let mut rng = StdRng::seed_from_u64(2);
    // 10,000 notes on one case (each add is its own durable transaction, as in the app).
    let start = std::time::Instant::now();
    for _ in 0..NOTES {
        store
            .add_note(case, &note_text(&mut rng), written)
            .expect("adds");
    }
    eprintln!(
        "added {NOTES} notes in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    // A rare word, so the search also has a needle to find.
    store
        .add_note(case, "The echocardiogram is on Friday", written)
        .expect("adds");
    for q in [
        "consultant",
        "echocardiogram",
        "cons",
        "scan results",
        "ysbyty meddyg",
    ] {
        let n = store.search_notes(case, q).expect("searches").len();
        eprintln!("search {q:?}: {n} notes");
    }

    let mut group = c.benchmark_group("notes (10,000, encrypted)");
    group.sample_size(20);
    group.bench_function("search a rare word", |b| {
        b.iter(|| {
            store
                .search_notes(case, black_box("echocardiogram"))
                .expect("s")
        })
    });
    group.bench_function("search two words", |b| {
        b.iter(|| {
            store
                .search_notes(case, black_box("scan results"))
                .expect("s")
        })
    });
    group.bench_function("search a prefix", |b| {
        b.iter(|| store.search_notes(case, black_box("echo")).expect("s"))
    });
    group.bench_function("search a common word", |b| {
        b.iter(|| {
            store
                .search_notes(case, black_box("consultant"))
                .expect("s")
        })
    });
    group.bench_function("list all notes", |b| {
        b.iter(|| store.list_notes(black_box(case)).expect("lists"))
    });
    group.bench_function("add a note (durable)", |b| {
        b.iter(|| {
            store
                .add_note(case, black_box("Rang the clinic again"), written)
                .expect("adds")
        })
    });
    group.finish();
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
                let notes = store.list_notes(case.id).expect("notes");
                (case, journey, notes)
            })
        },
    );
}

criterion_group!(benches, notes, case_screen);
criterion_main!(benches);
