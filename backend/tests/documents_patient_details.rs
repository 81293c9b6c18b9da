//! The patient's date of birth and NHS number on the papers a doctor or records office reads:
//! the GP letter, the letter to the consultant, the records request, the decision letter and the
//! clinician summary (alone and inside the prep pack), each made from a case through
//! `documents::pack::document` exactly as the app makes it, and read back with `pdftotext`.

mod documents_support;

use backend::cases::{CaseDetails, Nation};
use backend::documents::pack::{self, DocumentKind};
use backend::documents::DocumentOptions;
use backend::journey::Journey;
use chrono::NaiveDate;
use documents_support::{case, content, date, flat, pdftotext, write_sample};

fn with_identity() -> CaseDetails {
    CaseDetails {
        nation: Some(Nation::England),
        date_of_birth: NaiveDate::from_ymd_opt(1954, 3, 9),
        nhs_number: "9434765919".into(),
        ..case()
    }
}

fn text_of(kind: DocumentKind, details: &CaseDetails) -> String {
    let journey = Journey {
        records_holder: "Church Road Medical Practice".into(),
        ..Default::default()
    };
    let doc = pack::document(
        kind,
        details,
        &journey,
        content(),
        date(),
        &DocumentOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{kind:?}: {e}"));
    write_sample(
        &format!("identity-{kind:?}-{}", details.date_of_birth.is_some()),
        &doc.bytes,
    );
    flat(&pdftotext(&doc.bytes))
}

#[test]
fn letters_to_doctors_and_records_offices_print_date_of_birth_and_nhs_number() {
    for kind in [
        DocumentKind::GpLetter,
        DocumentKind::ConsultantLetter,
        DocumentKind::RecordsRequest,
        DocumentKind::DecisionLetter,
        DocumentKind::PrepPack,
    ] {
        let text = text_of(kind, &with_identity());
        for needle in [
            "Margaret Ellison",
            "Date of birth 9 March 1954",
            "NHS number 943 476 5919",
        ] {
            assert!(text.contains(needle), "{kind:?} lacks {needle:?}:\n{text}");
        }
    }
}

#[test]
fn without_them_nothing_is_printed_in_their_place() {
    let details = CaseDetails {
        nation: Some(Nation::England),
        date_of_birth: None,
        nhs_number: String::new(),
        ..case()
    };
    for kind in [
        DocumentKind::GpLetter,
        DocumentKind::ConsultantLetter,
        DocumentKind::RecordsRequest,
        DocumentKind::PrepPack,
    ] {
        let text = text_of(kind, &details);
        assert!(!text.contains("Date of birth"), "{kind:?}:\n{text}");
        assert!(!text.contains("NHS number"), "{kind:?}:\n{text}");
    }
}

#[test]
fn the_nhs_number_prints_in_the_nhs_grouping_however_it_was_typed() {
    for typed in ["943 476 5919", "9434765919", "  943  4765919 "] {
        let details = CaseDetails {
            nhs_number: typed.into(),
            ..with_identity()
        };
        let text = text_of(DocumentKind::GpLetter, &details);
        assert!(
            text.contains("NHS number 943 476 5919"),
            "{typed:?}:\n{text}"
        );
    }
}
