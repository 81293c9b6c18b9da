//! Documents: make a PDF from the open case, ask where to save it, save it, open it. The native
//! dialogs and the PDF viewer are the shell's part; what fills the document is the backend's.

use std::path::PathBuf;

use backend::app::documents as api;
use backend::calendar::CalendarOptions;
use backend::cases::CaseId;
use backend::documents::pack::DocumentKind;
use backend::documents::{self, DocumentOptions, LetterPreview, RenderedDocument, SavedDocument};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use super::CommandResult;
use crate::state::{AppState, Settings};

#[tauri::command(async)]
pub async fn write_document(
    app: AppHandle,
    state: State<'_, AppState>,
    case_id: CaseId,
    kind: DocumentKind,
    options: DocumentOptions,
) -> CommandResult<Option<SavedDocument>> {
    Ok(api::write_document(
        &state.session,
        &state.now(),
        case_id,
        kind,
        options,
        |document| save_and_open(&app, &state.settings, document),
    )?)
}

#[tauri::command(async)]
pub async fn letter_preview(
    state: State<'_, AppState>,
    case_id: CaseId,
    kind: DocumentKind,
) -> CommandResult<LetterPreview> {
    Ok(api::letter_preview(
        &state.session,
        &state.now(),
        case_id,
        kind,
    )?)
}

#[tauri::command(async)]
pub async fn write_calendar(
    app: AppHandle,
    state: State<'_, AppState>,
    case_id: CaseId,
    options: CalendarOptions,
) -> CommandResult<Option<SavedDocument>> {
    Ok(api::write_calendar(
        &state.session,
        &state.now(),
        case_id,
        options,
        |file| save_calendar(&app, &state.settings, file),
    )?)
}

/// Saves a calendar file where the person chooses (or in the test folder); it is not opened:
/// the person adds it to the calendar they use. `None` when the person cancelled.
fn save_calendar(
    app: &AppHandle,
    settings: &Settings,
    file: &RenderedDocument,
) -> backend::Result<Option<SavedDocument>> {
    let Some(path) = choose_save_path(app, settings, &file.file_name, "Calendar file", "ics")
    else {
        return Ok(None);
    };
    let path = backend::file_names::with_extension(&path, "ics");
    documents::save(file, &path).map(Some)
}

/// Asks where to save a file (the native save dialog), suggesting `file_name`. In tests
/// (`SECOND_OPINION_TEST_SAVE_DIR`) the file goes in the test folder without asking. `None`
/// when the person closed the dialog.
pub(crate) fn choose_save_path(
    app: &AppHandle,
    settings: &Settings,
    file_name: &str,
    kind: &str,
    extension: &str,
) -> Option<PathBuf> {
    if let Some(dir) = &settings.test_save_dir {
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
    settings: &Settings,
    kind: &str,
    extension: &str,
) -> Option<PathBuf> {
    if let Some(dir) = &settings.test_save_dir {
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

/// Saves a document where the person chooses (or in the test folder) and opens it in the PDF
/// viewer. `None` when the person cancelled.
pub(crate) fn save_and_open(
    app: &AppHandle,
    settings: &Settings,
    document: &RenderedDocument,
) -> backend::Result<Option<SavedDocument>> {
    let Some(path) = choose_save_path(app, settings, &document.file_name, "PDF document", "pdf")
    else {
        return Ok(None);
    };
    // The PDF viewer is chosen by the OS from the extension: keep ".pdf" on the name.
    let path = backend::file_names::with_extension(&path, "pdf");
    let saved = documents::save(document, &path)?;
    if settings.test_save_dir.is_some() {
        return Ok(Some(saved));
    }
    if let Err(error) = app.opener().open_path(&saved.path, None::<&str>) {
        // Saved but not opened: still a success; the person can open the file.
        tracing::warn!(%error, "could not open the saved document in the PDF viewer");
    }
    Ok(Some(saved))
}
