//! The person's own files in a case. The file picker, the files dropped on the window and the
//! save dialog are the shell's part; reading, judging and keeping the files is the backend's.
//! The webview never gets a path: a drop is kept here and only counted to the window, which
//! then asks for the dropped files to be added to the case it shows.

use std::path::PathBuf;
use std::sync::Mutex;

use backend::app::attachments::{self as api, AddedFile};
use backend::cases::{Attachment, AttachmentDetails, AttachmentId, CaseId};
use backend::documents::{self, DocumentOptions, SavedDocument};
use tauri::{AppHandle, Emitter, Manager, State};
use tauri_plugin_dialog::DialogExt;

use super::CommandResult;
use crate::state::{AppState, Settings};

/// The files last dropped on the window, until the window asks for them to be added.
#[derive(Debug, Default)]
pub struct DroppedFiles(Mutex<Vec<PathBuf>>);

/// Keeps the paths of files dropped on the window (Tauri's drag-and-drop event) and tells the
/// window how many there are; the paths themselves never reach the webview.
pub fn dropped(app: &AppHandle, paths: &[PathBuf]) {
    let files = paths
        .iter()
        .filter(|p| p.is_file())
        .cloned()
        .collect::<Vec<_>>();
    let count = files.len();
    if let Some(dropped) = app.try_state::<DroppedFiles>() {
        *dropped.0.lock().unwrap_or_else(|p| p.into_inner()) = files;
    }
    if let Err(error) = app.emit("files-dropped", count) {
        tracing::warn!(%error, "could not tell the window files were dropped");
    }
}

/// Asks which files to add (the native open dialog, several at once). In tests every file in
/// the test folder's `to-add` folder is taken without asking. Empty when the person closed it.
fn choose_files(app: &AppHandle, settings: &Settings) -> Vec<PathBuf> {
    if let Some(dir) = &settings.test_save_dir {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("to-add"))
            .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        return files;
    }
    app.dialog()
        .file()
        .add_filter(
            "Letters, reports and photos",
            &["pdf", "jpg", "jpeg", "png", "heic", "heif"],
        )
        .blocking_pick_files()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .collect()
}

#[tauri::command(async)]
pub fn list_attachments(
    state: State<'_, AppState>,
    case_id: CaseId,
) -> CommandResult<Vec<Attachment>> {
    Ok(api::list_attachments(
        &state.session,
        &state.now(),
        case_id,
    )?)
}

#[tauri::command(async)]
pub fn add_attachments(
    app: AppHandle,
    state: State<'_, AppState>,
    case_id: CaseId,
    answers: Option<String>,
) -> CommandResult<Vec<AddedFile>> {
    let paths = choose_files(&app, &state.settings);
    Ok(api::add_attachments(
        &state.session,
        &state.now(),
        case_id,
        &paths,
        answers,
    )?)
}

#[tauri::command(async)]
pub fn add_dropped_files(
    state: State<'_, AppState>,
    dropped: State<'_, DroppedFiles>,
    case_id: CaseId,
) -> CommandResult<Vec<AddedFile>> {
    let paths = std::mem::take(&mut *dropped.0.lock().unwrap_or_else(|p| p.into_inner()));
    Ok(api::add_attachments(
        &state.session,
        &state.now(),
        case_id,
        &paths,
        None,
    )?)
}

#[tauri::command(async)]
pub fn update_attachment(
    state: State<'_, AppState>,
    id: AttachmentId,
    details: AttachmentDetails,
) -> CommandResult<Attachment> {
    Ok(api::update_attachment(
        &state.session,
        &state.now(),
        id,
        &details,
    )?)
}

/// The file's bytes as they are (an `ArrayBuffer` in the window, not JSON), to preview.
#[tauri::command(async)]
pub fn attachment_bytes(
    state: State<'_, AppState>,
    id: AttachmentId,
) -> CommandResult<tauri::ipc::Response> {
    let file = api::attachment_bytes(&state.session, &state.now(), id)?;
    Ok(tauri::ipc::Response::new(file.bytes))
}

/// A page of a PDF drawn as a picture, with the number of pages (see `AttachmentPage::framed`).
/// Drawing may take as long as the page drawer's time limit, so it waits on a thread of its
/// own, never on one of the few that every other command runs on.
#[tauri::command]
pub async fn attachment_page(
    app: AppHandle,
    id: AttachmentId,
    page: u32,
    width: u32,
) -> CommandResult<tauri::ipc::Response> {
    let drawn = tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        api::attachment_page(&state.session, &state.now(), id, page, width)
    })
    .await
    .map_err(|_| {
        backend::Error::Document("The page could not be drawn. Please try again.".into())
    })??;
    Ok(tauri::ipc::Response::new(drawn.framed()))
}

#[tauri::command(async)]
pub fn save_attachment_copy(
    app: AppHandle,
    state: State<'_, AppState>,
    id: AttachmentId,
) -> CommandResult<Option<SavedDocument>> {
    Ok(api::save_attachment_copy(
        &state.session,
        &state.now(),
        id,
        |file| {
            let extension = file.file_name.rsplit('.').next().unwrap_or("pdf");
            let Some(path) = super::documents::choose_save_path(
                &app,
                &state.settings,
                &file.file_name,
                "A copy of the file",
                extension,
            ) else {
                return Ok(None);
            };
            let path = backend::file_names::with_extension(&path, extension);
            documents::save(file, &path).map(Some)
        },
    )?)
}

#[tauri::command(async)]
pub fn remove_attachment(state: State<'_, AppState>, id: AttachmentId) -> CommandResult<()> {
    Ok(api::remove_attachment(&state.session, &state.now(), id)?)
}

#[tauri::command(async)]
pub fn restore_attachment(
    state: State<'_, AppState>,
    id: AttachmentId,
) -> CommandResult<Attachment> {
    Ok(api::restore_attachment(&state.session, &state.now(), id)?)
}

/// Makes the records bundle from the chosen files, saves it where the person chooses and opens
/// it, as every document is saved.
#[tauri::command(async)]
pub fn write_records_bundle(
    app: AppHandle,
    state: State<'_, AppState>,
    case_id: CaseId,
    ids: Vec<AttachmentId>,
    options: DocumentOptions,
) -> CommandResult<Option<SavedDocument>> {
    Ok(api::write_records_bundle(
        &state.session,
        &state.now(),
        case_id,
        &ids,
        options,
        |document| super::documents::save_and_open(&app, &state.settings, document),
    )?)
}
