//! Dates read and shown the UK way.

use backend::app::dates as api;
use backend::dates::DateReading;

use super::CommandResult;

#[tauri::command(async)]
pub fn read_date(text: String) -> CommandResult<DateReading> {
    Ok(api::read_date(&text)?)
}

#[tauri::command(async)]
pub fn show_date(iso: String) -> CommandResult<DateReading> {
    Ok(api::show_date(&iso)?)
}
