//! Plain-English checks for content: reading grade, British spelling, phrases the app must never
//! use, and runs of words copied from a source. Used by `backend/tests/content_style.rs` and the
//! review book.

use std::collections::HashSet;

/// The words of `text`, lower-case, with curly apostrophes made straight. A word is a run of
/// letters, digits and apostrophes inside a word (`don't`).
pub fn words(text: &str) -> Vec<String> {
    // A source may space its possessives ("the UK 's national charity"); read them as "UK's"
    // so a copied run cannot hide behind the stray space.
    let text = text
        .replace(['\u{2019}', '\u{2018}'], "'")
        .replace(" 's ", "'s ");
    let mut out = Vec::new();
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        let w = raw.trim_matches('\'');
        if !w.is_empty() {
            out.push(w.to_lowercase());
        }
    }
    out
}

/// How many sentences `fragments` hold. Each fragment (a title, a bullet, a paragraph) is at
/// least one sentence; inside it, `.`, `!` or `?` followed by a space (or the end) ends one.
pub fn sentence_count(fragments: &[&str]) -> usize {
    let mut count = 0;
    for fragment in fragments {
        let fragment = fragment.trim();
        if words(fragment).is_empty() {
            continue;
        }
        let chars: Vec<char> = fragment.chars().collect();
        let mut here = 0;
        for (i, c) in chars.iter().enumerate() {
            if matches!(c, '.' | '!' | '?') {
                let next = chars.get(i + 1);
                let ends = next.is_none_or(|n| {
                    n.is_whitespace() || matches!(n, '"' | '\'' | ')' | '\u{201d}' | '\u{2019}')
                });
                if ends {
                    here += 1;
                }
            }
        }
        let last = chars
            .iter()
            .rev()
            .find(|c| !matches!(c, '"' | '\'' | ')' | '\u{201d}' | '\u{2019}'));
        if !matches!(last, Some('.' | '!' | '?')) {
            here += 1;
        }
        count += here.max(1);
    }
    count
}

/// An estimate of a word's syllables: groups of vowels, less a silent `e` at the end.
pub fn syllables(word: &str) -> usize {
    let w: String = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    if w.is_empty() {
        // A number or a symbol: count it as one.
        return 1;
    }
    if w.len() <= 3 {
        return 1;
    }
    let b = w.as_bytes();
    let is_vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let mut end = b.len();
    // Silent endings: "-es", "-ed" (but not "-ted", "-ded"), and a final "e" (but not "-le").
    if w.ends_with("es") || w.ends_with("ed") {
        let before = b[end - 3];
        let sounded = is_vowel(before)
            || w.ends_with("les")
            || (w.ends_with("ed") && matches!(before, b't' | b'd'));
        if !sounded {
            end -= 2;
        }
    } else if w.ends_with('e') && !w.ends_with("le") && !w.ends_with("ee") {
        end -= 1;
    }
    let mut start = 0;
    if b[0] == b'y' {
        start = 1;
    }
    let mut count = 0;
    let mut run = 0;
    for &c in &b[start..end] {
        if is_vowel(c) {
            run += 1;
            // Two vowels together make one sound; a third starts another ("area" is two).
            if run == 1 || run == 3 {
                count += 1;
            }
        } else {
            run = 0;
        }
    }
    count.max(1)
}

/// A text's reading measures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readability {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// The Flesch-Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word
    /// − 15.59. Add 5 for a rough reading age.
    pub grade: f64,
}

/// The Flesch-Kincaid measures of `fragments` read together.
pub fn readability(fragments: &[&str]) -> Readability {
    let all: Vec<String> = fragments.iter().flat_map(|f| words(f)).collect();
    let words = all.len();
    let sentences = sentence_count(fragments);
    let syllables: usize = all.iter().map(|w| self::syllables(w)).sum();
    let grade = if words == 0 || sentences == 0 {
        0.0
    } else {
        0.39 * words as f64 / sentences as f64 + 11.8 * syllables as f64 / words as f64 - 15.59
    };
    Readability {
        words,
        sentences,
        syllables,
        grade,
    }
}

/// Words that are spelt the American way. British spellings (`-ise`, `colour`, `centre`,
/// `programme`, `tumour`…) are what the app uses.
pub fn american_spellings(text: &str) -> Vec<String> {
    const ALLOWED_Z: [&str; 12] = [
        "size", "sizes", "sized", "seize", "seized", "seizes", "seizing", "prize", "prizes",
        "maize", "capsize", "baize",
    ];
    const AMERICAN: [&str; 60] = [
        "color",
        "colors",
        "colored",
        "center",
        "centers",
        "centered",
        "program",
        "programs",
        "favor",
        "favors",
        "favorite",
        "favorable",
        "behavior",
        "behaviors",
        "honor",
        "labor",
        "neighbor",
        "humor",
        "tumor",
        "tumors",
        "fiber",
        "theater",
        "gray",
        "catalog",
        "dialog",
        "pediatric",
        "pediatrician",
        "orthopedic",
        "anemia",
        "estrogen",
        "fetus",
        "diarrhea",
        "esophagus",
        "edema",
        "anesthesia",
        "anesthetic",
        "leukemia",
        "hematology",
        "gynecology",
        "traveled",
        "traveling",
        "traveler",
        "canceled",
        "canceling",
        "labeled",
        "modeled",
        "enroll",
        "enrollment",
        "fulfill",
        "skillful",
        "counseling",
        "counselor",
        "aging",
        "judgment",
        "mom",
        "liter",
        "fetal",
        "hemorrhage",
        "specialty",
        "practicing",
    ];
    const Z_ENDINGS: [&str; 10] = [
        "ize", "izes", "ized", "izing", "ization", "izations", "yze", "yzes", "yzed", "yzing",
    ];
    let mut found = Vec::new();
    for w in words(text) {
        let z = Z_ENDINGS.iter().any(|e| w.ends_with(e)) && !ALLOWED_Z.contains(&w.as_str());
        if z || AMERICAN.contains(&w.as_str()) {
            found.push(w);
        }
    }
    found
}

/// Phrases that would diagnose, score symptoms or judge a diagnosis. The app informs and
/// signposts; it never says what someone has or that a doctor is wrong.
pub const BANNED_PHRASES: [&str; 24] = [
    "you have",
    "you may have",
    "you might have",
    "you probably have",
    "you've got",
    "you are suffering",
    "you're suffering",
    "your diagnosis is wrong",
    "the diagnosis is wrong",
    "diagnosis was wrong",
    "wrong diagnosis",
    "misdiagnos",
    "doctor is wrong",
    "doctor was wrong",
    "doctor got it wrong",
    "score",
    "symptom checker",
    "rate your symptoms",
    "sounds like you",
    "nothing to worry about",
    "you don't need to see",
    "you do not need to see",
    "stop taking",
    "is not serious",
];

/// The banned phrases `text` contains, matched on whole words, ignoring case.
pub fn banned_phrases(text: &str) -> Vec<&'static str> {
    let padded = format!(" {} ", words(text).join(" "));
    BANNED_PHRASES
        .iter()
        .copied()
        .filter(|phrase| {
            let p = words(phrase).join(" ");
            // "misdiagnos" and "score" match the start of a word too.
            padded.contains(&format!(" {p} "))
                || ((p == "misdiagnos" || p == "score") && padded.contains(&format!(" {p}")))
        })
        .collect()
}

/// Every run of `n` words in `source`, for [`shared_runs`].
pub fn word_runs(source: &str, n: usize) -> HashSet<String> {
    let w = words(source);
    w.windows(n).map(|run| run.join(" ")).collect()
}

/// The runs of `n` or more words in `text` that also appear in a source (given as its
/// [`word_runs`] of length `n`). Runs are reported merged, as they read in `text`.
pub fn shared_runs(text: &str, runs: &HashSet<String>, n: usize) -> Vec<String> {
    let w = words(text);
    let mut hits = vec![false; w.len()];
    let mut any = false;
    for (i, run) in w.windows(n).enumerate() {
        if runs.contains(&run.join(" ")) {
            any = true;
            for h in &mut hits[i..i + n] {
                *h = true;
            }
        }
    }
    if !any {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for (word, hit) in w.iter().zip(hits) {
        if hit {
            current.push(word);
        } else if !current.is_empty() {
            out.push(current.join(" "));
            current.clear();
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

/// A letter body read as prose: `{% ... %}` tags removed, each `{{ value }}` read as one short
/// word ("it"), and paragraphs (blank-line separated) returned one per item. Words on either side
/// of a value are not joined into one run for the copying check.
pub fn template_text(body: &str) -> Vec<String> {
    let mut out = String::new();
    let mut rest = body;
    while let Some(start) = rest.find(['{']) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        if let Some(inner) = tail.strip_prefix("{%") {
            let end = inner.find("%}").map_or(inner.len(), |e| e + 2);
            rest = &inner[end..];
        } else if let Some(inner) = tail.strip_prefix("{{") {
            let end = inner.find("}}").map_or(inner.len(), |e| e + 2);
            out.push_str("it");
            rest = &inner[end..];
        } else if let Some(inner) = tail.strip_prefix("{#") {
            let end = inner.find("#}").map_or(inner.len(), |e| e + 2);
            rest = &inner[end..];
        } else {
            out.push('{');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spaced_possessive_reads_as_one_word() {
        assert_eq!(words("the UK 's national"), ["the", "uk's", "national"]);
        assert_eq!(words("the UK’s national"), ["the", "uk's", "national"]);
    }

    #[test]
    fn words_are_lower_case_and_keep_apostrophes() {
        assert_eq!(
            words("Don’t wait — call NHS 111."),
            ["don't", "wait", "call", "nhs", "111"]
        );
    }

    #[test]
    fn syllables_are_roughly_right() {
        for (word, n) in [
            ("the", 1),
            ("doctor", 2),
            ("treatment", 2),
            ("hospital", 3),
            ("specialist", 3),
            ("appointment", 3),
            ("information", 4),
            ("make", 1),
            ("little", 2),
            ("asked", 1),
            ("wanted", 2),
            ("area", 2),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn sentences_are_counted_per_fragment_and_stop() {
        assert_eq!(sentence_count(&["One. Two? Three!"]), 3);
        assert_eq!(sentence_count(&["A title", "A line. Another"]), 3);
        assert_eq!(sentence_count(&["Open 9.30am to 5pm."]), 1);
    }

    #[test]
    fn grade_is_low_for_plain_text_and_high_for_dense_text() {
        let plain = readability(&["Ask your GP. Say why you want it. Take a friend."]);
        assert!(plain.grade < 3.0, "{plain:?}");
        let dense = readability(&[
            "Comprehensive multidisciplinary consultation facilitates individualised \
             therapeutic decision-making regarding oncological interventions.",
        ]);
        assert!(dense.grade > 14.0, "{dense:?}");
    }

    #[test]
    fn american_spellings_are_found_and_british_ones_pass() {
        assert_eq!(
            american_spellings("Organize a program at the center. Its size is fine."),
            ["organize", "program", "center"]
        );
        assert!(american_spellings("Organise a programme at the centre.").is_empty());
    }

    #[test]
    fn banned_phrases_match_whole_words() {
        assert_eq!(banned_phrases("Maybe you have cancer."), ["you have"]);
        assert_eq!(banned_phrases("It may be a misdiagnosis."), ["misdiagnos"]);
        assert!(banned_phrases("If you haven't, ask. Scores of people ask.").len() == 1);
        assert!(banned_phrases("Ask what you were told.").is_empty());
    }

    #[test]
    fn shared_runs_find_copied_words_and_merge_them() {
        let source = "the quick brown fox jumps over the lazy dog every single day";
        let runs = word_runs(source, 8);
        assert_eq!(
            shared_runs(
                "So: the quick brown fox jumps over the lazy dog, it said.",
                &runs,
                8
            ),
            ["the quick brown fox jumps over the lazy dog"]
        );
        assert!(shared_runs("the quick brown fox jumps over a lazy dog", &runs, 8).is_empty());
    }

    #[test]
    fn template_text_reads_a_letter_body_as_prose() {
        let body = "Dear {{ name }},\n\n{% if x %}Line one\nwraps.{% endif %}\n\n";
        assert_eq!(template_text(body), ["Dear it,", "Line one wraps."]);
    }
}
