//! How long documents take to make: a realistic ten-page appointment pack and every letter and
//! form, as finished PDFs (layout, font subsetting, compression); the pack and GP letter also as
//! layout only; and a long case's pack at 10, 50 and 100 pages, to show the cost per page stays
//! the same as the pack grows.
//!
//! Run: `cargo bench -p backend --bench documents`.

use std::hint::black_box;

use backend::cases::CaseDetails;
use backend::content::Content;
use backend::documents::{
    carer_authorisation, clinician_summary, consultant_request_letter, decision_letter,
    decision_summary, gp_request_letter, gp_request_letter_layout, prep_pack, prep_pack_layout,
    records_request_letter, recovery_sheet, CarerAuthorisation, Decision, DocumentOptions,
    LetterWords, Medicine, PrepPack, QuestionTopic, RecordsRequestLetter, RecoverySheet,
    TimelineEntry,
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

/// A long case: the sample pack grown to `n` × (4 questions, 2 timeline lines, 1 medicine),
/// the proportions of a long case of 200 questions, 100 timeline lines and 50 medicines (n = 50).
fn long_pack(n: usize) -> PrepPack {
    let mut pack = sample::pack();
    pack.question_topics = (0..(4 * n).div_ceil(10))
        .map(|t| QuestionTopic {
            topic: format!("Questions, part {}", t + 1),
            questions: (0..10)
                .map(|q| {
                    format!(
                        "Question {}: what would this mean for my shoulder, my sleep and my \
                         work over the next few months?",
                        t * 10 + q + 1
                    )
                })
                .collect(),
        })
        .collect();
    pack.timeline = (0..2 * n)
        .map(|i| TimelineEntry {
            when: format!("Week {}", i + 1),
            what_happened: "Saw the physiotherapist; the pain at night was about the same, \
                            and I could lift my arm a little higher."
                .into(),
        })
        .collect();
    pack.medicines = (0..n)
        .map(|i| Medicine {
            name: format!("Medicine {}", i + 1),
            dose: "One tablet each morning".into(),
            notes: "Started by my GP; no side effects so far.".into(),
        })
        .collect();
    pack
}

fn pages(pack: &PrepPack, date: NaiveDate, options: &DocumentOptions) -> usize {
    prep_pack_layout(pack, date, options)
        .expect("layout")
        .pages
        .len()
}

/// The smallest long case whose pack has at least `target` pages.
fn long_pack_of(target: usize, date: NaiveDate, options: &DocumentOptions) -> (usize, PrepPack) {
    let (mut low, mut high) = (1, 1);
    while pages(&long_pack(high), date, options) < target {
        low = high;
        high *= 2;
    }
    while low < high {
        let mid = (low + high) / 2;
        if pages(&long_pack(mid), date, options) < target {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    (high, long_pack(high))
}

fn long_packs(c: &mut Criterion) {
    let date = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
    let options = DocumentOptions::default();
    eprintln!(
        "the long case (200 questions, 100 timeline lines, 50 medicines): {} pages",
        pages(&long_pack(50), date, &options)
    );
    let mut group = c.benchmark_group("prep pack by length");
    group.sample_size(20);
    for target in [10, 50, 100] {
        let (n, pack) = long_pack_of(target, date, &options);
        let made = prep_pack(&pack, date, &options).expect("pack");
        eprintln!(
            "{} pages: {} questions, {} timeline lines, {} medicines; {} bytes",
            pages(&pack, date, &options),
            4 * n,
            2 * n,
            n,
            made.bytes.len()
        );
        group.bench_function(format!("{target} pages, as a finished PDF"), |b| {
            b.iter(|| prep_pack(black_box(&pack), date, &options))
        });
        group.bench_function(format!("{target} pages, layout only"), |b| {
            b.iter(|| prep_pack_layout(black_box(&pack), date, &options))
        });
    }
    group.finish();
}

criterion_group!(benches, documents, long_packs);
criterion_main!(benches);
