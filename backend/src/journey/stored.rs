//! How a journey is kept in the database: a versioned record, `{"v":1, …the answers…}`.
//!
//! Why a version and not just the fields: the app that opens a case may be older than the app
//! that last saved it (a shared computer updated at another time, a backup brought back on
//! another computer). It must neither call a newer record damaged nor spoil it on the next
//! autosave. So:
//! - a record without `v` (as every app stored a journey before records had a version) is
//!   version 0, and each older version is brought up to [`VERSION`] by its own step in
//!   `UPGRADES`, so old cases open unchanged;
//! - a choice this app does not know (a newer `Urgency`, say) reads as `NotKnown`, which the
//!   screens show as unanswered, and is written back as it was stored unless the person picks
//!   an answer;
//! - a field this app does not know is written back as it was stored, at any depth; in a list,
//!   an entry keeps its unknown fields when it is matched to its stored entry (by position while
//!   the list keeps its length, else by its known answers);
//! - a record with a higher `v` is read as far as this app can read it and never saved over
//!   ([`Error::RecordTooNew`]): a newer app raises `v` exactly when an older one could not keep
//!   its record whole.
//!
//! The `journey` field of [`StoredJourney`] is the domain type; this module alone knows the
//! stored form.

use serde_json::{Map, Value};

use super::Journey;
use crate::error::{Error, Result};

/// The version of the record this app writes.
pub const VERSION: u64 = 1;

type Record = Map<String, Value>;

/// `UPGRADES[n]` turns a version `n` record into version `n + 1`; there is one per version
/// below [`VERSION`].
const UPGRADES: [fn(Record) -> Record; VERSION as usize] = [from_unversioned];

/// Version 0 (no `v`) has the same fields as version 1: only the version is new.
fn from_unversioned(record: Record) -> Record {
    record
}

/// The answers that are a choice from a fixed list (dotted names). A stored choice that this
/// app does not know reads as `not-known` and is kept as stored when the journey is saved.
pub(crate) const CHOICES: [&str; 12] = [
    "for_whom",
    "urgency",
    "in_hospital",
    "same_answers.diagnosis",
    "same_answers.options",
    "same_answers.risks",
    "same_answers.recommendation",
    "same_answers.anything_new",
    "weigh_up_before.patient.decider",
    "weigh_up_before.carer.decider",
    "weigh_up_after.patient.decider",
    "weigh_up_after.carer.decider",
];

/// The choices inside the entries of a list: (the list, the choice in each entry). An entry's
/// unknown choice is kept from the stored entry at the same place with the same text.
pub(crate) const LIST_CHOICES: [(&str, &str); 2] = [
    ("weigh_up_before.matters", "how_much"),
    ("weigh_up_after.matters", "how_much"),
];

/// How a choice this app does not know crosses IPC; never stored.
const NOT_KNOWN: &str = "not-known";

fn pointer(field: &str) -> String {
    format!("/{}", field.replace('.', "/"))
}

/// A journey as it is in the database.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredJourney {
    /// The record's version as stored (0 for a record without one).
    pub version: u64,
    /// Every field of the record, known to this app or not (brought up to [`VERSION`] unless
    /// the record is newer).
    record: Record,
    /// What this app can read of it.
    pub journey: Journey,
}

impl StoredJourney {
    /// Reads a stored record. A record of this app's version or older that does not read is
    /// damaged; a newer one is read as far as it can be, field by field.
    pub fn read(json: &str) -> Result<Self> {
        let Ok(Value::Object(mut record)) = serde_json::from_str::<Value>(json) else {
            return Err(Error::DatabaseDamaged);
        };
        let version = match record.remove("v") {
            None => 0,
            Some(v) => v.as_u64().ok_or(Error::DatabaseDamaged)?,
        };
        let journey = match usize::try_from(version) {
            Ok(from) if version <= VERSION => {
                for upgrade in &UPGRADES[from..] {
                    record = upgrade(record);
                }
                serde_json::from_value(Value::Object(record.clone()))
                    .map_err(|_| Error::DatabaseDamaged)?
            }
            _ => readable_part(&record),
        };
        Ok(StoredJourney {
            version,
            record,
            journey,
        })
    }

    /// Whether a newer app saved it: this app shows it but does not save over it.
    pub fn is_newer(&self) -> bool {
        self.version > VERSION
    }
}

/// What this app can read of a newer record: every top-level field that reads on its own.
fn readable_part(record: &Record) -> Journey {
    if let Ok(journey) = serde_json::from_value(Value::Object(record.clone())) {
        return journey;
    }
    let readable: Record = record
        .iter()
        .filter(|(key, value)| {
            let one = Record::from_iter([((*key).clone(), (*value).clone())]);
            serde_json::from_value::<Journey>(Value::Object(one)).is_ok()
        })
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    serde_json::from_value(Value::Object(readable)).unwrap_or_default()
}

/// The JSON to store for `journey`, keeping from `previous` (the record it replaces) every
/// choice and field this app does not know. Refuses to replace a newer record.
pub fn to_store(journey: &Journey, previous: Option<&StoredJourney>) -> Result<String> {
    if previous.is_some_and(StoredJourney::is_newer) {
        return Err(Error::RecordTooNew);
    }
    let mut record = serde_json::to_value(journey)
        .map_err(|e| Error::Storage(format!("journey could not be written: {e}")))?;
    let stored = previous.map(|p| Value::Object(p.record.clone()));
    for choice in CHOICES {
        let at = pointer(choice);
        if let Some(slot) = record.pointer_mut(&at) {
            if slot.as_str() == Some(NOT_KNOWN) {
                *slot = stored
                    .as_ref()
                    .and_then(|s| s.pointer(&at))
                    .filter(|v| v.is_string())
                    .cloned()
                    .unwrap_or(Value::Null);
            }
        }
    }
    for (list, choice) in LIST_CHOICES {
        let at = pointer(list);
        let Some(Value::Array(entries)) = record.pointer_mut(&at) else {
            continue;
        };
        let old = stored.as_ref().and_then(|s| s.pointer(&at));
        for (i, entry) in entries.iter_mut().enumerate() {
            let text = entry.get("text").cloned();
            let Some(slot) = entry.get_mut(choice) else {
                continue;
            };
            if slot.as_str() == Some(NOT_KNOWN) {
                *slot = old
                    .and_then(|o| o.get(i))
                    .filter(|o| o.get("text").cloned() == text)
                    .and_then(|o| o.get(choice))
                    .filter(|v| v.is_string())
                    .cloned()
                    .unwrap_or(Value::Null);
            }
        }
    }
    if let Some(stored) = &stored {
        keep_unknown_fields(&mut record, stored);
    }
    let Value::Object(mut fields) = record else {
        return Err(Error::Storage("journey is not a record".into()));
    };
    fields.insert("v".into(), Value::from(VERSION));
    serde_json::to_string(&fields)
        .map_err(|e| Error::Storage(format!("journey could not be written: {e}")))
}

/// Copies into `new` every field of `stored` that `new` lacks (this app writes every field it
/// knows, so those are the ones it does not know), at any depth.
fn keep_unknown_fields(new: &mut Value, stored: &Value) {
    match (new, stored) {
        (Value::Object(new), Value::Object(stored)) => {
            for (key, old) in stored {
                match new.get_mut(key) {
                    Some(value) => keep_unknown_fields(value, old),
                    None => {
                        new.insert(key.clone(), old.clone());
                    }
                }
            }
        }
        (Value::Array(new), Value::Array(stored)) if new.len() == stored.len() => {
            for (value, old) in new.iter_mut().zip(stored) {
                keep_unknown_fields(value, old);
            }
        }
        (Value::Array(new), Value::Array(stored)) => {
            // Entries were added or removed: each keeps what its stored entry had, found by
            // its known answers (an entry matches at most once).
            let mut unused: Vec<&Value> = stored.iter().collect();
            for value in new.iter_mut() {
                if let Some(i) = unused.iter().position(|old| same_known(value, old)) {
                    keep_unknown_fields(value, unused.remove(i));
                }
            }
        }
        _ => {}
    }
}

/// Whether `stored` holds the same answers as `new` in every field `new` has.
fn same_known(new: &Value, stored: &Value) -> bool {
    match (new, stored) {
        (Value::Object(new), Value::Object(stored)) => new
            .iter()
            .all(|(key, value)| stored.get(key).is_some_and(|old| same_known(value, old))),
        _ => new == stored,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{InHospital, SaidTheSame, Urgency};

    fn stored(json: &str) -> StoredJourney {
        StoredJourney::read(json).expect("reads")
    }

    fn value(json: &str) -> Value {
        serde_json::from_str(json).expect("json")
    }

    #[test]
    fn an_unversioned_record_opens_unchanged_and_is_saved_as_version_1() {
        let old = r#"{"decision":"Wait and see","urgency":"soon","records":[{"label":"Scans","asked":true,"arrived":false}]}"#;
        let s = stored(old);
        assert_eq!(s.version, 0);
        assert_eq!(s.journey.decision, "Wait and see");
        assert_eq!(s.journey.urgency, Some(Urgency::Soon));
        let again = value(&to_store(&s.journey, Some(&s)).expect("writes"));
        assert_eq!(again["v"], 1);
        assert_eq!(again["decision"], "Wait and see");
        let reread = stored(&again.to_string());
        assert_eq!(reread.version, 1);
        assert_eq!(reread.journey, s.journey);
    }

    #[test]
    fn a_choice_this_app_does_not_know_reads_as_not_known_and_is_kept_when_saved() {
        let newer = r#"{"v":1,"urgency":"within-two-weeks","in_hospital":"yes-in-intensive-care",
            "for_whom":"my-child","same_answers":{"risks":"partly"},"decision":"Ask again"}"#;
        let s = stored(newer);
        assert_eq!(s.journey.urgency, Some(Urgency::NotKnown));
        assert_eq!(s.journey.in_hospital, Some(InHospital::NotKnown));
        assert_eq!(s.journey.same_answers.risks, Some(SaidTheSame::NotKnown));
        assert!(s.journey.time_critical(), "not known is not routine");
        assert!(!s.journey.needs_urgent_hospital_help());
        let mut edited = s.journey.clone();
        edited.decision = "Have the operation".into();
        let written = value(&to_store(&edited, Some(&s)).expect("writes"));
        assert_eq!(written["urgency"], "within-two-weeks");
        assert_eq!(written["in_hospital"], "yes-in-intensive-care");
        assert_eq!(written["for_whom"], "my-child");
        assert_eq!(written["same_answers"]["risks"], "partly");
        assert_eq!(written["decision"], "Have the operation");
        // Picking an answer replaces the unknown choice; clearing it clears it.
        edited.urgency = Some(Urgency::Routine);
        edited.in_hospital = None;
        let written = value(&to_store(&edited, Some(&s)).expect("writes"));
        assert_eq!(written["urgency"], "routine");
        assert_eq!(written["in_hospital"], Value::Null);
    }

    #[test]
    fn a_how_much_this_app_does_not_know_is_kept_in_its_entry() {
        let newer = r#"{"v":1,"weigh_up_after":{"matters":[
            {"starter":null,"text":"Cost","how_much":"more-than-anything"},
            {"starter":null,"text":"Travel","how_much":"a-lot"}],
            "patient":{"decider":"we-decide-as-a-family","who":"","lean":""}}}"#;
        let s = stored(newer);
        let matters = &s.journey.weigh_up_after.matters;
        assert_eq!(matters[0].how_much, Some(crate::journey::HowMuch::NotKnown));
        assert_eq!(
            s.journey.weigh_up_after.patient.decider,
            Some(crate::journey::Decider::NotKnown)
        );
        let mut edited = s.journey.clone();
        edited.weigh_up_after.patient.lean = "Towards waiting".into();
        let written = value(&to_store(&edited, Some(&s)).expect("writes"));
        let after = &written["weigh_up_after"];
        assert_eq!(after["matters"][0]["how_much"], "more-than-anything");
        assert_eq!(after["matters"][1]["how_much"], "a-lot");
        assert_eq!(after["patient"]["decider"], "we-decide-as-a-family");
        assert_eq!(after["patient"]["lean"], "Towards waiting");
        // Its text changed: it is another entry now, and the unknown answer is not carried.
        edited.weigh_up_after.matters[0].text = "Money".into();
        let written = value(&to_store(&edited, Some(&s)).expect("writes"));
        assert_eq!(
            written["weigh_up_after"]["matters"][0]["how_much"],
            Value::Null
        );
    }

    #[test]
    fn not_known_is_never_stored() {
        let j = Journey {
            urgency: Some(Urgency::NotKnown),
            ..Default::default()
        };
        let written = value(&to_store(&j, None).expect("writes"));
        assert_eq!(written["urgency"], Value::Null);
    }

    #[test]
    fn every_choice_in_the_journey_is_listed() {
        // Any field that reads a made-up word as `not-known` is a choice, and must be listed.
        fn nulls(v: &Value, path: &str, out: &mut Vec<String>) {
            if let Value::Object(m) = v {
                for (k, child) in m {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    if child.is_null() {
                        out.push(p.clone());
                    }
                    nulls(child, &p, out);
                }
            }
        }
        let empty = serde_json::to_value(Journey::default()).expect("json");
        let mut fields = Vec::new();
        nulls(&empty, "", &mut fields);
        let mut found = Vec::new();
        for field in fields {
            let mut record = empty.clone();
            *record.pointer_mut(&pointer(&field)).expect("field") = Value::from("a-new-choice");
            if let Ok(j) = serde_json::from_value::<Journey>(record) {
                let back = serde_json::to_value(j).expect("json");
                if back.pointer(&pointer(&field)) == Some(&Value::from(NOT_KNOWN)) {
                    found.push(field);
                }
            }
        }
        found.sort();
        let mut listed: Vec<String> = CHOICES.iter().map(|c| (*c).to_owned()).collect();
        listed.sort();
        assert_eq!(found, listed);
    }

    #[test]
    fn fields_this_app_does_not_know_are_kept_at_any_depth() {
        let newer = r#"{"v":1,"decision":"Wait","second_carer":"Sam",
            "appointment":{"place":"Clinic 4","video_link_given":true},
            "medicines":[{"name":"Aspirin","dose":"75 mg","notes":"","dose_unit":"mg"},
                         {"name":"Statin","dose":"20 mg","notes":"","dose_unit":"mg2"}]}"#;
        let s = stored(newer);
        let mut edited = s.journey.clone();
        edited.decision = "Have the operation".into();
        edited.appointment.place = "Clinic 5".into();
        edited.medicines[1].dose = "40 mg".into();
        let written = value(&to_store(&edited, Some(&s)).expect("writes"));
        assert_eq!(written["second_carer"], "Sam");
        assert_eq!(written["appointment"]["video_link_given"], true);
        assert_eq!(written["appointment"]["place"], "Clinic 5");
        assert_eq!(written["medicines"][0]["dose_unit"], "mg");
        assert_eq!(written["medicines"][1]["dose_unit"], "mg2");
        assert_eq!(written["medicines"][1]["dose"], "40 mg");
        // An entry removed: the others keep their own unknown fields, never another's.
        edited.medicines.remove(0);
        let written = value(&to_store(&edited, Some(&s)).expect("writes"));
        assert_eq!(written["medicines"][0]["name"], "Statin");
        assert_eq!(written["medicines"][0]["dose_unit"], Value::Null);
        edited.medicines[0].dose = "20 mg".into();
        let written = value(&to_store(&edited, Some(&s)).expect("writes"));
        assert_eq!(written["medicines"][0]["dose_unit"], "mg2");
    }

    #[test]
    fn a_newer_record_is_shown_as_far_as_it_reads_and_never_saved_over() {
        let newer = r#"{"v":2,"decision":"Wait","appointment":"at ten, clinic 4",
            "urgency":"soon","moved_to":"elsewhere"}"#;
        let s = stored(newer);
        assert!(s.is_newer());
        assert_eq!(s.journey.decision, "Wait");
        assert_eq!(s.journey.urgency, Some(Urgency::Soon));
        assert_eq!(
            s.journey.appointment,
            Default::default(),
            "not readable here"
        );
        let err = to_store(&s.journey, Some(&s)).expect_err("refused");
        assert_eq!(err.code(), "record_too_new");
    }

    #[test]
    fn a_record_that_does_not_read_at_this_version_is_damaged() {
        for bad in [
            "[]",
            "not json",
            r#"{"v":"one"}"#,
            r#"{"v":1,"decision":7}"#,
            r#"{"decision":7}"#,
        ] {
            let err = StoredJourney::read(bad).expect_err(bad);
            assert_eq!(err.code(), "database_damaged", "{bad}");
        }
    }
}
