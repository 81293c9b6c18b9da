//! Cases: start, list, open, save, archive and delete.

use backend::app::cases as api;
use backend::cases::{CaseAsTyped, CaseDetails, CaseId, CaseSummary, FieldLimit};
use backend::content::Screen;
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn home_screen() -> CommandResult<Screen> {
    Ok(api::home_screen()?)
}

#[tauri::command(async)]
pub fn list_cases(state: State<'_, AppState>) -> CommandResult<Vec<CaseSummary>> {
    Ok(api::list_cases(&state.session, &state.now())?)
}

#[tauri::command(async)]
pub fn get_case(state: State<'_, AppState>, id: CaseId) -> CommandResult<CaseAsTyped> {
    Ok(api::get_case(&state.session, &state.now(), id)?)
}

#[tauri::command(async)]
pub fn create_case(state: State<'_, AppState>, details: CaseDetails) -> CommandResult<CaseAsTyped> {
    Ok(api::create_case(&state.session, &state.now(), &details)?)
}

#[tauri::command(async)]
pub fn save_case(
    state: State<'_, AppState>,
    id: CaseId,
    details: CaseDetails,
) -> CommandResult<CaseAsTyped> {
    Ok(api::save_case(&state.session, &state.now(), id, &details)?)
}

#[tauri::command(async)]
pub fn field_limits() -> Vec<FieldLimit> {
    api::field_limits()
}

#[tauri::command(async)]
pub fn archive_case(state: State<'_, AppState>, id: CaseId, archived: bool) -> CommandResult<()> {
    Ok(api::archive_case(
        &state.session,
        &state.now(),
        id,
        archived,
    )?)
}

#[tauri::command(async)]
pub fn delete_case(state: State<'_, AppState>, id: CaseId) -> CommandResult<()> {
    Ok(api::delete_case(&state.session, &state.now(), id)?)
}
