//! Documents: make a PDF from the open case, ask where to save it, save it, open it.

use backend::cases::CaseId;
use backend::content::Content;
use backend::documents::{self, DocumentOptions, RenderedDocument, SavedDocument};
use backend::journey::pack;
use chrono::Utc;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use super::CommandResult;
use crate::state::AppState;

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
    save_and_open(&app, &state, &document, "Saved the GP letter")
}

/// Makes the appointment-prep pack from the case and its journey; saves and opens it.
#[tauri::command]
pub async fn write_prep_pack(
    app: AppHandle,
    state: State<'_, AppState>,
    case_id: CaseId,
    options: DocumentOptions,
) -> CommandResult<Option<SavedDocument>> {
    let case = state.with_store(|s| s.case(case_id))?;
    let journey = state.with_store(|s| s.journey(case_id))?;
    let nation = case.details.nation_or_ask()?;
    let guidance = Content::embedded()?.guidance(nation);
    let pack = pack::prep_pack(&case.details, &journey, &guidance);
    let today = chrono::Local::now().date_naive();
    let document = documents::prep_pack(&pack, today, &options)?;
    save_and_open(&app, &state, &document, "Saved the prep pack")
}

/// The letter asking the current consultant for a second opinion.
#[tauri::command]
pub async fn write_consultant_letter(
    app: AppHandle,
    state: State<'_, AppState>,
    case_id: CaseId,
    options: DocumentOptions,
) -> CommandResult<Option<SavedDocument>> {
    let case = state.with_store(|s| s.case(case_id))?;
    let today = chrono::Local::now().date_naive();
    let document =
        documents::consultant_request_letter(&case.details, Content::embedded()?, today, &options)?;
    save_and_open(
        &app,
        &state,
        &document,
        "Saved the letter to the consultant",
    )
}

/// The consent form: the patient authorises the person helping them.
#[tauri::command]
pub async fn write_carer_authorisation(
    app: AppHandle,
    state: State<'_, AppState>,
    case_id: CaseId,
    options: DocumentOptions,
) -> CommandResult<Option<SavedDocument>> {
    let case = state.with_store(|s| s.case(case_id))?;
    let journey = state.with_store(|s| s.journey(case_id))?;
    let today = chrono::Local::now().date_naive();
    let consent = pack::carer_authorisation(&journey, today);
    let document = documents::carer_authorisation(
        &case.details,
        &consent,
        Content::embedded()?,
        today,
        &options,
    )?;
    save_and_open(&app, &state, &document, "Saved the consent form")
}

/// The request for a copy of the medical records, with the date a reply is due.
#[tauri::command]
pub async fn write_records_request(
    app: AppHandle,
    state: State<'_, AppState>,
    case_id: CaseId,
    options: DocumentOptions,
) -> CommandResult<Option<SavedDocument>> {
    let case = state.with_store(|s| s.case(case_id))?;
    let journey = state.with_store(|s| s.journey(case_id))?;
    let today = chrono::Local::now().date_naive();
    let request = pack::records_request(&case.details, &journey, today);
    let document = documents::records_request_letter(
        &case.details,
        &request,
        Content::embedded()?,
        today,
        &options,
    )?;
    save_and_open(&app, &state, &document, "Saved the records request")
}

/// The letter telling both doctors the decision.
#[tauri::command]
pub async fn write_decision_letter(
    app: AppHandle,
    state: State<'_, AppState>,
    case_id: CaseId,
    options: DocumentOptions,
) -> CommandResult<Option<SavedDocument>> {
    let case = state.with_store(|s| s.case(case_id))?;
    let journey = state.with_store(|s| s.journey(case_id))?;
    let today = chrono::Local::now().date_naive();
    let decision = pack::decision(&journey);
    let document = documents::decision_letter(
        &case.details,
        &decision,
        Content::embedded()?,
        today,
        &options,
    )?;
    save_and_open(&app, &state, &document, "Saved the decision letter")
}

/// The two opinions side by side with the decision and reasons.
#[tauri::command]
pub async fn write_decision_summary(
    app: AppHandle,
    state: State<'_, AppState>,
    case_id: CaseId,
    options: DocumentOptions,
) -> CommandResult<Option<SavedDocument>> {
    let case = state.with_store(|s| s.case(case_id))?;
    let journey = state.with_store(|s| s.journey(case_id))?;
    let today = chrono::Local::now().date_naive();
    let document =
        documents::decision_summary(&case.details, &pack::decision(&journey), today, &options)?;
    save_and_open(&app, &state, &document, "Saved the decision summary")
}

/// Saves a document (where the person chooses, or the test folder), opens it, and records
/// `activity` in the profile's log. `None` when the person cancelled.
fn save_and_open(
    app: &AppHandle,
    state: &AppState,
    document: &RenderedDocument,
    activity: &str,
) -> CommandResult<Option<SavedDocument>> {
    let saved = match &state.settings.test_save_dir {
        Some(dir) => documents::save(document, &dir.join(&document.file_name))?,
        None => {
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
            saved
        }
    };
    state.with_profile(|p| {
        let who = p.name().to_owned();
        p.store_mut().record_activity(Utc::now(), &who, activity)
    })?;
    Ok(Some(saved))
}
