//! How the app looks on this computer: text size and contrast. App-wide (they apply on the
//! profile picker too) and not health data, so they live in a small plain file beside the
//! profiles folder, never inside a profile.
//!
//! Invariant: a missing or damaged file gives the defaults and is never a reason not to start;
//! a save writes the whole file at once (temporary file, then rename).

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;

/// How large the app's text is. `Larger` is twice the normal size (WCAG 1.4.4: 200%).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Larger,
}

impl TextSize {
    /// How many times the normal size.
    pub fn scale(self) -> f32 {
        match self {
            TextSize::Normal => 1.0,
            TextSize::Large => 1.5,
            TextSize::Larger => 2.0,
        }
    }
}

/// The colours: the standard theme (light or dark, as the computer is set) or high contrast.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Contrast {
    #[default]
    Standard,
    High,
}

/// The app-wide display settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Preferences {
    pub text_size: TextSize,
    pub contrast: Contrast,
}

impl Preferences {
    /// Reads the settings file; the defaults when it is missing or cannot be read.
    pub fn load(path: &Path) -> Preferences {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|error| {
                tracing::warn!(%error, "the display settings could not be read; using the defaults");
                Preferences::default()
            }),
            Err(_) => Preferences::default(),
        }
    }

    /// Writes the settings file all at once, making its folder if needed.
    pub fn save(&self, path: &Path) -> Result<()> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(dir)?;
        let mut file = tempfile::NamedTempFile::new_in(dir)?;
        let json =
            serde_json::to_vec_pretty(self).map_err(|e| crate::Error::Storage(e.to_string()))?;
        file.write_all(&json)?;
        file.as_file().sync_all()?;
        file.persist(path).map_err(|e| crate::Error::Io(e.error))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_settings_are_read_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("new-folder").join("preferences.json");
        assert_eq!(Preferences::load(&path), Preferences::default());
        let chosen = Preferences {
            text_size: TextSize::Larger,
            contrast: Contrast::High,
        };
        chosen.save(&path).expect("saved");
        assert_eq!(Preferences::load(&path), chosen);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(
            text.contains("\"larger\"") && text.contains("\"high\""),
            "{text}"
        );
    }

    #[test]
    fn a_damaged_or_partial_file_gives_defaults_not_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("preferences.json");
        std::fs::write(&path, b"{ not json").expect("write");
        assert_eq!(Preferences::load(&path), Preferences::default());
        std::fs::write(&path, br#"{"text_size":"large"}"#).expect("write");
        assert_eq!(
            Preferences::load(&path),
            Preferences {
                text_size: TextSize::Large,
                contrast: Contrast::Standard
            }
        );
    }

    #[test]
    fn larger_is_twice_normal() {
        assert_eq!(TextSize::Larger.scale(), 2.0 * TextSize::Normal.scale());
    }
}
