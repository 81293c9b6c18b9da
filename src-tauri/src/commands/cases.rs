//! Cases: start, list, open, save, archive and delete; and the GP letter.

use backend::cases::{Case, CaseDetails, CaseId, CaseSummary};
use backend::content::{Content, Screen};
use backend::documents::{self, DocumentOptions, SavedDocument};
use chrono::Utc;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn home_screen() -> CommandResult<Screen> {
    Ok(Content::embedded()?.home()?.clone())
}

#[tauri::command]
pub fn list_cases(state: State<'_, AppState>) -> CommandResult<Vec<CaseSummary>> {
    state.with_store(|s| s.cases())
}

#[tauri::command]
pub fn get_case(state: State<'_, AppState>, id: CaseId) -> CommandResult<Case> {
    state.with_store(|s| s.case(id))
}

#[tauri::command]
pub fn create_case(state: State<'_, AppState>, details: CaseDetails) -> CommandResult<Case> {
    state.with_store(|s| s.create_case(&details, Utc::now()))
}

#[tauri::command]
pub fn save_case(
    state: State<'_, AppState>,
    id: CaseId,
    details: CaseDetails,
) -> CommandResult<Case> {
    state.with_store(|s| s.save_case(id, &details, Utc::now()))
}

/// Moves a case out of (or back into) the main list.
#[tauri::command]
pub fn archive_case(state: State<'_, AppState>, id: CaseId, archived: bool) -> CommandResult<()> {
    state.with_store(|s| s.set_archived(id, archived))
}

/// Deletes a case and everything recorded for it (the UI confirms first).
#[tauri::command]
pub fn delete_case(state: State<'_, AppState>, id: CaseId) -> CommandResult<()> {
    state.with_store(|s| s.delete_case(id))
}

/// Makes the GP letter, asks where to save it, saves it and opens it in the PDF viewer.
/// Returns `None` when the person closes the save dialog without choosing.
#[tauri::command]
pub async fn write_gp_letter(
    app: AppHandle,
    state: State<'_, AppState>,
    case_id: CaseId,
    options: DocumentOptions,
) -> CommandResult<Option<SavedDocument>> {
    let case = state.with_store(|s| s.case(case_id))?;
    case.details.check_ready_for_gp_letter()?;
    let today = chrono::Local::now().date_naive();
    let document =
        documents::gp_request_letter(&case.details, Content::embedded()?, today, &options)?;
    let saved = save_and_open(&app, &state, &document)?;
    if saved.is_some() {
        state.with_profile(|p| {
            let who = p.name().to_owned();
            p.store_mut()
                .record_activity(Utc::now(), &who, "Saved the GP letter")
        })?;
    }
    Ok(saved)
}

fn save_and_open(
    app: &AppHandle,
    state: &AppState,
    document: &documents::RenderedDocument,
) -> CommandResult<Option<SavedDocument>> {
    if let Some(dir) = &state.settings.test_save_dir {
        return Ok(Some(documents::save(
            document,
            &dir.join(&document.file_name),
        )?));
    }
    let chosen = app
        .dialog()
        .file()
        .set_file_name(&document.file_name)
        .add_filter("PDF document", &["pdf"])
        .blocking_save_file();
    let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let saved = documents::save(document, &path)?;
    if let Err(error) = app.opener().open_path(&saved.path, None::<&str>) {
        // Saved but not opened: still a success; the person can open the file themselves.
        tracing::warn!(%error, "could not open the saved document in the PDF viewer");
    }
    Ok(Some(saved))
}
