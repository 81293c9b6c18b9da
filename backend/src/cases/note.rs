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

/// How many notes one page holds: the list and a search's matches come a page at a time, so
/// neither reads every note of a long case before the first ones show.
pub const NOTES_PAGE: usize = 50;

/// A page of a case's notes: newest first, or for a search, the best matches first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct NotePage {
    pub notes: Vec<FoundNote>,
    /// More notes come after this page (asked for with a larger `offset`).
    pub more: bool,
    /// How many notes the case has in all.
    #[ts(type = "number")]
    pub total: u64,
}

/// A note on a page, with the words a search found in it marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FoundNote {
    pub note: Note,
    /// The note's text in order, cut where a found word starts and ends; empty when nothing was
    /// searched for. Joined, the parts are the note's text exactly.
    pub parts: Vec<NotePart>,
}

/// A stretch of a note's text, and whether it is a word the search found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct NotePart {
    pub text: String,
    pub found: bool,
}

/// Where FTS5's `highlight()` starts and ends a found word: characters from the Private Use
/// Area, which no keyboard types. A note that holds either is shown unmarked instead.
pub(crate) const FOUND_START: char = '\u{E000}';
pub(crate) const FOUND_END: char = '\u{E001}';

/// Cuts text marked by `highlight()` into parts. `None` when the marks do not pair up (the
/// note itself held a mark character), so the caller shows the note unmarked.
pub(crate) fn found_parts(marked: &str) -> Option<Vec<NotePart>> {
    let mut parts = Vec::new();
    let mut rest = marked;
    while let Some(start) = rest.find(FOUND_START) {
        let (before, from) = rest.split_at(start);
        let from = &from[FOUND_START.len_utf8()..];
        let end = from.find(FOUND_END)?;
        if before.contains(FOUND_END) || from[..end].contains(FOUND_START) {
            return None;
        }
        if !before.is_empty() {
            parts.push(NotePart {
                text: before.to_owned(),
                found: false,
            });
        }
        parts.push(NotePart {
            text: from[..end].to_owned(),
            found: true,
        });
        rest = &from[end + FOUND_END.len_utf8()..];
    }
    if rest.contains(FOUND_END) {
        return None;
    }
    if !rest.is_empty() {
        parts.push(NotePart {
            text: rest.to_owned(),
            found: false,
        });
    }
    Some(parts)
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

/// The words of a typed search: split on anything that is not a letter or digit, as FTS5's
/// unicode61 tokenizer does, so a word never holds punctuation the index does not.
pub(crate) fn typed_words(typed: &str) -> impl Iterator<Item = &str> {
    typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Turns what the person typed into a search into an FTS5 query that cannot fail to parse:
/// each word becomes a quoted prefix term ("cardi" finds "cardiology"), and every note must
/// contain all the words. Quotes, brackets, `*`, `-`, `:`, `^`, `NEAR`, `AND`, `OR` and `NOT`
/// are only ever searched for as text, never read as query syntax. `None` when there is no
/// word to search for.
pub(crate) fn fts_query(typed: &str) -> Option<String> {
    let terms: Vec<String> = typed_words(typed)
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
    fn marked_text_is_cut_into_parts_that_join_to_the_note() {
        let marked = format!(
            "Rang {FOUND_START}cardi{FOUND_END}ology about the {FOUND_START}MRI{FOUND_END}"
        );
        let parts = found_parts(&marked).expect("pairs");
        let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, "Rang cardiology about the MRI");
        let found: Vec<&str> = parts
            .iter()
            .filter(|p| p.found)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(found, ["cardi", "MRI"]);
        assert_eq!(found_parts("plain").expect("no marks").len(), 1);
        assert!(found_parts("").expect("empty").is_empty());
        // A mark character the note itself held: the marks no longer pair up.
        for odd in [
            format!("a{FOUND_END}b"),
            format!("{FOUND_START}a"),
            format!("{FOUND_START}{FOUND_START}a{FOUND_END}"),
            format!("{FOUND_END}{FOUND_START}a{FOUND_END}"),
        ] {
            assert_eq!(found_parts(&odd), None, "{odd:?}");
        }
    }

    #[test]
    fn empty_long_and_nul_notes_are_refused() {
        assert!(validate_note_text("  \n ").is_err());
        assert!(validate_note_text(&"a".repeat(MAX_NOTE_CHARS + 1)).is_err());
        assert!(validate_note_text("a\0b").is_err());
        assert!(validate_note_text(&"ŵ".repeat(MAX_NOTE_CHARS)).is_ok());
    }
}
