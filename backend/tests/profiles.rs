//! Encrypted per-person profiles, checked through their files on disk: what is written is
//! unreadable without the passphrase, and every way in (passphrase, recovery code, export
//! passphrase) works only as intended.

use std::path::{Path, PathBuf};

use backend::cases::{CarerConsentDetails, CaseDetails, ConsentGiven, Nation};
use backend::profiles::{KdfParams, OpenProfile, Profiles};
use backend::Error;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use rand::{rngs::StdRng, SeedableRng};

/// Fast parameters: every test here derives keys many times.
const FAST: KdfParams = KdfParams::INSECURE_FOR_TESTS;
const PASS: &str = "correct horse battery staple";
/// A string that appears nowhere else, saved as a diagnosis, then searched for in raw bytes.
const SECRET: &str = "Quokka-Zebra-Diagnosis-Ŵ-5521";

fn rng(seed: u64) -> StdRng {
    StdRng::seed_from_u64(seed)
}

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 10, minute, 0)
        .single()
        .expect("valid time")
}

fn details() -> CaseDetails {
    CaseDetails {
        patient_name: "Gwenllïan Example".into(),
        nation: Some(Nation::Wales),
        diagnosis: SECRET.into(),
        reason: "Zażółć gęślą jaźń — مرحبا 🙂".into(),
        ..Default::default()
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every file under `dir`, with its bytes.
fn all_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(all_files(&path));
        } else {
            let bytes = std::fs::read(&path).expect("read");
            out.push((path, bytes));
        }
    }
    out.sort();
    out
}

/// Makes a profile holding one case, and returns it unlocked.
fn profile_with_a_case(profiles: &Profiles, name: &str, seed: u64) -> OpenProfile {
    let (mut open, _code) = profiles
        .create(name, PASS, FAST, &mut rng(seed))
        .expect("creates");
    open.store_mut()
        .create_case(&details(), at(0))
        .expect("saves a case");
    open
}

fn only_case(open: &OpenProfile) -> CaseDetails {
    let list = open.store().cases().expect("lists");
    assert_eq!(list.len(), 1);
    open.store().case(list[0].id).expect("reads").details
}

#[test]
fn a_profile_opens_with_its_passphrase_and_refuses_a_wrong_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path().join("profiles"));
    assert!(profiles.list().expect("empty list").is_empty());
    let open = profile_with_a_case(&profiles, "Mam", 1);
    let id = open.id().to_owned();
    open.lock();

    let err = profiles
        .unlock(&id, "correct horse battery stapler")
        .expect_err("wrong passphrase");
    assert!(matches!(err, Error::WrongPassphrase), "{err:?}");
    assert_eq!(err.code(), "wrong_passphrase");
    assert_eq!(
        err.to_string(),
        "That passphrase is not right. Please check it and try again."
    );

    let open = profiles.unlock(&id, PASS).expect("right passphrase");
    assert_eq!(open.name(), "Mam");
    assert_eq!(only_case(&open), details());
}

#[test]
fn the_database_files_hold_no_plaintext() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let mut open = profile_with_a_case(&profiles, "Dafydd", 2);
    open.store_mut()
        .record_activity(at(1), "Dafydd", "Opened")
        .expect("logs");
    let db_path = open.database_path();
    let wal_path = PathBuf::from(format!("{}-wal", db_path.display()));
    let hex_key = open.raw_key_hex_for_tests();

    // While open: the write is in the WAL, encrypted.
    let wal = std::fs::read(&wal_path).expect("WAL while open");
    assert!(wal.len() > 4096, "the WAL holds the write");
    for (path, bytes) in all_files(dir.path()) {
        assert!(
            !contains(&bytes, SECRET.as_bytes()),
            "{path:?} holds the secret"
        );
        assert!(
            !contains(&bytes, "Gwenllïan".as_bytes()),
            "{path:?} holds the name"
        );
        assert!(
            !contains(&bytes, hex_key.as_bytes()),
            "{path:?} holds the key"
        );
    }

    // After closing (the WAL is checkpointed into the database).
    open.lock();
    let db = std::fs::read(&db_path).expect("database");
    assert!(db.len() >= 4096);
    assert!(
        !db.starts_with(b"SQLite format 3"),
        "not a plain SQLite file"
    );
    for (path, bytes) in all_files(dir.path()) {
        assert!(
            !contains(&bytes, SECRET.as_bytes()),
            "{path:?} holds the secret"
        );
        assert!(
            !contains(&bytes, b"CREATE TABLE"),
            "{path:?} shows the schema"
        );
        assert!(
            !contains(&bytes, b"Opened"),
            "{path:?} shows the activity log"
        );
        assert!(
            !contains(&bytes, hex_key.as_bytes()),
            "{path:?} holds the key"
        );
        // File and folder names carry no names.
        assert!(!path.to_string_lossy().contains("Dafydd"), "{path:?}");
    }
    // The display name is the only personal thing outside the database.
    let id = profiles.list().expect("list")[0].id.clone();
    let meta = std::fs::read_to_string(dir.path().join(&id).join("profile.json")).expect("meta");
    assert!(meta.contains("\"name\": \"Dafydd\""), "{meta}");
}

#[test]
fn changing_the_passphrase_reseals_the_key_and_keeps_the_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let open = profile_with_a_case(&profiles, "Ann", 3);
    let id = open.id().to_owned();
    let db_path = open.database_path();
    open.lock();
    let db_before = std::fs::read(&db_path).expect("db");
    let open = profiles.unlock(&id, PASS).expect("unlocks");

    let err = profiles
        .change_passphrase(
            &open,
            "not the passphrase",
            "a brand new passphrase",
            &mut rng(30),
        )
        .expect_err("old passphrase needed");
    assert_eq!(err.code(), "wrong_passphrase");
    let err = profiles
        .change_passphrase(&open, PASS, "short", &mut rng(31))
        .expect_err("too short");
    assert_eq!(err.code(), "invalid_input");

    profiles
        .change_passphrase(&open, PASS, "a brand new passphrase", &mut rng(32))
        .expect("changes");
    open.lock();
    assert_eq!(
        std::fs::read(&db_path).expect("db"),
        db_before,
        "the database is not re-encrypted"
    );
    assert_eq!(
        profiles.unlock(&id, PASS).expect_err("old one").code(),
        "wrong_passphrase"
    );
    let open = profiles
        .unlock(&id, "a brand new passphrase")
        .expect("new one");
    assert_eq!(only_case(&open), details());
}

#[test]
fn the_recovery_code_resets_a_forgotten_passphrase() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let (mut open, code) = profiles
        .create("Ann", PASS, FAST, &mut rng(4))
        .expect("creates");
    open.store_mut()
        .create_case(&details(), at(0))
        .expect("case");
    let id = open.id().to_owned();
    open.lock();
    let shown = code.formatted().to_string();

    // A wrong code (one character changed) changes nothing.
    let mut wrong = shown.clone().into_bytes();
    wrong[0] = if wrong[0] == b'A' { b'B' } else { b'A' };
    let wrong = String::from_utf8(wrong).expect("ascii");
    let meta_path = dir.path().join(&id).join("profile.json");
    let meta_before = std::fs::read(&meta_path).expect("meta");
    let err = profiles
        .unlock_with_recovery(&id, &wrong, "my new passphrase", &mut rng(40))
        .expect_err("wrong code");
    assert_eq!(err.code(), "wrong_recovery_code");
    assert_eq!(std::fs::read(&meta_path).expect("meta"), meta_before);

    // Typed in lower case with spaces, as a person might.
    let typed = shown.to_lowercase().replace('-', " ");
    let open = profiles
        .unlock_with_recovery(&id, &typed, "my new passphrase", &mut rng(41))
        .expect("recovers");
    assert_eq!(only_case(&open), details());
    open.lock();
    assert_eq!(
        profiles.unlock(&id, PASS).expect_err("old").code(),
        "wrong_passphrase"
    );
    let open = profiles.unlock(&id, "my new passphrase").expect("new");
    // The printed sheet still works; a replaced code makes the old one useless.
    let new_code = profiles
        .replace_recovery_code(&open, &mut rng(42))
        .expect("replaces");
    open.lock();
    assert_eq!(
        profiles
            .unlock_with_recovery(&id, &shown, "another passphrase", &mut rng(43))
            .expect_err("old code")
            .code(),
        "wrong_recovery_code"
    );
    profiles
        .unlock_with_recovery(
            &id,
            &new_code.formatted(),
            "another passphrase",
            &mut rng(44),
        )
        .expect("new code works");
}

#[test]
fn a_recovery_code_copied_by_hand_is_checked_against_the_profile_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let (open, code) = profiles
        .create("Ann", PASS, FAST, &mut rng(6))
        .expect("creates");
    let (other, other_code) = profiles
        .create("Bob", PASS, FAST, &mut rng(7))
        .expect("creates");
    let meta_path = dir.path().join(open.id()).join("profile.json");
    let before = std::fs::read(&meta_path).expect("meta");
    let shown = code.formatted().to_string();

    // As written down: lower case, spaces for dashes.
    let typed = shown.to_lowercase().replace('-', "  ");
    profiles
        .check_recovery_code(&open, &typed)
        .expect("the copy is right");
    // One character copied wrongly, another profile's code, or not a code at all.
    let mut slip = shown.clone().into_bytes();
    slip[5] = if slip[5] == b'A' { b'B' } else { b'A' };
    let slip = String::from_utf8(slip).expect("ascii");
    for wrong in [slip.as_str(), &other_code.formatted()] {
        assert_eq!(
            profiles
                .check_recovery_code(&open, wrong)
                .expect_err("wrong")
                .code(),
            "wrong_recovery_code"
        );
    }
    assert_eq!(
        profiles
            .check_recovery_code(&open, "not a code")
            .expect_err("not a code")
            .code(),
        "invalid_input"
    );
    assert_eq!(std::fs::read(&meta_path).expect("meta"), before);
    // A code is checked against the profile it belongs to only.
    profiles
        .check_recovery_code(&other, &other_code.formatted())
        .expect("Bob's own code");
}

#[test]
fn an_open_profile_knows_its_own_idle_deadline_whatever_the_window_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let (mut open, _) = profiles
        .create("Ann", PASS, FAST, &mut rng(8))
        .expect("creates");
    // Not started until the first use is recorded.
    assert!(!open.idle_deadline_passed(at(59)));
    open.used(at(0));
    // Ten minutes unless chosen, and the backend waits a little longer than the window.
    let ten = at(0) + chrono::Duration::minutes(10);
    assert!(!open.idle_deadline_passed(ten));
    assert!(open.idle_deadline_passed(ten + backend::profiles::IDLE_GRACE));
    open.used(at(5));
    assert!(!open.idle_deadline_passed(ten + backend::profiles::IDLE_GRACE));
    // A shorter choice applies at once, counted from the last use.
    profiles
        .set_idle_lock_minutes(&mut open, 2)
        .expect("chosen");
    assert!(open.idle_deadline_passed(at(7) + backend::profiles::IDLE_GRACE));
    assert!(!open.idle_deadline_passed(at(6)));
}

#[test]
fn export_and_import_round_trip_to_another_computer() {
    let here = tempfile::tempdir().expect("temp dir");
    let there = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(here.path().join("profiles"));
    let mut open = profile_with_a_case(&profiles, "Gwenllïan", 5);
    open.store_mut()
        .record_activity(at(2), "Gwenllïan", "Exported")
        .expect("logs");
    let consent = CarerConsentDetails {
        carer_name: "Siân".into(),
        relationship: "daughter".into(),
        purposes: String::new(),
        from: NaiveDate::from_ymd_opt(2026, 11, 1).expect("day"),
        until: None,
        how_given: Some(ConsentGiven::SignedLetter),
        may_add_files: false,
    };
    open.store_mut()
        .add_carer_consent(&consent, at(3))
        .expect("consent");
    let file = here.path().join("backup.second-opinion");
    profiles
        .export(&open, &file, "export passphrase", &mut rng(50))
        .expect("exports");

    let bytes = std::fs::read(&file).expect("export file");
    assert!(bytes.starts_with(b"SECOND-OPINION-PROFILE-EXPORT\n"));
    for plain in [
        SECRET.as_bytes(),
        "Gwenllïan".as_bytes(),
        b"SQLite format 3",
        b"CREATE TABLE",
        b"Exported",
        open.raw_key_hex_for_tests().as_bytes(),
    ] {
        assert!(
            !contains(&bytes, plain),
            "{:?}",
            String::from_utf8_lossy(plain)
        );
    }
    // No temporary copy is left beside the profile or the export.
    assert_eq!(std::fs::read_dir(here.path()).expect("dir").count(), 2);
    assert_eq!(
        all_files(&here.path().join("profiles"))
            .iter()
            .filter(|(p, _)| p.to_string_lossy().contains(".export-"))
            .count(),
        0
    );

    // On another computer.
    let elsewhere = Profiles::at(there.path());
    let (imported, code) = elsewhere
        .import(&file, "export passphrase", &mut rng(51))
        .expect("imports");
    assert_eq!(imported.name(), "Gwenllïan");
    assert_eq!(only_case(&imported), details());
    assert_eq!(
        imported.store().activity().expect("log")[0].what,
        "Exported"
    );
    assert_eq!(
        imported.store().carer_consents().expect("consents")[0].details,
        consent
    );
    assert_ne!(
        imported.raw_key_hex_for_tests(),
        open.raw_key_hex_for_tests(),
        "the copy has its own key"
    );
    let id = imported.id().to_owned();
    imported.lock();
    elsewhere
        .unlock(&id, "export passphrase")
        .expect("the export passphrase unlocks it")
        .lock();
    elsewhere
        .unlock_with_recovery(&id, &code.formatted(), "a new passphrase", &mut rng(52))
        .expect("its new recovery code works");

    // Imported beside the original: the original is untouched, the copy gets another name.
    let before = all_files(profiles.dir());
    let (copy, _) = profiles
        .import(&file, "export passphrase", &mut rng(53))
        .expect("imports again");
    assert_eq!(copy.name(), "Gwenllïan (2)");
    let after: Vec<_> = all_files(profiles.dir())
        .into_iter()
        .filter(|(p, _)| !p.starts_with(profiles.dir().join(copy.id())))
        .collect();
    open.lock();
    assert_eq!(before, after, "the original profile's files are untouched");
    let names: Vec<String> = profiles
        .list()
        .expect("list")
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Gwenllïan", "Gwenllïan (2)"]);
}

#[test]
fn an_import_with_a_wrong_passphrase_or_a_damaged_file_leaves_nothing_behind() {
    let here = tempfile::tempdir().expect("temp dir");
    let there = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(here.path().join("profiles"));
    let open = profile_with_a_case(&profiles, "Ann", 6);
    let file = here.path().join("ann.export");
    profiles
        .export(&open, &file, "export passphrase", &mut rng(60))
        .expect("exports");
    let elsewhere = Profiles::at(there.path());
    let existing = profile_with_a_case(&elsewhere, "Bob", 61);
    let bob_id = existing.id().to_owned();
    existing.lock();
    let before = all_files(there.path());

    let err = elsewhere
        .import(&file, "export passphrasf", &mut rng(62))
        .expect_err("wrong passphrase");
    assert_eq!(err.code(), "wrong_passphrase");
    assert_eq!(all_files(there.path()), before, "nothing written");

    // One byte of the database part changed.
    let mut bytes = std::fs::read(&file).expect("read");
    let last = bytes.len() - 100;
    bytes[last] ^= 0x40;
    let damaged = here.path().join("damaged.export");
    std::fs::write(&damaged, &bytes).expect("write");
    let err = elsewhere
        .import(&damaged, "export passphrase", &mut rng(63))
        .expect_err("damaged");
    assert_eq!(err.code(), "not_an_export");

    // Not an export at all.
    let foreign = here.path().join("photo.jpg");
    std::fs::write(&foreign, b"\xff\xd8\xff\xe0 not an export").expect("write");
    let err = elsewhere
        .import(&foreign, "export passphrase", &mut rng(64))
        .expect_err("foreign");
    assert_eq!(err.code(), "not_an_export");
    assert!(err.to_string().contains("Nothing has been changed"));

    assert_eq!(all_files(there.path()), before, "nothing written");
    assert_eq!(
        std::fs::read_dir(there.path()).expect("dir").count(),
        1,
        "no half-made profile folder"
    );
    let names: Vec<_> = elsewhere.list().expect("list");
    assert_eq!(names.len(), 1);
    assert_eq!(names[0].id, bob_id);
    elsewhere.unlock(&bob_id, PASS).expect("Bob is untouched");
}

#[test]
fn deleting_needs_the_profiles_exact_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let open = profile_with_a_case(&profiles, "Mam", 7);
    let id = open.id().to_owned();
    open.lock();
    let other = profile_with_a_case(&profiles, "Dad", 70);
    let other_id = other.id().to_owned();
    other.lock();

    for wrong in ["mam", "Ma", "Dad", ""] {
        let err = profiles.delete(&id, wrong).expect_err("refused");
        assert_eq!(err.code(), "invalid_input");
        assert!(err.to_string().contains("Nothing has been deleted"));
        assert!(dir.path().join(&id).join("cases.db").is_file());
    }
    assert_eq!(
        profiles
            .delete("../..", "Mam")
            .expect_err("no paths")
            .code(),
        "profile_not_found"
    );

    profiles.delete(&id, " Mam ").expect("deletes");
    assert!(!dir.path().join(&id).exists(), "folder removed");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(left, [std::ffi::OsString::from(&other_id)]);
    assert_eq!(
        profiles.unlock(&id, PASS).expect_err("gone").code(),
        "profile_not_found"
    );
    profiles.unlock(&other_id, PASS).expect("the other stays");
}

#[test]
fn an_encrypted_profile_from_a_newer_app_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let open = profile_with_a_case(&profiles, "Ann", 8);
    let id = open.id().to_owned();
    let db_path = open.database_path();
    let hex = open.raw_key_hex_for_tests();
    open.lock();
    {
        let conn = keyed_connection(&db_path, &hex);
        conn.pragma_update(None, "journal_mode", "DELETE")
            .expect("no wal");
        conn.pragma_update(None, "user_version", 999)
            .expect("newer");
    }
    let before = std::fs::read(&db_path).expect("read");
    let err = profiles.unlock(&id, PASS).expect_err("refused");
    assert_eq!(err.code(), "database_too_new", "{err:?}");
    assert_eq!(std::fs::read(&db_path).expect("read"), before, "untouched");

    // A newer profile.json is refused too, and not rewritten.
    let meta_path = dir.path().join(&id).join("profile.json");
    let meta = std::fs::read_to_string(&meta_path).expect("meta");
    let newer = meta.replace("\"format\": 2", "\"format\": 3");
    assert_ne!(meta, newer);
    std::fs::write(&meta_path, &newer).expect("write");
    let err = profiles.unlock(&id, PASS).expect_err("refused");
    assert_eq!(err.code(), "database_too_new");
    assert_eq!(std::fs::read_to_string(&meta_path).expect("meta"), newer);
}

/// A rusqlite connection keyed by hand with a raw key, as an outside reader would.
fn keyed_connection(path: &Path, hex: &str) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).expect("open");
    let mut stmt = conn
        .prepare(&format!("PRAGMA key = \"x'{hex}'\""))
        .expect("prepare");
    let mut rows = stmt.query([]).expect("key");
    while rows.next().expect("row").is_some() {}
    drop(rows);
    drop(stmt);
    conn
}

#[test]
fn one_profiles_key_cannot_open_anothers_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let a = profile_with_a_case(&profiles, "A", 9);
    let b = profile_with_a_case(&profiles, "B", 90);
    let (a_id, a_key, a_db) = (
        a.id().to_owned(),
        a.raw_key_hex_for_tests(),
        a.database_path(),
    );
    let (b_id, b_key, b_db) = (
        b.id().to_owned(),
        b.raw_key_hex_for_tests(),
        b.database_path(),
    );
    a.lock();
    b.lock();
    assert_ne!(a_key, b_key);

    // A's key on B's database: SQLCipher refuses at the first read.
    let conn = keyed_connection(&b_db, &a_key);
    let err = conn
        .query_row("SELECT count(*) FROM cases", [], |r| r.get::<_, i64>(0))
        .expect_err("A's key cannot read B");
    assert_eq!(
        err.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase)
    );
    // Each key reads its own.
    for (db, key) in [(&a_db, &a_key), (&b_db, &b_key)] {
        let n: i64 = keyed_connection(db, key)
            .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
            .expect("own key reads");
        assert_eq!(n, 1);
    }

    // B's passphrase slot moved into A's folder does not open: the slot is bound to B's id.
    let b_meta = std::fs::read_to_string(dir.path().join(&b_id).join("profile.json")).expect("b");
    let a_meta_path = dir.path().join(&a_id).join("profile.json");
    std::fs::write(&a_meta_path, b_meta.replace(&b_id, &a_id)).expect("swap");
    let err = profiles
        .unlock(&a_id, PASS)
        .expect_err("B's key on A's database");
    assert_eq!(err.code(), "wrong_passphrase", "{err:?}");
}

#[test]
fn argon2_parameters_are_stored_and_honoured() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    // At the floor's memory, more passes and lanes than today's.
    let x = KdfParams {
        m_cost_kib: KdfParams::MIN_M_COST_KIB,
        t_cost: 3,
        p_cost: 2,
    };
    let (open, _code) = profiles
        .create("Ann", PASS, x, &mut rng(10))
        .expect("creates");
    let id = open.id().to_owned();
    open.lock();

    let meta_path = dir.path().join(&id).join("profile.json");
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta_path).expect("meta")).expect("json");
    for slot in ["passphrase_slot", "recovery_slot"] {
        let kdf = &meta[slot]["kdf"];
        assert_eq!(kdf["algorithm"], "argon2id");
        assert_eq!(kdf["m_cost_kib"], KdfParams::MIN_M_COST_KIB, "{slot}");
        assert_eq!(kdf["t_cost"], 3, "{slot}");
        assert_eq!(kdf["p_cost"], 2, "{slot}");
        assert_eq!(kdf["salt"].as_str().expect("salt").len(), 32);
    }
    assert_ne!(
        meta["passphrase_slot"]["kdf"]["salt"], meta["recovery_slot"]["kdf"]["salt"],
        "each slot has its own salt"
    );

    // Unlocking re-derives with X (not the app's defaults): it works as stored...
    profiles.unlock(&id, PASS).expect("unlocks with X").lock();
    // ...and fails if the stored parameters are changed, even with the right passphrase.
    let original = std::fs::read_to_string(&meta_path).expect("meta");
    let tampered = original.replace("\"t_cost\": 3", "\"t_cost\": 2");
    assert_ne!(original, tampered);
    std::fs::write(&meta_path, &tampered).expect("write");
    assert_eq!(
        profiles.unlock(&id, PASS).expect_err("other params").code(),
        "wrong_passphrase"
    );
    std::fs::write(&meta_path, &original).expect("restore");
    let open = profiles.unlock(&id, PASS).expect("unlocks again");

    // A passphrase change keeps the profile's parameters where they are above today's, and
    // raises the rest to today's.
    profiles
        .change_passphrase(&open, PASS, "another passphrase", &mut rng(11))
        .expect("changes");
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta_path).expect("meta")).expect("json");
    assert_eq!(meta["passphrase_slot"]["kdf"]["t_cost"], 3);
    assert_eq!(meta["passphrase_slot"]["kdf"]["p_cost"], 2);
    assert_eq!(
        meta["passphrase_slot"]["kdf"]["m_cost_kib"],
        KdfParams::RECOMMENDED.m_cost_kib
    );

    // Out-of-bounds parameters are refused when making a profile.
    let err = profiles
        .create(
            "Bob",
            PASS,
            KdfParams {
                m_cost_kib: u32::MAX,
                t_cost: 1,
                p_cost: 1,
            },
            &mut rng(12),
        )
        .expect_err("too much memory");
    assert_eq!(err.code(), "key_settings_refused");
}

#[test]
fn profiles_are_listed_by_name_and_names_are_unique() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    for (i, name) in ["mam", "Dad", "Ŵyn 🙂"].into_iter().enumerate() {
        profiles
            .create(name, PASS, FAST, &mut rng(100 + i as u64))
            .expect("creates")
            .0
            .lock();
    }
    let err = profiles
        .create(" MAM ", PASS, FAST, &mut rng(110))
        .expect_err("name taken");
    assert_eq!(err.code(), "invalid_input");
    assert!(err.to_string().contains("already a profile called"));
    let list = profiles.list().expect("list");
    let names: Vec<_> = list.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Dad", "mam", "Ŵyn 🙂"]);
    for p in &list {
        assert_eq!(p.id.len(), 32);
        assert!(p.id.bytes().all(|b| b.is_ascii_hexdigit()));
    }
    // A stray folder and a leftover work-in-progress folder are not listed.
    std::fs::create_dir(dir.path().join("not-a-profile")).expect("mkdir");
    std::fs::create_dir(dir.path().join(".creating-0011223344556677")).expect("mkdir");
    assert_eq!(profiles.list().expect("list"), list);
}

#[test]
fn activity_and_consents_persist_in_the_encrypted_profile() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let mut open = profile_with_a_case(&profiles, "Ann", 13);
    let id = open.id().to_owned();
    open.store_mut()
        .record_activity(at(5), "Ann", "Printed the GP letter")
        .expect("logs");
    let consent = CarerConsentDetails {
        carer_name: "Siân".into(),
        relationship: "daughter".into(),
        purposes: "Talk to my GP.".into(),
        from: NaiveDate::from_ymd_opt(2026, 11, 1).expect("day"),
        until: Some(NaiveDate::from_ymd_opt(2027, 10, 31).expect("day")),
        how_given: Some(ConsentGiven::Spoken),
        may_add_files: false,
    };
    open.store_mut()
        .add_carer_consent(&consent, at(6))
        .expect("consent");
    open.lock();

    let open = profiles.unlock(&id, PASS).expect("unlocks");
    let log = open.store().activity().expect("log");
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].what, "Printed the GP letter");
    assert_eq!(log[0].at, "2026-11-21T10:05:00.000Z");
    let active = open
        .store()
        .active_carer_consents(NaiveDate::from_ymd_opt(2027, 1, 1).expect("day"))
        .expect("active");
    assert_eq!(active.len(), 1);
    assert_eq!(active[0].details, consent);
    assert!(open
        .store()
        .active_carer_consents(NaiveDate::from_ymd_opt(2027, 11, 1).expect("day"))
        .expect("active")
        .is_empty());
}

#[test]
fn a_missing_database_is_reported_not_replaced_by_an_empty_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let open = profile_with_a_case(&profiles, "Ann", 14);
    let id = open.id().to_owned();
    let db = open.database_path();
    open.lock();
    std::fs::remove_file(&db).expect("lose the database");
    let err = profiles.unlock(&id, PASS).expect_err("missing");
    assert_eq!(err.code(), "profile_damaged");
    assert!(!db.exists(), "no empty database made in its place");
}

#[test]
fn a_carer_acts_only_under_a_consent_that_covers_today_and_cannot_end_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let mut open = profile_with_a_case(&profiles, "Dad", 15);
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("day");
    let consent = open
        .store_mut()
        .add_carer_consent(
            &CarerConsentDetails {
                carer_name: "Siân Jones".into(),
                relationship: "daughter".into(),
                purposes: String::new(),
                from: day(11, 1),
                until: Some(day(11, 30)),
                how_given: Some(ConsentGiven::SignedLetter),
                may_add_files: false,
            },
            at(1),
        )
        .expect("consent");
    assert_eq!(open.who(), "Dad");
    assert!(open.written_by().is_none());

    // Not yet, or no longer, covered: refused in plain words, nobody acting.
    let err = open
        .act_for(Some(consent.id), day(10, 31))
        .expect_err("before it starts");
    assert_eq!(err.code(), "invalid_input");
    assert!(err.to_string().contains("does not cover today"), "{err}");
    assert!(open.acting_carer().is_none());
    assert_eq!(
        open.act_for(Some(999), day(11, 21))
            .expect_err("no such consent")
            .code(),
        "not_found"
    );

    let acting = open
        .act_for(Some(consent.id), day(11, 21))
        .expect("covered today")
        .expect("acting");
    assert_eq!(acting.carer_name, "Siân Jones");
    assert_eq!(open.who(), "Siân Jones (helping Dad)");
    let by = open.written_by().expect("letters written by the carer");
    assert_eq!(by.relationship, "daughter");

    // While helping, the carer is refused what only Dad may do (here ending the consent;
    // every such command, through the app's API: tests/app_commands.rs).
    let err = open.require_owner().expect_err("only Dad");
    assert!(
        err.to_string().starts_with("Only Dad can do this."),
        "{err}"
    );
    assert!(open
        .end_carer_consent(consent.id, day(11, 21), at(2), day(11, 21))
        .is_err());

    // Back to Dad himself; Dad ends the consent today: a carer acting under it would stop
    // tomorrow, and the record is kept.
    assert!(open.act_for(None, day(11, 21)).expect("Dad").is_none());
    open.act_for(Some(consent.id), day(11, 21)).expect("acting");
    open.act_for(None, day(11, 21)).expect("Dad again");
    let ended = open
        .end_carer_consent(consent.id, day(11, 21), at(3), day(11, 21))
        .expect("ends");
    assert_eq!(ended.details.until, Some(day(11, 21)));
    assert!(open.act_for(Some(consent.id), day(11, 22)).is_err());
    assert_eq!(open.store().carer_consents().expect("kept").len(), 1);
}

#[test]
fn the_idle_lock_time_is_kept_with_the_profile() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let mut open = profile_with_a_case(&profiles, "Ann", 16);
    let id = open.id().to_owned();
    assert_eq!(open.idle_lock_minutes(), 10, "ten minutes unless chosen");
    let err = profiles
        .set_idle_lock_minutes(&mut open, 0)
        .expect_err("never");
    assert_eq!(err.code(), "invalid_input");
    profiles
        .set_idle_lock_minutes(&mut open, 30)
        .expect("a choice from the list");
    assert_eq!(open.idle_lock_minutes(), 30);
    open.lock();
    let open = profiles.unlock(&id, PASS).expect("unlocks");
    assert_eq!(open.idle_lock_minutes(), 30);
}

/// Sets the Argon2 settings of one slot of `profile.json` (the file as the app wrote it).
fn set_slot_params(meta_path: &Path, slot: &str, params: KdfParams) {
    let mut meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(meta_path).expect("meta")).expect("json");
    let kdf = &mut meta[slot]["kdf"];
    kdf["m_cost_kib"] = params.m_cost_kib.into();
    kdf["t_cost"] = params.t_cost.into();
    kdf["p_cost"] = params.p_cost.into();
    std::fs::write(meta_path, serde_json::to_vec_pretty(&meta).expect("json")).expect("write");
}

fn read_json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json")
}

#[test]
fn cheap_key_settings_written_into_profile_json_are_refused_and_never_reused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let floor = KdfParams {
        m_cost_kib: KdfParams::MIN_M_COST_KIB,
        t_cost: KdfParams::MIN_T_COST,
        p_cost: 1,
    };
    let (open, code) = profiles
        .create("Ann", PASS, floor, &mut rng(300))
        .expect("creates");
    let id = open.id().to_owned();
    open.lock();
    let meta_path = dir.path().join(&id).join("profile.json");

    // What the review did: 64 KiB and one pass on the passphrase's slot.
    let cheap = KdfParams {
        m_cost_kib: 64,
        t_cost: 1,
        p_cost: 2,
    };
    set_slot_params(&meta_path, "passphrase_slot", cheap);
    let err = profiles.unlock(&id, PASS).expect_err("refused");
    // Refused as a damaged passphrase slot, whose message points to the recovery code.
    assert_eq!(err.code(), "passphrase_slot_damaged", "{err:?}");

    // The owner then resets the passphrase with the recovery code: the new seal uses the
    // recovery slot's own settings raised to today's, never the edited ones.
    profiles
        .unlock_with_recovery(
            &id,
            code.formatted().as_ref(),
            "a brand new passphrase",
            &mut rng(301),
        )
        .expect("recovers")
        .lock();
    let meta = read_json(&meta_path);
    for slot in ["passphrase_slot", "recovery_slot"] {
        let kdf = &meta[slot]["kdf"];
        assert_eq!(
            kdf["m_cost_kib"],
            KdfParams::RECOMMENDED.m_cost_kib,
            "{slot}"
        );
        assert_eq!(kdf["t_cost"], KdfParams::RECOMMENDED.t_cost, "{slot}");
        assert_eq!(meta[slot]["binding"], 2, "{slot}");
    }
    profiles
        .unlock(&id, "a brand new passphrase")
        .expect("the new passphrase works")
        .lock();
}

/// Rewrites the header of an export file with `edit`.
fn edit_export_header(file: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    const MAGIC: &[u8] = b"SECOND-OPINION-PROFILE-EXPORT\n";
    let bytes = std::fs::read(file).expect("read");
    let rest = &bytes[MAGIC.len()..];
    let len = u32::from_le_bytes(rest[..4].try_into().expect("4")) as usize;
    let mut header: serde_json::Value = serde_json::from_slice(&rest[4..4 + len]).expect("json");
    edit(&mut header);
    let header = serde_json::to_vec(&header).expect("json");
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&(header.len() as u32).to_le_bytes());
    out.extend_from_slice(&header);
    out.extend_from_slice(&rest[4 + len..]);
    std::fs::write(file, out).expect("write");
}

#[test]
fn an_import_asking_for_too_weak_or_too_heavy_key_settings_is_refused_in_plain_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path().join("profiles"));
    let open = profile_with_a_case(&profiles, "Ann", 310);
    let file = dir.path().join("ann.soprofile");
    profiles
        .export(&open, &file, "export passphrase", &mut rng(311))
        .expect("exports");
    open.lock();
    let original = std::fs::read(&file).expect("read");
    for (m_cost_kib, t_cost) in [
        (256, 1),
        (64, 2),
        (4 * 1024 * 1024, 2),
        (2 * 1024 * 1024, 2),
    ] {
        std::fs::write(&file, &original).expect("write");
        edit_export_header(&file, |h| {
            h["slot"]["kdf"]["m_cost_kib"] = m_cost_kib.into();
            h["slot"]["kdf"]["t_cost"] = t_cost.into();
        });
        let err = profiles
            .import(&file, "export passphrase", &mut rng(312))
            .expect_err("refused");
        assert_eq!(err.code(), "key_settings_refused", "{m_cost_kib} KiB");
        assert!(err.to_string().contains("Nothing has been changed"));
    }
    assert_eq!(profiles.list().expect("list").len(), 1, "nothing imported");
}

#[test]
fn names_swapped_between_profiles_are_detected() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let (ann, _) = profiles
        .create("Ann", PASS, FAST, &mut rng(320))
        .expect("creates");
    let (bob, _) = profiles
        .create("Bob", "bobs passphrase", FAST, &mut rng(321))
        .expect("creates");
    let (ann_id, bob_id) = (ann.id().to_owned(), bob.id().to_owned());
    ann.lock();
    bob.lock();
    let ann_meta = dir.path().join(&ann_id).join("profile.json");
    let bob_meta = dir.path().join(&bob_id).join("profile.json");
    let mut a = read_json(&ann_meta);
    let mut b = read_json(&bob_meta);
    a["name"] = "Bob".into();
    b["name"] = "Ann".into();
    std::fs::write(&ann_meta, serde_json::to_vec_pretty(&a).expect("json")).expect("write");
    std::fs::write(&bob_meta, serde_json::to_vec_pretty(&b).expect("json")).expect("write");
    // Bob's folder now says "Ann": Bob's passphrase must not open it as Ann's.
    assert!(profiles.unlock(&bob_id, "bobs passphrase").is_err());
    assert!(profiles.unlock(&ann_id, PASS).is_err());
}

#[test]
fn every_field_of_profile_json_is_checked_when_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let (mut open, _) = profiles
        .create("Ann", PASS, FAST, &mut rng(330))
        .expect("creates");
    let id = open.id().to_owned();
    profiles.set_idle_lock_minutes(&mut open, 5).expect("sets");
    open.lock();
    let meta_path = dir.path().join(&id).join("profile.json");
    let original = read_json(&meta_path);

    // Never locking, locking at once, and a multiply that overflows: the default instead.
    for minutes in [35791u64, 0, 71582788, 7, u64::from(u32::MAX)] {
        let mut m = original.clone();
        m["idle_lock_minutes"] = minutes.into();
        std::fs::write(&meta_path, serde_json::to_vec_pretty(&m).expect("json")).expect("w");
        let open = profiles.unlock(&id, PASS).expect("still opens");
        assert_eq!(
            open.idle_lock_minutes(),
            backend::profiles::DEFAULT_IDLE_LOCK_MINUTES,
            "{minutes}"
        );
        open.lock();
    }

    // A name an earlier version may have saved (a direction mark was allowed then) still opens.
    let mut m = original.clone();
    m["name"] = "Ann\u{202e}".into();
    std::fs::write(&meta_path, serde_json::to_vec_pretty(&m).expect("json")).expect("w");
    assert_eq!(profiles.list().expect("list").len(), 1);

    // A name no version of the app would have saved: the profile is refused, not shown.
    for name in ["", "   ", "A\nB", &"x".repeat(61)] {
        let mut m = original.clone();
        m["name"] = name.into();
        std::fs::write(&meta_path, serde_json::to_vec_pretty(&m).expect("json")).expect("w");
        assert!(profiles.list().expect("list").is_empty(), "{name:?}");
        assert_eq!(
            profiles.unlock(&id, PASS).expect_err("refused").code(),
            "profile_damaged",
            "{name:?}"
        );
    }
    let mut m = original.clone();
    m["format"] = 0.into();
    std::fs::write(&meta_path, serde_json::to_vec_pretty(&m).expect("json")).expect("w");
    assert_eq!(
        profiles.unlock(&id, PASS).expect_err("refused").code(),
        "profile_damaged"
    );
    std::fs::write(
        &meta_path,
        serde_json::to_vec_pretty(&original).expect("json"),
    )
    .expect("w");
    assert_eq!(
        profiles
            .unlock(&id, PASS)
            .expect("opens")
            .idle_lock_minutes(),
        5
    );
}

#[test]
fn a_deleted_notes_words_leave_the_database() {
    const MARKER: &str = "Qwixotlmarker";
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let (mut open, _) = profiles
        .create("Ann", PASS, FAST, &mut rng(340))
        .expect("creates");
    let case = open
        .store_mut()
        .create_case(&details(), at(0))
        .expect("case");
    let keep = open
        .store_mut()
        .add_note(case.id, "apples and pears", at(1).fixed_offset())
        .expect("note");
    let gone = open
        .store_mut()
        .add_note(case.id, MARKER, at(2).fixed_offset())
        .expect("note");
    open.store_mut().delete_note(gone.id).expect("deletes");
    assert!(open
        .store()
        .search_notes(case.id, MARKER)
        .expect("search")
        .is_empty());
    assert_eq!(
        open.store()
            .search_notes(case.id, "apples")
            .expect("search")[0]
            .id,
        keep.id
    );
    let (db, hex) = (open.database_path(), open.raw_key_hex_for_tests());
    open.lock();

    // A decrypted copy of the database, and every page of the search index's own table.
    let conn = keyed_connection(&db, &hex);
    let plain = dir.path().join("plain.db");
    conn.execute_batch(&format!(
        "ATTACH DATABASE '{}' AS plain KEY ''; SELECT sqlcipher_export('plain'); DETACH DATABASE plain;",
        plain.display()
    ))
    .expect("decrypted copy");
    let marker = MARKER.to_lowercase();
    let mut stmt = conn
        .prepare("SELECT block FROM notes_search_data")
        .expect("index pages");
    let blocks: Vec<Vec<u8>> = stmt
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("blocks");
    assert!(!blocks.is_empty());
    for block in &blocks {
        assert!(!contains(block, marker.as_bytes()), "in the index's pages");
    }
    assert!(
        blocks.iter().any(|b| contains(b, b"pears")),
        "the test can see words"
    );
    // Everything in the database, decrypted.
    let decrypted = std::fs::read(&plain).expect("plain copy");
    assert!(!contains(&decrypted, marker.as_bytes()));
    assert!(!contains(&decrypted, MARKER.as_bytes()));
}

#[cfg(unix)]
#[test]
fn only_the_persons_own_account_can_read_the_profile_files() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
    let check_all = |root: &Path| {
        assert_eq!(mode(root), 0o700, "{}", root.display());
        let mut seen = Vec::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("dir") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    assert_eq!(mode(&path), 0o700, "{}", path.display());
                    stack.push(path);
                } else {
                    assert_eq!(mode(&path), 0o600, "{}", path.display());
                    seen.push(
                        path.file_name()
                            .expect("name")
                            .to_string_lossy()
                            .into_owned(),
                    );
                }
            }
        }
        seen
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("profiles");
    let profiles = Profiles::at(&root);
    let open = profile_with_a_case(&profiles, "Ann", 350);
    open.back_up(at(5)).expect("backs up");
    let id = open.id().to_owned();
    let seen = check_all(&root);
    for name in [
        "cases.db",
        "cases.db-wal",
        "cases.db-shm",
        "open.lock",
        "profile.json",
    ] {
        assert!(seen.iter().any(|s| s == name), "{name} in {seen:?}");
    }
    assert!(seen.iter().any(|s| s.ends_with("-daily.db")), "{seen:?}");
    open.lock();

    // Files left readable by others (an earlier app, a copy) are made private on the next open.
    let folder = root.join(&id);
    for entry in std::fs::read_dir(&folder).expect("dir") {
        let path = entry.expect("entry").path();
        let wide = if path.is_dir() { 0o755 } else { 0o644 };
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(wide)).expect("chmod");
    }
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let open = profiles.unlock(&id, PASS).expect("opens");
    check_all(&root);
    open.lock();

    // An imported profile is private from the start.
    let file = dir.path().join("ann.soprofile");
    let open = profiles.unlock(&id, PASS).expect("opens");
    profiles
        .export(&open, &file, "export passphrase", &mut rng(351))
        .expect("exports");
    open.lock();
    let other = Profiles::at(dir.path().join("elsewhere"));
    let (imported, _) = other
        .import(&file, "export passphrase", &mut rng(352))
        .expect("imports");
    check_all(&dir.path().join("elsewhere"));
    imported.lock();
}

#[test]
fn two_names_that_look_the_same_cannot_stand_side_by_side() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    profiles
        .create("Siân", PASS, FAST, &mut rng(360))
        .expect("creates")
        .0
        .lock();
    // Full-width letters, and the circumflex typed as a separate mark: the same name.
    for same in ["ＳＩÂＮ", "sia\u{0302}n", "SIÂN"] {
        let err = profiles
            .create(same, PASS, FAST, &mut rng(361))
            .expect_err("the same name");
        assert!(err.to_string().contains("already a profile"), "{same:?}");
    }
    // Hidden characters and those that turn text around are refused in plain words.
    for hidden in ["Sian\u{200b}", "\u{202e}naiS", "Si\u{2066}an"] {
        let err = profiles
            .create(hidden, PASS, FAST, &mut rng(362))
            .expect_err("hidden");
        assert_eq!(err.code(), "invalid_input");
        assert!(err.to_string().contains("hidden character"), "{hidden:?}");
    }
    assert_eq!(profiles.list().expect("list").len(), 1);
}

#[test]
fn a_backup_name_is_checked_without_the_passphrase_or_the_lock() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let open = profile_with_a_case(&profiles, "Ann", 370);
    let backup = open.back_up(at(5)).expect("backs up");
    let id = open.id().to_owned();
    // Checked while the profile is open (its lock held), so the app can refuse a wrong name
    // before it locks the profile to restore.
    profiles
        .check_backup_name(&id, &backup.name)
        .expect("a real backup");
    for bad in ["000099-daily.db", "../cases.db", "cases.db", ""] {
        assert_eq!(
            profiles
                .check_backup_name(&id, bad)
                .expect_err("not a backup")
                .code(),
            "backup_unusable",
            "{bad:?}"
        );
    }
    open.lock();
    // restore_backup itself looks at the name first: a wrong one is refused even with a wrong
    // passphrase, and nothing is derived or locked for it.
    assert_eq!(
        profiles
            .restore_backup(&id, "not it at all", "000099-daily.db", at(6))
            .expect_err("refused")
            .code(),
        "backup_unusable"
    );
}

#[test]
fn a_copy_imported_beside_a_profile_with_the_longest_name_gets_a_name_that_fits_and_is_listed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path().join("profiles"));
    let long = "G".repeat(backend::profiles::MAX_PROFILE_NAME_CHARS);
    let open = profile_with_a_case(&profiles, &long, 70);
    let file = dir.path().join("copy.second-opinion");
    profiles
        .export(&open, &file, "export passphrase", &mut rng(71))
        .expect("exports");
    open.lock();
    let (copy, _) = profiles
        .import(&file, "export passphrase", &mut rng(72))
        .expect("imports beside it");
    let name = copy.name().to_owned();
    assert!(name.ends_with(" (2)"), "{name}");
    assert!(
        name.chars().count() <= backend::profiles::MAX_PROFILE_NAME_CHARS,
        "{name}"
    );
    copy.lock();
    let listed: Vec<String> = profiles
        .list()
        .expect("lists")
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert!(listed.contains(&name), "the copy is listed: {listed:?}");
    assert!(listed.contains(&long), "the original is listed: {listed:?}");
}
