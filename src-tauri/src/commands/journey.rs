//! The guided journey: guidance for the case's nation, and the journey's answers.

use backend::cases::{CaseId, Nation};
use backend::content::{Content, Guidance};
use backend::journey::{Journey, JourneyView};
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
pub fn get_journey(state: State<'_, AppState>, case_id: CaseId) -> CommandResult<JourneyView> {
    let (journey, nation) =
        state.with_store(|s| Ok((s.journey(case_id)?, s.case(case_id)?.details.nation)))?;
    Ok(JourneyView::new(journey, chrono::Local::now().date_naive())
        .with_notices(Content::embedded()?, nation))
}

/// Saves a case's journey (autosave); returns it as stored, with what follows from it.
#[tauri::command(async)]
pub fn save_journey(
    state: State<'_, AppState>,
    case_id: CaseId,
    journey: Journey,
) -> CommandResult<JourneyView> {
    let (saved, nation) = state.with_store(|s| {
        Ok((
            s.save_journey(case_id, &journey, Utc::now())?,
            s.case(case_id)?.details.nation,
        ))
    })?;
    Ok(JourneyView::new(saved, chrono::Local::now().date_naive())
        .with_notices(Content::embedded()?, nation))
}
