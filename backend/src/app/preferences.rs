//! The app-wide display settings (text size, contrast): not health data, so outside any
//! profile. The `preferences` commands.

use super::session::Session;
use crate::error::Result;
use crate::preferences::Preferences;

/// The display settings (the defaults when none were saved, or the file is damaged).
pub fn get_preferences(session: &Session) -> Preferences {
    Preferences::load(session.preferences_file())
}

/// Saves the display settings for everyone at this computer.
pub fn save_preferences(session: &Session, preferences: Preferences) -> Result<Preferences> {
    preferences.save(session.preferences_file())?;
    Ok(preferences)
}
