//! Cases: start, list, open, save, archive and delete.

use backend::cases::{CaseAsTyped, CaseDetails, CaseId, CaseSummary, FieldLimit};
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

/// A case as last typed: what is saved, its answers kept as typed, and what to change.
#[tauri::command(async)]
pub fn get_case(state: State<'_, AppState>, id: CaseId) -> CommandResult<CaseAsTyped> {
    state.with_store(|s| s.case_as_typed(id, Utc::now()))
}

/// Starts a case (autosave): every valid field is saved, each refused one kept as typed.
#[tauri::command(async)]
pub fn create_case(state: State<'_, AppState>, details: CaseDetails) -> CommandResult<CaseAsTyped> {
    state.with_store(|s| s.save_case_as_typed(None, &details, Utc::now()))
}

/// Saves a case (autosave): every valid field is saved, each refused one kept as typed.
#[tauri::command(async)]
pub fn save_case(
    state: State<'_, AppState>,
    id: CaseId,
    details: CaseDetails,
) -> CommandResult<CaseAsTyped> {
    state.with_store(|s| s.save_case_as_typed(Some(id), &details, Utc::now()))
}

/// Every field's limit, shown while the person types.
#[tauri::command(async)]
pub fn field_limits() -> CommandResult<Vec<FieldLimit>> {
    Ok(backend::cases::field_limits())
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
