//! Every IPC command's input checked in the backend, through the calls the commands make (see
//! `src-tauri/src/commands/*.rs`): each bad input comes back as `{code, message}` with a stable
//! code and plain words, nothing is written, and what was saved before is still there.
//!
//! Commands and the backend call each one makes:
//! `create_case`/`save_case` → `Store::create_case`/`save_case` (CaseDetails::validate);
//! `get_case`, `archive_case`, `delete_case` → `Store::case`/`set_archived`/`delete_case`;
//! `get_journey`/`save_journey` → `Store::journey`/`save_journey` (Journey::validate);
//! `write_document` → `documents::pack::document`; `guidance` → `Content::guidance`;
//! `create_profile`/`unlock_profile` → `Profiles::create`/`unlock`. `list_*`, `home_screen`,
//! `open_profile`, `lock_profile` and `idle_lock_seconds` take no input.

use backend::cases::{CaseDetails, Nation, Store};
use backend::content::Content;
use backend::documents::pack::{self, DocumentKind};
use backend::documents::DocumentOptions;
use backend::journey::{Journey, TimelineLine, MAX_ENTRIES, MAX_TEXT};
use backend::profiles::{KdfParams, Profiles};
use backend::{Error, ErrorPayload};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use rand::SeedableRng;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 30, 0)
        .single()
        .expect("valid time")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// The error as the UI receives it, checked for plain words: a full sentence, no Rust or SQL
/// words, no field names in code form.
fn payload(e: Error) -> ErrorPayload {
    let p = ErrorPayload::from(e);
    assert!(
        p.message.ends_with('.') && p.message.len() < 300,
        "not a plain sentence: {p:?}"
    );
    for jargon in [
        "serde", "sqlite", "SQL", "panic", "unwrap", "Error(", "_", "null", "None",
    ] {
        assert!(!p.message.contains(jargon), "jargon {jargon:?} in {p:?}");
    }
    p
}

fn store_with_a_case() -> (Store, i64, CaseDetails) {
    let mut store = Store::open_in_memory().expect("opens");
    let details = CaseDetails {
        patient_name: "Ann Jones".into(),
        nhs_number: "943 476 5919".into(),
        date_of_birth: Some(day(1950, 6, 1)),
        ..Default::default()
    };
    let case = store.create_case(&details, now()).expect("creates");
    (store, case.id, details)
}

#[test]
fn create_and_save_case_refuse_each_bad_field_in_plain_words_and_keep_what_was_saved() {
    let (mut store, id, saved) = store_with_a_case();
    let long = |n: usize| "x".repeat(n);
    let cases: Vec<(CaseDetails, &str, &str)> = vec![
        (
            CaseDetails {
                patient_name: long(201),
                ..Default::default()
            },
            "invalid_input",
            "The name is too long (201 characters). Please keep it under 200 characters.",
        ),
        (
            CaseDetails {
                patient_address: long(501),
                ..Default::default()
            },
            "invalid_input",
            "The address is too long",
        ),
        (
            CaseDetails {
                diagnosis: long(20_001),
                ..Default::default()
            },
            "invalid_input",
            "What you were told is too long",
        ),
        (
            CaseDetails {
                reason: "a\0b".into(),
                ..Default::default()
            },
            "invalid_input",
            "Your reason has a hidden character that cannot be saved. Please retype it.",
        ),
        (
            CaseDetails {
                gp_practice_address: long(501),
                ..Default::default()
            },
            "invalid_input",
            "The GP practice's address is too long",
        ),
        (
            CaseDetails {
                nhs_number: "943 476 5918".into(),
                ..Default::default()
            },
            "invalid_nhs_number",
            "This NHS number does not look right. Please check it against a letter from the NHS.",
        ),
        (
            CaseDetails {
                nhs_number: "'); DROP TABLE cases;--".into(),
                ..Default::default()
            },
            "invalid_input",
            "The NHS number is too long",
        ),
        (
            CaseDetails {
                nhs_number: "DROP TABLE".into(),
                ..Default::default()
            },
            "invalid_nhs_number",
            "This NHS number does not look right.",
        ),
        (
            CaseDetails {
                date_of_birth: Some(day(2026, 11, 23)),
                ..Default::default()
            },
            "invalid_date_of_birth",
            "The date of birth 23 November 2026 is in the future.",
        ),
        (
            CaseDetails {
                date_of_birth: Some(day(1899, 12, 31)),
                ..Default::default()
            },
            "invalid_date_of_birth",
            "The date of birth 31 December 1899 is before 1900.",
        ),
    ];
    let before = store.cases().expect("lists").len();
    for (details, code, starts) in cases {
        let p = payload(
            store
                .create_case(&details, now())
                .expect_err("create refused"),
        );
        assert_eq!(p.code, code, "{p:?}");
        assert!(p.message.starts_with(starts), "{p:?}");
        let p = payload(
            store
                .save_case(id, &details, now())
                .expect_err("save refused"),
        );
        assert_eq!(p.code, code, "{p:?}");
    }
    assert_eq!(
        store.cases().expect("lists").len(),
        before,
        "nothing created"
    );
    assert_eq!(store.case(id).expect("still there").details, saved);
}

#[test]
fn the_edges_of_the_limits_are_accepted_and_kept_exactly() {
    let (mut store, id, _) = store_with_a_case();
    let details = CaseDetails {
        patient_name: "n".repeat(200),
        patient_address: "a".repeat(500),
        diagnosis: "d".repeat(20_000),
        nhs_number: " 943 476 5919 ".into(),
        date_of_birth: Some(day(1900, 1, 1)),
        ..Default::default()
    };
    let saved = store.save_case(id, &details, now()).expect("at the limits");
    assert_eq!(saved.details, details);
    // A child born today (a UK evening in summer is already tomorrow's date in UTC) is fine.
    let newborn = CaseDetails {
        date_of_birth: Some(day(2026, 11, 22)),
        ..Default::default()
    };
    assert!(store.save_case(id, &newborn, now()).is_ok());
}

#[test]
fn ids_that_do_not_exist_are_not_found_for_every_case_command() {
    let (mut store, _, _) = store_with_a_case();
    for id in [-1, 0, 999_999, i64::MAX, i64::MIN] {
        for e in [
            store.case(id).map(|_| ()).expect_err("get"),
            store
                .save_case(id, &CaseDetails::default(), now())
                .map(|_| ())
                .expect_err("save"),
            store.set_archived(id, true).expect_err("archive"),
            store.delete_case(id).expect_err("delete"),
            store
                .save_journey(id, &Journey::default(), now())
                .map(|_| ())
                .expect_err("journey"),
        ] {
            let p = payload(e);
            assert_eq!(p.code, "not_found", "{id}: {p:?}");
        }
    }
}

#[test]
fn save_journey_refuses_too_much_and_dates_outside_1900_to_2200() {
    let (mut store, id, _) = store_with_a_case();
    let good = Journey {
        decision: "Keep going".into(),
        asked_on: Some(day(2028, 2, 29)),
        ..Default::default()
    };
    store.save_journey(id, &good, now()).expect("saves");
    let mut too_early = good.clone();
    too_early.appointment.date = Some(day(1899, 12, 31));
    let mut too_late = good.clone();
    too_late.records_requested_on = Some(day(2201, 1, 1));
    let bad = [
        Journey {
            timeline: vec![TimelineLine::default(); MAX_ENTRIES + 1],
            ..Default::default()
        },
        Journey {
            allergies: "x".repeat(MAX_TEXT + 1),
            ..Default::default()
        },
        Journey {
            next_steps: "\0".into(),
            ..Default::default()
        },
        too_early,
        too_late,
    ];
    for j in bad {
        let p = payload(store.save_journey(id, &j, now()).expect_err("refused"));
        assert_eq!(p.code, "invalid_input", "{p:?}");
    }
    assert_eq!(store.journey(id).expect("reads"), good, "nothing lost");
    let mut edges = good.clone();
    edges.appointment.date = Some(day(2200, 12, 31));
    edges.asked_on = Some(day(1900, 1, 1));
    store
        .save_journey(id, &edges, now())
        .expect("edges accepted");
}

#[test]
fn a_date_that_does_not_exist_is_refused_when_the_command_is_decoded() {
    // 29 February 2027 never happens: the command's argument cannot be read, so nothing runs.
    let j: Result<Journey, _> = serde_json::from_str(r#"{"asked_on":"2027-02-29"}"#);
    assert!(j.is_err());
    let d: Result<CaseDetails, _> = serde_json::from_str(r#"{"date_of_birth":"2027-02-29"}"#);
    assert!(d.is_err());
    let d: CaseDetails =
        serde_json::from_str(r#"{"date_of_birth":"2028-02-29"}"#).expect("a leap day");
    assert_eq!(d.date_of_birth, Some(day(2028, 2, 29)));
}

#[test]
fn write_document_refuses_what_a_document_cannot_do_without_in_plain_words() {
    let content = Content::embedded().expect("content");
    let empty = CaseDetails::default();
    let j = Journey::default();
    let o = DocumentOptions::default();
    let gp = pack::document(
        DocumentKind::GpLetter,
        &empty,
        &j,
        content,
        day(2026, 11, 21),
        &o,
    );
    let p = payload(gp.expect_err("needs a name"));
    assert_eq!(p.code, "invalid_input");
    assert!(
        p.message.starts_with("Before we can write the letter"),
        "{p:?}"
    );
    let pack = pack::document(
        DocumentKind::PrepPack,
        &empty,
        &j,
        content,
        day(2026, 11, 21),
        &o,
    );
    let p = payload(pack.expect_err("needs a nation"));
    assert!(p.message.contains("which part of the UK"), "{p:?}");
    // An unknown kind or paper size never reaches the backend: decoding fails.
    assert!(serde_json::from_str::<DocumentKind>(r#""letter-to-the-queen""#).is_err());
    assert!(serde_json::from_str::<DocumentOptions>(r#"{"paper":"A0"}"#).is_err());
    assert!(serde_json::from_str::<Nation>(r#""france""#).is_err());
}

fn fast() -> KdfParams {
    KdfParams {
        m_cost_kib: 64,
        t_cost: 1,
        p_cost: 1,
    }
}

#[test]
fn create_and_unlock_profile_refuse_bad_names_passphrases_and_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path().join("profiles"));
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let bad: [(&str, &str, &str); 5] = [
        ("", "long enough words", "Please type a name"),
        ("   ", "long enough words", "Please type a name"),
        (&"n".repeat(61), "long enough words", "The name is too long"),
        (
            "Ann\u{7}",
            "long enough words",
            "The name has a hidden character",
        ),
        ("Ann", "short", "Please choose a passphrase of at least 8"),
    ];
    for (name, passphrase, starts) in bad {
        let p = payload(
            profiles
                .create(name, passphrase, fast(), &mut rng)
                .map(|_| ())
                .expect_err("refused"),
        );
        assert_eq!(p.code, "invalid_input");
        assert!(p.message.starts_with(starts), "{p:?}");
    }
    let p = payload(
        profiles
            .create("Ann", &"p".repeat(1_001), fast(), &mut rng)
            .map(|_| ())
            .expect_err("too long"),
    );
    assert!(p.message.contains("at most 1000"), "{p:?}");
    assert!(profiles.list().expect("lists").is_empty(), "nothing made");

    let (open, _) = profiles
        .create(
            "<script>alert(1)</script>",
            "long enough words",
            fast(),
            &mut rng,
        )
        .expect("markup in a name is just a name");
    let id = open.id().to_owned();
    open.lock();
    for bad_id in [
        "",
        "..",
        "../../etc/passwd",
        "/tmp",
        &id.to_uppercase(),
        &format!("{id}/.."),
    ] {
        let p = payload(
            profiles
                .unlock(bad_id, "long enough words")
                .map(|_| ())
                .expect_err("no such profile"),
        );
        assert_eq!(p.code, "profile_not_found", "{bad_id:?}");
    }
    for wrong in ["", "long enough word", &"x".repeat(1_000_000)] {
        let p = payload(profiles.unlock(&id, wrong).map(|_| ()).expect_err("wrong"));
        assert_eq!(p.code, "wrong_passphrase");
    }
    assert!(profiles.unlock(&id, "long enough words").is_ok());
}

#[test]
fn read_date_refuses_a_pasted_page_without_repeating_it() {
    let p =
        payload(backend::dates::parse_uk(&"12/12/2026 ".repeat(100_000)).expect_err("too long"));
    assert_eq!(p.code, "invalid_input");
    assert_eq!(
        p.message,
        "That is too long to be a date. Please type the day, month and year, for example 21/11/2026."
    );
    let p = payload(backend::dates::parse_uk("29/02/2027").expect_err("no such day"));
    assert!(p.message.starts_with("There is no such date"), "{p:?}");
    assert_eq!(
        backend::dates::parse_uk(" 29/02/2028 ").expect("a leap day"),
        day(2028, 2, 29)
    );
}

#[test]
fn notes_refuse_too_much_text_too_long_a_search_and_ids_that_do_not_exist() {
    use backend::cases::{MAX_NOTE_CHARS, MAX_NOTE_SEARCH_CHARS};
    let (mut store, id, _) = store_with_a_case();
    let p = payload(
        store
            .add_note(id, &"x".repeat(MAX_NOTE_CHARS + 1), now().fixed_offset())
            .map(|_| ())
            .expect_err("too long"),
    );
    assert_eq!(p.code, "invalid_input", "{p:?}");
    let kept = store
        .add_note(
            id,
            "'); DROP TABLE notes;-- <script>alert(1)</script>",
            now().fixed_offset(),
        )
        .expect("markup and SQL are just words");
    let p = payload(
        store
            .search_notes(id, &"q".repeat(MAX_NOTE_SEARCH_CHARS + 1))
            .map(|_| ())
            .expect_err("too long a search"),
    );
    assert_eq!(p.code, "invalid_input", "{p:?}");
    // Search syntax and quotes typed by a person are words, not a query language.
    for typed in ["\"", "DROP*", "NEAR(", "a OR", "'); --", "\u{0}"] {
        assert!(
            store.search_notes(id, typed).is_ok(),
            "{typed:?} is searched for, not an error"
        );
    }
    for bad in [-1, 0, kept.id + 1000] {
        assert_eq!(
            payload(store.delete_note(bad).expect_err("no such note")).code,
            "note_not_found"
        );
    }
    assert_eq!(store.list_notes(id).expect("lists"), vec![kept]);
}
