//! The app itself, apart from any case: display settings that are not health data (text size,
//! contrast), the Help screen's topics, and dates read the UK way.

use backend::cases::Nation;
use backend::content::{About, Content, HelpScreen, ReviewNotice};
use backend::dates::{self, DateReading};
use backend::preferences::Preferences;
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

/// The display settings (the defaults when none were saved).
#[tauri::command(async)]
pub fn get_preferences(state: State<'_, AppState>) -> Preferences {
    Preferences::load(&state.settings.preferences_file())
}

/// Saves the display settings for everyone at this computer.
#[tauri::command(async)]
pub fn save_preferences(
    state: State<'_, AppState>,
    preferences: Preferences,
) -> CommandResult<Preferences> {
    preferences.save(&state.settings.preferences_file())?;
    Ok(preferences)
}

/// Reads a date typed the UK way ("21/11/2026", "21 Nov 2026"); a plain message when it is not one.
#[tauri::command(async)]
pub fn read_date(text: String) -> CommandResult<DateReading> {
    Ok(DateReading::of(dates::parse_uk(&text)?))
}

/// Shows a stored date ("2026-11-21") in every form.
#[tauri::command(async)]
pub fn show_date(iso: String) -> CommandResult<DateReading> {
    Ok(DateReading::of(dates::parse_uk(&iso)?))
}

/// When the installed guidance is past its review date, the notice Home shows; otherwise null.
#[tauri::command(async)]
pub fn guidance_review(state: State<'_, AppState>) -> CommandResult<Option<ReviewNotice>> {
    let today = state
        .settings
        .test.today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    Ok(Content::embedded()?.review_notice(today))
}

/// The Help screen: the urgent help for the open case's nation first (none when it is not
/// known), then the topics.
#[tauri::command(async)]
pub fn help_topics(nation: Option<Nation>) -> CommandResult<HelpScreen> {
    let content = Content::embedded()?;
    Ok(HelpScreen {
        notices: nation
            .map(|n| content.help_notices(n).into_iter().cloned().collect())
            .unwrap_or_default(),
        topics: content.help_topics(nation).into_iter().cloned().collect(),
    })
}

/// What the app does and does not do, its disclaimer, who made it and how its guidance is kept
/// up to date.
#[tauri::command(async)]
pub fn about_app() -> CommandResult<About> {
    Ok(Content::embedded()?.about()?.clone())
}
