//! How long documents take to make: the GP letter and a realistic ten-page appointment pack, as
//! layout only and as finished PDFs (layout, font subsetting, compression).
//!
//! Run: `cargo bench -p backend --bench documents`.

use std::hint::black_box;

use backend::cases::CaseDetails;
use backend::content::Content;
use backend::documents::{
    gp_request_letter, gp_request_letter_layout, prep_pack, prep_pack_layout, DocumentOptions,
    LetterWords,
};
use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};

mod sample;

fn case() -> CaseDetails {
    CaseDetails {
        patient_name: "Margaret Ellison".into(),
        patient_address: "14 Orchard Lane\nHigher Bebington\nWirral\nCH63 8QT".into(),
        nation: None,
        diagnosis: "a frozen shoulder, and that an operation is the only option".into(),
        reason: "The pain has not changed after six months of physiotherapy and I would like \
                 another specialist to look at my scans before I agree to an operation."
            .into(),
        first_doctor_name: "Mr Daniel Okafor".into(),
        first_doctor_workplace: "Arrowe Park Hospital".into(),
        gp_practice_name: "Church Road Medical Practice".into(),
        gp_practice_address: "2 Church Road\nBebington\nWirral\nCH63 3DZ".into(),
    }
}

fn documents(c: &mut Criterion) {
    let content = Content::embedded().expect("content");
    let words = LetterWords::gp_request(content).expect("template");
    let date = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
    let options = DocumentOptions::default();
    let case = case();
    let pack = sample::pack();

    // Warm the font caches once, as the app does on its first document.
    let first = prep_pack(&pack, date, &options).expect("pack");
    let pages = prep_pack_layout(&pack, date, &options)
        .expect("layout")
        .pages
        .len();
    eprintln!("prep pack: {pages} pages, {} bytes", first.bytes.len());
    let letter = gp_request_letter(&case, content, date, &options).expect("letter");
    eprintln!("GP letter: {} bytes", letter.bytes.len());

    c.bench_function("gp_letter_layout", |b| {
        b.iter(|| gp_request_letter_layout(black_box(&case), &words, date, &options))
    });
    c.bench_function("gp_letter_pdf", |b| {
        b.iter(|| gp_request_letter(black_box(&case), content, date, &options))
    });
    c.bench_function("prep_pack_layout", |b| {
        b.iter(|| prep_pack_layout(black_box(&pack), date, &options))
    });
    c.bench_function("prep_pack_pdf", |b| {
        b.iter(|| prep_pack(black_box(&pack), date, &options))
    });
}

criterion_group!(benches, documents);
criterion_main!(benches);
