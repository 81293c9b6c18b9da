//! Damaged and unexpected files, checked on real files: a truncated database, random
//! bytes written into it, one from a newer app, a read-only file or folder, a full disk, and a
//! second copy of the app. Each gives a plain-words error with a stable code, leaves the original
//! bytes exactly as they were, lets other profiles keep working, and offers the latest automatic
//! backup, which restores (checked first) with the damaged file kept aside.

use std::path::{Path, PathBuf};
use std::process::Command;

use backend::cases::CaseDetails;
use backend::profiles::{BackupReason, KdfParams, OpenProfile, Profiles, KEEP_BACKUPS};
use chrono::{DateTime, Duration, TimeZone, Utc};
use rand::{rngs::StdRng, RngExt, SeedableRng};

const FAST: KdfParams = KdfParams::INSECURE_FOR_TESTS;
const PASS: &str = "correct horse battery staple";
/// A string that appears nowhere else, saved as a diagnosis, then searched for in raw bytes.
const SECRET: &str = "Platypus-Backup-Diagnosis-Ŵ-8813";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0)
        .single()
        .expect("valid time")
}

fn details(reason: &str) -> CaseDetails {
    CaseDetails {
        patient_name: "Gwenllïan Example".into(),
        diagnosis: SECRET.into(),
        reason: reason.into(),
        ..Default::default()
    }
}

/// A profile with one case (reason "before"), backed up, then edited (reason "after"), locked.
/// Returns its id and database path.
fn backed_up_profile(profiles: &Profiles, name: &str, seed: u64) -> (String, PathBuf) {
    let (mut open, _code) = profiles
        .create(name, PASS, FAST, &mut StdRng::seed_from_u64(seed))
        .expect("creates");
    let case = open
        .store_mut()
        .create_case(&details("before"), now())
        .expect("saves");
    let backup = open.back_up(now()).expect("backs up");
    assert_eq!(backup.reason, BackupReason::Daily);
    assert_eq!(backup.taken_at, "2026-11-21T09:00:00.000Z");
    open.store_mut()
        .save_case(case.id, &details("after"), now() + Duration::hours(1))
        .expect("edits");
    let (id, db) = (open.id().to_owned(), open.database_path());
    open.lock();
    (id, db)
}

fn only_reason(open: &OpenProfile) -> String {
    let list = open.store().cases().expect("lists");
    assert_eq!(list.len(), 1);
    open.store().case(list[0].id).expect("reads").details.reason
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every file in the profile's folder with its bytes (to prove nothing was changed).
fn snapshot(folder: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n != "open.lock") {
                let bytes = std::fs::read(&path).expect("read");
                out.push((path, bytes));
            }
        }
    }
    out.sort();
    out
}

/// Checks what the person sees for a damaged profile, that nothing changed, that another
/// profile still opens, and that the latest backup restores with the damaged file kept aside.
fn refused_untouched_then_restored(
    profiles: &Profiles,
    id: &str,
    db: &Path,
    other_id: &str,
    code: &str,
) {
    let folder = db.parent().expect("folder");
    let before = snapshot(folder);
    let damaged = std::fs::read(db).expect("read");
    let err = profiles.unlock(id, PASS).expect_err("refused");
    assert_eq!(err.code(), code, "{err:?}");
    assert!(
        err.to_string().contains("Nothing has been changed"),
        "{err}"
    );
    assert_eq!(
        snapshot(folder),
        before,
        "nothing written, nothing repaired"
    );

    let other = profiles
        .unlock(other_id, PASS)
        .expect("the other profile opens");
    assert_eq!(only_reason(&other), "after");
    other.lock();

    let backups = profiles.backups(id).expect("lists backups");
    assert_eq!(backups.len(), 1);
    let latest = &backups[0];
    assert_eq!(latest.taken_at, "2026-11-21T09:00:00.000Z");

    let later = now() + Duration::days(2);
    let open = profiles
        .restore_backup(id, PASS, &latest.name, later)
        .expect("restores");
    assert_eq!(only_reason(&open), "before", "the backup's contents");
    open.lock();
    let aside = folder.join("set-aside/2026-11-23T09-00-00Z/cases.db");
    assert_eq!(std::fs::read(&aside).expect("kept aside"), damaged);
    // And it opens again normally afterwards.
    let open = profiles.unlock(id, PASS).expect("opens after restore");
    assert_eq!(only_reason(&open), "before");
}

fn two_profiles(dir: &Path) -> (Profiles, String, PathBuf, String) {
    let profiles = Profiles::at(dir.join("profiles"));
    let (id, db) = backed_up_profile(&profiles, "Mam", 1);
    let (other_id, _) = backed_up_profile(&profiles, "Dad", 2);
    (profiles, id, db, other_id)
}

#[test]
fn a_truncated_database_is_refused_untouched_and_the_backup_restores() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (profiles, id, db, other_id) = two_profiles(dir.path());
    let len = std::fs::metadata(&db).expect("meta").len();
    assert!(len > 8192, "{len}");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&db)
        .expect("open");
    file.set_len(len / 2).expect("truncate");
    drop(file);
    refused_untouched_then_restored(&profiles, &id, &db, &other_id, "database_damaged");
}

#[test]
fn random_bytes_written_into_a_database_are_refused_untouched_and_the_backup_restores() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (profiles, id, db, other_id) = two_profiles(dir.path());
    let mut bytes = std::fs::read(&db).expect("read");
    let mut rng = StdRng::seed_from_u64(7);
    // Every page after the first gets 64 random bytes in its middle.
    for page in (4096..bytes.len()).step_by(4096) {
        for b in &mut bytes[page + 1000..page + 1064] {
            *b = rng.random();
        }
    }
    std::fs::write(&db, &bytes).expect("write");
    refused_untouched_then_restored(&profiles, &id, &db, &other_id, "database_damaged");
}

#[test]
fn a_database_from_a_newer_app_is_refused_untouched_and_the_backup_restores() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (profiles, id, db, other_id) = two_profiles(dir.path());
    {
        let open = profiles.unlock(&id, PASS).expect("opens");
        let hex = open.raw_key_hex_for_tests();
        open.lock();
        let conn = keyed_connection(&db, &hex);
        conn.pragma_update(None, "user_version", 999)
            .expect("newer");
    }
    refused_untouched_then_restored(&profiles, &id, &db, &other_id, "database_too_new");
}

#[test]
fn a_missing_database_is_refused_and_the_backup_restores() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (profiles, id, db, _other) = two_profiles(dir.path());
    std::fs::remove_file(&db).expect("remove");
    let err = profiles.unlock(&id, PASS).expect_err("refused");
    assert_eq!(err.code(), "profile_damaged");
    assert!(!db.exists(), "no empty database was made in its place");
    let name = profiles.backups(&id).expect("backups")[0].name.clone();
    let open = profiles
        .restore_backup(&id, PASS, &name, now())
        .expect("restores");
    assert_eq!(only_reason(&open), "before");
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
fn a_profile_whose_settings_file_is_damaged_is_counted_not_hidden_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (profiles, id, db, other_id) = two_profiles(dir.path());
    assert_eq!(profiles.unreadable_count().expect("counts"), 0);
    let meta = db.with_file_name("profile.json");
    let mut bytes = std::fs::read(&meta).expect("read");
    bytes.truncate(bytes.len() / 3);
    std::fs::write(&meta, &bytes).expect("damage");
    let before = snapshot(db.parent().expect("folder"));
    let listed: Vec<String> = profiles
        .list()
        .expect("lists")
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(listed, std::slice::from_ref(&other_id));
    assert_eq!(profiles.unreadable_count().expect("counts"), 1);
    assert_eq!(
        profiles.unlock(&id, PASS).expect_err("refused").code(),
        "profile_damaged"
    );
    assert_eq!(snapshot(db.parent().expect("folder")), before);
    profiles.unlock(&other_id, PASS).expect("the other opens");
}

#[test]
fn backups_are_encrypted_with_the_profiles_key_and_never_plaintext() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (profiles, id, _db, _other) = two_profiles(dir.path());
    let backups = profiles.backups(&id).expect("backups");
    let path = dir
        .path()
        .join("profiles")
        .join(&id)
        .join("backups")
        .join(&backups[0].name);
    let bytes = std::fs::read(&path).expect("read");
    assert!(!bytes.starts_with(b"SQLite format 3"), "not plaintext");
    assert!(!contains(&bytes, SECRET.as_bytes()));
    assert!(!contains(&bytes, "Gwenllïan".as_bytes()));
    // Readable with the profile's key, by an independent reader.
    let open = profiles.unlock(&id, PASS).expect("opens");
    let conn = keyed_connection(&path, &open.raw_key_hex_for_tests());
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(check, "ok");
    let diagnosis: String = conn
        .query_row("SELECT diagnosis FROM cases", [], |r| r.get(0))
        .expect("reads");
    assert_eq!(diagnosis, SECRET);
    // No temporary file is left beside the backups.
    let names: Vec<String> = std::fs::read_dir(path.parent().expect("dir"))
        .expect("dir")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, [backups[0].name.clone()]);
}

#[test]
fn a_backup_is_made_once_a_day_and_the_last_five_are_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path().join("profiles"));
    let (open, _code) = profiles
        .create("Mam", PASS, FAST, &mut StdRng::seed_from_u64(3))
        .expect("creates");
    assert!(open.backups().expect("none yet").is_empty());
    assert!(open.back_up_if_due(now()).expect("due").is_some());
    assert!(open
        .back_up_if_due(now() + Duration::hours(23))
        .expect("not due")
        .is_none());
    for day in 1..=6 {
        let made = open
            .back_up_if_due(now() + Duration::days(day))
            .expect("due");
        assert!(made.is_some(), "day {day}");
    }
    let backups = open.backups().expect("lists");
    assert_eq!(backups.len(), KEEP_BACKUPS);
    let names: Vec<&str> = backups.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "000007-daily.db",
            "000006-daily.db",
            "000005-daily.db",
            "000004-daily.db",
            "000003-daily.db"
        ]
    );
    assert_eq!(backups[0].taken_at, "2026-11-27T09:00:00.000Z");
    assert_eq!(profiles.backups(open.id()).expect("same list"), backups);
}

#[test]
fn a_backup_is_made_before_an_update_changes_the_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path().join("profiles"));
    let (id, db) = backed_up_profile(&profiles, "Mam", 4);
    let open = profiles.unlock(&id, PASS).expect("opens");
    let hex = open.raw_key_hex_for_tests();
    // The database as the app before migration 4 (journeys, archiving) left it.
    open.replace_with_old_database_for_tests(3)
        .expect("older database");
    let open = profiles.unlock(&id, PASS).expect("opens and updates");
    assert_eq!(only_reason(&open), "old");
    assert_eq!(
        open.store().schema_version_on_disk().expect("version"),
        backend::cases::schema_version()
    );
    let backups = open.backups().expect("lists");
    assert_eq!(backups.len(), 2);
    assert_eq!(backups[0].reason, BackupReason::BeforeUpdate);
    assert_eq!(backups[0].name, "000002-before-update.db");
    open.lock();
    let copy = keyed_connection(&db.with_file_name("backups/000002-before-update.db"), &hex);
    let version: i64 = copy
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, 3, "the copy is of the database before the update");
    let reason: String = copy
        .query_row("SELECT reason FROM cases", [], |r| r.get(0))
        .expect("reads");
    assert_eq!(reason, "old");
}

#[test]
fn a_damaged_backup_is_not_restored_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (profiles, id, db, _other) = two_profiles(dir.path());
    let name = profiles.backups(&id).expect("backups")[0].name.clone();
    let backup = db.with_file_name("backups").join(&name);
    let bytes = std::fs::read(&backup).expect("read");
    std::fs::write(&backup, &bytes[..bytes.len() / 2]).expect("truncate backup");
    let folder = db.parent().expect("folder").to_path_buf();
    let before = snapshot(&folder);
    let err = profiles
        .restore_backup(&id, PASS, &name, now())
        .expect_err("refused");
    assert_eq!(err.code(), "backup_unusable");
    assert_eq!(snapshot(&folder), before);
    // A wrong passphrase or a name that is not a backup changes nothing either.
    let err = profiles
        .restore_backup(&id, "not the passphrase", &name, now())
        .expect_err("wrong");
    assert_eq!(err.code(), "wrong_passphrase");
    let err = profiles
        .restore_backup(&id, PASS, "../cases.db", now())
        .expect_err("not a backup");
    assert_eq!(err.code(), "backup_unusable");
    assert_eq!(snapshot(&folder), before);
    assert_eq!(
        only_reason(&profiles.unlock(&id, PASS).expect("opens")),
        "after"
    );
}

// The other process is flock(1), from util-linux.
#[cfg(target_os = "linux")]
#[test]
fn a_profile_open_in_one_place_cannot_be_opened_in_another() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (profiles, id, db, other_id) = two_profiles(dir.path());
    let open = profiles.unlock(&id, PASS).expect("opens");
    let err = profiles.unlock(&id, PASS).expect_err("second writer");
    assert_eq!(err.code(), "profile_in_use");
    assert!(err.to_string().contains("another Second Opinion window"));
    let name = profiles.backups(&id).expect("backups")[0].name.clone();
    let err = profiles
        .restore_backup(&id, PASS, &name, now())
        .expect_err("no restore under a writer");
    assert_eq!(err.code(), "profile_in_use");
    // Another process is refused too: the lock is the operating system's (flock(1) here).
    let lock_file = db.with_file_name("open.lock");
    let status = Command::new("flock")
        .args(["--nonblock", "--exclusive"])
        .arg(&lock_file)
        .arg("true")
        .status()
        .expect("flock runs");
    assert!(!status.success(), "another process cannot take the lock");
    // Other profiles are unaffected.
    profiles
        .unlock(&other_id, PASS)
        .expect("other opens")
        .lock();
    open.lock();
    let status = Command::new("flock")
        .args(["--nonblock", "--exclusive"])
        .arg(&lock_file)
        .arg("true")
        .status()
        .expect("flock runs");
    assert!(status.success(), "released when locked");
    profiles.unlock(&id, PASS).expect("opens again");
}

#[test]
fn a_full_disk_is_reported_in_plain_words_and_loses_nothing_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (profiles, id, _db, _other) = two_profiles(dir.path());
    let mut open = profiles.unlock(&id, PASS).expect("opens");
    let case_id = open.store().cases().expect("lists")[0].id;
    open.store().fill_disk_for_tests().expect("limits size");
    let big = details(&"x".repeat(20_000));
    let err = open
        .store_mut()
        .save_case(case_id, &big, now())
        .expect_err("no room");
    assert_eq!(err.code(), "disk_full", "{err:?}");
    assert!(err.to_string().contains("disk is full"));
    assert!(err
        .to_string()
        .contains("Everything saved before it is safe"));
    assert_eq!(
        only_reason(&open),
        "after",
        "the last saved value is intact"
    );
    open.lock();
    assert_eq!(
        only_reason(&profiles.unlock(&id, PASS).expect("opens")),
        "after"
    );
}

/// Read-only and really full disks, made with tmpfs mounts and Unix permissions: Linux only.
#[cfg(target_os = "linux")]
mod on_linux {
    use super::*;

    /// Whether this test runs as root (who can write read-only files, but can mount file systems).
    fn running_as_root(dir: &Path) -> bool {
        use std::os::unix::fs::MetadataExt;
        let probe = dir.join("probe");
        std::fs::write(&probe, b"").expect("probe");
        std::fs::metadata(&probe).expect("meta").uid() == 0
    }

    /// A small tmpfs mounted at `at`, unmounted when dropped. `None` where mounting is not allowed.
    struct Mount(PathBuf);

    impl Mount {
        fn tmpfs(at: &Path, size: &str) -> Option<Mount> {
            std::fs::create_dir_all(at).expect("mount point");
            let ok = Command::new("mount")
                .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
                .arg(at)
                .status()
                .is_ok_and(|s| s.success());
            ok.then(|| Mount(at.to_path_buf()))
        }

        fn remount_read_only(&self) {
            let ok = Command::new("mount")
                .args(["-o", "remount,ro"])
                .arg(&self.0)
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "remount read-only");
        }
    }

    impl Drop for Mount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }

    /// Copies the profiles folder `from` into `to` (a mount point).
    fn copy_tree(from: &Path, to: &Path) {
        let status = Command::new("cp")
            .arg("-a")
            .arg(format!("{}/.", from.display()))
            .arg(to)
            .status()
            .expect("cp");
        assert!(status.success());
    }

    #[test]
    fn a_read_only_profile_is_reported_in_plain_words_and_left_untouched() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (profiles, id, db, _other) = two_profiles(dir.path());
        let (profiles, db, _mount) = if running_as_root(dir.path()) {
            // Root may write a read-only file; a read-only file system stops even root.
            let at = dir.path().join("ro");
            let Some(mount) = Mount::tmpfs(&at, "16m") else {
                eprintln!("SKIPPED: running as root where mounting is not allowed");
                return;
            };
            copy_tree(&dir.path().join("profiles"), &at);
            mount.remount_read_only();
            let db = at.join(
                db.strip_prefix(dir.path().join("profiles"))
                    .expect("inside"),
            );
            (Profiles::at(&at), db, Some(mount))
        } else {
            use std::os::unix::fs::PermissionsExt;
            let folder = db.parent().expect("folder");
            for path in [db.clone(), folder.to_path_buf()] {
                let mode = if path.is_dir() { 0o555 } else { 0o444 };
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode))
                    .expect("chmod");
            }
            (profiles, db, None)
        };
        let folder = db.parent().expect("folder").to_path_buf();
        let before = snapshot(&folder);
        let err = profiles.unlock(&id, PASS).expect_err("cannot write");
        assert_eq!(err.code(), "read_only", "{err:?}");
        assert!(err.to_string().contains("read-only"), "{err}");
        assert_eq!(snapshot(&folder), before);
        if !running_as_root(dir.path()) {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755))
                .expect("chmod");
        }
    }

    #[test]
    fn a_really_full_disk_is_reported_in_plain_words() {
        let dir = tempfile::tempdir().expect("temp dir");
        if !running_as_root(dir.path()) {
            eprintln!(
                "SKIPPED: mounting a small disk needs root (the injected full disk runs always)"
            );
            return;
        }
        let at = dir.path().join("small");
        let Some(_mount) = Mount::tmpfs(&at, "2m") else {
            eprintln!("SKIPPED: mounting is not allowed here");
            return;
        };
        let profiles = Profiles::at(&at);
        let (mut open, _code) = profiles
            .create("Mam", PASS, FAST, &mut StdRng::seed_from_u64(5))
            .expect("creates");
        let case = open
            .store_mut()
            .create_case(&details("before"), now())
            .expect("saves");
        // Fill the disk with an unrelated file, leaving a few KiB.
        let mut filler = std::fs::File::create(at.join("filler")).expect("filler");
        let block = vec![0u8; 4096];
        while std::io::Write::write_all(&mut filler, &block).is_ok() {}
        drop(filler);
        let mut err = None;
        for i in 0..50 {
            let big = details(&format!("{i:02}{}", "y".repeat(19_000)));
            if let Err(e) = open.store_mut().save_case(case.id, &big, now()) {
                err = Some(e);
                break;
            }
        }
        let err = err.expect("the disk fills");
        assert_eq!(err.code(), "disk_full", "{err:?}");
        assert!(err.to_string().contains("disk is full"));
        std::fs::remove_file(at.join("filler")).expect("free space");
        let reason = only_reason(&open);
        assert!(reason == "before" || reason.ends_with(&"y".repeat(19_000)));
        let id = open.id().to_owned();
        open.lock();
        let open = profiles.unlock(&id, PASS).expect("reopens");
        open.store().check_integrity().expect("whole");
        assert_eq!(only_reason(&open), reason, "nothing lost");
    }
}

#[test]
fn a_backup_dated_in_the_future_does_not_stop_backups() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let (open, _) = profiles
        .create("Ann", PASS, FAST, &mut StdRng::seed_from_u64(400))
        .expect("creates");
    // Made while the clock was a year ahead.
    open.back_up(now() + Duration::days(365)).expect("backs up");
    let made = open.back_up_if_due(now()).expect("checks");
    assert!(made.is_some(), "a future time counts as due");
    assert_eq!(open.backups().expect("backups").len(), 2);
    assert!(open.back_up_if_due(now()).expect("checks").is_none());
}

/// Adds to the database at `path` (keyed with `hex`) what a crafted file would carry: a
/// trigger that deletes every case whenever a case is saved.
fn add_a_hostile_trigger(path: &Path, hex: &str) {
    let conn = keyed_connection(path, hex);
    conn.execute_batch("CREATE TRIGGER wipe AFTER UPDATE ON cases BEGIN DELETE FROM cases; END;")
        .expect("trigger");
}

#[test]
fn an_import_whose_database_was_given_extra_parts_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let home = Profiles::at(dir.path().join("home"));
    let (mut open, _) = home
        .create("Ann", PASS, FAST, &mut StdRng::seed_from_u64(410))
        .expect("creates");
    open.store_mut()
        .create_case(&details("before"), now())
        .expect("saves");
    // Made by hand on the open profile's file, then exported (well sealed) as usual.
    add_a_hostile_trigger(&open.database_path(), &open.raw_key_hex_for_tests());
    // The open connection reads the changed schema before it copies it.
    let _ = open
        .store()
        .connection_for_tests()
        .execute_batch("SELECT * FROM cases");
    let file = dir.path().join("crafted.soprofile");
    home.export(&open, &file, PASS, &mut StdRng::seed_from_u64(411))
        .expect("exports");
    open.lock();

    let away = Profiles::at(dir.path().join("away"));
    let err = away
        .import(&file, PASS, &mut StdRng::seed_from_u64(412))
        .expect_err("refused");
    assert_eq!(err.code(), "unexpected_contents", "{err:?}");
    assert!(err.to_string().contains("Nothing has been changed"));
    assert!(away.list().expect("list").is_empty());
    let leftovers = std::fs::read_dir(dir.path().join("away"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(leftovers, 0, "nothing left behind");

    // The profile itself, with the trigger in it, is refused too rather than run.
    let id = home.list().expect("list")[0].id.clone();
    assert_eq!(
        home.unlock(&id, PASS).expect_err("refused").code(),
        "unexpected_contents"
    );
}

/// Found by the fuzz target `import_pages`: a well-sealed export made by an older version whose
/// rows break the table's own rules (a NULL where the schema says NOT NULL) fails while it is
/// brought up to date. That is a damaged export, not a passing fault to "try again".
#[test]
fn an_older_export_whose_rows_break_its_own_schema_is_refused_in_plain_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let key = backend::cases::DatabaseKey::generate(&mut StdRng::seed_from_u64(430));
    let hex = key.raw_key_hex_for_tests();
    let old = dir.path().join("old.db");
    backend::cases::Store::create_old_for_tests(&old, &key, 3).expect("an older database");
    // A NULL put where the schema forbids it, the schema then put back exactly as it was.
    let loosen = |from: &str, to: &str| {
        let conn = keyed_connection(&old, &hex);
        conn.execute_batch("PRAGMA writable_schema = ON")
            .expect("writable");
        conn.execute(
            "UPDATE sqlite_schema SET sql = replace(sql, ?1, ?2) WHERE name = 'cases'",
            [from, to],
        )
        .expect("schema");
    };
    loosen("created_at TEXT NOT NULL,", "created_at TEXT,");
    keyed_connection(&old, &hex)
        .execute_batch("UPDATE cases SET created_at = NULL")
        .expect("a NULL");
    loosen("created_at TEXT,", "created_at TEXT NOT NULL,");
    let raw: [u8; 32] = hex::decode(&hex)
        .expect("hex")
        .try_into()
        .expect("32 bytes");
    let file = dir.path().join("older.soprofile");
    backend::profiles::seal_export_for_tests(
        &old,
        &raw,
        "Ann",
        &file,
        PASS,
        &mut StdRng::seed_from_u64(431),
    )
    .expect("sealed");

    let away = Profiles::at(dir.path().join("away"));
    let err = away
        .import(&file, PASS, &mut StdRng::seed_from_u64(432))
        .expect_err("refused");
    assert_eq!(err.code(), "not_an_export", "{err:?}");
    assert!(err.to_string().contains("Nothing has been changed"));
    let leftovers = std::fs::read_dir(dir.path().join("away"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(leftovers, 0, "nothing left behind");
}

#[test]
fn a_backup_given_extra_parts_is_not_restored_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let (id, db) = backed_up_profile(&profiles, "Ann", 420);
    let hex = {
        let open = profiles.unlock(&id, PASS).expect("opens");
        let hex = open.raw_key_hex_for_tests();
        open.lock();
        hex
    };
    let name = profiles.backups(&id).expect("backups")[0].name.clone();
    let backup = db.with_file_name("backups").join(&name);
    add_a_hostile_trigger(&backup, &hex);
    let folder = db.parent().expect("folder").to_path_buf();
    let before = snapshot(&folder);
    let err = profiles
        .restore_backup(&id, PASS, &name, now())
        .expect_err("refused");
    assert_eq!(err.code(), "backup_unusable", "{err:?}");
    assert_eq!(snapshot(&folder), before);
    assert_eq!(
        only_reason(&profiles.unlock(&id, PASS).expect("opens")),
        "after"
    );
}

#[test]
fn databases_are_opened_defensively() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let (open, _) = profiles
        .create("Ann", PASS, FAST, &mut StdRng::seed_from_u64(430))
        .expect("creates");
    let conn = open.store().connection_for_tests();
    let trusted: i64 = conn
        .query_row("PRAGMA trusted_schema", [], |r| r.get(0))
        .expect("pragma");
    assert_eq!(trusted, 0);
    assert!(conn
        .db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE)
        .expect("config"));
    // SQLCipher wipes the memory it frees.
    let wiped: String = conn
        .query_row("PRAGMA cipher_memory_security", [], |r| r.get(0))
        .expect("pragma");
    assert_eq!(wiped, "1");
    // ...but locks none of it into memory one block at a time (`.cargo/config.toml`): nothing in
    // this process is locked, though every test here opens and searches encrypted databases.
    if cfg!(target_os = "linux") {
        let status = std::fs::read_to_string("/proc/self/status").expect("status");
        let locked = status
            .lines()
            .find_map(|l| l.strip_prefix("VmLck:"))
            .expect("VmLck line")
            .trim()
            .to_owned();
        assert_eq!(locked, "0 kB");
    }
}

/// The ways a keyslot in `profile.json` was found damaged: a field cut short, a field of the
/// wrong kind, the slot missing.
fn damage_slot(meta_path: &Path, slot: &str, how: usize) {
    let mut meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(meta_path).expect("meta")).expect("json");
    match how {
        0 => meta[slot]["sealed"] = "00ff".into(),
        1 => meta[slot]["kdf"] = serde_json::Value::from(7),
        _ => drop(meta.as_object_mut().expect("object").remove(slot)),
    }
    std::fs::write(meta_path, serde_json::to_vec_pretty(&meta).expect("json")).expect("damage");
}

#[test]
fn a_damaged_passphrase_slot_leaves_the_recovery_code_as_the_way_in_and_changes_nothing() {
    for how in 0..3 {
        let dir = tempfile::tempdir().expect("temp dir");
        let profiles = Profiles::at(dir.path());
        let (mut open, code) = profiles
            .create("Mam", PASS, FAST, &mut StdRng::seed_from_u64(40))
            .expect("creates");
        open.store_mut()
            .create_case(&details("kept"), now())
            .expect("saves");
        let id = open.id().to_owned();
        let folder = open.database_path().parent().expect("folder").to_path_buf();
        open.lock();
        damage_slot(&folder.join("profile.json"), "passphrase_slot", how);
        let before = snapshot(&folder);

        // Still listed, and the passphrase is refused in words that name the way in.
        assert_eq!(profiles.list().expect("lists").len(), 1, "{how}");
        let err = profiles.unlock(&id, PASS).expect_err("refused");
        assert_eq!(err.code(), "passphrase_slot_damaged", "{how}");
        assert!(err.to_string().contains("use the recovery code"), "{err}");
        assert!(
            err.to_string().contains("Nothing has been changed"),
            "{err}"
        );
        let backups = profiles.backups(&id).expect("lists backups");
        if let Some(b) = backups.first() {
            let err = profiles
                .restore_backup(&id, PASS, &b.name, now())
                .expect_err("a restore needs the passphrase's slot");
            assert_eq!(err.code(), "passphrase_slot_damaged");
        }
        assert_eq!(
            snapshot(&folder),
            before,
            "nothing written, nothing repaired"
        );

        // The printed sheet still works, and sets a passphrase that opens it from then on.
        let open = profiles
            .unlock_with_recovery(
                &id,
                &code.formatted(),
                "lighthouse pebble autumn tea",
                &mut StdRng::seed_from_u64(41),
            )
            .expect("the recovery code opens it");
        assert_eq!(only_reason(&open), "kept", "{how}");
        open.lock();
        let open = profiles
            .unlock(&id, "lighthouse pebble autumn tea")
            .expect("the new passphrase opens it");
        open.lock();
    }
}

#[test]
fn a_damaged_recovery_slot_leaves_the_passphrase_as_the_way_in_and_is_never_overwritten() {
    for how in 0..3 {
        let dir = tempfile::tempdir().expect("temp dir");
        let profiles = Profiles::at(dir.path());
        let (open, code) = profiles
            .create("Mam", PASS, FAST, &mut StdRng::seed_from_u64(42))
            .expect("creates");
        let id = open.id().to_owned();
        let folder = open.database_path().parent().expect("folder").to_path_buf();
        open.lock();
        let meta_path = folder.join("profile.json");
        damage_slot(&meta_path, "recovery_slot", how);
        let damaged: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&meta_path).expect("read")).expect("json");

        let err = profiles
            .unlock_with_recovery(
                &id,
                &code.formatted(),
                "lighthouse pebble autumn tea",
                &mut StdRng::seed_from_u64(43),
            )
            .expect_err("refused");
        assert_eq!(err.code(), "recovery_slot_damaged", "{how}");
        assert!(
            err.to_string()
                .contains("open the profile with your passphrase"),
            "{err}"
        );

        // The passphrase opens it; a change that rewrites the file keeps the damaged slot as
        // it was, until a new recovery code replaces it.
        let mut open = profiles.unlock(&id, PASS).expect("the passphrase opens it");
        profiles
            .set_idle_lock_minutes(&mut open, 30)
            .expect("saves");
        let written: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&meta_path).expect("read")).expect("json");
        assert_eq!(
            written.get("recovery_slot"),
            damaged.get("recovery_slot"),
            "{how}"
        );
        let new_code = profiles
            .replace_recovery_code(&open, &mut StdRng::seed_from_u64(44))
            .expect("a new code");
        open.lock();
        profiles
            .unlock_with_recovery(
                &id,
                &new_code.formatted(),
                "lighthouse pebble autumn tea",
                &mut StdRng::seed_from_u64(45),
            )
            .expect("the new code works")
            .lock();
    }
}

/// A damaged slot is kept exactly as read, even a number too big for its field: written back and
/// read again, the file stays the same (a number read one bit out would change on every write).
#[test]
fn a_damaged_slot_with_a_huge_number_reads_back_the_same_after_it_is_written() {
    let text = include_bytes!("../../fuzz/seeds/profile_json/huge-number-in-a-damaged-slot.json");
    let written = backend::profiles::check_profile_json(text).expect("the recovery slot is sound");
    let again = backend::profiles::check_profile_json(&written).expect("reads back");
    assert_eq!(
        String::from_utf8_lossy(&again),
        String::from_utf8_lossy(&written)
    );
}
