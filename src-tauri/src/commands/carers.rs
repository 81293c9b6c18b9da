//! Carers: who may act for the profile's person, and who is acting now.

use backend::cases::{CarerConsent, CarerConsentDetails};
use backend::content::Content;
use backend::documents::pack;
use backend::documents::{self, DocumentOptions, SavedDocument};
use backend::profiles::ActingCarer;
use chrono::Utc;
use tauri::{AppHandle, State};

use super::documents::save_and_record;
use super::CommandResult;
use crate::state::AppState;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Every consent recorded in the open profile, ended ones too.
#[tauri::command(async)]
pub fn carer_consents(state: State<'_, AppState>) -> CommandResult<Vec<CarerConsent>> {
    state.with_store(|s| s.carer_consents())
}

/// The consents that cover today: the people who may act for the person now.
#[tauri::command(async)]
pub fn active_carer_consents(state: State<'_, AppState>) -> CommandResult<Vec<CarerConsent>> {
    state.with_store(|s| s.active_carer_consents(today()))
}

/// Records a carer's consent (only the person themselves may).
#[tauri::command(async)]
pub fn add_carer_consent(
    state: State<'_, AppState>,
    details: CarerConsentDetails,
) -> CommandResult<CarerConsent> {
    state.with_profile(|p| {
        p.require_owner()?;
        let consent = p.store_mut().add_carer_consent(&details, Utc::now())?;
        let who = p.who();
        p.store_mut()
            .record_activity(Utc::now(), &who, "Recorded a carer's consent")?;
        Ok(consent)
    })
}

/// Ends a consent: `last_day` becomes its last day. The record is kept.
#[tauri::command(async)]
pub fn end_carer_consent(
    state: State<'_, AppState>,
    id: i64,
    last_day: chrono::NaiveDate,
) -> CommandResult<CarerConsent> {
    state.with_profile(|p| {
        let ended = p.end_carer_consent(id, last_day, Utc::now(), today())?;
        let who = p.who();
        p.store_mut()
            .record_activity(Utc::now(), &who, "Ended a carer's consent")?;
        Ok(ended)
    })
}

/// Says who is using the profile now: a carer under consent `consent_id`, or the person
/// themselves (`None`).
#[tauri::command(async)]
pub fn act_for(
    state: State<'_, AppState>,
    consent_id: Option<i64>,
) -> CommandResult<Option<ActingCarer>> {
    state.with_profile(|p| {
        let acting = p.act_for(consent_id, today())?;
        let who = p.who();
        let what = if acting.is_some() {
            "Started helping"
        } else {
            "Using the profile themselves"
        };
        p.store_mut().record_activity(Utc::now(), &who, what)?;
        Ok(acting)
    })
}

/// The carer acting for the person now, if any.
#[tauri::command(async)]
pub fn acting_carer(state: State<'_, AppState>) -> CommandResult<Option<ActingCarer>> {
    state.with_profile(|p| Ok(p.acting_carer().cloned()))
}

/// Prints the consent form for a recorded consent, for the person and their helper to sign.
#[tauri::command(async)]
pub async fn write_consent_form(
    app: AppHandle,
    state: State<'_, AppState>,
    consent_id: i64,
    options: DocumentOptions,
) -> CommandResult<Option<SavedDocument>> {
    let (patient, consent) = state.with_profile(|p| {
        let patient = pack::patient_for_forms(p.store(), p.name())?;
        Ok((patient, p.store().carer_consent(consent_id)?))
    })?;
    let document = documents::carer_authorisation(
        &patient,
        &pack::carer_authorisation_from_consent(&consent.details),
        Content::embedded()?,
        today(),
        &options,
    )?;
    save_and_record(&app, &state, &document, "Saved a carer's consent form")
}
