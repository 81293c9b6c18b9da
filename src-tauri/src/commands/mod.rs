//! The app's IPC commands, one module per domain (the same names as in `backend/`): each
//! command is a few lines from request to backend call, with its error as `{code, message}`.

pub mod app; // display settings, help topics and UK dates
pub mod backups;
pub mod carers;
pub mod cases;
pub mod documents;
pub mod journey;
pub mod notes; // notes on a case
pub mod profiles;
pub mod startup; // the first screen says when it is interactive

pub type CommandResult<T> = Result<T, backend::ErrorPayload>;
