//! Notes on a case: add, list, search and delete. The `notes` commands.

use super::session::{Now, Session};
use crate::cases::{CaseId, Note, NoteId, NotePage};
use crate::error::Result;

/// A page of a case's notes from `offset` on, newest first.
pub fn list_notes(
    session: &Session,
    now: &Now,
    case_id: CaseId,
    offset: usize,
) -> Result<NotePage> {
    session.with_store(now, |s| s.notes_page(case_id, "", offset))
}

/// Adds a note written now (its day is the local day).
pub fn add_note(session: &Session, now: &Now, case_id: CaseId, text: &str) -> Result<Note> {
    session.with_store(now, |s| s.add_note(case_id, text, now.at))
}

/// A page of the notes holding every word typed (or a word starting with it), the best matches
/// first with those words marked; never fails because of what was typed.
pub fn search_notes(
    session: &Session,
    now: &Now,
    case_id: CaseId,
    query: &str,
    offset: usize,
) -> Result<NotePage> {
    session.with_store(now, |s| s.notes_page(case_id, query, offset))
}

/// Deletes one note (the UI confirms first).
pub fn delete_note(session: &Session, now: &Now, id: NoteId) -> Result<()> {
    session.with_store(now, |s| s.delete_note(id))
}
