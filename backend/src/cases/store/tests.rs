use super::*;
use chrono::TimeZone;
use rand::SeedableRng;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 30, 0)
        .single()
        .expect("valid time")
}

#[test]
fn migrations_are_valid() {
    assert!(Migrations::from_slice(MIGRATIONS).validate().is_ok());
}

#[test]
fn create_then_read_in_memory() {
    let mut store = Store::open_in_memory().expect("opens");
    let details = CaseDetails {
        patient_name: "Ann".into(),
        nation: Some(Nation::Wales),
        ..Default::default()
    };
    let case = store.create_case(&details, now()).expect("creates");
    assert_eq!(store.case(case.id).expect("reads").details, details);
    assert_eq!(case.created_at, "2026-11-21T09:30:00.000Z");
}

#[test]
fn the_database_engine_is_sqlcipher_4_and_quiet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let key = DatabaseKey::generate(&mut rand::rngs::StdRng::seed_from_u64(1));
    let store = Store::open_encrypted(&dir.path().join("cases.db"), &key).expect("opens");
    let version: String = store
        .conn
        .query_row("PRAGMA cipher_version", [], |r| r.get(0))
        .expect("SQLCipher answers");
    assert!(version.starts_with("4."), "{version}");
    let level: String = store
        .conn
        .query_row("PRAGMA cipher_log_level", [], |r| r.get(0))
        .expect("log level");
    assert_eq!(level, "NONE");
}

#[test]
fn missing_case_is_not_found() {
    let mut store = Store::open_in_memory().expect("opens");
    assert!(matches!(store.case(42), Err(Error::NotFound)));
    let err = store
        .save_case(42, &CaseDetails::default(), now())
        .expect_err("no such case");
    assert_eq!(err.code(), "not_found");
}
