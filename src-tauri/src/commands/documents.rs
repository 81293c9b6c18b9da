//! Documents: make a PDF from the open case, ask where to save it, save it, open it.

use backend::cases::CaseId;
use backend::content::Content;
use backend::documents::{self, DocumentOptions, RenderedDocument, SavedDocument};
use backend::journey::pack::{self, DocumentKind};
use chrono::Utc;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use super::CommandResult;
use crate::state::AppState;

/// Makes a document of `kind` from the case and its journey, asks where to save it, saves it,
/// opens it in the PDF viewer and records it in the activity log. Returns `None` when the person
/// closes the save dialog without choosing.
#[tauri::command]
pub async fn write_document(
    app: AppHandle,
    state: State<'_, AppState>,
    case_id: CaseId,
    kind: DocumentKind,
    options: DocumentOptions,
) -> CommandResult<Option<SavedDocument>> {
    let (case, journey) = state.with_store(|s| Ok((s.case(case_id)?, s.journey(case_id)?)))?;
    let today = chrono::Local::now().date_naive();
    let document = pack::document(
        kind,
        &case.details,
        &journey,
        Content::embedded()?,
        today,
        &options,
    )?;
    let Some(saved) = save_and_open(&app, &state, &document)? else {
        return Ok(None);
    };
    state.with_profile(|p| {
        let who = p.name().to_owned();
        p.store_mut()
            .record_activity(Utc::now(), &who, kind.activity())
    })?;
    Ok(Some(saved))
}

/// Saves a document where the person chooses (or in the test folder) and opens it.
/// `None` when the person cancelled.
fn save_and_open(
    app: &AppHandle,
    state: &AppState,
    document: &RenderedDocument,
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
        // Saved but not opened: still a success; the person can open the file.
        tracing::warn!(%error, "could not open the saved document in the PDF viewer");
    }
    Ok(Some(saved))
}
