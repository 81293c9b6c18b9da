//! Start-up: the UI says when its first screen is interactive. Only the start-up measurement
//! (`scripts/perf.sh`) listens; in normal use this does nothing.

use std::time::{SystemTime, UNIX_EPOCH};

use tauri::State;

use super::CommandResult;
use crate::state::AppState;

/// Writes "now" (milliseconds since 1970) to the test-only ready file, if one was given.
#[tauri::command(async)]
pub fn report_ready(state: State<'_, AppState>) -> CommandResult<()> {
    let Some(path) = &state.settings.test.ready_file else {
        return Ok(());
    };
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or_default();
    std::fs::write(path, format!("{ms}\n")).map_err(|e| backend::Error::Io(e).into())
}
