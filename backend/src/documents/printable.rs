//! What a person typed, and the app's own text, made ready to print (see
//! [`printing::text::printable`]).

pub(crate) use printing::text::paragraphs;
use printing::text::printable;

use crate::error::Result;

/// Prepares one field the person typed for printing (see [`printing::text::printable`] for what
/// changes). `label` names the field the way the form does ("The name", "Your reason").
///
/// Every script the fonts have (Latin, Arabic and Urdu, Bengali, Gurmukhi, Gujarati) prints as
/// typed; an emoji prints as its name in brackets and any other character as its code in
/// brackets, so a document is never refused for what someone wrote. The `Result` stays so the
/// documents keep one way to clean a field.
pub(crate) fn printable_field(_label: &str, value: &str) -> Result<String> {
    Ok(printable(value))
}

/// Like [`printable_field`], for the app's own text (templates, headings).
pub(crate) fn printable_content(_what: &str, value: &str) -> Result<String> {
    Ok(printable(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_polish_and_punctuation_are_kept_exactly() {
        let s = "Gwenllïan Ŵyn-Ŷr, Zażółć gęślą jaźń £5 €6 – — ‘a’ “b” • é";
        assert_eq!(printable_field("The name", s).expect("printable"), s);
    }

    #[test]
    fn markup_is_just_text() {
        let s = "<script>alert(1)</script> & <b>";
        assert_eq!(printable_field("The name", s).expect("printable"), s);
    }

    #[test]
    fn line_ends_tabs_and_invisible_characters() {
        let s = "a\r\nb\rc\u{2028}d\te\u{200B}f\u{AD}g\u{7}h\u{FEFF}";
        assert_eq!(printable_field("X", s).expect("ok"), "a\nb\nc\nd    efgh");
    }

    #[test]
    fn arabic_prints_and_emoji_print_as_their_names() {
        assert_eq!(
            printable_field("The name", "Ann 🙂").expect("emoji"),
            "Ann [slightly smiling face]"
        );
        assert_eq!(
            printable_field("Your reason", "مرحبا").expect("arabic"),
            "مرحبا"
        );
    }
}
