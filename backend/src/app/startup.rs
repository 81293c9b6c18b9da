//! Start-up: the UI says when its first screen is interactive. Only the start-up measurement
//! (`scripts/perf.sh`) listens; in normal use this does nothing. The `startup` commands.

use std::path::Path;

use super::session::Now;
use crate::error::Result;

/// Writes `now` (milliseconds since 1970) to the start-up measurement's file, if one was given.
pub fn report_ready(ready_file: Option<&Path>, now: &Now) -> Result<()> {
    let Some(path) = ready_file else {
        return Ok(());
    };
    std::fs::write(path, format!("{}\n", now.at.timestamp_millis()))?;
    Ok(())
}
