//! A well-sealed profile export whose database holds any pages: the fuzzer's bytes, cut into
//! SQLite pages, are written as the decrypted pages of an SQLCipher database (through the
//! `sqlite_dbpage` table; `scripts/fuzz.sh` builds SQLite with it for the fuzz targets only),
//! which is then sealed as the app seals an export (the test key settings), so the import's
//! passphrase and digest checks pass and the fuzzer reaches what lies behind them: the
//! import must refuse the file with a plain error or make a profile whose schema is exactly
//! the app's, so no trigger, view or table it did not make can run or stay. Never panics.
//!
//! The seeds (`fuzz/seeds/import_pages/`) are the app's own database and copies given an extra
//! trigger, view or table, one made by an older version, and one whose trigger is changed;
//! `SECOND_OPINION_FUZZ_WRITE_SEEDS=<folder>` makes them again (written by the first run).
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use backend::cases::{CaseDetails, Store};
use backend::profiles::{KdfParams, Profiles};
use chrono::{TimeZone, Utc};
use libfuzzer_sys::fuzz_target;
use rand::{rngs::StdRng, SeedableRng};
use rusqlite::{params, Connection};

/// SQLCipher's page size (the app keeps the default).
const PAGE: usize = 4096;
/// Enough for the app's database with a few rows, and quick to seal.
const MOST_PAGES: usize = 48;
const PASS: &str = "correct horse battery staple";
const KEY: [u8; 32] = [7; 32];

struct Harness {
    work: tempfile::TempDir,
    /// The app's schema, as a freshly made profile holds it.
    schema: Vec<Row>,
    /// `SECOND_OPINION_FUZZ_VERBOSE` set: each outcome is printed (to see what the seeds do).
    verbose: bool,
}

type Row = (String, String, String, Option<String>);

fn schema_of(conn: &Connection) -> Vec<Row> {
    let mut stmt = conn
        .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")
        .expect("schema query");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("schema")
        .collect::<rusqlite::Result<_>>()
        .expect("schema rows")
}

fn keyed(path: &Path, key: &[u8; 32]) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.execute_batch("PRAGMA cipher_log_level = NONE")?;
    conn.execute_batch(&format!("PRAGMA key = \"x'{}'\"", hex::encode(key)))?;
    Ok(conn)
}

fn remove_database(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// The decrypted pages of the database at `path`.
fn pages_of(path: &Path, key: &[u8; 32]) -> Vec<u8> {
    let conn = keyed(path, key).expect("opens");
    let mut stmt = conn
        .prepare("SELECT data FROM sqlite_dbpage ORDER BY pgno")
        .expect("dbpage (SQLite built with SQLITE_ENABLE_DBPAGE_VTAB)");
    let pages: Vec<Vec<u8>> = stmt
        .query_map([], |r| r.get(0))
        .expect("pages")
        .collect::<rusqlite::Result<_>>()
        .expect("pages");
    pages.concat()
}

/// A profile made by the app, with a case and an activity entry: its database's path and key.
fn app_database(dir: &Path) -> (PathBuf, [u8; 32]) {
    let profiles = Profiles::at(dir.join("made"));
    let (mut open, _) = profiles
        .create(
            "Ann",
            PASS,
            KdfParams::INSECURE_FOR_TESTS,
            &mut StdRng::seed_from_u64(1),
        )
        .expect("creates");
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 10, 0, 0).unwrap();
    open.store_mut()
        .create_case(
            &CaseDetails {
                patient_name: "Ann Example".into(),
                ..Default::default()
            },
            now,
        )
        .expect("case");
    open.store_mut()
        .record_activity(now, "Ann", "Made a case")
        .expect("activity");
    let key: [u8; 32] = hex::decode(open.raw_key_hex_for_tests())
        .expect("hex")
        .try_into()
        .expect("32 bytes");
    let path = dir.join("made").join(open.id()).join("cases.db");
    open.lock();
    (path, key)
}

fn write_seeds(dir: &Path, out: &Path) {
    let (db, key) = app_database(dir);
    std::fs::create_dir_all(out).expect("seed folder");
    std::fs::write(out.join("app.pages"), pages_of(&db, &key)).expect("seed");
    let variants = [
        (
            "extra-trigger",
            "CREATE TRIGGER wipe AFTER INSERT ON activity BEGIN DELETE FROM notes; END;",
        ),
        (
            "extra-view",
            "CREATE VIEW everything AS SELECT * FROM cases;",
        ),
        ("extra-table", "CREATE TABLE extra (x);"),
        (
            "changed-trigger",
            "DROP TRIGGER activity_is_append_only_delete;
             CREATE TRIGGER activity_is_append_only_delete BEFORE DELETE ON activity
             BEGIN SELECT 1; END;",
        ),
    ];
    for (name, sql) in variants {
        let copy = dir.join(format!("{name}.db"));
        std::fs::copy(&db, &copy).expect("copy");
        keyed(&copy, &key)
            .and_then(|c| c.execute_batch(sql))
            .expect("variant");
        std::fs::write(out.join(format!("{name}.pages")), pages_of(&copy, &key)).expect("seed");
    }
    let old = dir.join("old.db");
    let old_key = backend::cases::DatabaseKey::generate(&mut StdRng::seed_from_u64(2));
    let old_key_bytes: [u8; 32] = hex::decode(old_key.raw_key_hex_for_tests())
        .expect("hex")
        .try_into()
        .expect("32 bytes");
    Store::create_old_for_tests(&old, &old_key, 3).expect("old database");
    std::fs::write(
        out.join("older-version.pages"),
        pages_of(&old, &old_key_bytes),
    )
    .expect("seed");
}

fn harness() -> &'static Harness {
    static HARNESS: OnceLock<Harness> = OnceLock::new();
    HARNESS.get_or_init(|| {
        // In TMPDIR, which scripts/fuzz.sh points into a folder it removes (and puts in memory
        // where it can): the process ends without dropping this.
        let work = tempfile::tempdir().expect("work folder");
        if let Some(out) = std::env::var_os("SECOND_OPINION_FUZZ_WRITE_SEEDS") {
            write_seeds(work.path(), Path::new(&out));
        }
        let made = Profiles::at(work.path().join("fresh"));
        let (open, _) = made
            .create(
                "Fresh",
                PASS,
                KdfParams::INSECURE_FOR_TESTS,
                &mut StdRng::seed_from_u64(3),
            )
            .expect("creates");
        let schema = schema_of(open.store().connection_for_tests());
        open.lock();
        let verbose = std::env::var_os("SECOND_OPINION_FUZZ_VERBOSE").is_some();
        Harness {
            work,
            schema,
            verbose,
        }
    })
}

/// Writes `pages` as the decrypted pages of a new SQLCipher database at `path`.
fn write_pages(path: &Path, pages: &[u8]) -> rusqlite::Result<()> {
    let mut conn = keyed(path, &KEY)?;
    let tx = conn.transaction()?;
    for (i, page) in pages.chunks_exact(PAGE).take(MOST_PAGES).enumerate() {
        tx.execute(
            "INSERT INTO sqlite_dbpage (pgno, data) VALUES (?1, ?2)",
            params![i as i64 + 1, page],
        )?;
    }
    tx.commit()?;
    conn.close().map_err(|(_, e)| e)
}

fuzz_target!(|data: &[u8]| {
    let h = harness();
    if data.len() < PAGE {
        return;
    }
    let db = h.work.path().join("pages.db");
    let export = h.work.path().join("pages.soprofile");
    remove_database(&db);
    if let Err(e) = write_pages(&db, data) {
        if h.verbose {
            eprintln!("pages not written: {e}");
        }
        return;
    }
    backend::profiles::seal_export_for_tests(
        &db,
        &KEY,
        "Ann",
        &export,
        PASS,
        &mut StdRng::seed_from_u64(4),
    )
    .expect("seals");

    let profiles = Profiles::at(h.work.path().join("imported"));
    let imported = profiles.import(&export, PASS, &mut StdRng::seed_from_u64(5));
    if h.verbose {
        eprintln!(
            "import: {}",
            imported
                .as_ref()
                .map(|_| "a profile".to_string())
                .unwrap_or_else(|e| format!("{} {e:?}", e.code()))
        );
    }
    match imported {
        Err(e) => assert!(
            matches!(
                e.code(),
                "unexpected_contents" | "database_damaged" | "database_too_new" | "not_an_export"
            ),
            "{} ({e})",
            e.code()
        ),
        Ok((open, _)) => {
            assert_eq!(
                schema_of(open.store().connection_for_tests()),
                h.schema,
                "an imported profile has exactly the app's schema"
            );
            let folder = profiles.dir().join(open.id());
            open.lock();
            std::fs::remove_dir_all(folder).expect("removes the imported profile");
        }
    }
    // Nothing half-made is left behind, whatever the outcome.
    if let Ok(entries) = std::fs::read_dir(profiles.dir()) {
        assert_eq!(entries.count(), 0, "the import left files behind");
    }
});
