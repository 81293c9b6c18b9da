//! Getting text ready to print: every character either printed, or replaced by a plain, visible
//! stand-in. Nothing a person types makes a document fail.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

use super::fonts;

/// How many spaces a tab becomes.
const TAB_SPACES: &str = "    ";

/// Prepares text for printing. What changes, so nothing on paper surprises anyone:
/// - Line breaks are kept. `\r\n`, `\r`, U+0085, U+2028 and U+2029 become `\n`.
/// - A tab becomes four spaces.
/// - Every other control character, and the invisible formatting characters that come along
///   with copied text (zero-width spaces, soft hyphens, direction marks, byte-order marks,
///   variation selectors, tag characters), are **removed**: they have no visible form, so
///   removing them changes nothing a reader can see. The zero-width non-joiner and joiner are
///   kept inside Arabic, Bengali, Gurmukhi and Gujarati words, where they change how letters
///   join.
/// - Unusual spaces the fonts lack (en space, ideographic space...) become ordinary spaces, and the
///   Unicode hyphens U+2010 and U+2011 become `-` (they look the same).
/// - Letters typed as a base and combining accents are composed (Unicode NFC) where the fonts
///   have the accented letter: see [`composed`]. Marks without a composed letter are placed on
///   their letter by shaping.
/// - An emoji becomes its name in brackets ("[thumbs up]"), as the fonts have no emoji.
/// - Any other character no font can draw (Chinese, say) becomes its code in brackets
///   ("[U+738B]"), consecutive ones together ("[U+738B U+5C0F]"): visible, never a box or a gap,
///   and never a refusal, so a document always prints.
pub fn printable(value: &str) -> String {
    let cleaned = line_ends_and_controls(value);
    // Plain ASCII (most of what is typed) is printable as it is: each character is a cluster of
    // its own, none is an emoji or invisible, and the fonts have them all.
    if cleaned
        .bytes()
        .all(|b| b == b'\n' || (b' '..=b'~').contains(&b))
    {
        return cleaned;
    }
    printable_clusters(&cleaned)
}

/// [`printable`] for cleaned text, a cluster at a time.
fn printable_clusters(cleaned: &str) -> String {
    let mut out = String::with_capacity(cleaned.len());
    let mut missing: Vec<char> = Vec::new();
    for cluster in cleaned.graphemes(true) {
        if cluster == "\n" {
            flush_missing(&mut out, &mut missing);
            out.push('\n');
            continue;
        }
        if let Some(name) = emoji_name(cluster) {
            flush_missing(&mut out, &mut missing);
            out.push('[');
            out.push_str(name);
            out.push(']');
            continue;
        }
        let visible = without_invisible(cluster);
        if visible.is_empty() {
            continue;
        }
        let nfc: String = visible.nfc().collect();
        if fonts::printable_cluster(&nfc) {
            flush_missing(&mut out, &mut missing);
            out.push_str(&nfc);
        } else if fonts::printable_cluster(&visible) {
            flush_missing(&mut out, &mut missing);
            out.push_str(&visible);
        } else {
            for c in visible.chars() {
                if fonts::printable_cluster(c.encode_utf8(&mut [0; 4])) {
                    flush_missing(&mut out, &mut missing);
                    out.push(c);
                } else {
                    missing.push(c);
                }
            }
        }
    }
    flush_missing(&mut out, &mut missing);
    // A cluster taken apart above can leave a letter and an accent that compose once the
    // character the fonts lack is out (w + U+0302 + U+030D gives "ŵ[U+030D]"); layout prints
    // the composed form, so the printable text is composed too and reads the same.
    match composed(&out) {
        Cow::Borrowed(_) => out,
        Cow::Owned(c) => c,
    }
}

/// Line ends made `\n`, tabs made spaces, control characters removed, unusual spaces and
/// hyphens the fonts lack made plain ones. Invisible formatting characters stay for now: emoji
/// sequences are made with some of them.
fn line_ends_and_controls(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\t' => out.push_str(TAB_SPACES),
            c if c.is_control() => {}
            ' ' => out.push(' '),
            c if fonts::printable(c) || is_invisible_format(c) => out.push(c),
            // Dashes the fonts lack, drawn with the ones they have (they look the same).
            '\u{2010}' | '\u{2011}' => out.push('-'),
            '\u{2012}' => out.push('–'),
            c if c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The cluster without its invisible formatting characters, but with the non-joiner and joiner
/// when the letters around them are set in a face that shapes (see [`printable`]).
fn without_invisible(cluster: &str) -> String {
    let letters: String = cluster
        .chars()
        .filter(|c| !is_invisible_format(*c))
        .collect();
    let shaped = fonts::face_for(&letters, false, None).is_some_and(|f| !f.is_latin());
    cluster
        .chars()
        .filter(|c| !is_invisible_format(*c) || (shaped && matches!(c, '\u{200C}' | '\u{200D}')))
        .collect()
}

/// The name of the emoji `cluster` is, when it is one the fonts cannot draw.
fn emoji_name(cluster: &str) -> Option<&'static str> {
    let plain: String = cluster.chars().filter(|c| *c != '\u{FE0F}').collect();
    if fonts::printable_cluster(&plain) {
        // A symbol the fonts have, such as © or ™: printed as itself.
        return None;
    }
    let emoji = emojis::get(cluster)
        .or_else(|| emojis::get(&plain))
        .or_else(|| emojis::get(&format!("{plain}\u{FE0F}")))?;
    Some(emoji.name())
}

/// Writes the characters no font has as their codes in brackets.
fn flush_missing(out: &mut String, missing: &mut Vec<char>) {
    if missing.is_empty() {
        return;
    }
    let codes: Vec<String> = missing
        .iter()
        .map(|c| format!("U+{:04X}", *c as u32))
        .collect();
    out.push('[');
    out.push_str(&codes.join(" "));
    out.push(']');
    missing.clear();
}

/// `text` as it is printed: each grapheme cluster (a letter with its accents) in its composed
/// form (Unicode NFC) when the fonts can draw that, otherwise as typed.
///
/// Composed, an accented letter such as `Å` is the one glyph the font draws for it; typed
/// decomposed, as pasted text often is (`A` + U+030A), it would rely on the mark being placed.
/// A cluster whose composed form the fonts lack is left as typed, and shaping places its marks.
///
/// Only what is printed changes: what the person typed is stored exactly as typed.
pub fn composed(text: &str) -> Cow<'_, str> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for cluster in text.graphemes(true) {
        let nfc: String = cluster.nfc().collect();
        if fonts::printable_cluster(&nfc) {
            out.push_str(&nfc);
        } else {
            out.push_str(cluster);
        }
    }
    Cow::Owned(out)
}

/// Invisible formatting characters (Unicode category Cf and the variation selectors).
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{AD}'                    // soft hyphen
        | '\u{34F}'                 // combining grapheme joiner
        | '\u{61C}'                 // Arabic letter mark
        | '\u{180E}'                // Mongolian vowel separator
        | '\u{200B}'..='\u{200F}'   // zero-width space, non-joiner, joiner, LRM, RLM
        | '\u{202A}'..='\u{202E}'   // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'   // word joiner, invisible operators
        | '\u{2066}'..='\u{206F}'   // bidi isolates, deprecated format characters
        | '\u{FE00}'..='\u{FE0F}'   // variation selectors
        | '\u{FEFF}'                // byte-order mark
        | '\u{FFF9}'..='\u{FFFB}'   // interlinear annotation
        | '\u{E0000}'..='\u{E007F}' // tags
        | '\u{E0100}'..='\u{E01EF}' // variation selectors supplement
    )
}

/// Splits text into paragraphs at blank lines.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.split('\n').chain(std::iter::once("")) {
        if line.trim().is_empty() {
            let p = current.join("\n");
            if !p.trim().is_empty() {
                out.push(p.trim().to_owned());
            }
            current.clear();
        } else {
            current.push(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_at_blank_lines() {
        assert_eq!(paragraphs("a\nb\n\n \n\nc\n"), vec!["a\nb", "c"]);
        assert!(paragraphs("  \n").is_empty());
    }

    #[test]
    fn plain_ascii_is_printed_as_it_is_cluster_by_cluster_too() {
        let every: String = (b' '..=b'~').map(char::from).collect();
        for text in [
            every.as_str(),
            "Dr A. Patel (GP), 9:30 - #2 * 3\nNext line",
            "~",
        ] {
            assert_eq!(printable_clusters(text), text, "{text:?}");
            assert_eq!(printable(text), text, "{text:?}");
        }
        // Tabs and Windows line ends are still cleaned first.
        assert_eq!(printable("a\tb\r\nc"), format!("a{TAB_SPACES}b\nc"));
    }

    #[test]
    fn emoji_print_as_their_names() {
        assert_eq!(printable("Ann 🙂"), "Ann [slightly smiling face]");
        assert_eq!(printable("👍🏽 ok"), "[thumbs up: medium skin tone] ok");
        assert_eq!(printable("❤️"), "[red heart]");
        assert_eq!(printable("© ™"), "© ™", "symbols the fonts have are kept");
    }

    #[test]
    fn characters_no_font_has_become_their_codes() {
        assert_eq!(printable("王小 Wang"), "[U+738B U+5C0F] Wang");
        assert_eq!(printable("1 Road\n北京\n"), "1 Road\n[U+5317 U+4EAC]\n");
    }

    #[test]
    fn what_is_left_of_a_cluster_taken_apart_is_composed_as_layout_prints_it() {
        // Random seeds of the property tests found both: the text printed and the text checked
        // must be the same, so what `printable` gives is already composed.
        for (typed, printed) in [
            ("w\u{302}\u{30d}", "\u{175}[U+030D]"),
            ("w\u{302}\u{bbf}\u{9bf}", "\u{175}[U+0BBF]\u{9bf}"),
        ] {
            let p = printable(typed);
            assert_eq!(p, printed, "{typed:?}");
            assert_eq!(composed(&p), p, "{typed:?}");
        }
    }

    #[test]
    fn scripts_the_fonts_have_are_kept_and_composed() {
        for s in ["مرحبا", "اردو میں", "বাংলা", "ਪੰਜਾਬੀ", "ગુજરાતી", "Zażółć"]
        {
            assert_eq!(printable(s), s);
        }
        assert_eq!(printable("A\u{30a}ngstro\u{308}m"), "Ångström");
        // The non-joiner changes an Urdu or Persian word; elsewhere it is invisible and goes.
        assert_eq!(printable("می\u{200C}خواهم"), "می\u{200C}خواهم");
        assert_eq!(printable("a\u{200C}b"), "ab");
    }
}
