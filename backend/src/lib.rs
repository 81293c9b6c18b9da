//! Second Opinion's backend: everything the app knows and does, with no Tauri and no webview.
//!
//! - [`app`]: the API, one function per command the window can call, over the open
//!   [`app::Session`].
//! - [`content`]: the guidance, question bank and letter templates from `content/`, embedded at
//!   build time and validated by tests.
//! - [`cases`]: a person's case and the [`cases::Store`] that keeps it (SQLCipher, encrypted).
//! - [`profiles`]: one encrypted profile per person at a shared computer: passphrase, recovery
//!   code, export and import.
//! - [`documents`]: letters and packs as PDF bytes, built deterministically from a case, content
//!   and a date passed in.
//! - [`journey`]: the rules of the journey (records due dates, the upcoming panel, comparing
//!   opinions), as pure functions.
//! - [`calendar`]: reminders as a calendar file (.ics) from the journey's own dates.
//! - [`preferences`]: text size and contrast, app-wide (not health data).
//! - [`error`]: the one error type, which crosses IPC as `{code, message}`.
//! - [`file_names`]: every file name the app suggests is valid on Windows, macOS and Linux.
//!
//! Time, paths and randomness are always passed in: nothing here reads the clock.

pub mod app;
pub mod bindings;
pub mod calendar;
pub mod cases;
pub mod content;
pub mod dates;
pub mod documents;
pub mod error;
pub mod file_names;
pub mod journey;
pub mod model;
pub mod preferences;
mod private_files;
pub mod profiles;

pub use error::{Error, ErrorCode, ErrorPayload, Result};
