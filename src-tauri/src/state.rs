//! What the running app holds: where its files are, and the open case store.

use std::path::PathBuf;
use std::sync::Mutex;

use backend::cases::Store;
use backend::{Error, ErrorPayload};
use tauri::Manager;

/// Where the app keeps and writes things. Tests point both somewhere of their own.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The folder for the app's database. `SECOND_OPINION_DATA_DIR` overrides the OS's app-data
    /// folder, so tests never touch a real person's data.
    pub data_dir: PathBuf,
    /// Test-only: when `SECOND_OPINION_TEST_SAVE_DIR` is set, documents are saved there under
    /// their default name instead of asking with a save dialog, and are not opened.
    pub test_save_dir: Option<PathBuf>,
}

impl Settings {
    pub fn from_env(app: &tauri::AppHandle) -> tauri::Result<Settings> {
        let data_dir = match std::env::var_os("SECOND_OPINION_DATA_DIR") {
            Some(dir) => PathBuf::from(dir),
            None => app.path().app_data_dir()?,
        };
        let test_save_dir = std::env::var_os("SECOND_OPINION_TEST_SAVE_DIR").map(PathBuf::from);
        Ok(Settings {
            data_dir,
            test_save_dir,
        })
    }
}

/// The app's state, shared by every command.
#[derive(Debug)]
pub struct AppState {
    pub settings: Settings,
    /// The open store, or why it could not be opened (shown to the person, file left untouched).
    store: Mutex<Result<Store, ErrorPayload>>,
}

impl AppState {
    pub fn open(settings: Settings) -> AppState {
        let store = std::fs::create_dir_all(&settings.data_dir)
            .map_err(Error::from)
            .and_then(|()| Store::open(&settings.data_dir.join("second-opinion.db")))
            .map_err(ErrorPayload::from);
        AppState {
            settings,
            store: Mutex::new(store),
        }
    }

    /// Runs `f` with the open store.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> backend::Result<T>,
    ) -> Result<T, ErrorPayload> {
        let mut guard = self
            .store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match guard.as_mut() {
            Ok(store) => f(store).map_err(ErrorPayload::from),
            Err(e) => Err(e.clone()),
        }
    }
}
