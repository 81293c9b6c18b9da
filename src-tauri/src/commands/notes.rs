//! Notes on a case.

use backend::app::notes as api;
use backend::cases::{CaseId, Note, NoteId, NotePage};
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_notes(
    state: State<'_, AppState>,
    case_id: CaseId,
    offset: usize,
) -> CommandResult<NotePage> {
    Ok(api::list_notes(
        &state.session,
        &state.now(),
        case_id,
        offset,
    )?)
}

#[tauri::command(async)]
pub fn add_note(state: State<'_, AppState>, case_id: CaseId, text: String) -> CommandResult<Note> {
    Ok(api::add_note(&state.session, &state.now(), case_id, &text)?)
}

#[tauri::command(async)]
pub fn search_notes(
    state: State<'_, AppState>,
    case_id: CaseId,
    query: String,
    offset: usize,
) -> CommandResult<NotePage> {
    Ok(api::search_notes(
        &state.session,
        &state.now(),
        case_id,
        &query,
        offset,
    )?)
}

#[tauri::command(async)]
pub fn delete_note(state: State<'_, AppState>, id: NoteId) -> CommandResult<()> {
    Ok(api::delete_note(&state.session, &state.now(), id)?)
}
