//! A patient's consent for a carer or relative to act for them: who, what they may do, from
//! when, until when, and how the consent was given.
//!
//! Invariants: a consent covers whole days, from its first day to its last (inclusive); a
//! consent with no last day lasts until it is ended; ending a consent keeps the record (it only
//! sets the last day), so the history of who could act, and when, is never lost.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::store::{timestamp, Store};
use super::MAX_LINE_CHARS;
use crate::error::{Error, Result};

/// Longest "what they may do", in characters.
pub const MAX_PURPOSES_CHARS: usize = 2_000;

/// How the patient gave their consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ConsentGiven {
    /// They signed a consent letter (for example the app's own).
    SignedLetter,
    /// They gave it in writing another way (an email, a message, a note).
    InWriting,
    /// They said so.
    Spoken,
}

impl ConsentGiven {
    /// Every way, in the order the UI lists them.
    pub const ALL: [ConsentGiven; 3] = [
        ConsentGiven::SignedLetter,
        ConsentGiven::InWriting,
        ConsentGiven::Spoken,
    ];

    /// The stable word stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentGiven::SignedLetter => "signed-letter",
            ConsentGiven::InWriting => "in-writing",
            ConsentGiven::Spoken => "spoken",
        }
    }

    /// Parses the stable word from [`ConsentGiven::as_str`].
    pub fn parse(s: &str) -> Option<ConsentGiven> {
        ConsentGiven::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// What the person tells us about a carer's consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CarerConsentDetails {
    /// The carer's or relative's full name.
    pub carer_name: String,
    /// How they are related, for example "daughter" or "friend". May be empty.
    pub relationship: String,
    /// What they may do, in the patient's words. Empty means the standard list on the consent
    /// letter (talk to doctors, ask for a second opinion, ask for copies of records).
    pub purposes: String,
    /// The first day the consent covers.
    pub from: NaiveDate,
    /// The last day it covers; `None` until the patient ends it.
    pub until: Option<NaiveDate>,
    /// How the consent was given. `None` only in a form not yet answered: the form starts with
    /// nothing chosen, so the person says how rather than leaving a guess in place, and a
    /// consent is stored only with an answer.
    pub how_given: Option<ConsentGiven>,
    /// They may add the person's own files (letters, scan reports) to a case, and change or
    /// remove them. Not part of a consent recorded before the app kept files.
    #[serde(default)]
    pub may_add_files: bool,
}

impl CarerConsentDetails {
    /// Checks the details can be stored: a name, sensible lengths, and dates in order.
    pub fn validate(&self) -> Result<()> {
        if self.carer_name.trim().is_empty() {
            return Err(Error::InvalidInput(
                "Please type the name of the person who may act for you.".into(),
            ));
        }
        if self.how_given.is_none() {
            return Err(Error::InvalidInput(
                "Please say how you gave your agreement: signed, in writing, or told them.".into(),
            ));
        }
        for (label, value, max) in [
            ("The name", self.carer_name.as_str(), MAX_LINE_CHARS),
            (
                "The relationship",
                self.relationship.as_str(),
                MAX_LINE_CHARS,
            ),
            (
                "What they may do",
                self.purposes.as_str(),
                MAX_PURPOSES_CHARS,
            ),
        ] {
            let len = value.chars().count();
            if len > max {
                return Err(Error::InvalidInput(format!(
                    "{label} is too long ({len} characters). Please keep it under {max} characters."
                )));
            }
            if value.contains('\0') {
                return Err(Error::InvalidInput(format!(
                    "{label} has a hidden character that cannot be saved. Please retype it."
                )));
            }
        }
        let sensible = |d: NaiveDate| (1900..=2200).contains(&d.year());
        if !sensible(self.from) || !self.until.is_none_or(sensible) {
            return Err(Error::InvalidInput(
                "Please check the dates of the consent: the year looks wrong.".into(),
            ));
        }
        if let Some(until) = self.until {
            if until < self.from {
                return Err(Error::InvalidInput(
                    "The last day of the consent is before its first day. Please check the dates."
                        .into(),
                ));
            }
        }
        Ok(())
    }

    /// Whether this consent covers `day` (from its first day to its last, inclusive).
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && self.until.is_none_or(|until| day <= until)
    }
}

/// A stored carer consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CarerConsent {
    #[ts(type = "number")]
    pub id: i64,
    pub details: CarerConsentDetails,
    /// When it was recorded in the app (RFC 3339, UTC).
    pub recorded_at: String,
    /// When it was last changed, for example ended (RFC 3339, UTC).
    pub updated_at: String,
}

impl CarerConsent {
    /// Whether this consent covers `day`: the carer may act for the patient on that day.
    pub fn active_consent(&self, day: NaiveDate) -> bool {
        self.details.covers(day)
    }
}

const CONSENT_COLUMNS: &str = "id, carer_name, relationship, purposes, from_day, until_day, \
    how_given, recorded_at, updated_at, may_add_files";

fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn parse_day(text: &str, column: usize) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn consent_from_row(r: &Row<'_>) -> rusqlite::Result<CarerConsent> {
    let from: String = r.get(4)?;
    let until: Option<String> = r.get(5)?;
    let how: String = r.get(6)?;
    let how_given = ConsentGiven::parse(&how).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            6,
            rusqlite::types::Type::Text,
            "unknown way of giving consent".into(),
        )
    })?;
    Ok(CarerConsent {
        id: r.get(0)?,
        details: CarerConsentDetails {
            carer_name: r.get(1)?,
            relationship: r.get(2)?,
            purposes: r.get(3)?,
            from: parse_day(&from, 4)?,
            until: until.as_deref().map(|u| parse_day(u, 5)).transpose()?,
            how_given: Some(how_given),
            may_add_files: r.get(9)?,
        },
        recorded_at: r.get(7)?,
        updated_at: r.get(8)?,
    })
}

impl Store {
    /// Records a carer's consent. Returns it as stored.
    pub fn add_carer_consent(
        &mut self,
        details: &CarerConsentDetails,
        now: DateTime<Utc>,
    ) -> Result<CarerConsent> {
        details.validate()?;
        let ts = timestamp(now);
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO carer_consents (carer_name, relationship, purposes, from_day, until_day,
                how_given, recorded_at, updated_at, may_add_files)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
            params![
                details.carer_name,
                details.relationship,
                details.purposes,
                day_text(details.from),
                details.until.map(day_text),
                details.how_given.map(ConsentGiven::as_str),
                ts,
                details.may_add_files,
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.carer_consent(id)
    }

    /// Ends a consent: `last_day` becomes its last day (if it would otherwise last longer). The
    /// record is kept. Returns it as stored.
    pub fn end_carer_consent(
        &mut self,
        id: i64,
        last_day: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<CarerConsent> {
        let current = self.carer_consent(id)?;
        if last_day < current.details.from {
            return Err(Error::InvalidInput(
                "The last day of the consent is before its first day. Please check the dates."
                    .into(),
            ));
        }
        let until = current
            .details
            .until
            .map_or(last_day, |until| until.min(last_day));
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE carer_consents SET until_day = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, day_text(until), timestamp(now)],
        )?;
        tx.commit()?;
        self.carer_consent(id)
    }

    /// One consent by id.
    pub fn carer_consent(&self, id: i64) -> Result<CarerConsent> {
        self.conn
            .query_row(
                &format!("SELECT {CONSENT_COLUMNS} FROM carer_consents WHERE id = ?1"),
                [id],
                consent_from_row,
            )
            .optional()?
            .ok_or(Error::NotFound)
    }

    /// Every consent ever recorded (ended ones too), most recent first day first.
    pub fn carer_consents(&self) -> Result<Vec<CarerConsent>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {CONSENT_COLUMNS} FROM carer_consents ORDER BY from_day DESC, id DESC"
        ))?;
        let rows = stmt.query_map([], consent_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The consents that cover `day`: who may act for the patient on that day.
    pub fn active_carer_consents(&self, day: NaiveDate) -> Result<Vec<CarerConsent>> {
        Ok(self
            .carer_consents()?
            .into_iter()
            .filter(|c| c.active_consent(day))
            .collect())
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

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("valid day")
    }

    fn consent(from: NaiveDate, until: Option<NaiveDate>) -> CarerConsentDetails {
        CarerConsentDetails {
            carer_name: "Siân Ŵyn".into(),
            relationship: "daughter".into(),
            purposes: "Talk to my GP about my care.".into(),
            from,
            until,
            how_given: Some(ConsentGiven::SignedLetter),
            may_add_files: false,
        }
    }

    #[test]
    fn a_consent_covers_its_days_inclusive() {
        let c = consent(day(10), Some(day(20)));
        assert!(!c.covers(day(9)));
        assert!(c.covers(day(10)));
        assert!(c.covers(day(20)));
        assert!(!c.covers(day(21)));
        let open = consent(day(10), None);
        assert!(!open.covers(day(9)));
        assert!(open.covers(NaiveDate::from_ymd_opt(2040, 1, 1).expect("day")));
    }

    #[test]
    fn consents_round_trip_and_can_be_ended() {
        let mut store = Store::open_in_memory().expect("opens");
        let a = store
            .add_carer_consent(&consent(day(1), None), now())
            .expect("adds");
        assert_eq!(a.details, consent(day(1), None));
        assert_eq!(a.recorded_at, "2026-11-21T09:30:00.000Z");
        assert_eq!(
            store.active_carer_consents(day(25)).expect("active").len(),
            1
        );

        let ended = store.end_carer_consent(a.id, day(15), now()).expect("ends");
        assert_eq!(ended.details.until, Some(day(15)));
        assert!(ended.active_consent(day(15)));
        assert!(!ended.active_consent(day(16)));
        assert!(store
            .active_carer_consents(day(16))
            .expect("active")
            .is_empty());
        assert_eq!(store.carer_consents().expect("all").len(), 1, "kept");

        // Ending later than an existing last day never lengthens a consent.
        let again = store.end_carer_consent(a.id, day(28), now()).expect("ends");
        assert_eq!(again.details.until, Some(day(15)));
    }

    #[test]
    fn dates_out_of_order_and_missing_names_are_refused() {
        let mut store = Store::open_in_memory().expect("opens");
        let err = store
            .add_carer_consent(&consent(day(10), Some(day(9))), now())
            .expect_err("refused");
        assert_eq!(err.code(), "invalid_input");
        let nameless = CarerConsentDetails {
            carer_name: "  ".into(),
            ..consent(day(1), None)
        };
        assert!(store.add_carer_consent(&nameless, now()).is_err());
        // The form starts with no way chosen; a consent is not stored until one is.
        let unsaid = CarerConsentDetails {
            how_given: None,
            ..consent(day(1), None)
        };
        let err = store
            .add_carer_consent(&unsaid, now())
            .expect_err("refused");
        assert!(
            err.to_string().contains("how you gave your agreement"),
            "{err}"
        );
        assert!(store.carer_consents().expect("all").is_empty());
        let far = CarerConsentDetails {
            until: NaiveDate::from_ymd_opt(12_000, 1, 1),
            ..consent(day(1), None)
        };
        assert!(store.add_carer_consent(&far, now()).is_err());
        let a = store
            .add_carer_consent(&consent(day(10), None), now())
            .expect("adds");
        assert!(store.end_carer_consent(a.id, day(9), now()).is_err());
        assert!(matches!(
            store.end_carer_consent(99, day(9), now()),
            Err(Error::NotFound)
        ));
    }
}
