//! Notes on a case (`backend::cases::Note`): add, list, search and delete.

use backend::cases::{CaseId, Note, NoteId};
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_notes(state: State<'_, AppState>, case_id: CaseId) -> CommandResult<Vec<Note>> {
    state.with_store(|s| s.list_notes(case_id))
}

/// Adds a note written now, on the computer's clock (its day is the local day).
#[tauri::command(async)]
pub fn add_note(state: State<'_, AppState>, case_id: CaseId, text: String) -> CommandResult<Note> {
    state.with_store(|s| s.add_note(case_id, &text, chrono::Local::now().fixed_offset()))
}

#[tauri::command(async)]
pub fn search_notes(
    state: State<'_, AppState>,
    case_id: CaseId,
    query: String,
) -> CommandResult<Vec<Note>> {
    state.with_store(|s| s.search_notes(case_id, &query))
}

/// Deletes one note (the UI confirms first).
#[tauri::command(async)]
pub fn delete_note(state: State<'_, AppState>, id: NoteId) -> CommandResult<()> {
    state.with_store(|s| s.delete_note(id))
}
