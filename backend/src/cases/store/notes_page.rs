//! A case's notes a page at a time: the newest first, or for a search the best matches first
//! (FTS5's `bm25` rank), with the found words marked only for the notes on the page.

use rusqlite::{params, OptionalExtension};

use super::notes::note_from_row;
use super::Store;
use crate::cases::found_words::{mark, search_words};
use crate::cases::note::{
    found_parts, fts_query, FOUND_END, FOUND_START, MAX_NOTE_SEARCH_CHARS, NOTES_PAGE,
};
use crate::cases::{CaseId, FoundNote, Note, NotePage};
use crate::error::{Error, Result};

/// The newest first. `notes_by_case (case_id, id)` serves the order and the page directly.
const NEWEST_SQL: &str = "SELECT id, case_id, written_at, text FROM notes
             WHERE case_id = ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3";

/// The best matches first. The inner query ranks the matches from the index and checks each
/// one's case (CROSS JOIN keeps the index as the outer loop); the text is read for the page
/// alone. The case is checked in `notes_by_case`, a small index, not in the table of notes'
/// texts: at 100,000 notes that table is larger than the page cache, and reading it for every
/// match takes a common word's first page more than twice as long. Equal ranks fall back to
/// the newest first, so pages never overlap.
const RANKED_SQL: &str = "SELECT n.id, n.case_id, n.written_at, n.text FROM (
                 SELECT s.rowid AS id, s.rank AS rank
                 FROM notes_search AS s
                 CROSS JOIN notes AS m INDEXED BY notes_by_case
                     ON m.case_id = ?1 AND m.id = s.rowid
                 WHERE s.notes_search MATCH ?2
                 ORDER BY s.rank, s.rowid DESC LIMIT ?3 OFFSET ?4
             ) AS page CROSS JOIN notes AS n ON n.id = page.id
             ORDER BY page.rank, page.id DESC";

/// One note's text with the found words marked: the index looked up for that note alone.
const MARKED_SQL: &str = "SELECT highlight(notes_search, 0, ?3, ?4) FROM notes_search
             WHERE notes_search MATCH ?1 AND rowid = ?2";

impl Store {
    /// A page of a case's notes, from `offset` on: the newest first when nothing is searched
    /// for (blank, or only punctuation), otherwise the notes holding every word typed (or a
    /// word starting with it), the best matches first, with those words marked. Whatever is
    /// typed is searched for as text: it can never break the query.
    pub fn notes_page(&self, case_id: CaseId, typed: &str, offset: usize) -> Result<NotePage> {
        let len = typed.chars().count();
        if len > MAX_NOTE_SEARCH_CHARS {
            return Err(Error::InvalidInput(format!(
                "The search is too long ({len} characters). Please use a few words, under \
                 {MAX_NOTE_SEARCH_CHARS} characters."
            )));
        }
        self.ensure_case(case_id)?;
        let total: i64 = self.conn.query_row(
            "SELECT count(*) FROM notes WHERE case_id = ?1",
            [case_id],
            |r| r.get(0),
        )?;
        let total = u64::try_from(total).unwrap_or(0);
        // One more than a page, to know whether another page follows without counting them.
        let limit = i64::try_from(NOTES_PAGE + 1).unwrap_or(i64::MAX);
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        let query = fts_query(typed);
        let mut notes: Vec<Note> = match &query {
            None => {
                let mut stmt = self.conn.prepare_cached(NEWEST_SQL)?;
                let rows = stmt.query_map(params![case_id, limit, offset], note_from_row)?;
                rows.collect::<rusqlite::Result<_>>()?
            }
            Some(q) => {
                let mut stmt = self.conn.prepare_cached(RANKED_SQL)?;
                let rows = stmt.query_map(params![case_id, q, limit, offset], note_from_row)?;
                rows.collect::<rusqlite::Result<_>>()?
            }
        };
        let more = notes.len() > NOTES_PAGE;
        notes.truncate(NOTES_PAGE);
        // The words found are marked here, not by FTS5 (a lookup in the index per note, most
        // of a page's time for a common word), except where only FTS5 can tell.
        let search = query.as_ref().and(search_words(typed));
        let notes = notes
            .into_iter()
            .map(|note| {
                let parts = match &query {
                    None => Vec::new(),
                    Some(q) => match search.as_deref().and_then(|w| mark(&note.text, w)) {
                        Some(parts) => parts,
                        None => self.found_in(q, &note)?,
                    },
                };
                Ok(FoundNote { note, parts })
            })
            .collect::<Result<_>>()?;
        Ok(NotePage { notes, more, total })
    }

    /// The note's text cut into parts at the words the query found, marked by FTS5. A note
    /// holding one of the mark characters itself is one unmarked part, so its text is always
    /// shown exactly.
    fn found_in(&self, query: &str, note: &Note) -> Result<Vec<crate::cases::NotePart>> {
        let mut stmt = self.conn.prepare_cached(MARKED_SQL)?;
        let marked: Option<String> = stmt
            .query_row(
                params![
                    query,
                    note.id,
                    FOUND_START.to_string(),
                    FOUND_END.to_string()
                ],
                |r| r.get(0),
            )
            .optional()?;
        let unmarked = || {
            vec![crate::cases::NotePart {
                text: note.text.clone(),
                found: false,
            }]
        };
        if note.text.contains([FOUND_START, FOUND_END]) {
            return Ok(unmarked());
        }
        Ok(marked
            .and_then(|m| found_parts(&m))
            .filter(|parts| parts.iter().map(|p| p.text.as_str()).collect::<String>() == note.text)
            .unwrap_or_else(unmarked))
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, FixedOffset, TimeZone};

    use super::*;
    use crate::cases::CaseDetails;

    fn at(minute: u32) -> DateTime<FixedOffset> {
        FixedOffset::east_opt(0)
            .expect("offset")
            .with_ymd_and_hms(2026, 11, 21, 9, minute % 60, 0)
            .single()
            .expect("valid time")
    }

    fn store_with_notes(texts: &[&str]) -> (Store, CaseId) {
        let mut store = Store::open_in_memory().expect("opens");
        let case = store
            .create_case(&CaseDetails::default(), at(0).to_utc())
            .expect("case")
            .id;
        for (i, t) in texts.iter().enumerate() {
            store
                .add_note(case, t, at(u32::try_from(i).expect("small")))
                .expect("adds");
        }
        (store, case)
    }

    fn found_words(page: &NotePage, i: usize) -> Vec<&str> {
        page.notes[i]
            .parts
            .iter()
            .filter(|p| p.found)
            .map(|p| p.text.as_str())
            .collect()
    }

    fn texts(page: &NotePage) -> Vec<&str> {
        page.notes.iter().map(|f| f.note.text.as_str()).collect()
    }

    #[test]
    fn the_list_comes_a_page_at_a_time_newest_first_and_says_when_more_follow() {
        let many: Vec<String> = (0..NOTES_PAGE + 3).map(|i| format!("Note {i}")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        let (store, case) = store_with_notes(&refs);
        let first = store.notes_page(case, "", 0).expect("page");
        assert_eq!(first.notes.len(), NOTES_PAGE);
        assert!(first.more);
        assert_eq!(first.total, u64::try_from(NOTES_PAGE + 3).expect("small"));
        assert_eq!(first.notes[0].note.text, format!("Note {}", NOTES_PAGE + 2));
        assert!(first.notes.iter().all(|f| f.parts.is_empty()));
        let second = store.notes_page(case, "  ", NOTES_PAGE).expect("page");
        assert_eq!(texts(&second), ["Note 2", "Note 1", "Note 0"]);
        assert!(!second.more);
    }

    #[test]
    fn a_search_puts_the_best_match_first_and_marks_the_words_found() {
        let (store, case) = store_with_notes(&[
            "Cardiology: cardiology clinic rang about the cardiology letter",
            "Rang the GP",
            "A letter from cardiology came",
            "Gofyn i'r ŵyr am lifft",
        ]);
        let page = store.notes_page(case, "cardio", 0).expect("search");
        assert_eq!(page.notes.len(), 2);
        assert!(!page.more);
        assert_eq!(page.total, 4);
        // The note that says it three times ranks above the one that says it once.
        assert!(page.notes[0].note.text.starts_with("Cardiology:"));
        let found: Vec<&str> = page.notes[0]
            .parts
            .iter()
            .filter(|p| p.found)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(found, ["Cardiology", "cardiology", "cardiology"]);
        for f in &page.notes {
            let joined: String = f.parts.iter().map(|p| p.text.as_str()).collect();
            assert_eq!(joined, f.note.text);
        }
        // Accents and case are ignored, and the word is marked as written.
        let welsh = store.notes_page(case, "WYR", 0).expect("search");
        let marked: Vec<&str> = welsh.notes[0]
            .parts
            .iter()
            .filter(|p| p.found)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, ["ŵyr"]);
    }

    #[test]
    fn ranked_pages_never_repeat_or_skip_a_note() {
        let many: Vec<String> = (0..NOTES_PAGE * 2 + 5)
            .map(|i| format!("scan {}", "word ".repeat(i % 7)))
            .collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        let (store, case) = store_with_notes(&refs);
        let mut seen = Vec::new();
        let mut offset = 0;
        loop {
            let page = store.notes_page(case, "scan", offset).expect("page");
            offset += page.notes.len();
            seen.extend(page.notes.iter().map(|f| f.note.id));
            if !page.more {
                break;
            }
        }
        let mut unique = seen.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(seen.len(), many.len());
        assert_eq!(unique.len(), many.len());
    }

    #[test]
    fn a_note_holding_a_mark_character_is_shown_exactly() {
        let odd = format!("scan {FOUND_END} results {FOUND_START} अनुरोध");
        let (store, case) = store_with_notes(&[&odd]);
        let page = store.notes_page(case, "scan", 0).expect("search");
        let joined: String = page.notes[0]
            .parts
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(joined, odd);
        assert_eq!(found_words(&page, 0), ["scan"]);
        // A word only FTS5 can mark: its marks cannot be told from the note's own.
        let page = store.notes_page(case, "अनुरोध", 0).expect("search");
        assert_eq!(page.notes[0].parts.len(), 1);
        assert_eq!(page.notes[0].parts[0].text, odd);
        assert!(!page.notes[0].parts[0].found);
    }

    #[test]
    fn a_word_only_fts5_can_cut_is_marked_by_fts5() {
        // FTS5 reads the vowel signs of "अनुरोध" as gaps, so it searches for a phrase.
        let (store, case) = store_with_notes(&["पत्र अनुरोध भेजा", "scan"]);
        let page = store.notes_page(case, "अनुरोध", 0).expect("search");
        assert_eq!(page.notes.len(), 1);
        assert_eq!(found_words(&page, 0), ["अनुरोध"]);
    }

    #[test]
    fn any_typed_search_is_safe_and_a_long_one_is_refused_plainly() {
        let (store, case) = store_with_notes(&["He said \"NEAR\" (maybe) AND OR NOT * ^ - :"]);
        for typed in [
            "\"",
            "(",
            "NEAR(a b, 2)",
            "a OR",
            "-x",
            "x:y",
            "^",
            "😀",
            "a\"b",
        ] {
            store
                .notes_page(case, typed, 0)
                .unwrap_or_else(|e| panic!("{typed:?} broke the search: {e}"));
        }
        assert_eq!(
            store.notes_page(case, "AND OR", 0).expect("s").notes.len(),
            1
        );
        let long = "a".repeat(MAX_NOTE_SEARCH_CHARS + 1);
        let err = store.notes_page(case, &long, 0).expect_err("too long");
        assert_eq!(err.code(), "invalid_input");
        assert_eq!(
            store
                .notes_page(case + 1, "", 0)
                .expect_err("no case")
                .code(),
            "not_found"
        );
    }

    #[test]
    fn the_ranked_search_reads_the_full_text_index_first() {
        let (store, case) = store_with_notes(&[]);
        let plan: Vec<String> = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {RANKED_SQL}"))
            .expect("prepare")
            .query_map(params![case, "\"x\"*", 51, 0], |r| r.get::<_, String>(3))
            .expect("plan")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        let scan = plan
            .iter()
            .position(|p| p.contains("VIRTUAL TABLE INDEX"))
            .expect("the index is used");
        let lookup = plan
            .iter()
            .position(|p| p.starts_with("SEARCH m USING COVERING INDEX notes_by_case (case_id=?"))
            .unwrap_or_else(|| panic!("each match's case is checked in the index alone: {plan:?}"));
        assert!(scan < lookup, "{plan:?}");
    }
}
