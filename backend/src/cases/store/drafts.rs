//! The autosave: every valid answer is saved, and each refused one is kept as typed in the
//! `drafts` table (in the same encrypted database), in the same transaction.
//!
//! Why drafts and not "save it as typed": the case and journey are what letters to doctors are
//! made from, so they must only hold values that pass the checks (a wrong NHS number must never
//! be printed). A person still expects to find what they typed when they come back, so the
//! refused text is kept apart, encrypted like everything else, shown back in its field with
//! what to change, and replaced the moment the answer is fixed. Nothing ever goes to a plain
//! file or the webview's storage.

use chrono::{DateTime, Utc};
use rusqlite::{params, Transaction};
use serde_json::Value;

use super::{latest_birth, timestamp, Store};
use crate::cases::{CaseAsTyped, CaseDetails, CaseId, FieldProblem};
use crate::error::{Error, Result};
use crate::journey::{problems_of, Journey, JourneyAsStored};
use crate::model::{mark_unkeepable, set_at, usable, value_at};

/// Which record a draft belongs to.
const CASE: &str = "case";
const JOURNEY: &str = "journey";

fn to_json<T: serde::Serialize>(value: &T) -> Result<Value> {
    serde_json::to_value(value).map_err(|e| Error::Storage(format!("could not be written: {e}")))
}

fn from_json<T: serde::de::DeserializeOwned>(value: Value) -> Result<T> {
    serde_json::from_value(value).map_err(|_| Error::DatabaseDamaged)
}

/// What a refused field goes back to when nothing valid was saved in it before.
fn empty_for(p: &FieldProblem) -> Value {
    match p.code.as_str() {
        "invalid_date_of_birth" | "invalid_date" => Value::Null,
        _ => Value::from(""),
    }
}

/// Replaces a record's drafts with the kept problems' typed values.
fn write_drafts(
    tx: &Transaction<'_>,
    case_id: CaseId,
    part: &str,
    typed: &Value,
    problems: &[FieldProblem],
    ts: &str,
) -> Result<()> {
    tx.execute(
        "DELETE FROM drafts WHERE case_id = ?1 AND part = ?2",
        params![case_id, part],
    )?;
    for p in problems.iter().filter(|p| p.kept) {
        if let Some(value) = value_at(typed, &p.field) {
            tx.execute(
                "INSERT INTO drafts (case_id, part, field, value, saved_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![case_id, part, p.field, value.to_string(), ts],
            )?;
        }
    }
    Ok(())
}

impl Store {
    /// A record's drafts: each field and the value typed in it.
    fn drafts(&self, case_id: CaseId, part: &str) -> Result<Vec<(String, Value)>> {
        let mut stmt = self.conn.prepare(
            "SELECT field, value FROM drafts WHERE case_id = ?1 AND part = ?2 ORDER BY field",
        )?;
        let rows = stmt.query_map(params![case_id, part], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (field, text) = row?;
            let value = serde_json::from_str(&text).map_err(|_| Error::DatabaseDamaged)?;
            out.push((field, value));
        }
        Ok(out)
    }

    /// How many answers of a case are drafts (kept as typed, needing a change).
    #[cfg(test)]
    fn draft_count(&self, case_id: CaseId) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM drafts WHERE case_id = ?1",
            [case_id],
            |r| r.get(0),
        )?)
    }

    /// `stored` with the drafts of `part` put back in their fields.
    fn overlay(&self, case_id: CaseId, part: &str, stored: &Value) -> Result<Value> {
        let mut typed = stored.clone();
        for (field, value) in self.drafts(case_id, part)? {
            set_at(&mut typed, &field, value);
        }
        Ok(typed)
    }

    /// The autosave of a case: starts it (`id` is `None`) or saves it. Every valid field is
    /// saved; each refused one keeps its last saved value and is kept as typed in a draft.
    /// One transaction. Only a storage failure (or a missing case) is an error.
    pub fn save_case_as_typed(
        &mut self,
        id: Option<CaseId>,
        typed: &CaseDetails,
        now: DateTime<Utc>,
    ) -> Result<CaseAsTyped> {
        let mut problems = typed.problems(latest_birth(now));
        let typed_json = to_json(typed)?;
        mark_unkeepable(&typed_json, &mut problems);
        let previous = match id {
            Some(id) => self.case(id)?.details,
            None => CaseDetails::default(),
        };
        let details: CaseDetails = from_json(usable(
            &typed_json,
            &to_json(&previous)?,
            &problems,
            empty_for,
        ))?;
        let ts = timestamp(now);
        let tx = self.conn.transaction()?;
        let id = super::write_case(&tx, id, &details, &ts)?;
        write_drafts(&tx, id, CASE, &typed_json, &problems, &ts)?;
        tx.commit()?;
        Ok(CaseAsTyped {
            case: self.case(id)?,
            typed: typed.clone(),
            problems,
        })
    }

    /// A case as it was last typed: what is saved, with its drafts put back and their problems.
    pub fn case_as_typed(&self, id: CaseId, now: DateTime<Utc>) -> Result<CaseAsTyped> {
        let case = self.case(id)?;
        let typed: CaseDetails = from_json(self.overlay(id, CASE, &to_json(&case.details)?)?)?;
        let problems = typed.problems(latest_birth(now));
        Ok(CaseAsTyped {
            case,
            typed,
            problems,
        })
    }

    /// The autosave of a journey: every valid answer is saved; each refused one keeps its last
    /// saved value and is kept as typed in a draft. One transaction. Too many entries in a list
    /// (or a storage failure, or a missing case) refuses the whole save.
    pub fn save_journey_as_typed(
        &mut self,
        case_id: CaseId,
        typed: &Journey,
        now: DateTime<Utc>,
    ) -> Result<JourneyAsStored> {
        let mut problems = typed.problems()?;
        let typed_json = to_json(typed)?;
        mark_unkeepable(&typed_json, &mut problems);
        let previous = to_json(&self.journey(case_id)?)?;
        let journey: Journey = from_json(usable(&typed_json, &previous, &problems, empty_for))?;
        // The saved value put back may be from an older, differently shaped list: check again.
        let journey = if journey.validate().is_ok() {
            journey
        } else {
            let again = to_json(&journey)?;
            let left = problems_of(&again);
            from_json(usable(&again, &Value::Null, &left, empty_for))?
        };
        let ts = timestamp(now);
        let tx = self.conn.transaction()?;
        super::journey::write_journey(&tx, case_id, &journey, &ts)?;
        write_drafts(&tx, case_id, JOURNEY, &typed_json, &problems, &ts)?;
        tx.commit()?;
        Ok(JourneyAsStored {
            journey: self.journey(case_id)?,
            typed: typed.clone(),
            problems,
        })
    }

    /// A journey as it was last typed: what is saved, with its drafts put back and their problems.
    pub fn journey_as_typed(&self, case_id: CaseId) -> Result<JourneyAsStored> {
        let journey = self.journey(case_id)?;
        let typed_json = self.overlay(case_id, JOURNEY, &to_json(&journey)?)?;
        let problems = problems_of(&typed_json);
        Ok(JourneyAsStored {
            journey,
            typed: from_json(typed_json)?,
            problems,
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0)
            .single()
            .expect("valid time")
    }

    #[test]
    fn a_wrong_nhs_number_keeps_every_other_field_and_is_kept_as_a_draft() {
        let mut store = Store::open_in_memory().expect("opens");
        let typed = CaseDetails {
            patient_name: "Ann Jones".into(),
            nhs_number: "943 476 5918".into(),
            gp_practice_name: "Ystwyth Medical Group".into(),
            ..Default::default()
        };
        let saved = store
            .save_case_as_typed(None, &typed, now())
            .expect("saves");
        assert_eq!(saved.problems.len(), 1);
        assert_eq!(saved.problems[0].field, "nhs_number");
        assert_eq!(saved.problems[0].code, "invalid_nhs_number");
        assert_eq!(saved.case.details.patient_name, "Ann Jones");
        assert_eq!(saved.case.details.gp_practice_name, "Ystwyth Medical Group");
        assert_eq!(
            saved.case.details.nhs_number, "",
            "a wrong number is never used"
        );
        let back = store.case_as_typed(saved.case.id, now()).expect("reads");
        assert_eq!(back.typed, typed, "as typed, draft and all");
        assert_eq!(back.problems, saved.problems);
        assert_eq!(store.draft_count(saved.case.id).expect("counts"), 1);

        // Fixing it saves it and the draft is gone.
        let fixed = CaseDetails {
            nhs_number: "943 476 5919".into(),
            ..typed
        };
        let saved = store
            .save_case_as_typed(Some(saved.case.id), &fixed, now())
            .expect("saves");
        assert!(saved.problems.is_empty());
        assert_eq!(saved.case.details, fixed);
        assert_eq!(store.draft_count(saved.case.id).expect("counts"), 0);
    }

    #[test]
    fn a_refused_field_keeps_its_last_saved_value_for_letters() {
        let mut store = Store::open_in_memory().expect("opens");
        let good = CaseDetails {
            first_doctor_workplace: "Bronglais Hospital".into(),
            ..Default::default()
        };
        let id = store
            .save_case_as_typed(None, &good, now())
            .expect("saves")
            .case
            .id;
        let typed = CaseDetails {
            first_doctor_workplace: "x".repeat(400),
            reason: "Typed after it".into(),
            ..Default::default()
        };
        let saved = store
            .save_case_as_typed(Some(id), &typed, now())
            .expect("saves");
        assert_eq!(saved.problems[0].code, "too_long");
        assert_eq!(
            saved.case.details.first_doctor_workplace,
            "Bronglais Hospital"
        );
        assert_eq!(saved.case.details.reason, "Typed after it");
        assert_eq!(store.case_as_typed(id, now()).expect("reads").typed, typed);
    }

    #[test]
    fn a_journey_answer_too_long_is_a_draft_and_the_rest_is_saved() {
        let mut store = Store::open_in_memory().expect("opens");
        let id = store
            .save_case_as_typed(None, &CaseDetails::default(), now())
            .expect("case")
            .case
            .id;
        let mut typed = Journey {
            treatment_proposed: "x".repeat(crate::journey::MAX_TEXT + 1),
            diagnosed_when: "March 2026".into(),
            ..Default::default()
        };
        typed.appointment.date = chrono::NaiveDate::from_ymd_opt(2201, 1, 1);
        typed.appointment.place = "Clinic 4".into();
        let saved = store
            .save_journey_as_typed(id, &typed, now())
            .expect("saves");
        let mut fields: Vec<&str> = saved.problems.iter().map(|p| p.field.as_str()).collect();
        fields.sort_unstable();
        assert_eq!(fields, ["appointment.date", "treatment_proposed"]);
        assert_eq!(saved.journey.diagnosed_when, "March 2026");
        assert_eq!(saved.journey.appointment.place, "Clinic 4");
        assert_eq!(saved.journey.appointment.date, None);
        assert_eq!(saved.journey.treatment_proposed, "");
        let back = store.journey_as_typed(id).expect("reads");
        assert_eq!(back.typed, typed);
        assert_eq!(back.problems, saved.problems);
        // Deleting the case deletes its drafts.
        store.delete_case(id).expect("deletes");
        let left: i64 = store
            .conn
            .query_row("SELECT count(*) FROM drafts", [], |r| r.get(0))
            .expect("counts");
        assert_eq!(left, 0);
    }

    #[test]
    fn text_too_big_to_keep_is_said_and_not_kept() {
        let mut store = Store::open_in_memory().expect("opens");
        let typed = CaseDetails {
            diagnosis: "x".repeat(crate::cases::MAX_DRAFT_CHARS + 1),
            patient_name: "Ann".into(),
            ..Default::default()
        };
        let saved = store
            .save_case_as_typed(None, &typed, now())
            .expect("saves");
        assert!(!saved.problems[0].kept);
        assert_eq!(saved.case.details.patient_name, "Ann");
        assert_eq!(store.draft_count(saved.case.id).expect("counts"), 0);
    }
}
