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
    passphrase: Zeroizing<String>,
) -> CommandResult<CreatedProfile> {
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
        recovery_code: code.formatted(),
    })
}

/// Opens a profile with its passphrase.
#[tauri::command(async)]
pub async fn unlock_profile(
    state: State<'_, AppState>,
    id: String,
    passphrase: Zeroizing<String>,
) -> CommandResult<ProfileSummary> {
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
    recovery_code: Zeroizing<String>,
    new_passphrase: Zeroizing<String>,
) -> CommandResult<ProfileSummary> {
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
    old_passphrase: Zeroizing<String>,
    new_passphrase: Zeroizing<String>,
) -> CommandResult<()> {
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
pub async fn new_recovery_code(state: State<'_, AppState>) -> CommandResult<Zeroizing<String>> {
    state.with_profile(|p| {
        p.require_owner()?;
        let code = state.profiles.replace_recovery_code(p, &mut rng())?;
        let who = p.who();
        p.store_mut()
            .record_activity(Utc::now(), &who, "Made a new recovery code")?;
        Ok(code.formatted())
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
    recovery_code: Zeroizing<String>,
) -> CommandResult<()> {
    state.with_profile(|p| state.profiles.check_recovery_code(p, &recovery_code))
}

/// Saves the whole open profile to one encrypted file, sealed with `export_passphrase`.
/// `None` when the person closed the save dialog.
#[tauri::command(async)]
pub async fn export_profile(
    app: AppHandle,
    state: State<'_, AppState>,
    export_passphrase: Zeroizing<String>,
) -> CommandResult<Option<String>> {
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
    passphrase: Zeroizing<String>,
) -> CommandResult<Option<CreatedProfile>> {
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
        recovery_code: code.formatted(),
    }))
}

/// Deletes the open profile and all its files once its name is typed exactly; locks first,
/// and the window's content is thrown away.
#[tauri::command(async)]
pub async fn delete_profile(
    app: AppHandle,
    state: State<'_, AppState>,
    typed_name: String,
) -> CommandResult<()> {
    state.delete_open_profile(&typed_name)?;
    crate::memory::forget_window(&app, &state.settings.test);
    Ok(())
}

/// The open profile's activity log, most recent first.
#[tauri::command(async)]
pub fn activity_log(state: State<'_, AppState>) -> CommandResult<Vec<ActivityEntry>> {
    state.with_store(|s| s.activity())
}

/// Locks: every case detail leaves the backend's memory; the key is zeroed; the window's web
/// content is thrown away and the app starts again at the profile picker. `idle`: the window
/// saw nobody use it for the chosen time (the picker then says so).
#[tauri::command(async)]
pub fn lock_profile(app: AppHandle, state: State<'_, AppState>, idle: Option<bool>) {
    if idle == Some(true) {
        state.lock_idle();
    } else {
        state.lock();
    }
    crate::memory::forget_window(&app, &state.settings.test);
}

/// The person is using the app: the window saw a key, a click or a movement (sent at most
/// every few seconds). The backend's idle deadline moves on; after it, this is `locked`.
#[tauri::command(async)]
pub fn still_here(state: State<'_, AppState>) -> CommandResult<()> {
    state.used()
}

/// Whether the last lock was because nobody used the app; `true` once, for the picker.
#[tauri::command(async)]
pub fn locked_because_idle(state: State<'_, AppState>) -> bool {
    state.take_idle_notice()
}

/// How long the open profile may sit unused before it locks itself, in seconds: the person's
/// choice (ten minutes unless chosen), or `SECOND_OPINION_TEST_IDLE_SECONDS` in test builds.
#[tauri::command(async)]
pub fn idle_lock_seconds(state: State<'_, AppState>) -> u32 {
    if let Some(seconds) = state.settings.test.idle_seconds {
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
