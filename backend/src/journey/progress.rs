//! How far the person has got on each step, for the journey map: a step is started once
//! anything on it is saved. The map only shows this; it never works it out.

use serde::Serialize;
use ts_rs::TS;

use super::{Appointment, Journey, Opinion, Readiness, SameAnswers, WeighUp};
use crate::model::{CaseDetails, Step};

/// Where a step stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum StepState {
    /// Nothing on the step is saved yet.
    NotStarted,
    /// Something on the step is saved (the map ticks it). A step is never "finished": every
    /// answer is optional, and the person may come back to any of them.
    Started,
}

/// One step of the map: its state and, in plain words, what the state means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StepProgress {
    pub step: Step,
    pub state: StepState,
    /// "something saved" or "nothing saved yet", read out by a screen reader beside the step.
    pub words: String,
}

/// Each of the eight steps, in order, for a case's saved `details` and saved `journey`.
pub fn progress(journey: &Journey, details: &CaseDetails) -> Vec<StepProgress> {
    Step::ALL
        .into_iter()
        .map(|step| {
            let state = if has_something(step, journey, details) {
                StepState::Started
            } else {
                StepState::NotStarted
            };
            let words = match state {
                StepState::Started => "something saved",
                StepState::NotStarted => "nothing saved yet",
            };
            StepProgress {
                step,
                state,
                words: words.into(),
            }
        })
        .collect()
}

/// Whether anything on `step` is saved. The case's details are asked on step 1, so they count
/// there; the fields follow [`super::step_of`].
fn has_something(step: Step, j: &Journey, details: &CaseDetails) -> bool {
    match step {
        Step::Situation => {
            details_filled(details)
                || j.for_whom.is_some()
                || filled(&j.diagnosed_when)
                || filled(&j.treatment_proposed)
                || j.urgency.is_some()
                || j.cancer_or_mental_health.is_some()
                || j.in_hospital.is_some()
        }
        Step::IsItRight => {
            !j.reasons.is_empty()
                || readiness_said(&j.readiness_before)
                || j.go_ahead.is_some()
                || filled(&j.go_ahead_why)
                || weighed(&j.weigh_up_before)
        }
        Step::ChooseRoute => {
            j.route.is_some() || filled(&j.specialist_notes) || filled(&j.preferred_specialist)
        }
        Step::Ask => {
            j.asked_on.is_some()
                || filled(&j.answer)
                || filled(&j.carer_name)
                || filled(&j.carer_relationship)
        }
        Step::Records => {
            !j.records.is_empty()
                || filled(&j.records_holder)
                || j.records_requested_on.is_some()
                || j.records_received_on.is_some()
        }
        Step::Prepare => {
            appointment_said(&j.appointment)
                || !j.questions.is_empty()
                || !j.timeline.is_empty()
                || !j.medicines.is_empty()
                || filled(&j.allergies)
                || !j.bring_ready.is_empty()
        }
        Step::AfterAppointment => {
            opinion_said(&j.first_opinion)
                || opinion_said(&j.second_opinion)
                || same_said(&j.same_answers)
                || j.questions.iter().any(|q| filled(&q.answer))
        }
        Step::DecideAndTell => {
            filled(&j.decision)
                || filled(&j.decision_why)
                || filled(&j.what_matters_most)
                || readiness_said(&j.readiness_after)
                || filled(&j.next_steps)
                || weighed(&j.weigh_up_after)
                || j.decide_by.is_some()
        }
    }
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

fn details_filled(d: &CaseDetails) -> bool {
    let CaseDetails {
        patient_name,
        patient_address,
        nation,
        diagnosis,
        reason,
        first_doctor_name,
        first_doctor_workplace,
        gp_practice_name,
        gp_practice_address,
        date_of_birth,
        nhs_number,
    } = d;
    [
        patient_name,
        patient_address,
        diagnosis,
        reason,
        first_doctor_name,
        first_doctor_workplace,
        gp_practice_name,
        gp_practice_address,
        nhs_number,
    ]
    .into_iter()
    .any(|s| filled(s))
        || nation.is_some()
        || date_of_birth.is_some()
}

/// Anything at all written or chosen in a weigh-up.
fn weighed(w: &WeighUp) -> bool {
    *w != WeighUp::default()
}

fn readiness_said(r: &Readiness) -> bool {
    [
        r.know_enough,
        r.clear_what_matters,
        r.have_support,
        r.feel_sure,
    ]
    .iter()
    .any(Option::is_some)
}

fn appointment_said(a: &Appointment) -> bool {
    a.date.is_some()
        || [&a.time, &a.place, &a.with_whom, &a.who_comes]
            .into_iter()
            .any(|s| filled(s))
}

fn opinion_said(o: &Opinion) -> bool {
    [
        &o.diagnosis,
        &o.options,
        &o.risks,
        &o.recommendation,
        &o.anything_new,
    ]
    .into_iter()
    .any(|s| filled(s))
}

fn same_said(s: &SameAnswers) -> bool {
    [
        s.diagnosis,
        s.options,
        s.risks,
        s.recommendation,
        s.anything_new,
    ]
    .iter()
    .any(Option::is_some)
}
