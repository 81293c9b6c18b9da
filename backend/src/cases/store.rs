//! The case store: one SQLCipher (encrypted SQLite) database per profile.
//!
//! Invariants:
//! - `Store::connect` (behind [`Store::open_encrypted`]) is the only place in the app that opens
//!   a database connection, with `Store::open_beside` for a second connection to one it opened;
//!   keying (encryption) and migrations happen here and nowhere else. The
//!   key is given to SQLCipher as a raw 256-bit key and never appears in a log or an error.
//! - [`Store::open`] (unencrypted) is transitional: only the Tauri shell calls it, until the
//!   shell opens profiles.
//! - A database written by a newer app is refused before anything is written to it.
//! - Every write is one transaction: it is on disk when the call returns `Ok`.

use std::path::Path;
use std::sync::OnceLock;

use chrono::{DateTime, Days, NaiveDate, SecondsFormat, Utc};
use rusqlite::config::DbConfig;
use rusqlite::{params, Connection, OptionalExtension};
use rusqlite_migration::{Migrations, M};

use super::{Case, CaseDetails, CaseId, CaseSummary, DatabaseKey, Nation};
use crate::error::{Error, Result};

mod attachments;
mod drafts;
mod journey;
mod notes;
mod notes_page;

pub use attachments::NewAttachment;

/// Append-only: never edit or reorder a migration that has shipped; add a new one at the end.
const MIGRATIONS: &[M<'static>] = &[
    M::up(
        "CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        patient_name TEXT NOT NULL DEFAULT '',
        patient_address TEXT NOT NULL DEFAULT '',
        nation TEXT CHECK (nation IN ('england', 'scotland', 'wales', 'northern-ireland')),
        diagnosis TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        first_doctor_name TEXT NOT NULL DEFAULT '',
        first_doctor_workplace TEXT NOT NULL DEFAULT '',
        gp_practice_name TEXT NOT NULL DEFAULT '',
        gp_practice_address TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;",
    ),
    // 2: what was done in this profile, and when. Append-only: rows are never changed or removed.
    // `what` is a fixed phrase from the app ("Opened", "Exported"), never health details.
    M::up(
        "CREATE TABLE activity (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            what TEXT NOT NULL
        ) STRICT;
        CREATE TRIGGER activity_is_append_only_update BEFORE UPDATE ON activity
        BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END;
        CREATE TRIGGER activity_is_append_only_delete BEFORE DELETE ON activity
        BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END;",
    ),
    // 3: a patient's consent for a carer or relative to act for them.
    M::up(
        "CREATE TABLE carer_consents (
            id INTEGER PRIMARY KEY,
            carer_name TEXT NOT NULL,
            relationship TEXT NOT NULL DEFAULT '',
            purposes TEXT NOT NULL DEFAULT '',
            from_day TEXT NOT NULL,
            until_day TEXT,
            how_given TEXT NOT NULL
                CHECK (how_given IN ('signed-letter', 'in-writing', 'spoken')),
            recorded_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (until_day IS NULL OR until_day >= from_day)
        ) STRICT;",
    ),
    // 4: the journey's answers for each case (one JSON record, see `journey::Journey`), and
    // archiving cases out of the main list.
    M::up(
        "CREATE TABLE journeys (
            case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
            data TEXT NOT NULL CHECK (json_valid(data)),
            updated_at TEXT NOT NULL
        ) STRICT;
        ALTER TABLE cases ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));",
    ),
    // 5: notes on a case, and their full-text search index (FTS5, external content: the text is
    // stored once, in `notes`). Triggers keep the index in step inside each write's transaction,
    // including when a case's deletion removes its notes.
    M::up(
        "CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            written_at TEXT NOT NULL,
            text TEXT NOT NULL
        ) STRICT;
        CREATE INDEX notes_by_case ON notes (case_id, id);
        CREATE VIRTUAL TABLE notes_search USING fts5(
            text, content = 'notes', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER notes_search_insert AFTER INSERT ON notes BEGIN
            INSERT INTO notes_search (rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN
            INSERT INTO notes_search (notes_search, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER notes_search_update AFTER UPDATE ON notes BEGIN
            INSERT INTO notes_search (notes_search, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO notes_search (rowid, text) VALUES (new.id, new.text);
        END;",
    ),
    // 6: the patient's date of birth (ISO, or NULL when not given) and NHS number (as typed).
    M::up(
        "ALTER TABLE cases ADD COLUMN date_of_birth TEXT;
        ALTER TABLE cases ADD COLUMN nhs_number TEXT NOT NULL DEFAULT '';",
    ),
    // 7: answers kept as typed while they need a change (a wrong NHS number, text over its
    // limit), one row per field; the case and journey hold only valid values (see `drafts.rs`).
    M::up(
        "CREATE TABLE drafts (
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            part TEXT NOT NULL CHECK (part IN ('case', 'journey')),
            field TEXT NOT NULL,
            value TEXT NOT NULL CHECK (json_valid(value)),
            saved_at TEXT NOT NULL,
            PRIMARY KEY (case_id, part, field)
        ) STRICT;",
    ),
    // 8: FTS5 removes a deleted note's words from the search index's pages at once, instead
    // of leaving them there until a later merge (a setting of the index, not a schema change).
    M::up("INSERT INTO notes_search (notes_search, rank) VALUES ('secure-delete', 1);"),
    // 9: the person's own files in a case, and a carer's consent to add them (`attachments.rs`).
    M::up(attachments::MIGRATION),
];

/// The schema version this build of the app writes.
pub fn schema_version() -> usize {
    MIGRATIONS.len()
}

const CASE_COLUMNS: &str = "id, patient_name, patient_address, nation, diagnosis, reason, \
    first_doctor_name, first_doctor_workplace, gp_practice_name, gp_practice_address, \
    created_at, updated_at, date_of_birth, nhs_number";

/// Called with the database as it is, before its schema is brought up to date (the
/// profile's backup before an update).
pub(crate) type BeforeUpdate<'a> = &'a dyn Fn(&Connection) -> Result<()>;

/// An open case database.
#[derive(Debug)]
pub struct Store {
    pub(super) conn: Connection,
}

pub(super) fn timestamp(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// The latest date of birth accepted at `now`: the UTC date plus one day, because in the UK
/// (UTC or UTC+1) a child born today may already be on tomorrow's UTC date.
fn latest_birth(now: DateTime<Utc>) -> NaiveDate {
    let today = now.date_naive();
    today.checked_add_days(Days::new(1)).unwrap_or(today)
}

/// Starts SQLite and SQLCipher once per process, on a connection of its own, before any other
/// connection is opened, and sets SQLCipher's settings of the whole process: its own messages
/// (such as HMAC failures for a wrong key) are not written to stderr, and it wipes every block
/// of memory it frees (pages read, rows, keys), so a locked profile leaves no decrypted page
/// behind. (It is built not to lock those blocks into memory one by one: see
/// `.cargo/config.toml`.)
///
/// Every connection waits for this first. SQLite marks itself started before SQLCipher's own
/// start-up has finished, so a second thread opening its first database at that moment is let
/// through, and its key is refused (`PRAGMA key` fails with SQLITE_ERROR) because SQLCipher is
/// not ready yet.
fn sqlcipher_process_settings() -> Result<()> {
    static SETTINGS: OnceLock<std::result::Result<(), &'static str>> = OnceLock::new();
    let settings = SETTINGS.get_or_init(|| {
        let conn = Connection::open_in_memory().map_err(|_| "could not start SQLCipher")?;
        run_pragma(&conn, "PRAGMA cipher_log_level = NONE")
            .map_err(|_| "could not set the SQLCipher log level")?;
        run_pragma(&conn, "PRAGMA cipher_memory_security = ON")
            .map_err(|_| "could not turn on SQLCipher's memory security")
    });
    settings.map_err(|message| Error::Storage(message.into()))
}

/// Gives SQLCipher the raw key. `PRAGMA key` never fails by itself: a wrong key shows on the
/// first read. Any error here is reported without its text, which could quote the SQL (the key).
fn apply_key(conn: &Connection, key: &DatabaseKey) -> Result<()> {
    run_pragma(conn, &key.pragma_key_sql()).map_err(|e| {
        // Only SQLite's result code is kept: its message could quote the SQL, which holds the key.
        let code = e.sqlite_error().map_or(-1, |f| f.extended_code);
        Error::Storage(format!(
            "could not give the key to the database (SQLite result code {code})"
        ))
    })
}

/// Turns on SQLite's defences against a crafted file: no writing to the schema or to virtual
/// tables' shadow tables by hand, and no functions with side effects from inside triggers,
/// views or the schema. Also overwrites what is deleted.
fn harden(conn: &Connection) -> Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.pragma_update(None, "trusted_schema", false)?;
    // Deleted rows are overwritten with zeros, not left in free pages.
    conn.pragma_update(None, "secure_delete", true)?;
    Ok(())
}

/// One row of `sqlite_schema`: type, name, table name and SQL.
type SchemaEntry = (String, String, String, Option<String>);

/// A database's schema: every table, index, trigger and view with its SQL, in a fixed order.
/// (SQLite's statistics tables, made only by `ANALYZE`, are left out: the app never makes them
/// and they change no data.)
fn schema_of(conn: &Connection) -> Result<Vec<SchemaEntry>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema
         WHERE name NOT IN ('sqlite_stat1', 'sqlite_stat4')
         ORDER BY type, name",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The schema this app's migrations make at `version`, built in memory.
fn expected_schema(version: usize) -> Result<Vec<SchemaEntry>> {
    let mut conn = Connection::open_in_memory()?;
    if version > 0 {
        Migrations::from_slice(MIGRATIONS).to_version(&mut conn, version)?;
    }
    schema_of(&conn)
}

/// Runs a pragma that may or may not return rows, ignoring them.
fn run_pragma(conn: &Connection, sql: &str) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    while rows.next()?.is_some() {}
    Ok(())
}

impl Store {
    /// Opens (or creates) the encrypted database at `path` with `key`, checks it, and brings its
    /// schema up to date.
    ///
    /// A wrong key, a damaged file or one from a newer app returns an error and the file is left
    /// exactly as it was. (SQLCipher cannot tell a wrong key from a damaged file: both are
    /// [`Error::DatabaseDamaged`]. A wrong passphrase is caught earlier, by the profile's
    /// keyslot, so a person sees `wrong_passphrase` instead.)
    pub fn open_encrypted(path: &Path, key: &DatabaseKey) -> Result<Store> {
        Store::connect(path, Some(key), None)
    }

    /// As [`Store::open_encrypted`], but when the schema must be brought up to date, first
    /// calls `before_update` with the database as it is (opened, keyed, not yet changed), so an
    /// encrypted copy can be kept. If `before_update` fails, nothing is migrated.
    pub(crate) fn open_encrypted_with_backup(
        path: &Path,
        key: &DatabaseKey,
        before_update: BeforeUpdate<'_>,
    ) -> Result<Store> {
        Store::connect(path, Some(key), Some(before_update))
    }

    /// The one place a database connection is opened: keyed (if a key is given), checked and
    /// migrated.
    fn connect(
        path: &Path,
        key: Option<&DatabaseKey>,
        before_update: Option<BeforeUpdate<'_>>,
    ) -> Result<Store> {
        if key.is_some() && !path.exists() {
            crate::private_files::create_private_file(path)?;
        }
        sqlcipher_process_settings()?;
        let conn = Connection::open(path)?;
        if let Some(key) = key {
            apply_key(&conn, key)?;
        }
        Store::prepare(conn, before_update)
    }

    /// A second connection to a database this app has open already (opened, checked and
    /// brought up to date by [`Store::open_encrypted`]), for work made beside the first
    /// connection so that it goes on serving commands: the daily backup, the export, and
    /// writing a large file. Keyed and hardened like every connection; the first
    /// open's checks are not repeated (a full read of a large file would hold the copy up).
    pub(crate) fn open_beside(path: &Path, key: &DatabaseKey) -> Result<Store> {
        let flags =
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        sqlcipher_process_settings()?;
        let conn = Connection::open_with_flags(path, flags)?;
        apply_key(&conn, key)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        harden(&conn)?;
        Ok(Store { conn })
    }

    /// A throwaway database in memory (not encrypted: it never touches the disk), for tests and
    /// benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        sqlcipher_process_settings()?;
        Store::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut conn: Connection, before_update: Option<BeforeUpdate<'_>>) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        harden(&conn)?;
        // The first read: fails here for a damaged file, before anything is written.
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let known = i64::try_from(schema_version()).unwrap_or(i64::MAX);
        if version > known {
            return Err(Error::DatabaseTooNew);
        }
        // Before anything runs against it (a backup, a migration, a write that would fire a
        // trigger): the schema must be exactly what this app's migrations make at that version.
        let version = usize::try_from(version).map_err(|_| Error::DatabaseDamaged)?;
        if schema_of(&conn)? != expected_schema(version)? {
            return Err(Error::UnexpectedContents);
        }
        // A copy of an existing database before its schema changes.
        if let Some(before_update) = before_update {
            if version > 0 && version < schema_version() {
                before_update(&conn)?;
            }
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        // WAL keeps the database whole through a crash; FULL sync makes each commit durable on return.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        // Up to 32 MiB of decrypted pages are kept (SQLite's default is 2 MiB), so a search
        // over thousands of notes decrypts the search index once, not again for every query.
        conn.pragma_update(None, "cache_size", -32_768)?;
        Migrations::from_slice(MIGRATIONS).to_latest(&mut conn)?;
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(Error::DatabaseDamaged);
        }
        Ok(Store { conn })
    }

    /// The schema version recorded in the database file (`PRAGMA user_version`); equal to
    /// [`schema_version`] once open. Checked by the crash harness after every kill.
    pub fn schema_version_on_disk(&self) -> Result<usize> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        usize::try_from(version).map_err(|_| Error::DatabaseDamaged)
    }

    /// Makes a new encrypted database at `path` with only the first `version` migrations and one
    /// case (reason "old"), as an older app would have left it. For tests of updates only.
    #[doc(hidden)]
    #[cfg(any(test, feature = "test-support"))]
    pub fn create_old_for_tests(path: &Path, key: &DatabaseKey, version: usize) -> Result<()> {
        sqlcipher_process_settings()?;
        let mut conn = Connection::open(path)?;
        apply_key(&conn, key)?;
        Migrations::from_slice(MIGRATIONS).to_version(&mut conn, version)?;
        conn.execute(
            "INSERT INTO cases (patient_name, reason, created_at, updated_at)
             VALUES ('Old', 'old', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
            [],
        )?;
        Ok(())
    }

    /// The open connection, for copies made inside the backend (backups, exports).
    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }

    /// The open connection, so tests can check how it is configured. Never use it in the app.
    #[doc(hidden)]
    #[cfg(any(test, feature = "test-support"))]
    pub fn connection_for_tests(&self) -> &Connection {
        &self.conn
    }

    /// Closes the database, reporting any error (dropping it would hide one).
    pub(crate) fn close(self) -> Result<()> {
        self.conn.close().map_err(|(_, e)| e.into())
    }

    /// The full `PRAGMA integrity_check` (slower than the `quick_check` done on every open), then
    /// every file's bytes against its SHA-256: used before an imported profile or a restored
    /// backup becomes visible.
    pub fn check_integrity(&self) -> Result<()> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let results: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if results != ["ok"] {
            return Err(Error::DatabaseDamaged);
        }
        self.check_attachments()
    }

    /// Writes a complete copy of this database to a new file at `dest`, encrypted with `key`
    /// (SQLCipher's `sqlcipher_export` into an attached database): the copy is never plaintext,
    /// not even for a moment. `dest` must not exist yet.
    pub(crate) fn export_encrypted(&self, dest: &Path, key: &DatabaseKey) -> Result<()> {
        export_encrypted(&self.conn, dest, key)
    }

    /// Stops the database growing beyond its present size, so the next write that needs a new
    /// page fails as on a full disk (`SQLITE_FULL`). For tests of the full-disk path only.
    #[doc(hidden)]
    #[cfg(any(test, feature = "test-support"))]
    pub fn fill_disk_for_tests(&self) -> Result<()> {
        let pages: i64 = self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
        let _: i64 = self
            .conn
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| {
                r.get(0)
            })?;
        Ok(())
    }

    /// Starts a new case. Returns it as stored. Refuses it whole if any field is refused
    /// (the app's autosave is [`Store::save_case_as_typed`]).
    pub fn create_case(&mut self, details: &CaseDetails, now: DateTime<Utc>) -> Result<Case> {
        details.validate(latest_birth(now))?;
        let tx = self.conn.transaction()?;
        let id = write_case(&tx, None, details, &timestamp(now))?;
        tx.commit()?;
        self.case(id)
    }

    /// Saves new details for an existing case. Returns it as stored. Refuses them whole if any
    /// field is refused (the app's autosave is [`Store::save_case_as_typed`]).
    pub fn save_case(
        &mut self,
        id: CaseId,
        details: &CaseDetails,
        now: DateTime<Utc>,
    ) -> Result<Case> {
        details.validate(latest_birth(now))?;
        let tx = self.conn.transaction()?;
        write_case(&tx, Some(id), details, &timestamp(now))?;
        tx.commit()?;
        self.case(id)
    }

    /// One case by id.
    pub fn case(&self, id: CaseId) -> Result<Case> {
        self.conn
            .query_row(
                &format!("SELECT {CASE_COLUMNS} FROM cases WHERE id = ?1"),
                [id],
                |r| {
                    let nation: Option<String> = r.get(3)?;
                    let born: Option<String> = r.get(12)?;
                    Ok(Case {
                        id: r.get(0)?,
                        details: CaseDetails {
                            patient_name: r.get(1)?,
                            patient_address: r.get(2)?,
                            nation: nation.as_deref().and_then(Nation::parse),
                            diagnosis: r.get(4)?,
                            reason: r.get(5)?,
                            first_doctor_name: r.get(6)?,
                            first_doctor_workplace: r.get(7)?,
                            gp_practice_name: r.get(8)?,
                            gp_practice_address: r.get(9)?,
                            date_of_birth: born
                                .as_deref()
                                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                            nhs_number: r.get(13)?,
                        },
                        created_at: r.get(10)?,
                        updated_at: r.get(11)?,
                    })
                },
            )
            .optional()?
            .ok_or(Error::NotFound)
    }

    /// Every case, most recently saved first.
    pub fn cases(&self) -> Result<Vec<CaseSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, patient_name, updated_at, archived,
                (SELECT count(*) FROM drafts WHERE drafts.case_id = cases.id)
             FROM cases ORDER BY updated_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(CaseSummary {
                id: r.get(0)?,
                patient_name: r.get(1)?,
                updated_at: r.get(2)?,
                archived: r.get(3)?,
                needs_change: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

/// Inserts a case (`id` is `None`) or updates it, inside the caller's transaction.
fn write_case(
    tx: &rusqlite::Transaction<'_>,
    id: Option<CaseId>,
    details: &CaseDetails,
    ts: &str,
) -> Result<CaseId> {
    let nation = details.nation.map(Nation::as_str);
    let born = details.date_of_birth.map(crate::dates::iso);
    let mut values: Vec<&dyn rusqlite::ToSql> = vec![
        &details.patient_name,
        &details.patient_address,
        &nation,
        &details.diagnosis,
        &details.reason,
        &details.first_doctor_name,
        &details.first_doctor_workplace,
        &details.gp_practice_name,
        &details.gp_practice_address,
        &ts,
        &born,
        &details.nhs_number,
    ];
    match id {
        None => {
            tx.execute(
                "INSERT INTO cases (patient_name, patient_address, nation, diagnosis, reason,
                    first_doctor_name, first_doctor_workplace, gp_practice_name,
                    gp_practice_address, created_at, updated_at, date_of_birth, nhs_number)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12)",
                values.as_slice(),
            )?;
            Ok(tx.last_insert_rowid())
        }
        Some(id) => {
            values.push(&id);
            let changed = tx.execute(
                "UPDATE cases SET patient_name = ?1, patient_address = ?2, nation = ?3,
                    diagnosis = ?4, reason = ?5, first_doctor_name = ?6,
                    first_doctor_workplace = ?7, gp_practice_name = ?8,
                    gp_practice_address = ?9, updated_at = ?10, date_of_birth = ?11,
                    nhs_number = ?12
                 WHERE id = ?13",
                values.as_slice(),
            )?;
            if changed == 0 {
                return Err(Error::NotFound);
            }
            Ok(id)
        }
    }
}

/// Writes a complete copy of the database on `conn` to a new file at `dest`, encrypted with `key`
/// (SQLCipher's `sqlcipher_export` into an attached database): the copy is never plaintext, not
/// even for a moment. `dest` must not exist yet.
pub(crate) fn export_encrypted(conn: &Connection, dest: &Path, key: &DatabaseKey) -> Result<()> {
    if dest.exists() {
        return Err(Error::Storage(
            "the export's temporary file already exists".into(),
        ));
    }
    crate::private_files::create_private_file(dest)?;
    let dest_text = dest
        .to_str()
        .ok_or_else(|| Error::Storage("the export folder's path is not valid text".into()))?;
    let raw_key = key.sqlcipher_raw_key();
    // The key is a bound parameter, so it is not in the SQL text.
    conn.execute(
        "ATTACH DATABASE ?1 AS export_copy KEY ?2",
        params![dest_text, raw_key.as_str()],
    )
    .map_err(|_| Error::Storage("could not create the export's database".into()))?;
    drop(raw_key);
    let copied = (|| -> Result<()> {
        let _mode: String =
            conn.query_row("PRAGMA export_copy.journal_mode = DELETE", [], |r| r.get(0))?;
        let _: Option<String> =
            conn.query_row("SELECT sqlcipher_export('export_copy')", [], |r| r.get(0))?;
        // sqlcipher_export copies tables and rows but not the schema version.
        let version: i64 = conn.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
        conn.execute_batch(&format!("PRAGMA export_copy.user_version = {version}"))?;
        Ok(())
    })();
    let detached = conn.execute("DETACH DATABASE export_copy", []);
    copied?;
    detached?;
    Ok(())
}

#[cfg(test)]
mod tests;
