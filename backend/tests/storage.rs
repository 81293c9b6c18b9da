//! The case store, checked by reopening what was written. Every file-backed database here is
//! encrypted (SQLCipher) with a key made from seeded randomness.

use std::path::Path;

use backend::cases::{CaseDetails, DatabaseKey, Nation, Store};
use backend::Error;
use chrono::{DateTime, TimeZone, Utc};
use rand::{rngs::StdRng, SeedableRng};

fn key(seed: u64) -> DatabaseKey {
    DatabaseKey::generate(&mut StdRng::seed_from_u64(seed))
}

/// A plain rusqlite connection keyed by hand, as an outside reader would do it.
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

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 10, minute, 0)
        .single()
        .expect("valid time")
}

fn typed() -> CaseDetails {
    CaseDetails {
        patient_name: "Gwenllïan Ŵyn-Jones".into(),
        patient_address: "12 Heol y Bont\nAberystwyth\nSY23 1AB".into(),
        nation: Some(Nation::Wales),
        diagnosis: "Zażółć gęślą jaźń — مرحبا 🙂 <script>alert(1)</script>'; DROP TABLE cases; --"
            .into(),
        reason: "  leading and trailing spaces are kept  \n\nand blank lines too\n".into(),
        first_doctor_name: "Dr Ó Súilleabháin".into(),
        first_doctor_workplace: "Ysbyty Bronglais".into(),
        gp_practice_name: "Ystwyth Medical Group".into(),
        gp_practice_address: "Parc Y Llyn\nAberystwyth".into(),
        date_of_birth: chrono::NaiveDate::from_ymd_opt(1948, 2, 29),
        nhs_number: "943 476 5919".into(),
    }
}

#[test]
fn a_case_survives_closing_and_reopening_exactly_as_typed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cases.db");
    let id = {
        let mut store = Store::open_encrypted(&path, &key(1)).expect("creates a new database");
        let case = store
            .create_case(&CaseDetails::default(), at(0))
            .expect("creates");
        store.save_case(case.id, &typed(), at(5)).expect("saves");
        case.id
    };
    let store = Store::open_encrypted(&path, &key(1)).expect("reopens");
    let case = store.case(id).expect("finds the case");
    assert_eq!(case.details, typed());
    assert_eq!(case.created_at, "2026-11-21T10:00:00.000Z");
    assert_eq!(case.updated_at, "2026-11-21T10:05:00.000Z");
    let list = store.cases().expect("lists");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].patient_name, typed().patient_name);
}

#[test]
fn cases_are_listed_most_recent_first() {
    let mut store = Store::open_in_memory().expect("opens");
    let a = store
        .create_case(
            &CaseDetails {
                patient_name: "A".into(),
                ..Default::default()
            },
            at(1),
        )
        .expect("a");
    let b = store
        .create_case(
            &CaseDetails {
                patient_name: "B".into(),
                ..Default::default()
            },
            at(2),
        )
        .expect("b");
    store
        .save_case(
            a.id,
            &CaseDetails {
                patient_name: "A2".into(),
                ..Default::default()
            },
            at(3),
        )
        .expect("save a");
    let names: Vec<_> = store
        .cases()
        .expect("list")
        .into_iter()
        .map(|c| c.patient_name)
        .collect();
    assert_eq!(names, ["A2", "B"]);
    assert_eq!(store.case(b.id).expect("b").details.patient_name, "B");
}

#[test]
fn a_huge_field_is_refused_with_plain_words_and_nothing_changes() {
    let mut store = Store::open_in_memory().expect("opens");
    let case = store.create_case(&typed(), at(0)).expect("creates");
    let huge = CaseDetails {
        reason: "word ".repeat(100_000),
        ..typed()
    };
    let err = store
        .save_case(case.id, &huge, at(1))
        .expect_err("too long");
    assert_eq!(err.code(), "invalid_input");
    assert!(err.to_string().contains("too long"));
    assert_eq!(store.case(case.id).expect("still there").details, typed());
}

#[test]
fn migration_from_empty_sets_the_schema_version() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cases.db");
    drop(Store::open_encrypted(&path, &key(2)).expect("creates"));
    let conn = raw_connection(&path, &key(2));
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, backend::cases::schema_version() as i64);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "wal");
}

#[test]
fn an_encrypted_database_from_a_newer_app_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cases.db");
    {
        let mut store = Store::open_encrypted(&path, &key(3)).expect("creates");
        store.create_case(&typed(), at(0)).expect("creates");
    }
    {
        let conn = raw_connection(&path, &key(3));
        conn.pragma_update(None, "journal_mode", "DELETE")
            .expect("no wal");
        conn.pragma_update(None, "user_version", 999)
            .expect("newer");
    }
    let before = std::fs::read(&path).expect("read");
    assert!(!before.starts_with(b"SQLite format 3"), "still encrypted");
    let err = Store::open_encrypted(&path, &key(3)).expect_err("refused");
    assert!(matches!(err, Error::DatabaseTooNew), "{err:?}");
    assert_eq!(err.code(), "database_too_new");
    assert!(err.to_string().contains("newer version"));
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "file unchanged"
    );
    let version: i64 = raw_connection(&path, &key(3))
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, 999, "never migrated down");
}

#[test]
fn a_wrong_key_is_refused_and_the_file_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cases.db");
    {
        let mut store = Store::open_encrypted(&path, &key(4)).expect("creates");
        store.create_case(&typed(), at(0)).expect("creates");
    }
    let before = std::fs::read(&path).expect("read");
    let err = Store::open_encrypted(&path, &key(5)).expect_err("wrong key");
    assert_eq!(err.code(), "database_damaged", "{err:?}");
    let hex = key(5).raw_key_hex_for_tests();
    assert!(
        !format!("{err:?}").contains(&hex[..16]),
        "no key in the error"
    );
    assert!(
        !err.to_string().contains(&hex[..16]),
        "no key in the message"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "file unchanged"
    );
    // And the right key still opens it.
    let store = Store::open_encrypted(&path, &key(4)).expect("right key");
    assert_eq!(store.cases().expect("list").len(), 1);
}

#[test]
fn the_database_and_its_wal_hold_no_plaintext() {
    const SECRET: &str = "Zebra-Quokka-Diagnosis-7741";
    let details = CaseDetails {
        patient_name: "Ann Example".into(),
        diagnosis: SECRET.into(),
        ..Default::default()
    };
    let dir = tempfile::tempdir().expect("temp dir");

    // Control: the same text written by plain SQLite (WAL, no key) is found, so the search works.
    let plain_path = dir.path().join("plain.db");
    {
        let conn = rusqlite::Connection::open(&plain_path).expect("plain");
        conn.pragma_update(None, "journal_mode", "WAL")
            .expect("wal");
        conn.execute_batch("CREATE TABLE t (x TEXT)")
            .expect("table");
        conn.execute("INSERT INTO t VALUES (?1)", [SECRET])
            .expect("insert");
        let wal = std::fs::read(plain_path.with_extension("db-wal")).expect("wal while open");
        assert!(
            contains(&wal, SECRET.as_bytes()),
            "control: plaintext in the WAL"
        );
    }
    let plain = std::fs::read(&plain_path).expect("read");
    assert!(plain.starts_with(b"SQLite format 3"));
    assert!(
        contains(&plain, SECRET.as_bytes()),
        "control: plaintext in the file"
    );

    let path = dir.path().join("cases.db");
    let wal_path = dir.path().join("cases.db-wal");
    {
        let mut store = Store::open_encrypted(&path, &key(6)).expect("creates");
        store.create_case(&details, at(0)).expect("creates");
        // While open, the new rows are in the WAL.
        let wal = std::fs::read(&wal_path).expect("wal while open");
        assert!(wal.len() > 4096, "the WAL holds the write");
        assert!(
            !contains(&wal, SECRET.as_bytes()),
            "no plaintext in the WAL"
        );
        assert!(!contains(&wal, b"Ann Example"));
        let db = std::fs::read(&path).expect("db while open");
        assert!(!contains(&db, SECRET.as_bytes()));
    }
    let db = std::fs::read(&path).expect("db after closing (checkpointed)");
    assert!(db.len() >= 4096);
    assert!(
        !db.starts_with(b"SQLite format 3"),
        "not a plain SQLite file"
    );
    assert!(
        !contains(&db, SECRET.as_bytes()),
        "no plaintext in the file"
    );
    assert!(!contains(&db, b"Ann Example"));
    assert!(!contains(&db, b"CREATE TABLE"), "even the schema is hidden");
    let store = Store::open_encrypted(&path, &key(6)).expect("reopens");
    let id = store.cases().expect("list")[0].id;
    assert_eq!(store.case(id).expect("case").details.diagnosis, SECRET);
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_damaged_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cases.db");
    let garbage: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&path, &garbage).expect("write");
    let err = Store::open_encrypted(&path, &key(7)).expect_err("refused");
    assert_eq!(err.code(), "database_damaged", "{err:?}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        garbage,
        "file unchanged"
    );
}

#[test]
fn the_schema_version_is_known() {
    assert!(backend::cases::schema_version() >= 1);
}

#[test]
fn notes_and_their_search_index_survive_reopening_and_hold_no_plaintext() {
    const SECRET: &str = "Quagga-Echocardiogram-5519";
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cases.db");
    let written = chrono::FixedOffset::east_opt(0)
        .expect("offset")
        .with_ymd_and_hms(2026, 11, 21, 10, 0, 0)
        .single()
        .expect("valid time");
    let case_id = {
        let mut store = Store::open_encrypted(&path, &key(8)).expect("creates");
        let case = store.create_case(&typed(), at(0)).expect("creates");
        store
            .add_note(case.id, &format!("{SECRET} booked for Tuesday"), written)
            .expect("adds");
        store
            .add_note(case.id, "Gofynnwch i'r ŵyr\r\nam lifft", written)
            .expect("adds");
        case.id
    };
    let db = std::fs::read(&path).expect("db after closing");
    assert!(!contains(&db, SECRET.as_bytes()), "no plaintext note");
    let store = Store::open_encrypted(&path, &key(8)).expect("reopens");
    let notes = store.list_notes(case_id).expect("lists");
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0].text, "Gofynnwch i'r ŵyr\r\nam lifft");
    assert_eq!(notes[1].written_on, "21 November 2026");
    let found = store
        .search_notes(case_id, "quagga tues")
        .expect("searches");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, format!("{SECRET} booked for Tuesday"));
    assert_eq!(
        store.search_notes(case_id, "wyr LIFFT").expect("s").len(),
        1
    );
}
