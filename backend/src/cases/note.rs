//! Notes on a case: anything the person wants to remember (a phone call, a question, what the
//! receptionist said), each with the moment it was written. Searched with SQLite FTS5.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::CaseId;
use crate::error::{Error, Result};

/// A note's database id.
pub type NoteId = i64;

/// Longest note, in characters (about ten pages of typing).
pub const MAX_NOTE_CHARS: usize = 20_000;
/// Longest search, in characters.
pub const MAX_NOTE_SEARCH_CHARS: usize = 200;

/// One note, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Note {
    #[ts(type = "number")]
    pub id: NoteId,
    #[ts(type = "number")]
    pub case_id: CaseId,
    /// When it was written: RFC 3339 with the computer's UTC offset at that moment.
    pub written_at: String,
    /// The day it was written, the UK way: "21 November 2026".
    pub written_on: String,
    /// Exactly as typed.
    pub text: String,
}

/// Checks a note before it is stored. Any script, emoji and markup are kept exactly.
pub(crate) fn validate_note_text(text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::InvalidInput(
            "The note is empty. Please write something before adding it.".into(),
        ));
    }
    let len = text.chars().count();
    if len > MAX_NOTE_CHARS {
        return Err(Error::InvalidInput(format!(
            "The note is too long ({len} characters). Please keep it under {MAX_NOTE_CHARS} \
             characters, or split it into two notes."
        )));
    }
    if text.contains('\0') {
        return Err(Error::InvalidInput(
            "The note has a hidden character that cannot be saved. Please retype it.".into(),
        ));
    }
    Ok(())
}

/// Turns what the person typed into a search into an FTS5 query that cannot fail to parse:
/// each word becomes a quoted prefix term ("cardi" finds "cardiology"), and every note must
/// contain all the words. Quotes, brackets, `*`, `-`, `:`, `^`, `NEAR`, `AND`, `OR` and `NOT`
/// are only ever searched for as text, never read as query syntax. `None` when there is no
/// word to search for.
pub(crate) fn fts_query(typed: &str) -> Option<String> {
    let terms: Vec<String> = typed
        // Split on anything that is not a letter or digit: FTS5's unicode61 tokenizer does the
        // same, so a term never holds punctuation the index does not.
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_quoted_prefix_terms() {
        assert_eq!(
            fts_query("heart scan").as_deref(),
            Some("\"heart\"* \"scan\"*")
        );
        assert_eq!(
            fts_query("  \"NEAR(a b)\" OR -x*: ^y ").as_deref(),
            Some("\"NEAR\"* \"a\"* \"b\"* \"OR\"* \"x\"* \"y\"*")
        );
        assert_eq!(
            fts_query("Llŷr's ŵyr").as_deref(),
            Some("\"Llŷr\"* \"s\"* \"ŵyr\"*")
        );
        assert_eq!(fts_query(" ()\"*-: "), None);
        assert_eq!(fts_query(""), None);
    }

    #[test]
    fn empty_long_and_nul_notes_are_refused() {
        assert!(validate_note_text("  \n ").is_err());
        assert!(validate_note_text(&"a".repeat(MAX_NOTE_CHARS + 1)).is_err());
        assert!(validate_note_text("a\0b").is_err());
        assert!(validate_note_text(&"ŵ".repeat(MAX_NOTE_CHARS)).is_ok());
    }
}
