//! The files kept in a case: judging a 20 MB scan as it is added (its type from the bytes, its
//! pages, its SHA-256), adding it to an encrypted profile (one durable transaction), listing a
//! case of 500 files (which reads none of their bytes), and reading one back, checked against
//! its SHA-256 (what showing a picture or saving a copy does first), and drawing a PDF's page
//! for the window (the 20 MB scan, and a typed two-page-style letter). The bundle has a
//! benchmark of its own (`benches/bundle.rs`).
//!
//! Run: `cargo bench -p backend --bench attachments`.

use std::hint::black_box;

use backend::cases::{
    judge, AttachmentDetails, CaseDetails, CaseId, DatabaseKey, NewAttachment, Store,
};
use backend::content::Content;
use backend::documents::{gp_request_letter, page_picture, DocumentOptions};
use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use rand::{rngs::StdRng, SeedableRng};

mod scan;

const MB: usize = 1024 * 1024;

/// An encrypted store in a folder of its own, with one case.
fn store() -> (tempfile::TempDir, Store, CaseId) {
    let dir = tempfile::tempdir().expect("temp dir");
    let key = DatabaseKey::generate(&mut StdRng::seed_from_u64(3));
    let mut store = Store::open_encrypted(&dir.path().join("cases.db"), &key).expect("opens");
    let now = Utc
        .with_ymd_and_hms(2026, 12, 3, 10, 0, 0)
        .single()
        .expect("time");
    let case = store
        .create_case(&CaseDetails::default(), now)
        .expect("case");
    (dir, store, case.id)
}

fn details(i: usize) -> AttachmentDetails {
    AttachmentDetails {
        title: format!("Letter from the clinic {i}"),
        dated: chrono::NaiveDate::from_ymd_opt(2026, 1 + (i % 12) as u32, 1 + (i % 28) as u32),
        answers: None,
    }
}

fn attachments(c: &mut Criterion) {
    let now = Utc
        .with_ymd_and_hms(2026, 12, 3, 10, 0, 0)
        .single()
        .expect("time");
    let scan = scan::scan_pdf(20 * MB);
    let judged = judge(&scan).expect("a PDF");
    let mut group = c.benchmark_group("attachments");
    group.sample_size(10);
    group.bench_function("judge a 20 MB PDF (type, pages, SHA-256)", |b| {
        b.iter(|| judge(black_box(&scan)).expect("a PDF"))
    });
    // A fresh profile each time: the files one profile may hold are limited.
    group.bench_function("add a 20 MB PDF (encrypted, durable)", |b| {
        b.iter_batched(
            store,
            |(_dir, mut store, case)| {
                let new = NewAttachment {
                    details: &details(0),
                    bytes: &scan,
                    judged: &judged,
                };
                store.add_attachment(case, &new, now).expect("added")
            },
            BatchSize::PerIteration,
        )
    });

    let (_dir, mut store, case) = store();
    let small = scan::scan_pdf(20 * 1024);
    let small_judged = judge(&small).expect("a PDF");
    for i in 0..500 {
        let new = NewAttachment {
            details: &details(i),
            bytes: &small,
            judged: &small_judged,
        };
        store.add_attachment(case, &new, now).expect("added");
    }
    let big = NewAttachment {
        details: &details(500),
        bytes: &scan,
        judged: &judged,
    };
    let big_id = store.add_attachment(case, &big, now).expect("added").id;
    group.bench_function("list a case of 501 files", |b| {
        b.iter(|| store.attachments(black_box(case)).expect("listed"))
    });
    group.bench_function("read back a 20 MB file, checked", |b| {
        b.iter(|| store.attachment_bytes(black_box(big_id)).expect("read"))
    });
    // What "Show" draws: a page 1,200 pixels wide, as the window asks.
    group.bench_function("show page 1 of the 20 MB scan, 1200 px wide", |b| {
        b.iter(|| page_picture(black_box(&scan), 0, 1200).expect("drawn"))
    });
    let letter = gp_request_letter(
        &CaseDetails {
            patient_name: "Margaret Ellison".into(),
            patient_address: "14 Orchard Lane\nBebington\nWirral\nCH63 8QT".into(),
            diagnosis: "Frozen shoulder".into(),
            ..CaseDetails::default()
        },
        Content::embedded().expect("content"),
        now.date_naive(),
        &DocumentOptions::default(),
    )
    .expect("letter");
    group.bench_function("show page 1 of a typed letter, 1200 px wide", |b| {
        b.iter(|| page_picture(black_box(&letter.bytes), 0, 1200).expect("drawn"))
    });
    group.finish();
}

criterion_group!(benches, attachments);
criterion_main!(benches);
