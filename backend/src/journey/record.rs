//! Everything the person records on the journey's eight steps, as one typed record per case.
//!
//! Invariants: every field has a default, so a record saved by an older app still loads; every
//! value is kept exactly as typed; [`Journey::validate`] bounds lengths and counts before a save.
//! How the record is stored, and what an older app keeps of a newer one, is `stored.rs`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::compare::{Opinion, SameAnswers};
use super::needs::CommunicationNeeds;
use super::weigh_up::WeighUp;
use crate::content::Step;
use crate::error::{Error, Result};
use crate::model::FieldProblem;

/// Who the case is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ForWhom {
    Me,
    SomeoneIHelp,
    /// A choice from a newer version of the app that this one does not know: shown as
    /// unanswered, and saved back as it was stored (see `journey::stored`).
    #[serde(other)]
    NotKnown,
}

/// How urgent the team said things are, in their words as the person remembers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    Urgent,
    Soon,
    Routine,
    NotSaid,
    /// A choice from a newer version of the app that this one does not know: shown as
    /// unanswered, and saved back as it was stored (see `journey::stored`).
    #[serde(other)]
    NotKnown,
}

/// Whether the person is in hospital now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum InHospital {
    No,
    YesStable,
    /// In hospital and getting worse: Martha's Rule guidance, not this flow.
    YesGettingWorse,
    /// A choice from a newer version of the app that this one does not know: shown as
    /// unanswered, and saved back as it was stored (see `journey::stored`).
    #[serde(other)]
    NotKnown,
}

/// The four-question readiness check, asked before and after the second opinion.
/// Each answer is `None` until answered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Readiness {
    pub know_enough: Option<bool>,
    pub clear_what_matters: Option<bool>,
    pub have_support: Option<bool>,
    pub feel_sure: Option<bool>,
}

impl Readiness {
    /// How many of the four questions were answered "yes".
    pub fn yes_count(&self) -> usize {
        [
            self.know_enough,
            self.clear_what_matters,
            self.have_support,
            self.feel_sure,
        ]
        .into_iter()
        .filter(|a| *a == Some(true))
        .count()
    }
}

/// One record on the records checklist.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RecordItem {
    pub label: String,
    pub asked: bool,
    pub arrived: bool,
}

/// The appointment for the second opinion.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Appointment {
    #[ts(type = "string | null")]
    pub date: Option<NaiveDate>,
    /// As typed, for example "10:30".
    pub time: String,
    pub place: String,
    pub with_whom: String,
    pub who_comes: String,
}

/// A question chosen for the appointment: from the bank (with its id) or the person's own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ChosenQuestion {
    /// The question bank id, or `None` for the person's own question.
    pub bank_id: Option<String>,
    pub text: String,
    /// One of "my most important questions".
    pub top: bool,
    /// The answer, written after the appointment.
    pub answer: String,
}

/// A line of the symptom and treatment timeline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct TimelineLine {
    /// As typed, for example "March 2026" or "21/11/2026".
    pub when: String,
    pub what: String,
}

/// A medicine the person takes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MedicineLine {
    pub name: String,
    pub dose: String,
    pub notes: String,
}

/// Everything recorded on the journey for one case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Journey {
    // 1. Your situation (the rest is in `CaseDetails`).
    pub for_whom: Option<ForWhom>,
    /// When the diagnosis or offer was made, as typed.
    pub diagnosed_when: String,
    pub treatment_proposed: String,
    pub urgency: Option<Urgency>,
    /// The person's own answer to "Is this about cancer or a mental health problem?": never
    /// worked out from what they typed.
    pub cancer_or_mental_health: Option<bool>,
    pub in_hospital: Option<InHospital>,

    // 2. Is a second opinion right for you?
    /// Ids of the content reasons ticked.
    pub reasons: Vec<String>,
    pub readiness_before: Readiness,
    /// The decision to ask for a second opinion: `Some(true)` go ahead, `Some(false)` not now.
    pub go_ahead: Option<bool>,
    pub go_ahead_why: String,
    /// The person's own weigh-up of asking against staying with the current plan.
    pub weigh_up_before: WeighUp,

    // 3. Choose a route.
    /// Id of the content route chosen.
    pub route: Option<String>,
    pub specialist_notes: String,
    /// The consultant, hospital or team the person would like to be referred to, as typed: the
    /// letters name it (in England under the right to choose; for a private route, the
    /// consultant the referral letter is for). May be empty.
    pub preferred_specialist: String,

    // 4. Ask for it.
    /// When someone helps: the person the patient authorises to act for them, for the consent form.
    pub carer_name: String,
    pub carer_relationship: String,
    #[ts(type = "string | null")]
    pub asked_on: Option<NaiveDate>,
    pub answer: String,
    /// Weeks to wait for an answer before a follow-up letter is offered; `None`: the default
    /// (see `chase.rs`).
    pub follow_up_after_weeks: Option<u32>,
    /// How the patient needs to be contacted: stated in every letter.
    pub communication_needs: CommunicationNeeds,

    // 5. Gather your records.
    pub records: Vec<RecordItem>,
    /// Who holds the records (GP practice or hospital), as typed.
    pub records_holder: String,
    /// The day the person sent or handed in the request ("the date asked" in older records).
    #[ts(type = "string | null")]
    pub records_requested_on: Option<NaiveDate>,
    /// The day the practice or hospital received it, when the person knows it: the month for
    /// a reply counts from this day. Without it, the due date is approximate.
    #[ts(type = "string | null")]
    pub records_received_on: Option<NaiveDate>,

    // 6. Prepare.
    pub appointment: Appointment,
    pub questions: Vec<ChosenQuestion>,
    pub timeline: Vec<TimelineLine>,
    pub medicines: Vec<MedicineLine>,
    pub allergies: String,
    /// Ids of what-to-bring items ticked as ready.
    pub bring_ready: Vec<String>,

    // 7. After the appointment.
    pub first_opinion: Opinion,
    pub second_opinion: Opinion,
    /// The person's own answer, part by part: do the two doctors say the same thing?
    pub same_answers: SameAnswers,

    // 8. Decide and tell.
    pub decision: String,
    pub decision_why: String,
    pub what_matters_most: String,
    pub readiness_after: Readiness,
    pub next_steps: String,
    /// The weigh-up of what to do now, the doctors' recommendations among the options.
    pub weigh_up_after: WeighUp,
    /// The day the person wants to (or is asked to) decide by, if there is one.
    #[ts(type = "string | null")]
    pub decide_by: Option<NaiveDate>,
}

/// Longest free-text field in the journey, in characters.
pub const MAX_TEXT: usize = 20_000;
/// Most entries in a list (questions, timeline lines, medicines, records).
pub const MAX_ENTRIES: usize = 500;
/// Earliest and latest dates accepted.
pub const EARLIEST: (i32, u32, u32) = (1900, 1, 1);
pub const LATEST: (i32, u32, u32) = (2200, 12, 31);

/// The journey's dates (dotted field names), checked against [`EARLIEST`] and [`LATEST`].
const DATE_FIELDS: [&str; 5] = [
    "asked_on",
    "decide_by",
    "records_requested_on",
    "records_received_on",
    "appointment.date",
];

/// The step a journey field is on (by its first name; answers to questions are written after
/// the appointment).
pub fn step_of(field: &str) -> Step {
    let top = field.split('.').next().unwrap_or_default();
    match top {
        "for_whom"
        | "diagnosed_when"
        | "treatment_proposed"
        | "urgency"
        | "in_hospital"
        | "cancer_or_mental_health" => Step::Situation,
        "reasons" | "readiness_before" | "go_ahead" | "go_ahead_why" | "weigh_up_before" => {
            Step::IsItRight
        }
        "route" | "specialist_notes" | "preferred_specialist" => Step::ChooseRoute,
        "carer_name"
        | "carer_relationship"
        | "asked_on"
        | "answer"
        | "follow_up_after_weeks"
        | "communication_needs" => Step::Ask,
        "records" | "records_holder" | "records_requested_on" | "records_received_on" => {
            Step::Records
        }
        "questions" if field.ends_with(".answer") => Step::AfterAppointment,
        "first_opinion" | "second_opinion" | "same_answers" => Step::AfterAppointment,
        "decision" | "decision_why" | "what_matters_most" | "readiness_after" | "next_steps"
        | "weigh_up_after" | "decide_by" => Step::DecideAndTell,
        _ => Step::Prepare,
    }
}

impl Journey {
    /// Whether waiting could do harm, so the time-critical caution and its questions are shown
    /// and printed: the team said it is urgent or soon, or did not say, or the person said it is
    /// about cancer or a mental health problem. An unanswered urgency counts as "not said": when
    /// nobody has said it can wait, the app does not assume it can.
    pub fn time_critical(&self) -> bool {
        !matches!(self.urgency, Some(Urgency::Routine))
            || self.cancer_or_mental_health == Some(true)
    }

    /// Lists longer than [`MAX_ENTRIES`] are refused as a whole (no one types that many).
    fn check_lists(&self) -> Result<()> {
        let lists = [
            ("The list of records", self.records.len()),
            ("The list of questions", self.questions.len()),
            ("The timeline", self.timeline.len()),
            ("The list of medicines", self.medicines.len()),
            ("The reasons", self.reasons.len()),
            ("The things to bring", self.bring_ready.len()),
            ("What matters to you", self.weigh_up_before.matters.len()),
            ("Your own options", self.weigh_up_before.own_options.len()),
            ("What matters to you", self.weigh_up_after.matters.len()),
            ("Your own options", self.weigh_up_after.own_options.len()),
        ];
        for (label, n) in lists {
            if n > MAX_ENTRIES {
                return Err(Error::InvalidInput(format!(
                    "{label} is too long ({n} entries). Please keep it under {MAX_ENTRIES}."
                )));
            }
        }
        Ok(())
    }

    /// Every answer that cannot be saved as typed, each with its field and what to change.
    /// Any script, emoji and markup are kept. A list with too many entries is an error.
    pub fn problems(&self) -> Result<Vec<FieldProblem>> {
        self.check_lists()?;
        let record = serde_json::to_value(self)
            .map_err(|e| Error::Storage(format!("journey could not be read: {e}")))?;
        Ok(problems_of(&record))
    }

    /// Checks limits, so nothing unusable is stored: the first problem as an error (for saves
    /// that refuse the whole record).
    pub fn validate(&self) -> Result<()> {
        match self.problems()?.into_iter().next() {
            Some(p) => Err(p.into_error()),
            None => Ok(()),
        }
    }

    /// Whether the person said they are in hospital and getting worse: the app then shows
    /// Martha's Rule guidance and leaves the journey.
    pub fn needs_urgent_hospital_help(&self) -> bool {
        self.in_hospital == Some(InHospital::YesGettingWorse)
    }

    /// When the records are due: from the day received, or approximately from the day sent.
    pub fn records_due(&self) -> Option<super::RecordsDueDate> {
        super::records_due(self.records_requested_on, self.records_received_on)
    }

    /// What the upcoming panel needs from this journey.
    pub fn upcoming_facts(&self) -> super::UpcomingFacts {
        // A request date says the person asked, even before they tick what they asked for;
        // the request is done only when something is ticked and all of it has arrived.
        let ticked: Vec<&RecordItem> = self
            .records
            .iter()
            .filter(|r| r.asked || r.arrived)
            .collect();
        let all_arrived = !ticked.is_empty() && ticked.iter().all(|r| r.arrived);
        super::UpcomingFacts {
            appointments: self.appointment.date.into_iter().collect(),
            records_requests: self
                .records_due()
                .map(|due| (due, all_arrived))
                .into_iter()
                .collect(),
            decide_by: self.decide_by,
        }
    }
}

/// The problems in a journey given as JSON (the same record [`Journey`] serialises to).
pub(crate) fn problems_of(record: &serde_json::Value) -> Vec<FieldProblem> {
    let (ey, em, ed) = EARLIEST;
    let (ly, lm, ld) = LATEST;
    let earliest = NaiveDate::from_ymd_opt(ey, em, ed);
    let latest = NaiveDate::from_ymd_opt(ly, lm, ld);
    let mut problems = Vec::new();
    for (field, text) in crate::model::field_strings(record) {
        let step = step_of(&field);
        let len = text.chars().count();
        if len > MAX_TEXT {
            problems.push(FieldProblem::new(
                &field,
                step,
                "too_long",
                format!(
                    "This answer is too long ({len} characters). Please keep it under {MAX_TEXT} characters."
                ),
            ));
        } else if text.contains('\0') {
            problems.push(FieldProblem::new(
                &field,
                step,
                "hidden_character",
                "This answer has a hidden character that cannot be saved. Please retype it.".into(),
            ));
        } else if DATE_FIELDS.contains(&field.as_str()) {
            if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                if Some(date) < earliest || Some(date) > latest {
                    problems.push(FieldProblem::new(
                        &field,
                        step,
                        "invalid_date",
                        format!(
                            "The date {} does not look right. Please check the year.",
                            crate::dates::long_uk(date)
                        ),
                    ));
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn an_empty_journey_is_valid_and_loads_from_empty_json() {
        assert!(Journey::default().validate().is_ok());
        let j: Journey = serde_json::from_str("{}").expect("defaults");
        assert_eq!(j, Journey::default());
    }

    #[test]
    fn a_record_saved_by_an_older_app_opens_unchanged() {
        // As the app stored a journey before it asked for the date received or the person's
        // answers about the two opinions.
        let old = r#"{
            "records_holder": "Elm Surgery",
            "records_requested_on": "2026-11-02",
            "records": [{"label": "Scan reports", "asked": true, "arrived": false}],
            "first_opinion": {"diagnosis": "Gallstones.", "options": "", "risks": "",
                              "recommendation": "Surgery", "anything_new": ""},
            "second_opinion": {"diagnosis": "gallstones", "options": "", "risks": "",
                               "recommendation": "Watch and wait", "anything_new": ""},
            "decision": "Wait and see"
        }"#;
        let j: Journey = serde_json::from_str(old).expect("an old record loads");
        assert_eq!(j.records_requested_on, Some(d(2026, 11, 2)));
        assert_eq!(j.records_received_on, None);
        assert_eq!(j.same_answers, SameAnswers::default());
        assert_eq!(j.first_opinion.recommendation, "Surgery");
        assert_eq!(j.decision, "Wait and see");
        assert!(j.validate().is_ok());
        // "Date asked" only: the due date is approximate, allowing for post.
        let due = j.records_due().expect("due");
        assert!(due.approximate);
        assert_eq!(due.due, d(2026, 12, 7));
        // The words differ, but nothing is called different until the person says so.
        let c = super::super::compare(&j.first_opinion, &j.second_opinion, &j.same_answers);
        assert!(!c.differ_on_diagnosis_or_advice);
        assert_eq!(c.follow_ups().count(), 0);
        // Saved again, it keeps every old value and the new fields appear unanswered.
        let again: Journey =
            serde_json::from_str(&serde_json::to_string(&j).expect("saves")).expect("reloads");
        assert_eq!(again, j);
    }

    #[test]
    fn fields_a_newer_app_added_do_not_stop_the_known_ones_loading() {
        let j: Journey =
            serde_json::from_str(r#"{"decision":"Have the operation","future_field":1}"#)
                .expect("loads");
        assert_eq!(j.decision, "Have the operation");
    }

    #[test]
    fn dates_outside_1900_to_2200_are_refused_in_plain_words() {
        let mut j = Journey::default();
        j.appointment.date = Some(d(1899, 12, 31));
        let err = j.validate().expect_err("too early");
        assert_eq!(err.code(), "invalid_input");
        assert!(err.to_string().contains("31 December 1899"));
        j.appointment.date = Some(d(2200, 12, 31));
        assert!(j.validate().is_ok());
        j.asked_on = Some(d(2201, 1, 1));
        assert!(j.validate().is_err());
        j.asked_on = Some(d(2028, 2, 29));
        assert!(j.validate().is_ok(), "29 February in a leap year is fine");
    }

    #[test]
    fn too_many_entries_or_too_much_text_is_refused() {
        let j = Journey {
            timeline: vec![TimelineLine::default(); MAX_ENTRIES + 1],
            ..Default::default()
        };
        assert!(j.validate().is_err());
        let mut j = Journey::default();
        j.second_opinion.risks = "x".repeat(MAX_TEXT + 1);
        assert!(j.validate().is_err());
        let mut j = Journey::default();
        j.questions.push(ChosenQuestion {
            answer: "y".repeat(MAX_TEXT + 1),
            ..Default::default()
        });
        assert!(j.validate().is_err());
    }

    #[test]
    fn waiting_is_time_critical_unless_the_team_said_routine_and_it_is_not_cancer_or_mental_health()
    {
        let with = |urgency: Option<Urgency>, condition: Option<bool>| Journey {
            urgency,
            cancer_or_mental_health: condition,
            ..Default::default()
        };
        for urgency in [Urgency::Urgent, Urgency::Soon, Urgency::NotSaid] {
            for condition in [None, Some(false), Some(true)] {
                assert!(
                    with(Some(urgency), condition).time_critical(),
                    "{urgency:?}"
                );
            }
        }
        // Nobody has said it can wait: treated as "not said".
        assert!(with(None, None).time_critical());
        assert!(with(None, Some(false)).time_critical());
        // Routine: time-critical only when the person says it is cancer or mental health.
        assert!(!with(Some(Urgency::Routine), None).time_critical());
        assert!(!with(Some(Urgency::Routine), Some(false)).time_critical());
        assert!(with(Some(Urgency::Routine), Some(true)).time_critical());
    }

    #[test]
    fn in_hospital_and_getting_worse_leaves_the_flow() {
        let mut j = Journey::default();
        assert!(!j.needs_urgent_hospital_help());
        j.in_hospital = Some(InHospital::YesStable);
        assert!(!j.needs_urgent_hospital_help());
        j.in_hospital = Some(InHospital::YesGettingWorse);
        assert!(j.needs_urgent_hospital_help());
    }

    #[test]
    fn readiness_counts_yes_answers_only() {
        let r = Readiness {
            know_enough: Some(true),
            clear_what_matters: Some(false),
            have_support: None,
            feel_sure: Some(true),
        };
        assert_eq!(r.yes_count(), 2);
    }

    #[test]
    fn upcoming_facts_come_from_the_appointment_and_records() {
        let mut j = Journey::default();
        j.appointment.date = Some(d(2026, 12, 1));
        j.records_requested_on = Some(d(2026, 11, 1));
        j.records = vec![
            RecordItem {
                label: "Scan report".into(),
                asked: true,
                arrived: true,
            },
            RecordItem {
                label: "Clinic letters".into(),
                asked: true,
                arrived: false,
            },
        ];
        let facts = j.upcoming_facts();
        assert_eq!(facts.appointments, vec![d(2026, 12, 1)]);
        let approximate = super::super::RecordsDueDate {
            due: d(2026, 12, 6),
            approximate: true,
        };
        assert_eq!(facts.records_requests, vec![(approximate, false)]);
        j.records[1].arrived = true;
        assert_eq!(
            j.upcoming_facts().records_requests,
            vec![(approximate, true)]
        );
        j.records_received_on = Some(d(2026, 11, 3));
        let exact = super::super::RecordsDueDate {
            due: d(2026, 12, 3),
            approximate: false,
        };
        assert_eq!(j.upcoming_facts().records_requests, vec![(exact, true)]);
        // Nothing ticked yet: still waiting, so the reminder shows.
        for r in &mut j.records {
            r.asked = false;
            r.arrived = false;
        }
        assert_eq!(j.upcoming_facts().records_requests, vec![(exact, false)]);
    }
}
