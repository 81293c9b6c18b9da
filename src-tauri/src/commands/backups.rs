//! Automatic backups of a profile's database: list them, and restore one.

use backend::app::backups as api;
use backend::profiles::{Backup, ProfileSummary};
use tauri::State;
use zeroize::Zeroizing;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>, id: String) -> CommandResult<Vec<Backup>> {
    Ok(api::list_backups(&state.session, &id)?)
}

#[tauri::command(async)]
pub fn unreadable_profiles(state: State<'_, AppState>) -> CommandResult<usize> {
    Ok(api::unreadable_profiles(&state.session)?)
}

#[tauri::command(async)]
pub async fn restore_backup(
    state: State<'_, AppState>,
    id: String,
    passphrase: String,
    backup: String,
) -> CommandResult<ProfileSummary> {
    // The passphrase is zeroed when this function returns.
    let passphrase = Zeroizing::new(passphrase);
    Ok(api::restore_backup(
        &state.session,
        &state.now(),
        &id,
        &passphrase,
        &backup,
    )?)
}
