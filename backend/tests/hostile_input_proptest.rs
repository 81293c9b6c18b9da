//! Property tests over everything that reads input from outside the backend's own code:
//! content files (any TOML text, and the shipped files damaged), every document made from a
//! case and journey full of any Unicode (through `documents::pack::document`, to PDF bytes), profile
//! import files (any bytes, and a real export damaged), and command arguments (any JSON, decoded
//! as the Tauri commands decode them, then checked). Each must return a value or one of its
//! documented errors, and never panic. (The layout-level checks of each generator are in
//! `documents_proptest.rs`.)
//!
//! 64 cases per property with a fixed seed by default; `scripts/proptest-long.sh` runs many
//! random seeds. The count run is
//! printed (`cargo test -- --nocapture`).

mod proptest_config;

use std::sync::atomic::{AtomicUsize, Ordering};

use backend::cases::{CaseDetails, Nation, Store};
use backend::content::Content;
use backend::documents::pack::{self, DocumentKind};
use backend::documents::DocumentOptions;
use backend::journey::Journey;
use backend::profiles::{check_export_bytes, KdfParams, Profiles};
use chrono::{NaiveDate, TimeZone, Utc};
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use rand::SeedableRng;
use serde_json::Value;

static RUN: AtomicUsize = AtomicUsize::new(0);
/// Documents made (not refused), to show the property reaches the PDF writer.
static MADE: AtomicUsize = AtomicUsize::new(0);

fn config() -> ProptestConfig {
    proptest_config::config(64)
}

fn counted() {
    let n = RUN.fetch_add(1, Ordering::Relaxed) + 1;
    if n.is_multiple_of(64) {
        println!("hostile_input_proptest: {n} cases run");
    }
}

/// Text a person might paste: markup, SQL, template syntax, right-to-left, emoji, zero-width
/// and control characters, and anything else Unicode has.
fn nasty_text() -> impl Strategy<Value = String> {
    any::<bool>().prop_flat_map(text)
}

/// Text with any character at all when `anything`; otherwise only what the fonts can print once
/// cleaned (so documents are made, not refused).
fn text(anything: bool) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        if anything { 3 } else { 0 } => any::<String>(),
        2 => "[a-zA-Z ŵŷłżé£]{0,40}",
        2 => proptest::sample::select(vec![
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "'); DROP TABLE cases;--",
            "{{ patient_name }}{% for x in y %}",
            "\u{200B}\u{200D}\u{FEFF}\u{202E}",
            "\u{0}\u{7}\u{1b}[31m\r\n\t",
            "\u{2028}\u{2029}",
        ])
        .prop_map(str::to_owned),
        // Scripts and emoji the fonts do not draw: refused by name, never printed garbled.
        if anything { 1 } else { 0 } => proptest::sample::select(vec![
            "مرحبا بالعالم",
            "שלום עולם",
            "👩‍⚕️🏥💊",
        ])
        .prop_map(str::to_owned),
        1 => (1usize..3000).prop_map(|n| "w".repeat(n)),
    ];
    vec(piece, 0..4).prop_map(|v| v.concat())
}

fn any_date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![
        Just(None),
        (1850i32..2250, 1u32..=12, 1u32..=31)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
    ]
}

fn any_nation() -> impl Strategy<Value = Option<Nation>> {
    prop_oneof![
        Just(None),
        proptest::sample::select(Nation::ALL.to_vec()).prop_map(Some)
    ]
}

fn any_case() -> impl Strategy<Value = CaseDetails> {
    (
        vec(text(false), 8),
        any_nation(),
        any_date(),
        prop_oneof![
            Just(String::new()),
            Just("943 476 5919".to_owned()),
            "[0-9 ]{0,14}",
            nasty_text()
        ],
    )
        .prop_map(|(f, nation, date_of_birth, nhs_number)| CaseDetails {
            patient_name: f[0].clone(),
            patient_address: f[1].clone(),
            nation,
            diagnosis: f[2].clone(),
            reason: f[3].clone(),
            first_doctor_name: f[4].clone(),
            first_doctor_workplace: f[5].clone(),
            gp_practice_name: f[6].clone(),
            gp_practice_address: f[7].clone(),
            date_of_birth,
            nhs_number,
        })
}

fn any_journey() -> impl Strategy<Value = Journey> {
    (vec(text(false), 12), any_date(), any_date(), any::<bool>()).prop_map(
        |(f, asked_on, appointment, top)| {
            let mut j = Journey {
                treatment_proposed: f[0].clone(),
                carer_name: f[1].clone(),
                carer_relationship: f[2].clone(),
                records_holder: f[3].clone(),
                allergies: f[4].clone(),
                decision: f[5].clone(),
                decision_why: f[6].clone(),
                asked_on,
                records_requested_on: asked_on,
                records_received_on: appointment,
                ..Default::default()
            };
            j.appointment.date = appointment;
            j.appointment.place = f[7].clone();
            j.appointment.with_whom = f[8].clone();
            j.first_opinion.diagnosis = f[9].clone();
            j.second_opinion.recommendation = f[10].clone();
            j.same_answers.recommendation = top.then_some(backend::journey::SaidTheSame::No);
            j.questions.push(backend::journey::ChosenQuestion {
                bank_id: None,
                text: f[11].clone(),
                top,
                answer: String::new(),
            });
            j.timeline.push(backend::journey::TimelineLine {
                when: f[0].clone(),
                what: f[11].clone(),
            });
            j
        },
    )
}

const KINDS: [DocumentKind; 7] = [
    DocumentKind::GpLetter,
    DocumentKind::ConsultantLetter,
    DocumentKind::CarerAuthorisation,
    DocumentKind::RecordsRequest,
    DocumentKind::PrepPack,
    DocumentKind::DecisionLetter,
    DocumentKind::DecisionSummary,
];

/// Any JSON value, nested a little.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        nasty_text().prop_map(Value::String),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 32, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            btree_map(json_key(), inner, 0..8).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Mostly the real field names of the command arguments, so decoding gets past the first key.
fn json_key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(vec![
            "patient_name", "patient_address", "nation", "diagnosis", "reason",
            "date_of_birth", "nhs_number", "gp_practice_name", "asked_on",
            "records_requested_on", "appointment", "date", "timeline", "questions",
            "medicines", "records", "in_hospital", "urgency", "reasons", "paper",
            "large_print", "text", "when", "what", "first_opinion", "decision",
            "records_received_on", "same_answers",
        ])
        .prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("valid date")
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_toml_text_loads_or_is_a_content_error(text in prop_oneof![
        any::<String>(),
        "(\\[\\[item\\]\\]\n|id = \"[a-z-]{1,8}\"\n|title = \"[^\"]{0,20}\"\n|nations = \\[\"england\"\\]\n|reviewed = 2026-01-01\n|[a-z_]{1,10} = [0-9\"\\[\\]{}]{0,6}\n){0,12}",
    ]) {
        counted();
        match Content::load([("content/fuzz.toml".to_owned(), text)]) {
            Ok(_) => {}
            Err(e) => prop_assert_eq!(e.code(), "content"),
        }
    }

    #[test]
    fn the_shipped_content_damaged_anywhere_loads_or_is_a_content_error(
        which in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        cut in any::<bool>(),
        junk in "[\\[\\]\"=\n#{}a-z0-9.]{0,8}",
    ) {
        counted();
        let files = shipped_content();
        let (name, text) = which.get(&files).clone();
        let mut chars: Vec<char> = text.chars().collect();
        let i = at.index(chars.len().max(1)).min(chars.len());
        if cut {
            chars.truncate(i);
        }
        let damaged: String = chars[..i].iter().chain(junk.chars().collect::<Vec<_>>().iter()).chain(chars[i..].iter()).collect();
        if let Err(e) = Content::load([(name, damaged)]) {
            prop_assert_eq!(e.code(), "content");
        }
    }

    #[test]
    fn every_document_from_any_case_and_journey_is_a_pdf_or_a_clear_refusal(
        mut case in any_case(),
        mut journey in any_journey(),
        large_print in any::<bool>(),
        anything in vec(nasty_text(), 2),
        where_ in 0usize..4,
    ) {
        counted();
        // One field in four cases holds any Unicode at all (usually refused by name).
        match where_ {
            0 => case.patient_name = anything[0].clone(),
            1 => case.reason.push_str(&anything[0]),
            2 => journey.allergies = anything[1].clone(),
            _ => {}
        }
        let content = Content::embedded().expect("content");
        let options = DocumentOptions { large_print, ..Default::default() };
        for kind in KINDS {
            match pack::document(kind, &case, &journey, content, today(), &options) {
                Ok(doc) => {
                    prop_assert!(doc.bytes.starts_with(b"%PDF-"), "{:?}", kind);
                    prop_assert!(doc.file_name.ends_with(".pdf"));
                    prop_assert!(doc.file_name.is_ascii(), "{}", doc.file_name);
                    let made = MADE.fetch_add(1, Ordering::Relaxed) + 1;
                    if made.is_multiple_of(100) {
                        println!("hostile_input_proptest: {made} documents made");
                    }
                }
                Err(e) => {
                    prop_assert!(
                        matches!(e.code(), "invalid_input" | "document"),
                        "{:?}: {} {}", kind, e.code(), e
                    );
                    prop_assert!(!e.to_string().is_empty());
                }
            }
        }
    }

    #[test]
    fn any_bytes_are_not_an_export_and_never_panic(
        bytes in prop_oneof![
            vec(any::<u8>(), 0..2048),
            (vec(any::<u8>(), 0..64), vec(any::<u8>(), 0..512)).prop_map(|(len, rest)| {
                let mut b = b"SECOND-OPINION-PROFILE-EXPORT\n".to_vec();
                b.extend(len);
                b.extend(rest);
                b
            }),
            any_json().prop_map(|v| {
                let header = v.to_string().into_bytes();
                let mut b = b"SECOND-OPINION-PROFILE-EXPORT\n".to_vec();
                b.extend((header.len() as u32).to_le_bytes());
                b.extend(header);
                b.extend(b"not a database");
                b
            }),
        ]
    ) {
        counted();
        match check_export_bytes(&bytes) {
            Ok(()) => {}
            Err(e) => prop_assert!(matches!(e.code(), "not_an_export" | "database_too_new"), "{}", e.code()),
        }
    }

    #[test]
    fn a_real_export_damaged_anywhere_is_refused_and_adds_no_profile(
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        cut in any::<bool>(),
    ) {
        counted();
        let (export, _keep) = real_export();
        let mut bytes = export.clone();
        let i = at.index(bytes.len());
        if cut { bytes.truncate(i); } else { bytes[i] ^= byte.max(1); }
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("damaged.second-opinion");
        std::fs::write(&file, &bytes).expect("write");
        let profiles = Profiles::at(dir.path().join("profiles"));
        let mut rng = rand::rngs::StdRng::seed_from_u64(3);
        match profiles.import(&file, "export passphrase", &mut rng) {
            // A flip in the header's spacing can leave a readable file: then it imports whole.
            Ok((open, _)) => { open.lock(); prop_assert_eq!(profiles.list().expect("lists").len(), 1); }
            Err(e) => {
                prop_assert!(
                    matches!(e.code(), "not_an_export" | "wrong_passphrase" | "profile_damaged" | "database_damaged" | "database_too_new" | "invalid_input"),
                    "{} {}", e.code(), e
                );
                prop_assert!(profiles.list().map(|l| l.is_empty()).unwrap_or(true), "nothing half-made is visible");
            }
        }
    }

    #[test]
    fn any_json_as_a_command_argument_is_a_decoding_error_or_checked_by_the_backend(v in any_json()) {
        counted();
        if let Ok(details) = serde_json::from_value::<CaseDetails>(v.clone()) {
            if let Err(e) = details.validate(today()) {
                prop_assert!(matches!(e.code(), "invalid_input" | "invalid_nhs_number" | "invalid_date_of_birth"));
            } else {
                // What passes the checks is stored and read back exactly.
                let mut store = Store::open_in_memory().expect("store");
                let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).single().expect("time");
                let case = store.create_case(&details, now).expect("valid details save");
                prop_assert_eq!(store.case(case.id).expect("reads").details, details);
            }
        }
        if let Ok(journey) = serde_json::from_value::<Journey>(v.clone()) {
            if let Err(e) = journey.validate() {
                prop_assert_eq!(e.code(), "invalid_input");
            }
        }
        let _ = serde_json::from_value::<DocumentOptions>(v.clone());
        let _ = serde_json::from_value::<DocumentKind>(v.clone());
        let _ = serde_json::from_value::<Nation>(v);
    }
}

/// The shipped content files, as `(path, text)`.
fn shipped_content() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let mut files = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("content dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(&path).expect("content file");
                files.push((path.display().to_string(), text));
            }
        }
    }
    files.sort();
    assert!(files.len() > 5, "content files found");
    files
}

/// A real export of a small profile, made once (with cheap key settings).
fn real_export() -> (Vec<u8>, ()) {
    static EXPORT: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let bytes = EXPORT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let profiles = Profiles::at(dir.path().join("profiles"));
        let mut rng = rand::rngs::StdRng::seed_from_u64(1);
        let fast = KdfParams {
            m_cost_kib: 64,
            t_cost: 1,
            p_cost: 1,
        };
        let (mut open, _) = profiles
            .create("Ann", "long enough words", fast, &mut rng)
            .expect("profile");
        let now = Utc
            .with_ymd_and_hms(2026, 11, 21, 9, 0, 0)
            .single()
            .expect("time");
        open.store_mut()
            .create_case(
                &CaseDetails {
                    patient_name: "Ann <b>Jones</b>".into(),
                    ..Default::default()
                },
                now,
            )
            .expect("case");
        let file = dir.path().join("export.second-opinion");
        profiles
            .export(&open, &file, "export passphrase", &mut rng)
            .expect("export");
        std::fs::read(file).expect("read export")
    });
    (bytes.clone(), ())
}
