//! Start-up: the UI says when its first screen is interactive (only `scripts/perf.sh` listens).

use backend::app::startup as api;
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn report_ready(state: State<'_, AppState>) -> CommandResult<()> {
    Ok(api::report_ready(
        state.settings.test_ready_file.as_deref(),
        &state.now(),
    )?)
}
