//! How long documents take to make: a realistic ten-page appointment pack and every letter and
//! form, as finished PDFs (layout, font subsetting, compression); the pack and GP letter also as
//! layout only.
//!
//! Run: `cargo bench -p backend --bench documents`.

use std::hint::black_box;

use backend::cases::CaseDetails;
use backend::content::Content;
use backend::documents::{
    carer_authorisation, clinician_summary, consultant_request_letter, decision_letter,
    decision_summary, gp_request_letter, gp_request_letter_layout, prep_pack, prep_pack_layout,
    records_request_letter, recovery_sheet, CarerAuthorisation, Decision, DocumentOptions,
    LetterWords, RecordsRequestLetter, RecoverySheet,
};
use backend::journey::{Opinion, SaidTheSame, SameAnswers};
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
        date_of_birth: chrono::NaiveDate::from_ymd_opt(1954, 3, 9),
        nhs_number: "943 476 5919".into(),
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

    let request = RecordsRequestLetter {
        records_holder: "Church Road Medical Practice".into(),
        holder_address: "2 Church Road\nBebington".into(),
        asked: date,
        date_of_birth: NaiveDate::from_ymd_opt(1951, 3, 9),
        nhs_number: "943 476 5919".into(),
    };
    let consent = CarerAuthorisation {
        carer_name: "Joanne Ellison".into(),
        relationship: "daughter".into(),
        from: Some(date),
        ..Default::default()
    };
    let decision = Decision {
        second_doctor_name: "Ms Priya Raman".into(),
        second_doctor_workplace: "Clatterbridge Hospital".into(),
        first_opinion: Opinion {
            diagnosis: "Frozen shoulder".into(),
            recommendation: "Arthroscopic capsular release".into(),
            ..Default::default()
        },
        second_opinion: Opinion {
            diagnosis: "Frozen shoulder".into(),
            recommendation: "Hydrodilatation first, then review".into(),
            ..Default::default()
        },
        decision: "Try hydrodilatation first".into(),
        reasons: "It is less invasive and I can still have the operation later.".into(),
        same_answers: SameAnswers {
            diagnosis: Some(SaidTheSame::Yes),
            recommendation: Some(SaidTheSame::No),
            ..Default::default()
        },
    };
    let summary = sample::clinician_summary();
    let sheet = RecoverySheet {
        profile_name: "Margaret".into(),
        made: date,
    };
    c.bench_function("consultant_letter_pdf", |b| {
        b.iter(|| consultant_request_letter(black_box(&case), content, date, &options))
    });
    c.bench_function("records_request_pdf", |b| {
        b.iter(|| records_request_letter(black_box(&case), &request, content, date, &options))
    });
    c.bench_function("carer_authorisation_pdf", |b| {
        b.iter(|| carer_authorisation(black_box(&case), &consent, content, date, &options))
    });
    c.bench_function("decision_letter_pdf", |b| {
        b.iter(|| decision_letter(black_box(&case), &decision, content, date, &options))
    });
    c.bench_function("decision_summary_pdf", |b| {
        b.iter(|| decision_summary(black_box(&case), &decision, date, &options))
    });
    c.bench_function("clinician_summary_pdf", |b| {
        b.iter(|| clinician_summary(black_box(&summary), date, &options))
    });
    c.bench_function("recovery_sheet_pdf", |b| {
        b.iter(|| recovery_sheet(black_box(&sheet), &options))
    });
}

criterion_group!(benches, documents);
criterion_main!(benches);
