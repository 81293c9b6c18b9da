//! What the running app holds: where its files are, the clock, and the backend's session (the
//! one profile that is open, if any).

use std::path::PathBuf;

use backend::app::{Now, Session};
use tauri::Manager;

use crate::clock::Clock;

/// Where the app keeps and writes things. Tests point both somewhere of their own.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The folder for the app's profiles and display settings. `SECOND_OPINION_DATA_DIR`
    /// overrides the OS's app-data folder, so tests never touch a real person's data.
    pub data_dir: PathBuf,
    /// Test-only: when `SECOND_OPINION_TEST_SAVE_DIR` is set, documents are saved there under
    /// their default name instead of asking with a save dialog, and are not opened.
    pub test_save_dir: Option<PathBuf>,
    /// Test-only (the start-up measurement, `scripts/perf.sh`): when
    /// `SECOND_OPINION_TEST_READY_FILE` is set, the first screen writes the moment it became
    /// interactive (milliseconds since 1970) to that file. Nothing else is written.
    pub test_ready_file: Option<PathBuf>,
    /// Test-only: `SECOND_OPINION_TEST_IDLE_SECONDS` replaces the profile's idle-lock time.
    pub test_idle_seconds: Option<u32>,
}

impl Settings {
    pub fn from_env(app: &tauri::AppHandle) -> tauri::Result<Settings> {
        let data_dir = match std::env::var_os("SECOND_OPINION_DATA_DIR") {
            Some(dir) => PathBuf::from(dir),
            None => app.path().app_data_dir()?,
        };
        Ok(Settings {
            data_dir,
            test_save_dir: std::env::var_os("SECOND_OPINION_TEST_SAVE_DIR").map(PathBuf::from),
            test_ready_file: std::env::var_os("SECOND_OPINION_TEST_READY_FILE").map(PathBuf::from),
            test_idle_seconds: std::env::var("SECOND_OPINION_TEST_IDLE_SECONDS")
                .ok()
                .and_then(|s| s.parse().ok()),
        })
    }
}

/// The app's state, shared by every command.
#[derive(Debug)]
pub struct AppState {
    pub settings: Settings,
    pub session: Session,
    clock: Clock,
}

impl AppState {
    pub fn new(settings: Settings) -> AppState {
        AppState {
            session: Session::at(&settings.data_dir),
            settings,
            clock: Clock::from_env(),
        }
    }

    /// The moment a command runs.
    pub fn now(&self) -> Now {
        self.clock.now()
    }
}
