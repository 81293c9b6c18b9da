//! Help, About and the guidance's review date.

use backend::app::help as api;
use backend::cases::Nation;
use backend::content::{About, HelpScreen, ReviewNotice};
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn help_topics(nation: Option<Nation>) -> CommandResult<HelpScreen> {
    Ok(api::help_topics(nation)?)
}

#[tauri::command(async)]
pub fn guidance_review(state: State<'_, AppState>) -> CommandResult<Option<ReviewNotice>> {
    Ok(api::guidance_review(&state.now())?)
}

#[tauri::command(async)]
pub fn about_app() -> CommandResult<About> {
    Ok(api::about_app()?)
}
