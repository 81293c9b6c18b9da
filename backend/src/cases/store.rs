//! The case store: one SQLite database per profile.
//!
//! Invariants:
//! - [`Store::open`] is the only place in the app that opens a database connection; keying
//!   (encryption) and migrations happen here and nowhere else.
//! - A database written by a newer app is refused before anything is written to it.
//! - Every write is one transaction: it is on disk when the call returns `Ok`.

use std::path::Path;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use rusqlite_migration::{Migrations, M};

use super::{Case, CaseDetails, CaseId, CaseSummary, Nation};
use crate::error::{Error, Result};

/// Append-only: never edit or reorder a migration that has shipped; add a new one at the end.
const MIGRATIONS: &[M<'static>] = &[M::up(
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
)];

/// The schema version this build of the app writes.
pub fn schema_version() -> usize {
    MIGRATIONS.len()
}

const CASE_COLUMNS: &str = "id, patient_name, patient_address, nation, diagnosis, reason, \
    first_doctor_name, first_doctor_workplace, gp_practice_name, gp_practice_address, \
    created_at, updated_at";

/// An open case database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
}

fn timestamp(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Millis, true)
}

impl Store {
    /// Opens (or creates) the database at `path`, checks it, and brings its schema up to date.
    ///
    /// A damaged file or one from a newer app returns an error and is left exactly as it was.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        Store::prepare(conn)
    }

    /// A throwaway database in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        Store::prepare(Connection::open_in_memory()?)
    }

    fn prepare(mut conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // The first read: fails here for a damaged file, before anything is written.
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let known = i64::try_from(schema_version()).unwrap_or(i64::MAX);
        if version > known {
            return Err(Error::DatabaseTooNew);
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        // WAL keeps the database whole through a crash; FULL sync makes each commit durable on return.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        Migrations::from_slice(MIGRATIONS).to_latest(&mut conn)?;
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(Error::DatabaseDamaged);
        }
        Ok(Store { conn })
    }

    /// Starts a new case. Returns it as stored.
    pub fn create_case(&mut self, details: &CaseDetails, now: DateTime<Utc>) -> Result<Case> {
        details.validate()?;
        let ts = timestamp(now);
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO cases (patient_name, patient_address, nation, diagnosis, reason,
                first_doctor_name, first_doctor_workplace, gp_practice_name, gp_practice_address,
                created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
            params![
                details.patient_name,
                details.patient_address,
                details.nation.map(Nation::as_str),
                details.diagnosis,
                details.reason,
                details.first_doctor_name,
                details.first_doctor_workplace,
                details.gp_practice_name,
                details.gp_practice_address,
                ts,
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.case(id)
    }

    /// Saves new details for an existing case (autosave). Returns it as stored.
    pub fn save_case(
        &mut self,
        id: CaseId,
        details: &CaseDetails,
        now: DateTime<Utc>,
    ) -> Result<Case> {
        details.validate()?;
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE cases SET patient_name = ?2, patient_address = ?3, nation = ?4, diagnosis = ?5,
                reason = ?6, first_doctor_name = ?7, first_doctor_workplace = ?8,
                gp_practice_name = ?9, gp_practice_address = ?10, updated_at = ?11
             WHERE id = ?1",
            params![
                id,
                details.patient_name,
                details.patient_address,
                details.nation.map(Nation::as_str),
                details.diagnosis,
                details.reason,
                details.first_doctor_name,
                details.first_doctor_workplace,
                details.gp_practice_name,
                details.gp_practice_address,
                timestamp(now),
            ],
        )?;
        if changed == 0 {
            return Err(Error::NotFound);
        }
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
            "SELECT id, patient_name, updated_at FROM cases ORDER BY updated_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(CaseSummary {
                id: r.get(0)?,
                patient_name: r.get(1)?,
                updated_at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

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
    fn missing_case_is_not_found() {
        let mut store = Store::open_in_memory().expect("opens");
        assert!(matches!(store.case(42), Err(Error::NotFound)));
        let err = store
            .save_case(42, &CaseDetails::default(), now())
            .expect_err("no such case");
        assert_eq!(err.code(), "not_found");
    }
}
