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
    let carer = acting_carer(session)?;
    Ok(JourneyAsTyped::new(journey, now.today)
        .with_case(Content::embedded()?, &details)
        .with_acting_carer(carer.as_deref()))
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
    let carer = acting_carer(session)?;
    Ok(JourneyAsTyped::new(saved, now.today)
        .with_case(Content::embedded()?, &details)
        .with_acting_carer(carer.as_deref()))
}

/// The name of the carer using the profile under a consent, if one is.
fn acting_carer(session: &Session) -> Result<Option<String>> {
    session.with_profile(|p| Ok(p.written_by().map(|w| w.carer_name)))
}
