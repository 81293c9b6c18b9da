//! The activity log: what was done in a profile, when, and by whom. Kept inside the profile's
//! encrypted database, so only that profile's person can read it.
//!
//! Invariants: append-only (the database refuses to change or remove a row); `what` is a short
//! fixed phrase chosen by the app ("Opened", "Printed the GP letter", "Exported"), never text the
//! person typed and never health details.

use chrono::{DateTime, Utc};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::store::{timestamp, Store};
use crate::error::{Error, Result};

/// Longest `who` (a person's name), in characters.
pub const MAX_ACTIVITY_WHO_CHARS: usize = 200;
/// Longest `what` (a fixed phrase from the app), in characters.
pub const MAX_ACTIVITY_WHAT_CHARS: usize = 120;

/// One line of the activity log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActivityEntry {
    #[ts(type = "number")]
    pub id: i64,
    /// When it happened (RFC 3339, UTC).
    pub at: String,
    /// Who did it: the profile's person, or a carer acting for them.
    pub who: String,
    /// What was done, as a short fixed phrase from the app.
    pub what: String,
}

fn check_phrase(label: &str, value: &str, max: usize) -> Result<()> {
    let len = value.chars().count();
    if value.trim().is_empty() || len > max || value.chars().any(char::is_control) {
        return Err(Error::InvalidInput(format!(
            "{label} must be one line of at most {max} characters."
        )));
    }
    Ok(())
}

impl Store {
    /// Adds a line to the activity log. `what` must be a fixed phrase from the app (never typed
    /// text, never health details); `who` is a person's name.
    pub fn record_activity(
        &mut self,
        at: DateTime<Utc>,
        who: &str,
        what: &str,
    ) -> Result<ActivityEntry> {
        check_phrase("Who did it", who, MAX_ACTIVITY_WHO_CHARS)?;
        check_phrase("What was done", what, MAX_ACTIVITY_WHAT_CHARS)?;
        let at = timestamp(at);
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO activity (at, who, what) VALUES (?1, ?2, ?3)",
            params![at, who, what],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(ActivityEntry {
            id,
            at,
            who: who.to_owned(),
            what: what.to_owned(),
        })
    }

    /// The whole activity log, most recent first.
    pub fn activity(&self) -> Result<Vec<ActivityEntry>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, at, who, what FROM activity ORDER BY at DESC, id DESC")?;
        let rows = stmt.query_map([], |r| {
            Ok(ActivityEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                who: r.get(2)?,
                what: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 9, minute, 0)
            .single()
            .expect("valid time")
    }

    #[test]
    fn activity_is_listed_most_recent_first() {
        let mut store = Store::open_in_memory().expect("opens");
        store.record_activity(at(1), "Ann", "Opened").expect("1");
        store
            .record_activity(at(2), "Ann", "Printed the GP letter")
            .expect("2");
        let log = store.activity().expect("log");
        let whats: Vec<_> = log.iter().map(|e| e.what.as_str()).collect();
        assert_eq!(whats, ["Printed the GP letter", "Opened"]);
        assert_eq!(log[1].at, "2026-11-21T09:01:00.000Z");
        assert_eq!(log[1].who, "Ann");
    }

    #[test]
    fn the_activity_log_cannot_be_changed_or_emptied() {
        let mut store = Store::open_in_memory().expect("opens");
        store.record_activity(at(1), "Ann", "Opened").expect("1");
        let update = store
            .conn
            .execute("UPDATE activity SET what = 'Nothing'", []);
        assert!(update.is_err(), "update refused");
        let delete = store.conn.execute("DELETE FROM activity", []);
        assert!(delete.is_err(), "delete refused");
        assert_eq!(store.activity().expect("log").len(), 1);
    }

    #[test]
    fn multi_line_or_long_phrases_are_refused() {
        let mut store = Store::open_in_memory().expect("opens");
        for (who, what) in [
            ("Ann", "Saved\nthe diagnosis: something private"),
            ("Ann", ""),
            ("", "Opened"),
            ("Ann", &"x".repeat(MAX_ACTIVITY_WHAT_CHARS + 1)),
        ] {
            let err = store
                .record_activity(at(1), who, what)
                .expect_err("refused");
            assert_eq!(err.code(), "invalid_input");
        }
        assert!(store.activity().expect("log").is_empty());
    }
}
