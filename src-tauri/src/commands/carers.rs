//! Carers: who may act for the profile's person, and who is acting now.

use backend::app::carers as api;
use backend::cases::{CarerConsent, CarerConsentDetails};
use backend::documents::{DocumentOptions, SavedDocument};
use backend::profiles::ActingCarer;
use tauri::{AppHandle, State};
use zeroize::Zeroizing;

use super::documents::save_and_open;
use super::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn carer_consents(state: State<'_, AppState>) -> CommandResult<api::ConsentsToday> {
    Ok(api::carer_consents(&state.session, &state.now())?)
}

#[tauri::command(async)]
pub fn active_carer_consents(state: State<'_, AppState>) -> CommandResult<Vec<CarerConsent>> {
    Ok(api::active_carer_consents(&state.session, &state.now())?)
}

#[tauri::command(async)]
pub fn add_carer_consent(
    state: State<'_, AppState>,
    details: CarerConsentDetails,
    passphrase: String,
) -> CommandResult<CarerConsent> {
    let passphrase = Zeroizing::new(passphrase);
    Ok(api::add_carer_consent(
        &state.session,
        &state.now(),
        &details,
        &passphrase,
    )?)
}

#[tauri::command(async)]
pub fn end_carer_consent(
    state: State<'_, AppState>,
    id: i64,
    passphrase: String,
) -> CommandResult<CarerConsent> {
    let passphrase = Zeroizing::new(passphrase);
    Ok(api::end_carer_consent(
        &state.session,
        &state.now(),
        id,
        &passphrase,
    )?)
}

#[tauri::command(async)]
pub fn act_for(
    state: State<'_, AppState>,
    consent_id: Option<i64>,
    passphrase: Option<String>,
) -> CommandResult<Option<ActingCarer>> {
    let passphrase = passphrase.map(Zeroizing::new);
    Ok(api::act_for(
        &state.session,
        &state.now(),
        consent_id,
        passphrase.as_deref().map(String::as_str),
    )?)
}

#[tauri::command(async)]
pub fn acting_carer(state: State<'_, AppState>) -> CommandResult<Option<ActingCarer>> {
    Ok(api::acting_carer(&state.session)?)
}

#[tauri::command(async)]
pub async fn write_consent_form(
    app: AppHandle,
    state: State<'_, AppState>,
    consent_id: i64,
    options: DocumentOptions,
) -> CommandResult<Option<SavedDocument>> {
    Ok(api::write_consent_form(
        &state.session,
        &state.now(),
        consent_id,
        &options,
        |document| save_and_open(&app, &state.settings, document),
    )?)
}
