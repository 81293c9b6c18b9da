//! The autosave never loses what was typed: each refused answer (a wrong NHS number, text over
//! its limit, a date out of range) is kept as typed in the encrypted database, every other answer
//! is saved, and reopening the database gives back both. Checked by reopening the file.

use std::path::PathBuf;

use backend::cases::{
    CaseDetails, CaseId, DatabaseKey, Nation, Store, MAX_LINE_CHARS, MAX_TEXT_CHARS,
};
use backend::journey::{Journey, MAX_TEXT};
use chrono::{DateTime, TimeZone, Utc};
use rand::{rngs::StdRng, SeedableRng};

fn key() -> DatabaseKey {
    DatabaseKey::generate(&mut StdRng::seed_from_u64(13))
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 10, 0, 0)
        .single()
        .expect("valid time")
}

/// An encrypted database in a folder of its own, opened again for each check.
struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("cases.db");
        Db { _dir: dir, path }
    }

    fn open(&self) -> Store {
        Store::open_encrypted(&self.path, &key()).expect("opens")
    }

    /// The database, open, with [`whole_case`] saved in it.
    fn with_whole_case() -> (Db, Store, CaseId) {
        let db = Db::new();
        let mut store = db.open();
        let id = store
            .save_case_as_typed(None, &whole_case(), now())
            .expect("saves")
            .case
            .id;
        (db, store, id)
    }
}

fn whole_case() -> CaseDetails {
    CaseDetails {
        patient_name: "Nia Jones".into(),
        patient_address: "12 Heol y Bont\nAberystwyth".into(),
        nation: Some(Nation::Wales),
        diagnosis: "A lump in my thyroid.".into(),
        reason: "I would like another specialist to look at the scan.".into(),
        first_doctor_name: "Dr Zofia Łukaszewicz".into(),
        first_doctor_workplace: "Bronglais Hospital".into(),
        gp_practice_name: "Ystwyth Medical Group".into(),
        gp_practice_address: "Parc Y Llyn\nAberystwyth".into(),
        date_of_birth: chrono::NaiveDate::from_ymd_opt(1954, 3, 9),
        nhs_number: "943 476 5919".into(),
    }
}

#[test]
fn each_refused_answer_leaves_every_other_saved_and_comes_back_as_typed_after_reopening() {
    let refusals: Vec<(&str, CaseDetails)> = vec![
        (
            "nhs_number",
            CaseDetails {
                nhs_number: "943 476 5918".into(),
                ..whole_case()
            },
        ),
        (
            "first_doctor_workplace",
            CaseDetails {
                first_doctor_workplace: "y".repeat(2 * MAX_LINE_CHARS),
                ..whole_case()
            },
        ),
        (
            "diagnosis",
            CaseDetails {
                diagnosis: "The scan showed a shadow. ".repeat(4000),
                ..whole_case()
            },
        ),
        (
            "reason",
            CaseDetails {
                reason: "a\0b".into(),
                ..whole_case()
            },
        ),
        (
            "date_of_birth",
            CaseDetails {
                date_of_birth: chrono::NaiveDate::from_ymd_opt(2030, 1, 1),
                ..whole_case()
            },
        ),
    ];
    let db = Db::new();
    let mut ids = Vec::new();
    {
        let mut store = db.open();
        for (field, typed) in &refusals {
            let saved = store
                .save_case_as_typed(None, typed, now())
                .expect("an autosave with a refused answer still saves");
            assert_eq!(saved.problems.len(), 1, "{field}: {:?}", saved.problems);
            assert_eq!(saved.problems[0].field, *field);
            assert!(saved.problems[0].kept);
            // Every other field is saved as typed; the refused one is not used.
            let mut expected = typed.clone();
            match *field {
                "nhs_number" => expected.nhs_number = String::new(),
                "first_doctor_workplace" => expected.first_doctor_workplace = String::new(),
                "diagnosis" => expected.diagnosis = String::new(),
                "reason" => expected.reason = String::new(),
                _ => expected.date_of_birth = None,
            }
            assert_eq!(saved.case.details, expected, "{field}");
            ids.push(saved.case.id);
        }
    }
    let store = db.open();
    assert_eq!(store.cases().expect("lists").len(), refusals.len());
    for ((field, typed), id) in refusals.iter().zip(ids) {
        let back = store.case_as_typed(id, now()).expect("reads");
        assert_eq!(&back.typed, typed, "{field} comes back as typed");
        assert_eq!(back.problems.len(), 1);
        assert_eq!(back.problems[0].field, *field);
        let listed = store
            .cases()
            .expect("lists")
            .into_iter()
            .find(|c| c.id == id)
            .expect("listed");
        assert_eq!(listed.needs_change, 1, "the list says it needs a change");
    }
}

#[test]
fn a_refused_answer_keeps_the_last_good_value_for_letters_and_fixing_it_clears_the_draft() {
    let (db, mut store, id) = Db::with_whole_case();
    let wrong = CaseDetails {
        nhs_number: "943 476 5918".into(),
        diagnosis: "x".repeat(MAX_TEXT_CHARS + 1),
        reason: "Typed after the wrong number.".into(),
        ..whole_case()
    };
    let saved = store
        .save_case_as_typed(Some(id), &wrong, now())
        .expect("saves");
    assert_eq!(
        saved.case.details.nhs_number, "943 476 5919",
        "the last good one"
    );
    assert_eq!(saved.case.details.diagnosis, "A lump in my thyroid.");
    assert_eq!(saved.case.details.reason, "Typed after the wrong number.");
    // The strict check, as documents see the case: it passes.
    assert!(saved.case.details.validate(now().date_naive()).is_ok());
    drop(store);

    let mut store = db.open();
    assert_eq!(store.case_as_typed(id, now()).expect("reads").typed, wrong);
    let fixed = CaseDetails {
        nhs_number: "9434765919".into(),
        ..whole_case()
    };
    let saved = store
        .save_case_as_typed(Some(id), &fixed, now())
        .expect("saves");
    assert!(saved.problems.is_empty());
    let back = store.case_as_typed(id, now()).expect("reads");
    assert_eq!(back.typed, fixed);
    assert_eq!(back.case.details, fixed);
    assert_eq!(store.cases().expect("lists")[0].needs_change, 0);
}

#[test]
fn the_journey_keeps_each_refused_answer_as_typed_and_saves_the_rest() {
    let (db, mut store, id) = Db::with_whole_case();
    let mut typed = Journey {
        diagnosed_when: "March 2026".into(),
        treatment_proposed: "z".repeat(MAX_TEXT + 5),
        allergies: "Penicillin".into(),
        ..Default::default()
    };
    typed.appointment.date = chrono::NaiveDate::from_ymd_opt(2201, 1, 1);
    typed.appointment.place = "Clinic 4".into();
    let saved = store
        .save_journey_as_typed(id, &typed, now())
        .expect("saves");
    assert_eq!(saved.problems.len(), 2);
    assert_eq!(saved.journey.allergies, "Penicillin");
    assert_eq!(saved.journey.appointment.place, "Clinic 4");
    assert!(
        saved.journey.validate().is_ok(),
        "only valid answers are stored"
    );
    drop(store);
    let store = db.open();
    let back = store.journey_as_typed(id).expect("reads");
    assert_eq!(back.typed, typed);
    assert_eq!(back.problems, saved.problems);
    assert_eq!(store.cases().expect("lists")[0].needs_change, 2);
}
