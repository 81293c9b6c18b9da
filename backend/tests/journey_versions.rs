//! A journey saved by another version of the app, through the calls behind `get_journey` and
//! `save_journey` (`journey_as_typed`, `save_journey_as_typed`), checked by reopening the
//! encrypted database and reading the row as stored. An older app must neither call a newer
//! record damaged nor spoil it on its next autosave; an old record opens unchanged.

use std::path::Path;

use backend::cases::{CaseDetails, CaseId, DatabaseKey, Store};
use backend::journey::{InHospital, Journey, SaidTheSame, Urgency};
use chrono::{DateTime, TimeZone, Utc};
use rand::{rngs::StdRng, SeedableRng};
use serde_json::Value;

fn key() -> DatabaseKey {
    DatabaseKey::generate(&mut StdRng::seed_from_u64(15))
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0)
        .single()
        .expect("valid time")
}

/// A plain rusqlite connection keyed by hand, as an outside reader (or another app) would.
fn raw_connection(path: &Path, key: &DatabaseKey) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).expect("plain open");
    let hex = key.raw_key_hex_for_tests();
    conn.query_row(&format!("PRAGMA key = \"x'{hex}'\""), [], |_| Ok(()))
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(()),
            other => Err(other),
        })
        .expect("keys");
    conn
}

/// A database with one case whose journey row is `json`, as another app left it.
fn case_with_stored_journey(path: &Path, json: &str) -> CaseId {
    let id = {
        let mut store = Store::open_encrypted(path, &key()).expect("creates");
        let case = store
            .create_case(&CaseDetails::default(), now())
            .expect("case");
        store
            .save_journey(case.id, &Journey::default(), now())
            .expect("journey");
        case.id
    };
    raw_connection(path, &key())
        .execute(
            "UPDATE journeys SET data = ?2 WHERE case_id = ?1",
            rusqlite::params![id, json],
        )
        .expect("writes the row");
    id
}

fn stored_row(path: &Path, id: CaseId) -> Value {
    let text: String = raw_connection(path, &key())
        .query_row("SELECT data FROM journeys WHERE case_id = ?1", [id], |r| {
            r.get(0)
        })
        .expect("row");
    serde_json::from_str(&text).expect("json")
}

#[test]
fn a_record_from_an_app_without_versions_opens_unchanged_and_is_saved_as_version_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cases.db");
    let old = r#"{"records_holder":"Elm Surgery","records_requested_on":"2026-11-02",
        "urgency":"soon","in_hospital":"no","for_whom":"me",
        "same_answers":{"risks":"not-sure"},
        "first_opinion":{"diagnosis":"Gallstones.","recommendation":"Surgery"},
        "decision":"Wait and see"}"#;
    let id = case_with_stored_journey(&path, old);
    let opened = {
        let mut store = Store::open_encrypted(&path, &key()).expect("opens");
        let opened = store.journey_as_typed(id).expect("an old record opens");
        assert!(opened.problems.is_empty());
        let j = &opened.journey;
        assert_eq!(j.records_holder, "Elm Surgery");
        assert_eq!(j.urgency, Some(Urgency::Soon));
        assert_eq!(j.in_hospital, Some(InHospital::No));
        assert_eq!(j.same_answers.risks, Some(SaidTheSame::NotSure));
        assert_eq!(j.first_opinion.recommendation, "Surgery");
        store
            .save_journey_as_typed(id, &opened.typed, now())
            .expect("saves");
        opened.journey
    };
    let row = stored_row(&path, id);
    assert_eq!(row["v"], 1);
    assert_eq!(row["urgency"], "soon");
    let store = Store::open_encrypted(&path, &key()).expect("reopens");
    assert_eq!(store.journey_as_typed(id).expect("reads").journey, opened);
}

#[test]
fn a_choice_from_a_newer_app_shows_as_unanswered_and_survives_an_older_apps_autosave() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cases.db");
    let newer = r#"{"v":1,"urgency":"within-two-weeks","in_hospital":"yes-in-intensive-care",
        "for_whom":"my-child","same_answers":{"diagnosis":"partly","risks":"yes"},
        "first_opinion":{"diagnosis":"Gallstones"},"second_opinion":{"diagnosis":"Stones"},
        "decision":"Ask again"}"#;
    let id = case_with_stored_journey(&path, newer);
    {
        let mut store = Store::open_encrypted(&path, &key()).expect("opens");
        let opened = store.journey_as_typed(id).expect("not damaged");
        let j = &opened.journey;
        assert_eq!(j.urgency, Some(Urgency::NotKnown));
        assert_eq!(j.in_hospital, Some(InHospital::NotKnown));
        assert_eq!(j.same_answers.diagnosis, Some(SaidTheSame::NotKnown));
        assert_eq!(j.same_answers.risks, Some(SaidTheSame::Yes));
        // Shown as unanswered wherever the app reads the answer.
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        let view = backend::journey::JourneyView::new(j.clone(), today);
        let diagnosis = &view.comparison.parts[0];
        assert_eq!(diagnosis.answer, None);
        assert!(
            view.time_critical,
            "a choice not known is never taken as routine"
        );
        // The older app's autosave, after the person changes something else.
        let mut typed = opened.typed.clone();
        typed.decision = "Have the operation".into();
        let saved = store
            .save_journey_as_typed(id, &typed, now())
            .expect("saves");
        assert_eq!(saved.journey.decision, "Have the operation");
        assert_eq!(saved.journey.urgency, Some(Urgency::NotKnown));
    }
    let row = stored_row(&path, id);
    assert_eq!(row["urgency"], "within-two-weeks");
    assert_eq!(row["in_hospital"], "yes-in-intensive-care");
    assert_eq!(row["for_whom"], "my-child");
    assert_eq!(row["same_answers"]["diagnosis"], "partly");
    assert_eq!(row["same_answers"]["risks"], "yes");
    assert_eq!(row["decision"], "Have the operation");
    // The person answers the question in the older app: their answer replaces it.
    let mut store = Store::open_encrypted(&path, &key()).expect("reopens");
    let mut typed = store.journey_as_typed(id).expect("reads").typed;
    typed.urgency = Some(Urgency::Routine);
    store
        .save_journey_as_typed(id, &typed, now())
        .expect("saves");
    drop(store);
    assert_eq!(stored_row(&path, id)["urgency"], "routine");
}

#[test]
fn fields_from_a_newer_app_survive_an_older_apps_autosave() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cases.db");
    let newer = r#"{"v":1,"decision":"Wait","second_carer":{"name":"Sam","phone":"01970"},
        "appointment":{"place":"Clinic 4","video_link":"given"},
        "medicines":[{"name":"Aspirin","dose":"75 mg","notes":"","dose_unit":"mg"}]}"#;
    let id = case_with_stored_journey(&path, newer);
    {
        let mut store = Store::open_encrypted(&path, &key()).expect("opens");
        let mut typed = store.journey_as_typed(id).expect("opens").typed;
        assert_eq!(typed.appointment.place, "Clinic 4");
        typed.appointment.place = "Clinic 5".into();
        typed.medicines[0].notes = "With food".into();
        store
            .save_journey_as_typed(id, &typed, now())
            .expect("saves");
    }
    let row = stored_row(&path, id);
    assert_eq!(row["second_carer"]["name"], "Sam");
    assert_eq!(row["appointment"]["video_link"], "given");
    assert_eq!(row["appointment"]["place"], "Clinic 5");
    assert_eq!(row["medicines"][0]["dose_unit"], "mg");
    assert_eq!(row["medicines"][0]["notes"], "With food");
    assert_eq!(row["v"], 1);
}

#[test]
fn a_record_from_a_newer_version_is_shown_and_never_saved_over() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cases.db");
    let newer = r#"{"v":2,"decision":"Wait","urgency":"urgent",
        "appointment":"Tuesday at ten, clinic 4","what_changed":["a","b"]}"#;
    let id = case_with_stored_journey(&path, newer);
    let mut store = Store::open_encrypted(&path, &key()).expect("opens");
    let opened = store.journey_as_typed(id).expect("shown, not damaged");
    assert_eq!(opened.journey.decision, "Wait");
    assert_eq!(opened.journey.urgency, Some(Urgency::Urgent));
    let mut typed = opened.typed.clone();
    typed.decision = "Have the operation".into();
    typed.treatment_proposed = "x".repeat(backend::journey::MAX_TEXT + 1);
    let err = store
        .save_journey_as_typed(id, &typed, now())
        .expect_err("refused");
    assert_eq!(err.code(), "record_too_new");
    assert!(
        err.to_string().contains("newer version of Second Opinion"),
        "{err}"
    );
    let err = store
        .save_journey(id, &Journey::default(), now())
        .expect_err("refused");
    assert_eq!(err.code(), "record_too_new");
    drop(store);
    // The row and its drafts are as the newer app left them.
    assert_eq!(
        stored_row(&path, id),
        serde_json::from_str::<Value>(newer).expect("json")
    );
    let drafts: i64 = raw_connection(&path, &key())
        .query_row("SELECT count(*) FROM drafts", [], |r| r.get(0))
        .expect("counts");
    assert_eq!(drafts, 0);
    // Still shown after reopening; the case details are not part of the record and still save.
    let mut store = Store::open_encrypted(&path, &key()).expect("reopens");
    assert_eq!(
        store.journey_as_typed(id).expect("shown").journey,
        opened.journey
    );
    store
        .save_case_as_typed(
            Some(id),
            &CaseDetails {
                patient_name: "Ann".into(),
                ..Default::default()
            },
            now(),
        )
        .expect("the case's details save");
}
