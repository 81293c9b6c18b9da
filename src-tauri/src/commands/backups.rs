//! Automatic backups of a profile's database: list them, and restore one when a
//! profile's database is damaged. The backend checks a backup before it replaces anything and
//! keeps the damaged file aside.

use backend::profiles::{Backup, ProfileSummary};
use chrono::Utc;
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

/// A profile's backups, newest first (file names and times only: no passphrase needed).
#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>, id: String) -> CommandResult<Vec<Backup>> {
    Ok(state.profiles.backups(&id)?)
}

/// How many profile folders could not be read (the picker says so rather than hiding them).
#[tauri::command(async)]
pub fn unreadable_profiles(state: State<'_, AppState>) -> CommandResult<usize> {
    Ok(state.profiles.unreadable_count()?)
}

/// Puts the backup `backup` in place of the profile's database and opens the profile.
#[tauri::command(async)]
pub async fn restore_backup(
    state: State<'_, AppState>,
    id: String,
    passphrase: zeroize::Zeroizing<String>,
    backup: String,
) -> CommandResult<ProfileSummary> {
    // A backup that does not exist leaves the open profile open.
    state.profiles.check_backup_name(&id, &backup)?;
    // Any open profile is locked first, so its database is closed.
    state.lock();
    let mut profile = state
        .profiles
        .restore_backup(&id, &passphrase, &backup, Utc::now())?;
    let summary = profile.summary();
    profile
        .store_mut()
        .record_activity(Utc::now(), &summary.name, "Restored a backup")?;
    state.open(profile);
    Ok(summary)
}
