//! Profiles: one per person, each encrypted with its own passphrase.

use backend::profiles::{CreatedProfile, KdfParams, ProfileSummary};
use chrono::Utc;
use tauri::State;
use zeroize::Zeroizing;

use super::CommandResult;
use crate::state::AppState;

fn rng() -> rand_core::UnwrapErr<getrandom::SysRng> {
    rand_core::UnwrapErr(getrandom::SysRng)
}

/// The profiles on this computer: names only, never case details.
#[tauri::command]
pub fn list_profiles(state: State<'_, AppState>) -> CommandResult<Vec<ProfileSummary>> {
    Ok(state.profiles.list()?)
}

/// The profile that is open now, if any.
#[tauri::command]
pub fn open_profile(state: State<'_, AppState>) -> CommandResult<Option<ProfileSummary>> {
    Ok(state.with_profile(|p| Ok(p.summary())).ok())
}

/// Makes a new profile and opens it. Runs off the window's thread (key derivation takes a
/// moment).
#[tauri::command]
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
#[tauri::command]
pub async fn unlock_profile(
    state: State<'_, AppState>,
    id: String,
    passphrase: String,
) -> CommandResult<ProfileSummary> {
    // Zeroed when this function returns, whatever happens.
    let passphrase = Zeroizing::new(passphrase);
    let mut profile = state.profiles.unlock(&id, &passphrase)?;
    let summary = profile.summary();
    profile
        .store_mut()
        .record_activity(Utc::now(), &summary.name, "Opened")?;
    state.open(profile);
    Ok(summary)
}

/// Locks: every case detail leaves the backend's memory; the key is zeroed.
#[tauri::command]
pub fn lock_profile(state: State<'_, AppState>) {
    state.lock();
}

/// How long the app may sit unused before it locks itself, in seconds. Ten minutes, or
/// `SECOND_OPINION_TEST_IDLE_SECONDS` in tests.
#[tauri::command]
pub fn idle_lock_seconds() -> u32 {
    std::env::var("SECOND_OPINION_TEST_IDLE_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10 * 60)
}
