//! Cases: start, list, open, save, archive and delete.

use backend::cases::{Case, CaseDetails, CaseId, CaseSummary};
use backend::content::{Content, Screen};
use chrono::Utc;
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn home_screen() -> CommandResult<Screen> {
    Ok(Content::embedded()?.home()?.clone())
}

#[tauri::command(async)]
pub fn list_cases(state: State<'_, AppState>) -> CommandResult<Vec<CaseSummary>> {
    state.with_store(|s| s.cases())
}

#[tauri::command(async)]
pub fn get_case(state: State<'_, AppState>, id: CaseId) -> CommandResult<Case> {
    state.with_store(|s| s.case(id))
}

#[tauri::command(async)]
pub fn create_case(state: State<'_, AppState>, details: CaseDetails) -> CommandResult<Case> {
    state.with_store(|s| s.create_case(&details, Utc::now()))
}

#[tauri::command(async)]
pub fn save_case(
    state: State<'_, AppState>,
    id: CaseId,
    details: CaseDetails,
) -> CommandResult<Case> {
    state.with_store(|s| s.save_case(id, &details, Utc::now()))
}

/// Moves a case out of (or back into) the main list.
#[tauri::command(async)]
pub fn archive_case(state: State<'_, AppState>, id: CaseId, archived: bool) -> CommandResult<()> {
    state.with_store(|s| s.set_archived(id, archived))
}

/// Deletes a case and everything recorded for it (the UI confirms first).
#[tauri::command(async)]
pub fn delete_case(state: State<'_, AppState>, id: CaseId) -> CommandResult<()> {
    state.with_store(|s| s.delete_case(id))
}
