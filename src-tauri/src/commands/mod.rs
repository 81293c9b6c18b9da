//! The app's IPC commands, one module per domain (the same names as `backend::app`'s and the
//! UI's `lib/api/`): each takes the state, the clock and the OS's randomness, calls the
//! backend's function of the same name, and returns its error as `{code, message}`.

pub mod attachments;
pub mod backups;
pub mod carers;
pub mod cases;
pub mod dates;
pub mod documents;
pub mod help;
pub mod journey;
pub mod notes;
pub mod preferences;
pub mod profiles;
pub mod startup; // the first screen says when it is interactive

pub type CommandResult<T> = Result<T, backend::ErrorPayload>;

/// The operating system's randomness.
pub(crate) fn rng() -> rand_core::UnwrapErr<getrandom::SysRng> {
    rand_core::UnwrapErr(getrandom::SysRng)
}
