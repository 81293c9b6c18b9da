//! The journey's answers for each case, and archiving or deleting a case.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::{timestamp, Store};
use crate::cases::CaseId;
use crate::error::{Error, Result};
use crate::journey::{stored, Journey, StoredJourney};

impl Store {
    /// The journey recorded for a case (empty if nothing has been recorded yet).
    pub fn journey(&self, case_id: CaseId) -> Result<Journey> {
        self.ensure_case(case_id)?;
        let data: Option<String> = self
            .conn
            .query_row(
                "SELECT data FROM journeys WHERE case_id = ?1",
                [case_id],
                |r| r.get(0),
            )
            .optional()?;
        match data {
            None => Ok(Journey::default()),
            Some(json) => Ok(StoredJourney::read(&json)?.journey),
        }
    }

    /// Saves the journey for a case in one transaction. Returns it as stored. Refuses it whole
    /// if any answer is refused (the app's autosave is [`Store::save_journey_as_typed`]).
    pub fn save_journey(
        &mut self,
        case_id: CaseId,
        journey: &Journey,
        now: DateTime<Utc>,
    ) -> Result<Journey> {
        journey.validate()?;
        let tx = self.conn.transaction()?;
        write_journey(&tx, case_id, journey, &timestamp(now))?;
        tx.commit()?;
        self.journey(case_id)
    }

    /// Moves a case out of (or back into) the main list. Nothing is deleted.
    pub fn set_archived(&mut self, case_id: CaseId, archived: bool) -> Result<()> {
        let changed = self.conn.execute(
            "UPDATE cases SET archived = ?2 WHERE id = ?1",
            params![case_id, archived],
        )?;
        if changed == 0 {
            return Err(Error::NotFound);
        }
        Ok(())
    }

    /// Deletes a case and everything recorded for it. The UI asks for confirmation first.
    pub fn delete_case(&mut self, case_id: CaseId) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM journeys WHERE case_id = ?1", [case_id])?;
        tx.execute("DELETE FROM notes WHERE case_id = ?1", [case_id])?;
        tx.execute("DELETE FROM drafts WHERE case_id = ?1", [case_id])?;
        let changed = tx.execute("DELETE FROM cases WHERE id = ?1", [case_id])?;
        if changed == 0 {
            return Err(Error::NotFound);
        }
        tx.commit()?;
        Ok(())
    }

    pub(super) fn ensure_case(&self, case_id: CaseId) -> Result<()> {
        let exists: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM cases WHERE id = ?1)",
            [case_id],
            |r| r.get(0),
        )?;
        if exists {
            Ok(())
        } else {
            Err(Error::NotFound)
        }
    }
}

/// Writes a case's journey inside the caller's transaction, and marks the case as changed.
/// What the stored record holds that this app does not know is kept; a record from a newer
/// app is refused (`record_too_new`) and left as it is.
pub(super) fn write_journey(
    tx: &rusqlite::Transaction<'_>,
    case_id: CaseId,
    journey: &Journey,
    ts: &str,
) -> Result<()> {
    let previous: Option<String> = tx
        .query_row(
            "SELECT data FROM journeys WHERE case_id = ?1",
            [case_id],
            |r| r.get(0),
        )
        .optional()?;
    let previous = previous.as_deref().map(StoredJourney::read).transpose()?;
    let json = stored::to_store(journey, previous.as_ref())?;
    let changed = tx.execute(
        "UPDATE cases SET updated_at = ?2 WHERE id = ?1",
        params![case_id, ts],
    )?;
    if changed == 0 {
        return Err(Error::NotFound);
    }
    tx.execute(
        "INSERT INTO journeys (case_id, data, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (case_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
        params![case_id, json, ts],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::cases::CaseDetails;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0)
            .single()
            .expect("valid time")
    }

    #[test]
    fn a_new_case_has_an_empty_journey_and_a_saved_one_comes_back() {
        let mut store = Store::open_in_memory().expect("opens");
        let case = store
            .create_case(&CaseDetails::default(), now())
            .expect("case");
        assert_eq!(store.journey(case.id).expect("empty"), Journey::default());
        let journey = Journey {
            decision: "Have the operation at the second hospital 🙂".into(),
            ..Default::default()
        };
        assert_eq!(
            store.save_journey(case.id, &journey, now()).expect("saves"),
            journey
        );
        assert_eq!(store.journey(case.id).expect("reads"), journey);
    }

    #[test]
    fn a_missing_case_is_not_found() {
        let mut store = Store::open_in_memory().expect("opens");
        assert!(matches!(store.journey(7), Err(Error::NotFound)));
        assert!(matches!(
            store.save_journey(7, &Journey::default(), now()),
            Err(Error::NotFound)
        ));
        assert!(matches!(store.delete_case(7), Err(Error::NotFound)));
        assert!(matches!(store.set_archived(7, true), Err(Error::NotFound)));
    }

    #[test]
    fn an_invalid_journey_is_refused_and_the_old_one_kept() {
        let mut store = Store::open_in_memory().expect("opens");
        let case = store
            .create_case(&CaseDetails::default(), now())
            .expect("case");
        let good = Journey {
            next_steps: "Ring the clinic".into(),
            ..Default::default()
        };
        store.save_journey(case.id, &good, now()).expect("saves");
        let mut bad = good.clone();
        bad.next_steps = "x".repeat(crate::journey::MAX_TEXT + 1);
        assert!(store.save_journey(case.id, &bad, now()).is_err());
        assert_eq!(store.journey(case.id).expect("reads"), good);
    }

    #[test]
    fn a_journey_stored_by_an_older_app_opens_and_its_records_due_date_is_approximate() {
        let mut store = Store::open_in_memory().expect("opens");
        let case = store
            .create_case(&CaseDetails::default(), now())
            .expect("case");
        // The JSON as an app stored it before the date received and the person's answers
        // about the two opinions: "date asked" only, and opinions whose words differ.
        let old = r#"{"records_holder":"Elm Surgery","records_requested_on":"2026-11-02",
            "first_opinion":{"diagnosis":"Gallstones.","recommendation":"Surgery"},
            "second_opinion":{"diagnosis":"gallstones, inflamed","recommendation":"Wait"}}"#;
        store
            .conn
            .execute(
                "INSERT INTO journeys (case_id, data, updated_at) VALUES (?1, ?2, ?3)",
                rusqlite::params![case.id, old, now().to_rfc3339()],
            )
            .expect("old row");
        let journey = store.journey(case.id).expect("an old record opens");
        assert_eq!(journey.records_holder, "Elm Surgery");
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
        let view = crate::journey::JourneyView::new(journey.clone(), today);
        let due = view.records_due.expect("due");
        assert!(due.approximate, "sent only: approximate");
        assert_eq!(due.words, "about 7 December 2026, due in 16 days");
        assert!(!view.comparison.differ_on_diagnosis_or_advice);
        assert_eq!(view.comparison.follow_ups().count(), 0);
        // Saving it again keeps what was there.
        let saved = store.save_journey(case.id, &journey, now()).expect("saves");
        assert_eq!(saved, journey);
    }

    #[test]
    fn archive_and_delete() {
        let mut store = Store::open_in_memory().expect("opens");
        let case = store
            .create_case(&CaseDetails::default(), now())
            .expect("case");
        store
            .save_journey(case.id, &Journey::default(), now())
            .expect("journey");
        store.set_archived(case.id, true).expect("archives");
        assert!(store.cases().expect("list")[0].archived);
        store.set_archived(case.id, false).expect("unarchives");
        assert!(!store.cases().expect("list")[0].archived);
        store.delete_case(case.id).expect("deletes");
        assert!(store.cases().expect("list").is_empty());
        assert!(matches!(store.journey(case.id), Err(Error::NotFound)));
    }
}
