//! Profiles: one per person, each encrypted with its own passphrase.

use backend::cases::ActivityEntry;
use backend::documents::{self, DocumentOptions, RecoverySheet, SavedDocument};
use backend::profiles::{
    export_file_name, CreatedProfile, KdfParams, ProfileSummary, EXPORT_EXTENSION,
};
use chrono::Utc;
use tauri::{AppHandle, State};
use zeroize::Zeroizing;

use super::documents::{choose_save_path, save_and_record};
use super::CommandResult;
use crate::state::AppState;

fn rng() -> rand_core::UnwrapErr<getrandom::SysRng> {
    rand_core::UnwrapErr(getrandom::SysRng)
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The profiles on this computer: names only, never case details.
#[tauri::command(async)]
pub fn list_profiles(state: State<'_, AppState>) -> CommandResult<Vec<ProfileSummary>> {
    Ok(state.profiles.list()?)
}

/// The profile that is open now, if any.
#[tauri::command(async)]
pub fn open_profile(state: State<'_, AppState>) -> CommandResult<Option<ProfileSummary>> {
    Ok(state.with_profile(|p| Ok(p.summary())).ok())
}

/// Makes a new profile and opens it. Runs off the window's thread (key derivation takes a
/// moment).
#[tauri::command(async)]
pub async fn create_profile(
    state: State<'_, AppState>,
    name: String,
    passphrase: String,
) -> CommandResult<CreatedProfile> {
    // Zeroed when this function returns, whatever happens.
    let passphrase = Zeroizing::new(passphrase);
    let (mut profile, code) =
        state
            .profiles
            .create(&name, &passphrase, KdfParams::RECOMMENDED, &mut rng())?;
    let summary = profile.summary();
    profile
        .store_mut()
        .record_activity(Utc::now(), &summary.name, "Made this profile")?;
    state.open(profile);
    Ok(CreatedProfile {
        profile: summary,
        recovery_code: code.formatted().to_string(),
    })
}

/// Opens a profile with its passphrase.
#[tauri::command(async)]
pub async fn unlock_profile(
    state: State<'_, AppState>,
    id: String,
    passphrase: String,
) -> CommandResult<ProfileSummary> {
    // Zeroed when this function returns, whatever happens.
    let passphrase = Zeroizing::new(passphrase);
    let mut profile = state
        .profiles
        .unlock_and_strengthen(&id, &passphrase, &mut rng())?;
    // The day's backup (a failed backup never stops the profile opening).
    if let Err(error) = profile.back_up_if_due(Utc::now()) {
        tracing::warn!(code = error.code(), "the daily backup could not be made");
    }
    let summary = profile.summary();
    profile
        .store_mut()
        .record_activity(Utc::now(), &summary.name, "Opened")?;
    state.open(profile);
    Ok(summary)
}

/// Opens a profile whose passphrase was forgotten, with its recovery code, and sets a new
/// passphrase.
#[tauri::command(async)]
pub async fn recover_profile(
    state: State<'_, AppState>,
    id: String,
    recovery_code: String,
    new_passphrase: String,
) -> CommandResult<ProfileSummary> {
    // Secrets typed in are zeroed when this function returns.
    let (recovery_code, new_passphrase) = (
        Zeroizing::new(recovery_code),
        Zeroizing::new(new_passphrase),
    );
    let mut profile =
        state
            .profiles
            .unlock_with_recovery(&id, &recovery_code, &new_passphrase, &mut rng())?;
    let summary = profile.summary();
    profile.store_mut().record_activity(
        Utc::now(),
        &summary.name,
        "Set a new passphrase with the recovery code",
    )?;
    state.open(profile);
    Ok(summary)
}

/// Changes the open profile's passphrase (the old one must be typed again).
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
    state.with_profile(|p| {
        p.require_owner()?;
        state
            .profiles
            .change_passphrase(p, &old_passphrase, &new_passphrase, &mut rng())?;
        let who = p.who();
        p.store_mut()
            .record_activity(Utc::now(), &who, "Changed the passphrase")?;
        Ok(())
    })
}

/// Makes a new recovery code for the open profile; the old one stops working. Shown once.
#[tauri::command(async)]
pub async fn new_recovery_code(state: State<'_, AppState>) -> CommandResult<String> {
    state.with_profile(|p| {
        p.require_owner()?;
        let code = state.profiles.replace_recovery_code(p, &mut rng())?;
        let who = p.who();
        p.store_mut()
            .record_activity(Utc::now(), &who, "Made a new recovery code")?;
        Ok(code.formatted().to_string())
    })
}

/// Saves the recovery sheet for the open profile: boxes to copy the code into by hand. It never
/// holds the code, so the code is on no file anywhere.
#[tauri::command(async)]
pub async fn write_recovery_sheet(
    app: AppHandle,
    state: State<'_, AppState>,
    options: DocumentOptions,
) -> CommandResult<Option<SavedDocument>> {
    let profile_name = state.with_profile(|p| Ok(p.name().to_owned()))?;
    let document = documents::recovery_sheet(
        &RecoverySheet {
            profile_name,
            made: today(),
        },
        &options,
    )?;
    save_and_record(&app, &state, &document, "Saved the recovery sheet")
}

/// Checks the recovery code the person copied by hand against the open profile.
#[tauri::command(async)]
pub async fn check_recovery_code(
    state: State<'_, AppState>,
    recovery_code: String,
) -> CommandResult<()> {
    let recovery_code = Zeroizing::new(recovery_code);
    state.with_profile(|p| state.profiles.check_recovery_code(p, &recovery_code))
}

/// Saves the whole open profile to one encrypted file, sealed with `export_passphrase`.
/// `None` when the person closed the save dialog.
#[tauri::command(async)]
pub async fn export_profile(
    app: AppHandle,
    state: State<'_, AppState>,
    export_passphrase: String,
) -> CommandResult<Option<String>> {
    let export_passphrase = Zeroizing::new(export_passphrase);
    state.with_profile(|p| p.require_owner())?;
    let name = export_file_name(today());
    let Some(path) = choose_save_path(
        &app,
        &state,
        &name,
        "Second Opinion profile",
        EXPORT_EXTENSION,
    ) else {
        return Ok(None);
    };
    state.with_profile(|p| {
        state
            .profiles
            .export(p, &path, &export_passphrase, &mut rng())?;
        let who = p.who();
        p.store_mut()
            .record_activity(Utc::now(), &who, "Saved a backup copy of this profile")?;
        Ok(())
    })?;
    Ok(Some(path.to_string_lossy().into_owned()))
}

/// Makes a new profile from an export file the person chooses, and opens it with a new
/// recovery code. `None` when the person closed the open dialog.
#[tauri::command(async)]
pub async fn import_profile(
    app: AppHandle,
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<Option<CreatedProfile>> {
    let passphrase = Zeroizing::new(passphrase);
    let Some(file) = super::documents::choose_open_path(
        &app,
        &state,
        "Second Opinion profile",
        EXPORT_EXTENSION,
    ) else {
        return Ok(None);
    };
    let (mut profile, code) = state.profiles.import(&file, &passphrase, &mut rng())?;
    let summary = profile.summary();
    profile.store_mut().record_activity(
        Utc::now(),
        &summary.name,
        "Brought in from a backup file",
    )?;
    state.open(profile);
    Ok(Some(CreatedProfile {
        profile: summary,
        recovery_code: code.formatted().to_string(),
    }))
}

/// Deletes the open profile and all its files once its name is typed exactly; locks first.
#[tauri::command(async)]
pub async fn delete_profile(state: State<'_, AppState>, typed_name: String) -> CommandResult<()> {
    state.delete_open_profile(&typed_name)
}

/// The open profile's activity log, most recent first.
#[tauri::command(async)]
pub fn activity_log(state: State<'_, AppState>) -> CommandResult<Vec<ActivityEntry>> {
    state.with_store(|s| s.activity())
}

/// Locks: every case detail leaves the backend's memory; the key is zeroed.
#[tauri::command(async)]
pub fn lock_profile(state: State<'_, AppState>) {
    state.lock();
}

/// How long the open profile may sit unused before it locks itself, in seconds: the person's
/// choice (ten minutes unless chosen), or `SECOND_OPINION_TEST_IDLE_SECONDS` in tests.
#[tauri::command(async)]
pub fn idle_lock_seconds(state: State<'_, AppState>) -> u32 {
    if let Some(seconds) = std::env::var("SECOND_OPINION_TEST_IDLE_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        return seconds;
    }
    let minutes = state
        .with_profile(|p| Ok(p.idle_lock_minutes()))
        .unwrap_or(backend::profiles::DEFAULT_IDLE_LOCK_MINUTES);
    minutes.saturating_mul(60)
}

/// The minutes the person may choose from, and their choice now.
#[tauri::command(async)]
pub fn idle_lock_minutes(state: State<'_, AppState>) -> CommandResult<(Vec<u32>, u32)> {
    state.with_profile(|p| {
        Ok((
            backend::profiles::IDLE_LOCK_CHOICES.to_vec(),
            p.idle_lock_minutes(),
        ))
    })
}

/// Sets how long the open profile may sit unused before it locks itself.
#[tauri::command(async)]
pub fn set_idle_lock_minutes(state: State<'_, AppState>, minutes: u32) -> CommandResult<()> {
    state.with_profile(|p| state.profiles.set_idle_lock_minutes(p, minutes))
}
