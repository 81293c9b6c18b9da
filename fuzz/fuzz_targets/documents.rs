//! Any text in a case and its journey, printed as every document: PDF bytes, or a clear
//! `invalid_input`/`document` refusal. Never panics.
//!
//! The first byte picks the nation, the options and a date; the second picks the document (one
//! a run, so each run is quick and the fuzzer tries many more inputs in its time); the rest is
//! split at 0xFF bytes into fields (lossy UTF-8).
#![no_main]

use backend::cases::{CaseDetails, Nation};
use backend::content::Content;
use backend::documents::pack::{self, DocumentKind};
use backend::documents::{DocumentOptions, Paper};
use backend::journey::Journey;
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

const KINDS: [DocumentKind; 7] = [
    DocumentKind::GpLetter,
    DocumentKind::ConsultantLetter,
    DocumentKind::CarerAuthorisation,
    DocumentKind::RecordsRequest,
    DocumentKind::PrepPack,
    DocumentKind::DecisionLetter,
    DocumentKind::DecisionSummary,
];

fuzz_target!(|data: &[u8]| {
    let [first, which, rest @ ..] = data else {
        return;
    };
    let (first, kind) = (*first, KINDS[usize::from(*which) % KINDS.len()]);
    let f: Vec<String> = rest
        .split(|b| *b == 0xFF)
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .chain(std::iter::repeat(String::new()))
        .take(16)
        .collect();
    let date = NaiveDate::from_ymd_opt(1900 + i32::from(first), 2, 28);
    let case = CaseDetails {
        patient_name: f[0].clone(),
        patient_address: f[1].clone(),
        nation: Some(Nation::ALL[usize::from(first % 4)]),
        diagnosis: f[2].clone(),
        reason: f[3].clone(),
        first_doctor_name: f[4].clone(),
        first_doctor_workplace: f[5].clone(),
        gp_practice_name: f[6].clone(),
        gp_practice_address: f[7].clone(),
        date_of_birth: date,
        nhs_number: f[8].clone(),
    };
    let mut journey = Journey {
        treatment_proposed: f[9].clone(),
        carer_name: f[10].clone(),
        records_holder: f[11].clone(),
        allergies: f[12].clone(),
        decision: f[13].clone(),
        asked_on: date,
        ..Default::default()
    };
    journey.appointment.with_whom = f[14].clone();
    journey.second_opinion.diagnosis = f[15].clone();
    journey.timeline.push(backend::journey::TimelineLine {
        when: f[14].clone(),
        what: f[15].clone(),
    });
    let options = DocumentOptions {
        paper: if first & 0x10 == 0 {
            Paper::A4
        } else {
            Paper::UsLetter
        },
        large_print: first & 0x20 != 0,
        // Sometimes a helper writes the letters for the patient.
        written_by: (first & 0x40 != 0).then(|| backend::documents::WrittenBy {
            carer_name: f[0].clone(),
            relationship: f[1].clone(),
        }),
        // The communication needs come from the journey when a letter is made.
        ..DocumentOptions::default()
    };
    let content = Content::embedded().expect("the shipped content loads");
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("valid date");
    match pack::document(kind, &case, &journey, content, today, &options) {
        Ok(doc) => assert!(doc.bytes.starts_with(b"%PDF-")),
        Err(e) => assert!(
            matches!(e.code(), "invalid_input" | "document"),
            "{}",
            e.code()
        ),
    }
});
