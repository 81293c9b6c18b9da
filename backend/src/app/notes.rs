//! Notes on a case: add, list, search and delete. The `notes` commands.

use super::session::{Now, Session};
use crate::cases::{CaseId, Note, NoteId};
use crate::error::Result;

/// A case's notes, newest first.
pub fn list_notes(session: &Session, now: &Now, case_id: CaseId) -> Result<Vec<Note>> {
    session.with_store(now, |s| s.list_notes(case_id))
}

/// Adds a note written now (its day is the local day).
pub fn add_note(session: &Session, now: &Now, case_id: CaseId, text: &str) -> Result<Note> {
    session.with_store(now, |s| s.add_note(case_id, text, now.at))
}

/// The notes whose words start with what was typed; never fails because of what was typed.
pub fn search_notes(
    session: &Session,
    now: &Now,
    case_id: CaseId,
    query: &str,
) -> Result<Vec<Note>> {
    session.with_store(now, |s| s.search_notes(case_id, query))
}

/// Deletes one note (the UI confirms first).
pub fn delete_note(session: &Session, now: &Now, id: NoteId) -> Result<()> {
    session.with_store(now, |s| s.delete_note(id))
}
