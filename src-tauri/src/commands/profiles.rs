//! Profiles: one per person, each encrypted with its own passphrase. Secrets typed in are held
//! in `Zeroizing` strings, zeroed when each command returns.

use backend::app::profiles as api;
use backend::cases::ActivityEntry;
use backend::documents::{DocumentOptions, SavedDocument};
use backend::profiles::{CreatedProfile, ProfileSummary, EXPORT_EXTENSION};
use tauri::{AppHandle, State};
use zeroize::Zeroizing;

use super::documents::{choose_open_path, choose_save_path, save_and_open};
use super::{rng, CommandResult};
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_profiles(state: State<'_, AppState>) -> CommandResult<Vec<ProfileSummary>> {
    Ok(api::list_profiles(&state.session)?)
}

#[tauri::command(async)]
pub fn open_profile(state: State<'_, AppState>) -> Option<ProfileSummary> {
    api::open_profile(&state.session)
}

/// Four random words from the OS's randomness; held zeroising until sent to the window.
#[tauri::command(async)]
pub fn suggest_passphrase() -> Zeroizing<String> {
    api::suggest_passphrase(&mut rng())
}

#[tauri::command(async)]
pub async fn create_profile(
    state: State<'_, AppState>,
    name: String,
    passphrase: String,
) -> CommandResult<CreatedProfile> {
    let passphrase = Zeroizing::new(passphrase);
    Ok(api::create_profile(
        &state.session,
        &state.now(),
        &mut rng(),
        &name,
        &passphrase,
    )?)
}

#[tauri::command(async)]
pub async fn unlock_profile(
    state: State<'_, AppState>,
    id: String,
    passphrase: String,
) -> CommandResult<ProfileSummary> {
    let passphrase = Zeroizing::new(passphrase);
    Ok(api::unlock_profile(
        &state.session,
        &state.now(),
        &mut rng(),
        &id,
        &passphrase,
    )?)
}

#[tauri::command(async)]
pub async fn recover_profile(
    state: State<'_, AppState>,
    id: String,
    recovery_code: String,
    new_passphrase: String,
) -> CommandResult<ProfileSummary> {
    let (recovery_code, new_passphrase) = (
        Zeroizing::new(recovery_code),
        Zeroizing::new(new_passphrase),
    );
    Ok(api::recover_profile(
        &state.session,
        &state.now(),
        &mut rng(),
        &id,
        &recovery_code,
        &new_passphrase,
    )?)
}

#[tauri::command(async)]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    old_passphrase: String,
    new_passphrase: String,
) -> CommandResult<()> {
    let (old_passphrase, new_passphrase) = (
        Zeroizing::new(old_passphrase),
        Zeroizing::new(new_passphrase),
    );
    Ok(api::change_passphrase(
        &state.session,
        &state.now(),
        &mut rng(),
        &old_passphrase,
        &new_passphrase,
    )?)
}

#[tauri::command(async)]
pub async fn new_recovery_code(
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<String> {
    let passphrase = Zeroizing::new(passphrase);
    Ok(api::new_recovery_code(
        &state.session,
        &state.now(),
        &mut rng(),
        &passphrase,
    )?)
}

#[tauri::command(async)]
pub async fn write_recovery_sheet(
    app: AppHandle,
    state: State<'_, AppState>,
    options: DocumentOptions,
) -> CommandResult<Option<SavedDocument>> {
    Ok(api::write_recovery_sheet(
        &state.session,
        &state.now(),
        &options,
        |document| save_and_open(&app, &state.settings, document),
    )?)
}

#[tauri::command(async)]
pub async fn check_recovery_code(
    state: State<'_, AppState>,
    recovery_code: String,
) -> CommandResult<()> {
    let recovery_code = Zeroizing::new(recovery_code);
    Ok(api::check_recovery_code(&state.session, &recovery_code)?)
}

#[tauri::command(async)]
pub async fn export_profile(
    app: AppHandle,
    state: State<'_, AppState>,
    passphrase: String,
    export_passphrase: String,
) -> CommandResult<Option<String>> {
    let (passphrase, export_passphrase) = (
        Zeroizing::new(passphrase),
        Zeroizing::new(export_passphrase),
    );
    let saved = api::export_profile(
        &state.session,
        &state.now(),
        &mut rng(),
        &passphrase,
        &export_passphrase,
        |name| {
            choose_save_path(
                &app,
                &state.settings,
                name,
                "Second Opinion profile",
                EXPORT_EXTENSION,
            )
        },
    )?;
    Ok(saved.map(|path| path.to_string_lossy().into_owned()))
}

#[tauri::command(async)]
pub async fn import_profile(
    app: AppHandle,
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<Option<CreatedProfile>> {
    let passphrase = Zeroizing::new(passphrase);
    let Some(file) = choose_open_path(
        &app,
        &state.settings,
        "Second Opinion profile",
        EXPORT_EXTENSION,
    ) else {
        return Ok(None);
    };
    Ok(Some(api::import_profile(
        &state.session,
        &state.now(),
        &mut rng(),
        &file,
        &passphrase,
    )?))
}

#[tauri::command(async)]
pub async fn delete_profile(
    app: AppHandle,
    state: State<'_, AppState>,
    typed_name: String,
    passphrase: String,
) -> CommandResult<()> {
    let passphrase = Zeroizing::new(passphrase);
    api::delete_profile(&state.session, &typed_name, &passphrase)?;
    crate::memory::forget_window(&app, &state.settings);
    Ok(())
}

#[tauri::command(async)]
pub fn activity_log(state: State<'_, AppState>) -> CommandResult<Vec<ActivityEntry>> {
    Ok(api::activity_log(&state.session, &state.now())?)
}

/// Locks, then throws the window's web content away and starts the app again at the picker.
/// `idle`: the window saw nobody use it for the chosen time (the picker then says so).
#[tauri::command(async)]
pub fn lock_profile(app: AppHandle, state: State<'_, AppState>, idle: Option<bool>) {
    if idle == Some(true) {
        api::lock_profile_unused(&state.session);
    } else {
        api::lock_profile(&state.session);
    }
    crate::memory::forget_window(&app, &state.settings);
}

#[tauri::command(async)]
pub fn still_here(state: State<'_, AppState>) -> CommandResult<()> {
    Ok(api::still_here(&state.session, &state.now())?)
}

#[tauri::command(async)]
pub fn locked_because_idle(state: State<'_, AppState>) -> bool {
    api::locked_because_idle(&state.session)
}

#[tauri::command(async)]
pub fn idle_lock_seconds(state: State<'_, AppState>) -> u32 {
    state
        .settings
        .test_idle_seconds
        .unwrap_or_else(|| api::idle_lock_seconds(&state.session))
}

#[tauri::command(async)]
pub fn idle_lock_minutes(state: State<'_, AppState>) -> CommandResult<(Vec<u32>, u32)> {
    Ok(api::idle_lock_minutes(&state.session)?)
}

#[tauri::command(async)]
pub fn set_idle_lock_minutes(state: State<'_, AppState>, minutes: u32) -> CommandResult<()> {
    Ok(api::set_idle_lock_minutes(&state.session, minutes)?)
}
