//! What the running app holds: where its files are, and the one profile that is open (if any).
//!
//! Invariant: case data is reachable only through the open profile; when locked there is no
//! store at all, so every case command fails with `locked`.

use std::path::PathBuf;
use std::sync::Mutex;

use backend::cases::Store;
use backend::profiles::{OpenProfile, Profiles};
use backend::ErrorPayload;
use tauri::Manager;

/// Reads a test hook's environment variable in test builds (the `test-hooks` feature, which
/// `scripts/build-app.sh` turns on for the end-to-end tests and `scripts/release.sh` never
/// does). In other builds it is `None`, and the variable's name is not even in the binary.
macro_rules! test_hook {
    ($name:literal) => {{
        #[cfg(feature = "test-hooks")]
        let value = std::env::var_os($name);
        #[cfg(not(feature = "test-hooks"))]
        let value: Option<std::ffi::OsString> = None;
        value
    }};
}

/// What a test may change about the app, from `SECOND_OPINION_TEST_*` variables. Every field is
/// `None` or `false` in a build without the `test-hooks` feature.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TestHooks {
    /// `SECOND_OPINION_TEST_SAVE_DIR`: documents are saved there under their default name
    /// instead of asking with a save dialog, and are not opened.
    pub save_dir: Option<PathBuf>,
    /// `SECOND_OPINION_TEST_READY_FILE` (the start-up measurement, `scripts/perf.sh`): the first
    /// screen writes the moment it became interactive (milliseconds since 1970) to that file.
    pub ready_file: Option<PathBuf>,
    /// `SECOND_OPINION_TEST_TODAY` (a date like 2028-01-31): the day the guidance's review date
    /// is judged against, so a test can see the notice for out-of-date guidance.
    pub today: Option<chrono::NaiveDate>,
    /// `SECOND_OPINION_TEST_IDLE_SECONDS`: the idle time in seconds instead of the person's
    /// choice in minutes.
    pub idle_seconds: Option<u32>,
    /// `SECOND_OPINION_TEST_KEEP_WEB_PROCESS=1`: Lock reloads the page but keeps its web
    /// process, because WebKit ends a WebDriver session whose page's process ends, and most
    /// end-to-end tests go on after a lock. The memory test leaves it unset.
    pub keep_web_process: bool,
}

impl TestHooks {
    pub fn from_env() -> TestHooks {
        let path = |v: Option<std::ffi::OsString>| v.map(PathBuf::from);
        let text = |v: Option<std::ffi::OsString>| v.and_then(|v| v.into_string().ok());
        TestHooks {
            save_dir: path(test_hook!("SECOND_OPINION_TEST_SAVE_DIR")),
            ready_file: path(test_hook!("SECOND_OPINION_TEST_READY_FILE")),
            today: text(test_hook!("SECOND_OPINION_TEST_TODAY"))
                .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            idle_seconds: text(test_hook!("SECOND_OPINION_TEST_IDLE_SECONDS"))
                .and_then(|s| s.parse().ok()),
            keep_web_process: text(test_hook!("SECOND_OPINION_TEST_KEEP_WEB_PROCESS"))
                .is_some_and(|v| v == "1"),
        }
    }
}

/// Where the app keeps and writes things. Tests point both somewhere of their own.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The folder for the app's profiles. `SECOND_OPINION_DATA_DIR` overrides the OS's app-data
    /// folder, so tests never touch a real person's data.
    pub data_dir: PathBuf,
    /// What a test changed (nothing, outside test builds).
    pub test: TestHooks,
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
        Ok(Settings {
            data_dir,
            test: TestHooks::from_env(),
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
    /// Set when the last lock was because nobody used the app, until the picker has said so
    /// (the picker is a new page after every lock, so it cannot remember).
    locked_because_idle: std::sync::atomic::AtomicBool,
}

fn locked() -> ErrorPayload {
    ErrorPayload {
        code: "locked".into(),
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
            locked_because_idle: std::sync::atomic::AtomicBool::new(false),
        }
    }

    fn guard(&self) -> std::sync::MutexGuard<'_, Option<OpenProfile>> {
        self.open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The open profile, unless it has sat unused past its idle deadline: then it is locked
    /// here, whatever the window does, and nothing more is done with it.
    fn guard_in_use(&self) -> std::sync::MutexGuard<'_, Option<OpenProfile>> {
        let mut guard = self.guard();
        if guard
            .as_ref()
            .is_some_and(|p| p.idle_deadline_passed(chrono::Utc::now()))
        {
            if let Some(profile) = guard.take() {
                profile.lock();
            }
            self.locked_because_idle
                .store(true, std::sync::atomic::Ordering::SeqCst);
        }
        guard
    }

    /// Locks the open profile if it has sat unused past its idle deadline; `true` if it did.
    pub fn lock_if_idle(&self) -> bool {
        let was_open = self.guard().is_some();
        was_open && self.guard_in_use().is_none()
    }

    /// The person is using the app (the window saw a key, a click or a movement).
    pub fn used(&self) -> Result<(), ErrorPayload> {
        self.with_profile(|p| {
            p.used(chrono::Utc::now());
            Ok(())
        })
    }

    /// Runs `f` with the open profile's store; `locked` when no profile is open.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> backend::Result<T>,
    ) -> Result<T, ErrorPayload> {
        match self.guard_in_use().as_mut() {
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
        match self.guard_in_use().as_mut() {
            Some(profile) => f(profile).map_err(ErrorPayload::from),
            None => Err(locked()),
        }
    }

    /// Makes `profile` the open one, locking any other first.
    pub fn open(&self, mut profile: OpenProfile) {
        self.locked_because_idle
            .store(false, std::sync::atomic::Ordering::SeqCst);
        if let Some(seconds) = self.settings.test.idle_seconds {
            profile.set_idle_limit(chrono::Duration::seconds(i64::from(seconds)));
        }
        profile.used(chrono::Utc::now());
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

    /// Locks because nobody used the app for the chosen time; the picker says so once.
    pub fn lock_idle(&self) {
        let was_open = self.guard().is_some();
        self.lock();
        if was_open {
            self.locked_because_idle
                .store(true, std::sync::atomic::Ordering::SeqCst);
        }
    }

    /// Whether the last lock was because nobody used the app; `true` only once.
    pub fn take_idle_notice(&self) -> bool {
        self.locked_because_idle
            .swap(false, std::sync::atomic::Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A release build (no `test-hooks` feature) ignores every test variable.
    #[cfg(not(feature = "test-hooks"))]
    #[test]
    fn a_build_without_test_hooks_ignores_them() {
        for (name, value) in [
            ("SECOND_OPINION_TEST_SAVE_DIR", "/tmp"),
            ("SECOND_OPINION_TEST_READY_FILE", "/tmp/ready"),
            ("SECOND_OPINION_TEST_TODAY", "2030-01-01"),
            ("SECOND_OPINION_TEST_IDLE_SECONDS", "1"),
            ("SECOND_OPINION_TEST_KEEP_WEB_PROCESS", "1"),
        ] {
            std::env::set_var(name, value);
        }
        assert_eq!(TestHooks::from_env(), TestHooks::default());
    }

    #[cfg(feature = "test-hooks")]
    #[test]
    fn a_test_build_reads_them() {
        std::env::set_var("SECOND_OPINION_TEST_IDLE_SECONDS", "7");
        assert_eq!(TestHooks::from_env().idle_seconds, Some(7));
    }
}
