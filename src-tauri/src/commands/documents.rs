//! Documents: make a PDF from the open case, ask where to save it, save it, open it.

use backend::cases::CaseId;
use backend::content::Content;
use backend::documents::{self, DocumentOptions, RenderedDocument, SavedDocument};
use backend::journey::pack::{self, DocumentKind};
use chrono::Utc;
use std::path::PathBuf;

use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use super::CommandResult;
use crate::state::AppState;

/// Makes a document of `kind` from the case and its journey, asks where to save it, saves it,
/// opens it in the PDF viewer and records it in the activity log. Returns `None` when the person
/// closes the save dialog without choosing.
#[tauri::command(async)]
pub async fn write_document(
    app: AppHandle,
    state: State<'_, AppState>,
    case_id: CaseId,
    kind: DocumentKind,
    options: DocumentOptions,
) -> CommandResult<Option<SavedDocument>> {
    let (case, journey, written_by) = state.with_profile(|p| {
        let s = p.store();
        Ok((s.case(case_id)?, s.journey(case_id)?, p.written_by()))
    })?;
    let options = DocumentOptions {
        written_by,
        ..options
    };
    let today = chrono::Local::now().date_naive();
    let document = pack::document(
        kind,
        &case.details,
        &journey,
        Content::embedded()?,
        today,
        &options,
    )?;
    save_and_record(&app, &state, &document, kind.activity())
}

/// Saves a document where the person chooses and opens it (see [`save_and_open`]), then
/// records `what` in the open profile's activity log, by whoever is using it.
pub(crate) fn save_and_record(
    app: &AppHandle,
    state: &AppState,
    document: &RenderedDocument,
    what: &str,
) -> CommandResult<Option<SavedDocument>> {
    let Some(saved) = save_and_open(app, state, document)? else {
        return Ok(None);
    };
    state.with_profile(|p| {
        let who = p.who();
        p.store_mut().record_activity(Utc::now(), &who, what)
    })?;
    Ok(Some(saved))
}

/// Asks where to save a file (the native save dialog), suggesting `file_name`. In tests
/// (`SECOND_OPINION_TEST_SAVE_DIR`) the file goes in the test folder without asking. `None`
/// when the person closed the dialog.
pub(crate) fn choose_save_path(
    app: &AppHandle,
    state: &AppState,
    file_name: &str,
    kind: &str,
    extension: &str,
) -> Option<PathBuf> {
    if let Some(dir) = &state.settings.test.save_dir {
        return Some(dir.join(file_name));
    }
    app.dialog()
        .file()
        .set_file_name(file_name)
        .add_filter(kind, &[extension])
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

/// Asks which file to open (the native open dialog). In tests the newest file with that
/// extension in the test folder is taken without asking. `None` when the person closed the
/// dialog.
pub(crate) fn choose_open_path(
    app: &AppHandle,
    state: &AppState,
    kind: &str,
    extension: &str,
) -> Option<PathBuf> {
    if let Some(dir) = &state.settings.test.save_dir {
        return std::fs::read_dir(dir)
            .ok()?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == extension))
            .max_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
    }
    app.dialog()
        .file()
        .add_filter(kind, &[extension])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// Saves a document where the person chooses (or in the test folder) and opens it.
/// `None` when the person cancelled.
fn save_and_open(
    app: &AppHandle,
    state: &AppState,
    document: &RenderedDocument,
) -> CommandResult<Option<SavedDocument>> {
    let Some(path) = choose_save_path(app, state, &document.file_name, "PDF document", "pdf")
    else {
        return Ok(None);
    };
    // The PDF viewer is chosen by the OS from the extension: keep ".pdf" on the name.
    let path = backend::file_names::with_extension(&path, "pdf");
    let saved = documents::save(document, &path)?;
    if state.settings.test.save_dir.is_some() {
        return Ok(Some(saved));
    }
    if let Err(error) = app.opener().open_path(&saved.path, None::<&str>) {
        // Saved but not opened: still a success; the person can open the file.
        tracing::warn!(%error, "could not open the saved document in the PDF viewer");
    }
    Ok(Some(saved))
}
