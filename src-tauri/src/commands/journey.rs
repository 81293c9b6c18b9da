//! The guided journey: guidance for the case's nation, and the journey's answers.

use backend::cases::{CaseId, Nation};
use backend::content::{Content, Guidance};
use backend::journey::{Journey, JourneyAsTyped};
use chrono::Utc;
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

/// Everything the journey shows for one nation.
#[tauri::command(async)]
pub fn guidance(nation: Nation) -> CommandResult<Guidance> {
    Ok(Content::embedded()?.guidance(nation))
}

/// A case's journey and what follows from it today (records due, upcoming, comparison).
#[tauri::command(async)]
pub fn get_journey(state: State<'_, AppState>, case_id: CaseId) -> CommandResult<JourneyAsTyped> {
    let (journey, nation) = state.with_store(|s| {
        Ok((
            s.journey_as_typed(case_id)?,
            s.case(case_id)?.details.nation,
        ))
    })?;
    Ok(
        JourneyAsTyped::new(journey, chrono::Local::now().date_naive())
            .with_notices(Content::embedded()?, nation),
    )
}

/// Saves a case's journey (autosave): every valid answer is saved, each refused one kept as
/// typed; returns it as stored, with what follows from it and what to change.
#[tauri::command(async)]
pub fn save_journey(
    state: State<'_, AppState>,
    case_id: CaseId,
    journey: Journey,
) -> CommandResult<JourneyAsTyped> {
    let (saved, nation) = state.with_store(|s| {
        Ok((
            s.save_journey_as_typed(case_id, &journey, Utc::now())?,
            s.case(case_id)?.details.nation,
        ))
    })?;
    Ok(
        JourneyAsTyped::new(saved, chrono::Local::now().date_naive())
            .with_notices(Content::embedded()?, nation),
    )
}
