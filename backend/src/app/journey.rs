//! The guided journey: guidance for the case's nation, and the journey's answers with what
//! follows from them today (including how far each step has got). The `journey` commands.

use super::session::{Now, Session};
use crate::cases::{CaseId, Nation};
use crate::content::{Content, Guidance};
use crate::error::Result;
use crate::journey::{own_question_problem, Journey, JourneyAsTyped};

/// Everything the journey shows for one nation.
pub fn guidance(nation: Nation) -> Result<Guidance> {
    Ok(Content::embedded()?.guidance(nation))
}

/// Why a question the person wrote cannot be added to the ones already chosen (`chosen`, their
/// texts), in plain words; `None` when it can (see [`own_question_problem`]).
pub fn check_own_question(chosen: &[String], text: &str) -> Option<String> {
    own_question_problem(chosen, text)
}

/// A case's journey and what follows from it today (records due, upcoming, comparison,
/// notices).
pub fn get_journey(session: &Session, now: &Now, case_id: CaseId) -> Result<JourneyAsTyped> {
    let (journey, details) = session.with_store(now, |s| {
        Ok((s.journey_as_typed(case_id)?, s.case(case_id)?.details))
    })?;
    let view = JourneyAsTyped::new(journey, now.today).with_case(Content::embedded()?, &details);
    with_user(session, view, &details.patient_name)
}

/// Saves a case's journey (autosave): every valid answer is saved, each refused one kept as
/// typed; returns it as stored, with what follows from it and what to change.
pub fn save_journey(
    session: &Session,
    now: &Now,
    case_id: CaseId,
    journey: &Journey,
) -> Result<JourneyAsTyped> {
    let (saved, details) = session.with_store(now, |s| {
        Ok((
            s.save_journey_as_typed(case_id, journey, now.utc())?,
            s.case(case_id)?.details,
        ))
    })?;
    let view = JourneyAsTyped::new(saved, now.today).with_case(Content::embedded()?, &details);
    with_user(session, view, &details.patient_name)
}

/// Adds who is using the profile: a carer acting under a consent, or else its owner, whose
/// name step 4 offers when they help the person the case is about (`patient_name`).
fn with_user(
    session: &Session,
    journey: JourneyAsTyped,
    patient_name: &str,
) -> Result<JourneyAsTyped> {
    session.with_profile(|p| {
        Ok(match p.written_by() {
            Some(carer) => journey.with_acting_carer(Some(&carer.carer_name)),
            None => journey.with_profile_name(p.name(), patient_name),
        })
    })
}
