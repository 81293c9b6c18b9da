//! Getting text ready to print, or finding the first character that cannot be printed.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

use super::fonts;

/// How many spaces a tab becomes.
const TAB_SPACES: &str = "    ";

/// Prepares text for printing: the cleaned text, or the first character that cannot be printed.
///
/// What changes, so nothing on paper surprises anyone:
/// - Line breaks are kept. `\r\n`, `\r`, U+0085, U+2028 and U+2029 become `\n`.
/// - A tab becomes four spaces.
/// - Every other control character, and the invisible formatting characters that come along
///   with copied text (zero-width spaces and joiners, soft hyphens, direction marks, byte-order
///   marks, variation selectors, tag characters), are **removed**: they have no visible form, so
///   removing them changes nothing a reader can see.
/// - Unusual spaces the fonts lack (en space, ideographic space...) become ordinary spaces, and the
///   Unicode hyphens U+2010 and U+2011 become `-` (they look the same).
/// - Letters typed as a base and combining accents are composed (Unicode NFC) where the fonts
///   have the accented letter, so the accent prints on its letter: see [`composed`].
///
/// Anything else the fonts cannot draw (Arabic, Chinese, emoji...) is refused: the first such
/// character is the error, so the caller can name the field rather than print boxes or nothing.
pub fn printable(value: &str) -> Result<String, char> {
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
            c if c.is_control() || is_invisible_format(c) => {}
            ' ' => out.push(' '),
            c if fonts::printable(c) => out.push(c),
            // Dashes the fonts lack, drawn with the ones they have (they look the same).
            '\u{2010}' | '\u{2011}' => out.push('-'),
            '\u{2012}' => out.push('–'),
            c if c.is_whitespace() => out.push(' '),
            // Perhaps printable once composed with the characters around it (below).
            c => out.push(c),
        }
    }
    // Composed only now: removing an invisible character can bring a letter and its accent
    // together.
    let out = composed(&out).into_owned();
    match out.chars().find(|c| *c != '\n' && !fonts::printable(*c)) {
        Some(c) => Err(c),
        None => Ok(out),
    }
}

/// `text` as it is printed: each grapheme cluster (a letter with its accents) in its composed
/// form (Unicode NFC) when the fonts can draw that, otherwise as typed.
///
/// The fonts have glyphs for accented letters such as `Å` and `ŵ`, but nothing places a
/// combining accent over the letter before it (the PDF draws glyph after glyph): typed
/// decomposed, as pasted text often is (`A` + U+030A), the ring would land beside the `A`.
/// Composed, it is the one letter the font draws. A cluster whose composed form the fonts lack
/// is left as typed, so nothing that printed before is refused now.
///
/// Only what is printed changes: what the person typed is stored exactly as typed.
pub fn composed(text: &str) -> Cow<'_, str> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for cluster in text.graphemes(true) {
        let nfc: String = cluster.nfc().collect();
        if nfc.chars().all(fonts::printable) {
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

/// How to show the character in a message: itself in quotes when it can be seen on its own,
/// its code otherwise.
pub fn example(c: char) -> String {
    let combining = matches!(c,
        '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}');
    if combining || c.is_whitespace() || ('\u{E000}'..='\u{F8FF}').contains(&c) {
        format!("for example the character U+{:04X}", c as u32)
    } else {
        format!("for example '{c}'")
    }
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
}
