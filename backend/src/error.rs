//! The one error type of the backend, and its IPC form `{code, message}`.
//!
//! Invariant: `code` is a stable machine word the UI switches on; `message` is plain English a
//! patient understands and never contains health details.

use serde::Serialize;
use ts_rs::TS;

/// Everything that can go wrong in the backend.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the person typed cannot be used as it is. The message says what and why.
    #[error("{0}")]
    InvalidInput(String),
    /// The NHS number typed does not pass the Modulus 11 check (or is not ten digits). Its own
    /// code, so the UI can show the message next to the NHS number field.
    #[error("This NHS number does not look right. Please check it against a letter from the NHS.")]
    InvalidNhsNumber,
    /// The date of birth typed is in the future or before 1900. Its own code, so the UI can show
    /// the message next to the date of birth field.
    #[error("{0}")]
    InvalidDateOfBirth(String),
    /// A case (or other record) asked for does not exist.
    #[error("We could not find that case. It may have been deleted.")]
    NotFound,
    /// The database was written by a newer version of the app. It is left untouched.
    #[error("This information was saved by a newer version of Second Opinion. Please update the app to open it. Nothing has been changed.")]
    DatabaseTooNew,
    /// A case's journey was saved by a newer version of the app (its record's version is
    /// higher than this app's). It is shown as far as this app can read it, and never saved
    /// over, so nothing the newer app kept is lost.
    #[error("This case was last saved by a newer version of Second Opinion. This version can show it but cannot save changes to it, so your last change was not saved. Please update the app to change this case. Nothing saved before has been changed.")]
    RecordTooNew,
    /// The database file is not a database we can read (damaged, or not ours).
    #[error("The saved information could not be read. The file may be damaged. Nothing has been changed.")]
    DatabaseDamaged,
    /// Any other storage failure (disk full, read-only, locked).
    #[error("Your information could not be saved or read just now. Please try again. If it keeps happening, check there is free space on the computer.")]
    Storage(String),
    /// A document could not be made.
    #[error("{0}")]
    Document(String),
    /// A file could not be written or read.
    #[error("The file could not be saved. Please check the folder exists and there is free space, then try again.")]
    Io(std::io::Error),
    /// The content shipped with the app is broken (a bug caught by tests).
    #[error("Part of the app's guidance could not be loaded. Please reinstall the app.")]
    Content(String),
    /// The passphrase typed does not unlock this profile (or this export file).
    #[error("That passphrase is not right. Please check it and try again.")]
    WrongPassphrase,
    /// The recovery code typed does not unlock this profile.
    #[error("That recovery code is not right. Please check it against your recovery sheet and try again.")]
    WrongRecoveryCode,
    /// A profile asked for does not exist.
    #[error("We could not find that profile. It may have been deleted.")]
    ProfileNotFound,
    /// A profile's own files (its settings or its database) are missing or cannot be read.
    #[error(
        "This profile's files could not be read. They may be damaged. Nothing has been changed."
    )]
    ProfileDamaged,
    /// The part of `profile.json` the passphrase opens is damaged (or was changed outside the
    /// app), but the recovery code's part may still open the profile. Nothing is changed.
    #[error("The part of this profile that your passphrase opens is damaged, so the passphrase cannot open it. Your information is still there: use the recovery code from your recovery sheet to choose a new passphrase. Nothing has been changed.")]
    PassphraseSlotDamaged,
    /// The part of `profile.json` the recovery code opens is damaged, but the passphrase's part
    /// may still open the profile. Nothing is changed.
    #[error("The part of this profile that the recovery code opens is damaged, so the code cannot open it. Your information is still there: open the profile with your passphrase, then make a new recovery code in its settings. Nothing has been changed.")]
    RecoverySlotDamaged,
    /// A file given to import is not a Second Opinion export, or it is damaged.
    #[error(
        "This file is not a Second Opinion export, or it is damaged. Nothing has been changed."
    )]
    NotAnExport,
    /// A note asked for does not exist (notes on a case).
    #[error("We could not find that note. It may have been deleted.")]
    NoteNotFound,
    // Damaged and unexpected files, and two copies of the app at once.
    /// The disk (or the folder's drive) is full: the last change was not saved.
    #[error("The computer's disk is full, so your last change could not be saved. Everything saved before it is safe. Please free some space (for example empty the recycle bin), then try again.")]
    DiskFull,
    /// The database file or its folder cannot be written (read-only file, folder or drive).
    #[error("Second Opinion is not allowed to change this profile's files: the file, its folder or the drive is set to read-only. Nothing has been changed. Please ask someone to make the folder writable, then try again.")]
    ReadOnly,
    /// The profile is open in another copy of the app (another window or another user).
    #[error("This profile is already open in another Second Opinion window on this computer. Please use that window, or close it first. Two windows must never change the same information.")]
    ProfileInUse,
    /// A backup asked for cannot be used (damaged, missing, or from a newer app).
    #[error("That backup could not be read, so it was not used. Nothing has been changed. You can try an older backup.")]
    BackupUnusable,
    /// A profile or export file asks for key settings below the app's floor (so too easy to
    /// guess from a copy) or so heavy they would stall the computer. Nothing is derived.
    #[error("This file asks for security settings that Second Opinion does not accept (too weak, or too heavy for this computer), so it was not used. Nothing has been changed.")]
    KeySettingsRefused,
    /// A database holds tables, triggers or other parts the app did not make (a crafted file),
    /// so it was not used.
    #[error("This file holds parts that Second Opinion did not put there, so it was not used. Nothing has been changed.")]
    UnexpectedContents,
    /// No profile is open (the app is locked), so nothing of a case can be read or changed.
    #[error("Your information is locked. Please open your profile with your passphrase.")]
    Locked,
    /// A file offered to a case cannot be kept (empty, too large, not a kind the app keeps,
    /// damaged or protected). The message says which, in plain words; nothing is stored.
    #[error("{0}")]
    FileRefused(String),
    /// A file of a case asked for does not exist (removed, or never there).
    #[error("We could not find that file. It may have been removed.")]
    FileNotFound,
}

/// Every `code` an error can carry across IPC: one per [`Error`] (of the same name) and the
/// three the UI makes itself. Generated into `bindings.ts` as a union, so a code the UI checks
/// for or makes is checked by `svelte-check`: a misspelt code does not compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    InvalidInput,
    InvalidNhsNumber,
    InvalidDateOfBirth,
    NotFound,
    DatabaseTooNew,
    RecordTooNew,
    DatabaseDamaged,
    Storage,
    Document,
    Io,
    Content,
    WrongPassphrase,
    WrongRecoveryCode,
    ProfileNotFound,
    ProfileDamaged,
    PassphraseSlotDamaged,
    RecoverySlotDamaged,
    NotAnExport,
    NoteNotFound,
    DiskFull,
    ReadOnly,
    ProfileInUse,
    BackupUnusable,
    KeySettingsRefused,
    UnexpectedContents,
    /// No profile is open (the app is locked), so nothing of a case can be read or changed.
    Locked,
    FileRefused,
    FileNotFound,
    /// Made by the UI: what came back from a command was not an error it knows (a fault in
    /// the app, never something the person did).
    Internal,
    /// Made by the UI: something could not be saved because what it belongs to (a new case)
    /// is not saved yet.
    NotSaved,
    /// Made by the UI: an answer is too long to keep even as typed (`FieldProblem::kept` is
    /// false), so it is not saved.
    NotKept,
}

impl ErrorCode {
    /// Every code, in the order above.
    pub const ALL: [ErrorCode; 31] = [
        ErrorCode::InvalidInput,
        ErrorCode::InvalidNhsNumber,
        ErrorCode::InvalidDateOfBirth,
        ErrorCode::NotFound,
        ErrorCode::DatabaseTooNew,
        ErrorCode::RecordTooNew,
        ErrorCode::DatabaseDamaged,
        ErrorCode::Storage,
        ErrorCode::Document,
        ErrorCode::Io,
        ErrorCode::Content,
        ErrorCode::WrongPassphrase,
        ErrorCode::WrongRecoveryCode,
        ErrorCode::ProfileNotFound,
        ErrorCode::ProfileDamaged,
        ErrorCode::PassphraseSlotDamaged,
        ErrorCode::RecoverySlotDamaged,
        ErrorCode::NotAnExport,
        ErrorCode::NoteNotFound,
        ErrorCode::DiskFull,
        ErrorCode::ReadOnly,
        ErrorCode::ProfileInUse,
        ErrorCode::BackupUnusable,
        ErrorCode::KeySettingsRefused,
        ErrorCode::UnexpectedContents,
        ErrorCode::Locked,
        ErrorCode::FileRefused,
        ErrorCode::FileNotFound,
        ErrorCode::Internal,
        ErrorCode::NotSaved,
        ErrorCode::NotKept,
    ];

    /// The code as it crosses IPC, for example `invalid_input`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::InvalidNhsNumber => "invalid_nhs_number",
            ErrorCode::InvalidDateOfBirth => "invalid_date_of_birth",
            ErrorCode::NotFound => "not_found",
            ErrorCode::DatabaseTooNew => "database_too_new",
            ErrorCode::RecordTooNew => "record_too_new",
            ErrorCode::DatabaseDamaged => "database_damaged",
            ErrorCode::Storage => "storage",
            ErrorCode::Document => "document",
            ErrorCode::Io => "io",
            ErrorCode::Content => "content",
            ErrorCode::WrongPassphrase => "wrong_passphrase",
            ErrorCode::WrongRecoveryCode => "wrong_recovery_code",
            ErrorCode::ProfileNotFound => "profile_not_found",
            ErrorCode::ProfileDamaged => "profile_damaged",
            ErrorCode::PassphraseSlotDamaged => "passphrase_slot_damaged",
            ErrorCode::RecoverySlotDamaged => "recovery_slot_damaged",
            ErrorCode::NotAnExport => "not_an_export",
            ErrorCode::NoteNotFound => "note_not_found",
            ErrorCode::DiskFull => "disk_full",
            ErrorCode::ReadOnly => "read_only",
            ErrorCode::ProfileInUse => "profile_in_use",
            ErrorCode::BackupUnusable => "backup_unusable",
            ErrorCode::KeySettingsRefused => "key_settings_refused",
            ErrorCode::UnexpectedContents => "unexpected_contents",
            ErrorCode::Locked => "locked",
            ErrorCode::FileRefused => "file_refused",
            ErrorCode::FileNotFound => "file_not_found",
            ErrorCode::Internal => "internal",
            ErrorCode::NotSaved => "not_saved",
            ErrorCode::NotKept => "not_kept",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Error {
    /// The stable code the UI switches on.
    pub fn error_code(&self) -> ErrorCode {
        match self {
            Error::InvalidInput(_) => ErrorCode::InvalidInput,
            Error::InvalidNhsNumber => ErrorCode::InvalidNhsNumber,
            Error::InvalidDateOfBirth(_) => ErrorCode::InvalidDateOfBirth,
            Error::NotFound => ErrorCode::NotFound,
            Error::DatabaseTooNew => ErrorCode::DatabaseTooNew,
            Error::RecordTooNew => ErrorCode::RecordTooNew,
            Error::DatabaseDamaged => ErrorCode::DatabaseDamaged,
            Error::Storage(_) => ErrorCode::Storage,
            Error::Document(_) => ErrorCode::Document,
            Error::Io(_) => ErrorCode::Io,
            Error::Content(_) => ErrorCode::Content,
            Error::WrongPassphrase => ErrorCode::WrongPassphrase,
            Error::WrongRecoveryCode => ErrorCode::WrongRecoveryCode,
            Error::ProfileNotFound => ErrorCode::ProfileNotFound,
            Error::ProfileDamaged => ErrorCode::ProfileDamaged,
            Error::PassphraseSlotDamaged => ErrorCode::PassphraseSlotDamaged,
            Error::RecoverySlotDamaged => ErrorCode::RecoverySlotDamaged,
            Error::NotAnExport => ErrorCode::NotAnExport,
            Error::NoteNotFound => ErrorCode::NoteNotFound,
            Error::DiskFull => ErrorCode::DiskFull,
            Error::ReadOnly => ErrorCode::ReadOnly,
            Error::ProfileInUse => ErrorCode::ProfileInUse,
            Error::BackupUnusable => ErrorCode::BackupUnusable,
            Error::KeySettingsRefused => ErrorCode::KeySettingsRefused,
            Error::UnexpectedContents => ErrorCode::UnexpectedContents,
            Error::Locked => ErrorCode::Locked,
            Error::FileRefused(_) => ErrorCode::FileRefused,
            Error::FileNotFound => ErrorCode::FileNotFound,
        }
    }

    /// The same code as a word (for logs and tests).
    pub fn code(&self) -> &'static str {
        self.error_code().as_str()
    }
}

impl From<printing::pdf::PdfError> for Error {
    fn from(e: printing::pdf::PdfError) -> Error {
        Error::Document(e.0)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => Error::DiskFull,
            std::io::ErrorKind::ReadOnlyFilesystem => Error::ReadOnly,
            _ => Error::Io(e),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase)
            | Some(rusqlite::ErrorCode::DatabaseCorrupt) => Error::DatabaseDamaged,
            Some(rusqlite::ErrorCode::DiskFull) => Error::DiskFull,
            Some(rusqlite::ErrorCode::ReadOnly) => Error::ReadOnly,
            _ => Error::Storage(e.to_string()),
        }
    }
}

impl From<rusqlite_migration::Error> for Error {
    fn from(e: rusqlite_migration::Error) -> Self {
        match e {
            rusqlite_migration::Error::MigrationDefinition(
                rusqlite_migration::MigrationDefinitionError::DatabaseTooFarAhead,
            ) => Error::DatabaseTooNew,
            rusqlite_migration::Error::RusqliteError { err, .. } => err.into(),
            other => Error::Storage(other.to_string()),
        }
    }
}

/// Result with the backend's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How an error crosses IPC: the UI switches on `code`, shows `message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorPayload {
    /// Stable machine word, for example `invalid_input` or `database_too_new`.
    pub code: ErrorCode,
    /// Plain words for the person using the app.
    pub message: String,
}

impl From<Error> for ErrorPayload {
    fn from(e: Error) -> Self {
        // Log the technical cause (never health data: SQL errors carry no bound values, and
        // content errors are about the app's own files).
        match &e {
            Error::Storage(inner) => tracing::warn!(error = %inner, "storage error"),
            Error::Content(inner) => tracing::error!(error = %inner, "content error"),
            _ => {}
        }
        ErrorPayload {
            code: e.error_code(),
            message: e.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_listed_once_and_crosses_ipc_as_its_word() {
        let mut words: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        for code in ErrorCode::ALL {
            assert_eq!(
                serde_json::to_value(code).expect("json"),
                serde_json::Value::from(code.as_str())
            );
        }
        words.sort_unstable();
        words.dedup();
        assert_eq!(words.len(), ErrorCode::ALL.len(), "no code twice");
        // The union the UI gets has exactly these members.
        let decl = ErrorCode::decl(&ts_rs::Config::new());
        assert_eq!(
            decl.matches('"').count(),
            2 * ErrorCode::ALL.len(),
            "{decl}"
        );
    }

    #[test]
    fn the_payload_carries_the_errors_code() {
        let payload = ErrorPayload::from(Error::RecordTooNew);
        assert_eq!(payload.code, ErrorCode::RecordTooNew);
        assert_eq!(
            serde_json::to_value(&payload).expect("json")["code"],
            "record_too_new"
        );
    }
}
