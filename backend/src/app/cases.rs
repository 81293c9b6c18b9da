//! Cases: start, list, open, save, archive and delete. The `cases` commands.

use super::session::{Now, Session};
use crate::cases::{CaseAsTyped, CaseDetails, CaseId, CaseSummary, FieldLimit};
use crate::content::{Content, Screen};
use crate::error::Result;

/// The home screen's words (before any case is open).
pub fn home_screen() -> Result<Screen> {
    Ok(Content::embedded()?.home()?.clone())
}

/// The open profile's cases.
pub fn list_cases(session: &Session, now: &Now) -> Result<Vec<CaseSummary>> {
    session.with_store(now, |s| s.cases())
}

/// A case as last typed: what is saved, its answers kept as typed, and what to change.
pub fn get_case(session: &Session, now: &Now, id: CaseId) -> Result<CaseAsTyped> {
    session.with_store(now, |s| s.case_as_typed(id, now.utc()))
}

/// Starts a case (autosave): every valid field is saved, each refused one kept as typed.
pub fn create_case(session: &Session, now: &Now, details: &CaseDetails) -> Result<CaseAsTyped> {
    session.with_store(now, |s| s.save_case_as_typed(None, details, now.utc()))
}

/// Saves a case (autosave): every valid field is saved, each refused one kept as typed.
pub fn save_case(
    session: &Session,
    now: &Now,
    id: CaseId,
    details: &CaseDetails,
) -> Result<CaseAsTyped> {
    session.with_store(now, |s| s.save_case_as_typed(Some(id), details, now.utc()))
}

/// Every field's limit, shown while the person types.
pub fn field_limits() -> Vec<FieldLimit> {
    crate::cases::field_limits()
}

/// Moves a case out of (or back into) the main list.
pub fn archive_case(session: &Session, now: &Now, id: CaseId, archived: bool) -> Result<()> {
    session.with_store(now, |s| s.set_archived(id, archived))
}

/// Deletes a case and everything recorded for it (the UI confirms first).
pub fn delete_case(session: &Session, now: &Now, id: CaseId) -> Result<()> {
    session.with_store(now, |s| s.delete_case(id))
}
