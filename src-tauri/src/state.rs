//! What the running app holds: where its files are, and the one profile that is open (if any).
//!
//! Invariant: case data is reachable only through the open profile; when locked there is no
//! store at all, so every case command fails with `locked`.

use std::path::PathBuf;
use std::sync::Mutex;

use backend::cases::Store;
use backend::profiles::{OpenProfile, Profiles};
use backend::{ErrorCode, ErrorPayload};
use tauri::Manager;

/// Where the app keeps and writes things. Tests point both somewhere of their own.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The folder for the app's profiles. `SECOND_OPINION_DATA_DIR` overrides the OS's app-data
    /// folder, so tests never touch a real person's data.
    pub data_dir: PathBuf,
    /// Test-only: when `SECOND_OPINION_TEST_SAVE_DIR` is set, documents are saved there under
    /// their default name instead of asking with a save dialog, and are not opened.
    pub test_save_dir: Option<PathBuf>,
    /// Test-only (the start-up measurement, `scripts/perf.sh`): when
    /// `SECOND_OPINION_TEST_READY_FILE` is set, the first screen writes the moment it became
    /// interactive (milliseconds since 1970) to that file. Nothing else is written.
    pub test_ready_file: Option<PathBuf>,
    /// Test-only: `SECOND_OPINION_TEST_TODAY` (a date like 2028-01-31) is the day the guidance's
    /// review date is judged against, so a test can see the notice for out-of-date guidance.
    pub test_today: Option<chrono::NaiveDate>,
}

impl Settings {
    /// The app-wide display settings (text size, contrast): not health data, so outside any
    /// profile, and read before a profile is open.
    pub fn preferences_file(&self) -> PathBuf {
        self.data_dir.join("preferences.json")
    }

    pub fn from_env(app: &tauri::AppHandle) -> tauri::Result<Settings> {
        let data_dir = match std::env::var_os("SECOND_OPINION_DATA_DIR") {
            Some(dir) => PathBuf::from(dir),
            None => app.path().app_data_dir()?,
        };
        let test_save_dir = std::env::var_os("SECOND_OPINION_TEST_SAVE_DIR").map(PathBuf::from);
        let test_ready_file = std::env::var_os("SECOND_OPINION_TEST_READY_FILE").map(PathBuf::from);
        let test_today = std::env::var("SECOND_OPINION_TEST_TODAY")
            .ok()
            .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
        Ok(Settings {
            data_dir,
            test_save_dir,
            test_ready_file,
            test_today,
        })
    }
}

/// The app's state, shared by every command.
#[derive(Debug)]
pub struct AppState {
    pub settings: Settings,
    pub profiles: Profiles,
    /// The profile that is open, or `None` when locked.
    open: Mutex<Option<OpenProfile>>,
}

fn locked() -> ErrorPayload {
    ErrorPayload {
        code: ErrorCode::Locked,
        message: "Your information is locked. Please open your profile with your passphrase."
            .into(),
    }
}

impl AppState {
    pub fn new(settings: Settings) -> AppState {
        AppState {
            profiles: Profiles::at(settings.data_dir.join("profiles")),
            settings,
            open: Mutex::new(None),
        }
    }

    fn guard(&self) -> std::sync::MutexGuard<'_, Option<OpenProfile>> {
        self.open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` with the open profile's store; `locked` when no profile is open.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> backend::Result<T>,
    ) -> Result<T, ErrorPayload> {
        match self.guard().as_mut() {
            Some(profile) => {
                // Once a day while in use, an encrypted backup (never stops the call).
                if let Err(error) = profile.back_up_if_due(chrono::Utc::now()) {
                    tracing::warn!(code = error.code(), "the daily backup could not be made");
                }
                f(profile.store_mut()).map_err(ErrorPayload::from)
            }
            None => Err(locked()),
        }
    }

    /// Runs `f` with the open profile; `locked` when no profile is open.
    pub fn with_profile<T>(
        &self,
        f: impl FnOnce(&mut OpenProfile) -> backend::Result<T>,
    ) -> Result<T, ErrorPayload> {
        match self.guard().as_mut() {
            Some(profile) => f(profile).map_err(ErrorPayload::from),
            None => Err(locked()),
        }
    }

    /// Makes `profile` the open one, locking any other first.
    pub fn open(&self, profile: OpenProfile) {
        let mut guard = self.guard();
        if let Some(previous) = guard.take() {
            previous.lock();
        }
        *guard = Some(profile);
    }

    /// Deletes the open profile once its person has typed its name exactly: locks it, then
    /// removes its files. Refused (and nothing locked or deleted) when a carer is acting or the
    /// name does not match.
    pub fn delete_open_profile(&self, typed_name: &str) -> Result<(), ErrorPayload> {
        let mut guard = self.guard();
        let Some(profile) = guard.as_ref() else {
            return Err(locked());
        };
        profile.require_owner().map_err(ErrorPayload::from)?;
        self.profiles
            .check_delete_name(profile.id(), typed_name)
            .map_err(ErrorPayload::from)?;
        let id = profile.id().to_owned();
        if let Some(profile) = guard.take() {
            profile.lock();
        }
        drop(guard);
        self.profiles
            .delete(&id, typed_name)
            .map_err(ErrorPayload::from)
    }

    /// Locks: the open profile's key and store are dropped (the key is zeroed).
    pub fn lock(&self) {
        if let Some(profile) = self.guard().take() {
            profile.lock();
        }
    }
}
