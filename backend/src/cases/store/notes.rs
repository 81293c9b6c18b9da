//! Notes on a case, and searching them (SQLite FTS5, kept in step by triggers in the same
//! transaction as each write).

use chrono::{DateTime, FixedOffset, SecondsFormat};
use rusqlite::{params, Row};

use super::Store;
use crate::cases::note::{fts_query, validate_note_text, MAX_NOTE_SEARCH_CHARS};
use crate::cases::{CaseId, Note, NoteId};
use crate::dates;
use crate::error::{Error, Result};

/// CROSS JOIN keeps the full-text index as the outer loop: one FTS5 query, then a
/// lookup per match. (A plain JOIN may let SQLite walk the case's notes and run the
/// FTS5 query once per note: measured 5 s instead of milliseconds for 10,000 notes.)
const SEARCH_SQL: &str = "SELECT n.id, n.case_id, n.written_at, n.text
             FROM notes_search CROSS JOIN notes n ON n.id = notes_search.rowid
             WHERE notes_search MATCH ?2 AND n.case_id = ?1
             ORDER BY n.id DESC";

pub(super) fn note_from_row(r: &Row<'_>) -> rusqlite::Result<Note> {
    let written_at: String = r.get(2)?;
    // Stored by `add_note` in RFC 3339; the day is the day on the computer's clock then.
    let written_on = DateTime::parse_from_rfc3339(&written_at)
        .map(|t| dates::long_uk(t.date_naive()))
        .unwrap_or_default();
    Ok(Note {
        id: r.get(0)?,
        case_id: r.get(1)?,
        written_at,
        written_on,
        text: r.get(3)?,
    })
}

impl Store {
    /// Adds a note to a case, written at `now` (the computer's local time, with its offset).
    /// Returns it as stored.
    pub fn add_note(
        &mut self,
        case_id: CaseId,
        text: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<Note> {
        validate_note_text(text)?;
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE cases SET updated_at = ?2 WHERE id = ?1",
            params![case_id, super::timestamp(now.to_utc())],
        )?;
        if changed == 0 {
            return Err(Error::NotFound);
        }
        tx.execute(
            "INSERT INTO notes (case_id, written_at, text) VALUES (?1, ?2, ?3)",
            params![
                case_id,
                now.to_rfc3339_opts(SecondsFormat::Millis, false),
                text
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.note(id)
    }

    /// One note by id.
    pub fn note(&self, id: NoteId) -> Result<Note> {
        self.conn
            .query_row(
                "SELECT id, case_id, written_at, text FROM notes WHERE id = ?1",
                [id],
                note_from_row,
            )
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Error::NoteNotFound,
                other => other.into(),
            })
    }

    /// A case's notes, newest first.
    pub fn list_notes(&self, case_id: CaseId) -> Result<Vec<Note>> {
        self.ensure_case(case_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, case_id, written_at, text FROM notes WHERE case_id = ?1 ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([case_id], note_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Deletes one note. The UI asks for confirmation first.
    pub fn delete_note(&mut self, id: NoteId) -> Result<()> {
        let tx = self.conn.transaction()?;
        let changed = tx.execute("DELETE FROM notes WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(Error::NoteNotFound);
        }
        tx.commit()?;
        Ok(())
    }

    /// A case's notes that contain every word typed (or a word starting with it: "cardi" finds
    /// "cardiology"), newest first. Case and accents are ignored ("wyr" finds "ŵyr"). Whatever
    /// is typed is searched for as text: it can never break the query. Nothing to search for
    /// (blank, or only punctuation) gives every note.
    pub fn search_notes(&self, case_id: CaseId, typed: &str) -> Result<Vec<Note>> {
        let len = typed.chars().count();
        if len > MAX_NOTE_SEARCH_CHARS {
            return Err(Error::InvalidInput(format!(
                "The search is too long ({len} characters). Please use a few words, under \
                 {MAX_NOTE_SEARCH_CHARS} characters."
            )));
        }
        let Some(query) = fts_query(typed) else {
            return self.list_notes(case_id);
        };
        self.ensure_case(case_id)?;
        let mut stmt = self.conn.prepare_cached(SEARCH_SQL)?;
        let rows = stmt.query_map(params![case_id, query], note_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::cases::CaseDetails;

    fn at(hour: u32) -> DateTime<FixedOffset> {
        FixedOffset::east_opt(3600)
            .expect("offset")
            .with_ymd_and_hms(2026, 11, 21, hour, 5, 0)
            .single()
            .expect("valid time")
    }

    fn store_with_case() -> (Store, CaseId) {
        let mut store = Store::open_in_memory().expect("opens");
        let case = store
            .create_case(&CaseDetails::default(), at(9).to_utc())
            .expect("case");
        (store, case.id)
    }

    #[test]
    fn the_bundled_sqlcipher_has_fts5() {
        let (store, _) = store_with_case();
        let options: Vec<String> = store
            .conn
            .prepare("PRAGMA compile_options")
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        assert!(options.iter().any(|o| o == "ENABLE_FTS5"), "{options:?}");
    }

    #[test]
    fn notes_are_kept_exactly_listed_newest_first_and_dated_the_uk_way() {
        let (mut store, case) = store_with_case();
        let first = store
            .add_note(case, "Rang the clinic <b>twice</b> 📞", at(9))
            .expect("adds");
        let second = store
            .add_note(case, "  Ask about the MRI\r\nand the biopsy  ", at(23))
            .expect("adds");
        assert_eq!(first.written_at, "2026-11-21T09:05:00.000+01:00");
        assert_eq!(first.written_on, "21 November 2026");
        assert_eq!(second.text, "  Ask about the MRI\r\nand the biopsy  ");
        let listed = store.list_notes(case).expect("lists");
        assert_eq!(listed, vec![second, first]);
    }

    #[test]
    fn search_finds_words_prefixes_and_accents_within_the_case_only() {
        let (mut store, case) = store_with_case();
        let other = store
            .create_case(&CaseDetails::default(), at(9).to_utc())
            .expect("case");
        store
            .add_note(case, "Cardiology letter arrived", at(9))
            .expect("adds");
        store
            .add_note(case, "Gofyn i'r ŵyr am help", at(10))
            .expect("adds");
        store
            .add_note(other.id, "Cardiology for someone else", at(10))
            .expect("adds");
        let found = store.search_notes(case, "cardi").expect("searches");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "Cardiology letter arrived");
        assert_eq!(store.search_notes(case, "WYR help").expect("s").len(), 1);
        assert!(store
            .search_notes(case, "cardiology help")
            .expect("s")
            .is_empty());
        assert_eq!(store.search_notes(case, "   ").expect("s").len(), 2);
    }

    #[test]
    fn search_reads_the_full_text_index_first() {
        let (store, case) = store_with_case();
        let plan: Vec<String> = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {SEARCH_SQL}"))
            .expect("prepare")
            .query_map(params![case, "\"x\"*"], |r| r.get::<_, String>(3))
            .expect("plan")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        assert!(plan[0].contains("VIRTUAL TABLE INDEX"), "{plan:?}");
    }

    #[test]
    fn any_typed_search_is_safe() {
        let (mut store, case) = store_with_case();
        store
            .add_note(case, "He said \"NEAR\" (maybe) AND OR NOT * ^ - :", at(9))
            .expect("adds");
        for typed in [
            "\"",
            "\"\"",
            "(",
            ")",
            "*",
            "NEAR(",
            "AND",
            "OR",
            "NOT",
            "a OR",
            "-x",
            "x:y",
            "^",
            "col:umn",
            "{a b}",
            "'",
            "\\",
            "NEAR(a b, 2)",
            "😀",
            "ﷺ",
            "a\"b",
        ] {
            store
                .search_notes(case, typed)
                .unwrap_or_else(|e| panic!("{typed:?} broke the search: {e}"));
        }
        assert_eq!(store.search_notes(case, "\"NEAR\"").expect("s").len(), 1);
        assert_eq!(store.search_notes(case, "AND OR").expect("s").len(), 1);
        let long = "a".repeat(MAX_NOTE_SEARCH_CHARS + 1);
        assert_eq!(
            store
                .search_notes(case, &long)
                .expect_err("too long")
                .code(),
            "invalid_input"
        );
    }

    #[test]
    fn deleting_a_note_or_its_case_removes_it_from_search() {
        let (mut store, case) = store_with_case();
        let note = store.add_note(case, "biopsy results", at(9)).expect("adds");
        store.add_note(case, "biopsy booked", at(10)).expect("adds");
        store.delete_note(note.id).expect("deletes");
        assert_eq!(store.search_notes(case, "biopsy").expect("s").len(), 1);
        assert_eq!(
            store.delete_note(note.id).expect_err("gone").code(),
            "note_not_found"
        );
        store.delete_case(case).expect("deletes case");
        let left: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM notes_search WHERE notes_search MATCH 'biopsy'",
                [],
                |r| r.get(0),
            )
            .expect("counts");
        assert_eq!(left, 0);
        assert_eq!(
            store.list_notes(case).expect_err("no case").code(),
            "not_found"
        );
    }

    #[test]
    fn a_note_for_a_missing_case_or_an_empty_note_is_refused_and_nothing_stored() {
        let (mut store, case) = store_with_case();
        assert_eq!(
            store.add_note(99, "x", at(9)).expect_err("no case").code(),
            "not_found"
        );
        assert_eq!(
            store
                .add_note(case, " \n", at(9))
                .expect_err("empty")
                .code(),
            "invalid_input"
        );
        assert!(store.list_notes(case).expect("lists").is_empty());
    }
}
