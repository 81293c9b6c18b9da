//! Where a search's words are in a note, found in Rust. FTS5 decides which notes match; asking
//! it where (its `highlight()`) costs a lookup in the index per note, most of a page's time for
//! a common word. So the note's text is cut into words here as FTS5's `unicode61` tokenizer
//! (`remove_diacritics 2`) cuts it, and each word is folded as it folds them. Where a typed word
//! is more than one word to FTS5, or a search word is not found in the note, the caller is told
//! nothing was settled and asks FTS5 after all, so every word searched for is marked at least
//! once in each note found.
//!
//! Known difference: FTS5's tables are of Unicode 6.1 and read any character added since (many
//! emoji, the bidirectional isolates U+2066 to U+2069) as part of a word, where this reads it
//! as a gap. "scan" in "Thanks🙂scan" is marked here and not by FTS5: a word the person typed,
//! shown where it is, never a note found wrongly.

use unicode_general_category::{get_general_category, GeneralCategory as Gc};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::note::typed_words;
use super::NotePart;

/// Starts a word: a letter, a number, or a private-use character (FTS5's default categories,
/// `L* N* Co`).
fn starts_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (!c.is_ascii()
            && matches!(
                get_general_category(c),
                Gc::UppercaseLetter
                    | Gc::LowercaseLetter
                    | Gc::TitlecaseLetter
                    | Gc::ModifierLetter
                    | Gc::OtherLetter
                    | Gc::DecimalNumber
                    | Gc::LetterNumber
                    | Gc::OtherNumber
                    | Gc::PrivateUse
            ))
}

/// The combining accents that FTS5 keeps inside a word and then drops (U+0300 to U+0331, less
/// the few it leaves out), the same set as its `sqlite3Fts5UnicodeIsdiacritic`.
fn is_accent(c: char) -> bool {
    const LOW: u32 = 0x0802_9FDF; // U+0300 to U+031F, a bit each
    const HIGH: u32 = 0x0003_61F8; // U+0320 to U+0331
    let c = u32::from(c);
    match c {
        768..=799 => LOW & (1 << (c - 768)) != 0,
        800..=817 => HIGH & (1 << (c - 800)) != 0,
        _ => false,
    }
}

/// A character as the index holds it: in lower case, without its accents.
fn fold_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if is_accent(c) {
        return;
    }
    // FTS5 folds case (as Unicode's case folding does) where lower case keeps these as they
    // are, and keeps Ǡ's accents, which it does not take off.
    let special = match c {
        'ς' => Some('σ'),
        'µ' => Some('μ'),
        'ſ' | 'ẛ' => Some('s'),
        'ϐ' => Some('β'),
        'ϑ' => Some('θ'),
        'ϕ' => Some('φ'),
        'ϖ' => Some('π'),
        'ϰ' => Some('κ'),
        'ϱ' => Some('ρ'),
        'ϵ' => Some('ε'),
        '\u{1FBE}' => Some('ι'),
        'Ǡ' | 'ǡ' => Some('ǡ'),
        _ => None,
    };
    if let Some(f) = special {
        out.push(f);
        return;
    }
    let mut parts = Vec::with_capacity(4);
    decompose_canonical(c, |p| parts.push(p));
    // FTS5 takes the accents off a Latin letter only (one whose letter is a to z); a Greek
    // letter keeps its accent, and a Hangul syllable stays whole.
    let base = match parts.split_first() {
        Some((&b, rest))
            if b.is_ascii_alphabetic()
                && !rest.is_empty()
                && rest.iter().all(|&m| is_combining_mark(m)) =>
        {
            b
        }
        _ => c,
    };
    out.extend(base.to_lowercase());
}

/// The words of a text as byte ranges, cut where FTS5 cuts them.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if starts_word(c) {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !(starts_word(c) || is_accent(c)) {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

fn folded(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        fold_into(c, &mut out);
    }
    out
}

/// The typed words, folded, each to be found at the start of a word of the note. `None` when
/// a typed word is more than one word to FTS5 (it then searches for them as a phrase), which
/// only FTS5 can mark.
pub(crate) fn search_words(typed: &str) -> Option<Vec<String>> {
    let mut found = Vec::new();
    for typed_word in typed_words(typed) {
        let mut cut = words(typed_word);
        let (Some((start, end)), None) = (cut.next(), cut.next()) else {
            return None;
        };
        found.push(folded(&typed_word[start..end]));
    }
    Some(found)
}

/// The note's text cut into parts at each word that starts with a search word. `None` when a
/// search word is not found in it: FTS5 found the note, so FTS5 must mark it.
pub(crate) fn mark(text: &str, search: &[String]) -> Option<Vec<NotePart>> {
    let mut seen = vec![false; search.len()];
    let mut parts = Vec::new();
    let mut shown = 0;
    let mut buf = String::new();
    for (start, end) in words(text) {
        buf.clear();
        for c in text[start..end].chars() {
            fold_into(c, &mut buf);
        }
        let mut hit = false;
        for (s, w) in seen.iter_mut().zip(search) {
            if buf.starts_with(w.as_str()) {
                *s = true;
                hit = true;
            }
        }
        if hit {
            if shown < start {
                parts.push(NotePart {
                    text: text[shown..start].to_owned(),
                    found: false,
                });
            }
            parts.push(NotePart {
                text: text[start..end].to_owned(),
                found: true,
            });
            shown = end;
        }
    }
    if !seen.iter().all(|&s| s) {
        return None;
    }
    if shown < text.len() {
        parts.push(NotePart {
            text: text[shown..].to_owned(),
            found: false,
        });
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, typed: &str) -> Option<Vec<String>> {
        let search = search_words(typed)?;
        let parts = mark(text, &search)?;
        let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text);
        Some(
            parts
                .into_iter()
                .filter(|p| p.found)
                .map(|p| p.text)
                .collect(),
        )
    }

    #[test]
    fn words_are_found_whole_by_their_start_ignoring_case_and_accents() {
        assert_eq!(
            marked("Cardiology rang; the CARDIO-team wrote.", "cardio").expect("found"),
            ["Cardiology", "CARDIO"]
        );
        assert_eq!(
            marked("Gofyn i'r ŵyr am lifft", "WYR").expect("found"),
            ["ŵyr"]
        );
        // A decomposed accent stays part of its word, and is ignored when matching.
        let decomposed = "Rene\u{301}e phoned";
        assert_eq!(
            marked(decomposed, "renee").expect("found"),
            ["Rene\u{301}e"]
        );
        assert_eq!(marked("Zażółć gęślą", "ZAZO").expect("found"), ["Zażółć"]);
        // The micro sign and the Greek mu are one letter to FTS5.
        assert_eq!(
            marked("B12 500 µg daily, was 250 μg", "µg").expect("found"),
            ["µg", "μg"]
        );
        assert_eq!(
            marked("scan results 🙂 scan", "scan res").expect("found"),
            ["scan", "results", "scan"]
        );
    }

    #[test]
    fn every_latin_greek_and_cyrillic_letter_and_accent_folds_as_in_fts5() {
        // Each letter, number and accent of these blocks (all in FTS5's Unicode 6.1 tables but
        // the few added since), inside a word of its own.
        let added_since: [u32; 9] = [
            0x37F, 0x528, 0x529, 0x52A, 0x52B, 0x52C, 0x52D, 0x52E, 0x52F,
        ];
        let text: String = (0x20_u32..0x530)
            .chain(0x1E00..0x2000)
            .filter(|c| !added_since.contains(c))
            .filter_map(char::from_u32)
            .filter(|&c| starts_word(c) || is_accent(c))
            .map(|c| format!("q{c}q "))
            .collect();
        let ours: Vec<String> = words(&text).map(|(s, e)| folded(&text[s..e])).collect();
        let theirs = fts5_words(&text);
        assert_eq!(ours.len(), theirs.len());
        for (o, t) in ours.iter().zip(&theirs) {
            let code: Vec<String> = o
                .chars()
                .map(|c| format!("U+{:04X}", u32::from(c)))
                .collect();
            assert_eq!(o, t, "{code:?}");
        }
    }

    #[test]
    fn a_word_not_found_here_is_left_to_fts5() {
        assert_eq!(marked("rang the clinic", "scan"), None);
        assert_eq!(marked("rang the clinic", "rang scan"), None);
        // "अनुरोध" holds a vowel sign FTS5 reads as a gap, so it searches for a phrase.
        assert_eq!(search_words("अनुरोध"), None);
        assert_eq!(
            search_words("").expect("nothing typed"),
            Vec::<String>::new()
        );
    }

    /// The words FTS5 itself makes of a text, folded, in order (its `fts5vocab` instances).
    fn fts5_words(text: &str) -> Vec<String> {
        let db = rusqlite::Connection::open_in_memory().expect("opens");
        db.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2');
             CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);",
        )
        .expect("tables");
        db.execute("INSERT INTO t (rowid, x) VALUES (1, ?1)", [text])
            .expect("inserts");
        let mut stmt = db
            .prepare("SELECT term FROM v ORDER BY offset")
            .expect("prepares");
        let words = stmt
            .query_map([], |r| r.get(0))
            .expect("reads")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        words
    }

    #[test]
    fn a_text_is_cut_and_folded_into_the_words_fts5_makes() {
        let texts = [
            "Rang the GP's surgery at 9:30 - no answer (again!)",
            "Gofyn i'r ŵyr am lifft i Ysbyty Gwynedd; Llŷr a Siân",
            "Zażółć gęślą jaźń. ŁÓDŹ",
            "Rene\u{301}e, Ame\u{301}lie and Zoe\u{308} (decomposed accents)",
            "Crème brûlée, naïve, façade, Ærøskøbing, straße",
            "Ελληνικά: γιατρός, ΝΟΣΟΚΟΜΕΙΟ",
            "Больница, врач, Ёлка",
            "مستشفى الطبيب",
            "בית חולים",
            "医院 病院 병원 사랑",
            "and \u{E000}private\u{E001} use",
            "x-ray, MRI², ½ dose, 3rd",
            "tab\there\nnew line",
        ];
        for text in texts {
            let ours: Vec<String> = words(text).map(|(s, e)| folded(&text[s..e])).collect();
            assert_eq!(ours, fts5_words(text), "{text:?}");
        }
    }
}
