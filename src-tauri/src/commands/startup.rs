//! Start-up: the UI says when its first screen is interactive, with its marks (only
//! `scripts/perf.sh` listens).

use backend::app::startup::{self as api, StartupMark};
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn report_ready(state: State<'_, AppState>, marks: Vec<StartupMark>) -> CommandResult<()> {
    Ok(api::report_ready(
        state.settings.test_ready_file.as_deref(),
        &state.now(),
        &state.start_marks,
        &marks,
    )?)
}
