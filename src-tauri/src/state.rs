//! What the running app holds: where its files are, the clock, and the backend's session (the
//! one profile that is open, if any).

use std::path::PathBuf;

use backend::app::startup::StartupMark;
use backend::app::{Now, Session};
use backend::documents::{Apart, PageDrawer};
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
    /// Test-only: `SECOND_OPINION_TEST_KEEP_WEB_PROCESS=1` makes Lock reload the page but keep
    /// its web process, because WebKit ends a WebDriver session whose page's process ends, and
    /// most end-to-end tests go on after a lock. `tests/e2e/memory.test.js` leaves it unset.
    pub test_keep_web_process: bool,
}

impl Settings {
    pub fn from_env(app: &tauri::AppHandle) -> tauri::Result<Settings> {
        let data_dir = match std::env::var_os("SECOND_OPINION_DATA_DIR") {
            Some(dir) => PathBuf::from(dir),
            None => app.path().app_data_dir()?,
        };
        Ok(Settings {
            data_dir,
            ..Settings::test_hooks()
        })
    }

    /// The test settings from the environment (all empty outside test builds), with no data
    /// folder.
    fn test_hooks() -> Settings {
        let text = |v: Option<std::ffi::OsString>| v.and_then(|v| v.into_string().ok());
        Settings {
            data_dir: PathBuf::new(),
            test_save_dir: test_hook!("SECOND_OPINION_TEST_SAVE_DIR").map(PathBuf::from),
            test_ready_file: test_hook!("SECOND_OPINION_TEST_READY_FILE").map(PathBuf::from),
            test_idle_seconds: text(test_hook!("SECOND_OPINION_TEST_IDLE_SECONDS"))
                .and_then(|s| s.parse().ok()),
            test_keep_web_process: text(test_hook!("SECOND_OPINION_TEST_KEEP_WEB_PROCESS"))
                .is_some_and(|v| v == "1"),
        }
    }
}

/// The session over the data folder, drawing PDFs' pages with this same program in a child
/// process, with the test idle time if a test set one.
fn session_for(settings: &Settings) -> Session {
    let drawer = match this_program() {
        Some(program) => PageDrawer::Apart(Apart::program(program)),
        None => {
            tracing::warn!("the app's own program was not found: PDFs' pages are not shown");
            PageDrawer::Unavailable
        }
    };
    let session = Session::at(&settings.data_dir).drawing_pages(drawer);
    if let Some(seconds) = settings.test_idle_seconds {
        session.set_idle_limit(chrono::Duration::seconds(i64::from(seconds)));
    }
    session
}

/// This program, to start again as a page drawer. On Linux, `/proc/self/exe`: it is the
/// running program even after an update has replaced or removed its file.
fn this_program() -> Option<PathBuf> {
    #[cfg(target_os = "linux")]
    {
        let running = PathBuf::from("/proc/self/exe");
        if running.exists() {
            return Some(running);
        }
    }
    std::env::current_exe().ok()
}

/// The app's state, shared by every command.
#[derive(Debug)]
pub struct AppState {
    pub settings: Settings,
    pub session: Session,
    clock: Clock,
    /// When the shell's code began and when its set-up finished, for the start-up
    /// measurement's breakdown (only written when `test_ready_file` is set).
    pub start_marks: Vec<StartupMark>,
}

impl AppState {
    pub fn new(settings: Settings) -> AppState {
        AppState {
            session: session_for(&settings),
            settings,
            clock: Clock::from_env(),
            start_marks: Vec::new(),
        }
    }

    /// The state with the shell's start-up moments.
    pub fn with_start(self, started: Now, set_up: Now) -> AppState {
        let mark = |name: &str, at: Now| StartupMark {
            name: name.into(),
            at_ms: at.at.timestamp_millis() as f64,
        };
        AppState {
            start_marks: vec![mark("shell-start", started), mark("shell-set-up", set_up)],
            ..self
        }
    }

    /// The moment a command runs.
    pub fn now(&self) -> Now {
        self.clock.now()
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
        let hooks = Settings::test_hooks();
        assert_eq!(hooks.test_save_dir, None);
        assert_eq!(hooks.test_ready_file, None);
        assert_eq!(hooks.test_idle_seconds, None);
        assert!(!hooks.test_keep_web_process);
        let today = Clock::from_env().now().today;
        assert_ne!(today.to_string(), "2030-01-01");
    }

    #[cfg(feature = "test-hooks")]
    #[test]
    fn a_test_build_reads_them() {
        std::env::set_var("SECOND_OPINION_TEST_IDLE_SECONDS", "7");
        assert_eq!(Settings::test_hooks().test_idle_seconds, Some(7));
    }
}
