//! The app's IPC commands, one module per domain (the same names as in `backend/`): each
//! command is a few lines from request to backend call, with its error as `{code, message}`.

pub mod backups;
pub mod carers;
pub mod cases;
pub mod documents;
pub mod journey;
pub mod profiles;
// Issue 8: display settings, help topics and UK dates.
pub mod app;

pub type CommandResult<T> = Result<T, backend::ErrorPayload>;
