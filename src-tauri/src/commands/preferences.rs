//! The app-wide display settings (text size, contrast): not health data.

use backend::app::preferences as api;
use backend::preferences::Preferences;
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn get_preferences(state: State<'_, AppState>) -> Preferences {
    api::get_preferences(&state.session)
}

#[tauri::command(async)]
pub fn save_preferences(
    state: State<'_, AppState>,
    preferences: Preferences,
) -> CommandResult<Preferences> {
    Ok(api::save_preferences(&state.session, preferences)?)
}
