//! The guided journey: guidance for the case's nation, and the journey's answers.

use backend::app::journey as api;
use backend::cases::{CaseId, Nation};
use backend::content::Guidance;
use backend::journey::{Journey, JourneyAsTyped};
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn guidance(nation: Nation) -> CommandResult<Guidance> {
    Ok(api::guidance(nation)?)
}

#[tauri::command(async)]
pub fn check_own_question(chosen: Vec<String>, text: String) -> CommandResult<Option<String>> {
    Ok(api::check_own_question(&chosen, &text))
}

#[tauri::command(async)]
pub fn get_journey(state: State<'_, AppState>, case_id: CaseId) -> CommandResult<JourneyAsTyped> {
    Ok(api::get_journey(&state.session, &state.now(), case_id)?)
}

#[tauri::command(async)]
pub fn save_journey(
    state: State<'_, AppState>,
    case_id: CaseId,
    journey: Journey,
) -> CommandResult<JourneyAsTyped> {
    Ok(api::save_journey(
        &state.session,
        &state.now(),
        case_id,
        &journey,
    )?)
}
