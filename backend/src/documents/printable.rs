//! What a person typed, and the app's own text, made ready to print (see
//! [`printing::text::printable`]), or a plain message naming the field that cannot be printed.

pub(crate) use printing::text::paragraphs;
use printing::text::{example, printable};

use crate::error::{Error, Result};

/// Prepares one field the person typed for printing (see [`printing::text::printable`] for what
/// changes). `label` names the field the way the form does ("The name", "Your reason").
///
/// Anything the fonts cannot draw (Arabic, Chinese, emoji...) is refused with
/// [`Error::InvalidInput`] naming the field and the first such character, rather than printing
/// boxes or nothing.
pub(crate) fn printable_field(label: &str, value: &str) -> Result<String> {
    printable(value).map_err(|c| {
        Error::InvalidInput(format!(
            "{label} contains letters or symbols that cannot be printed yet ({}). \
             Please change it and try again.",
            example(c)
        ))
    })
}

/// Like [`printable_field`], for the app's own text (templates, headings): a character the fonts
/// cannot draw there is a content defect, reported as [`Error::Content`].
pub(crate) fn printable_content(what: &str, value: &str) -> Result<String> {
    printable(value).map_err(|c| {
        Error::Content(format!(
            "{what} has a character the document fonts cannot print: U+{:04X}",
            c as u32
        ))
    })
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
    fn emoji_and_arabic_are_refused_naming_the_field() {
        let err = printable_field("The name", "Ann 🙂").expect_err("emoji");
        assert_eq!(err.code(), "invalid_input");
        assert_eq!(
            err.to_string(),
            "The name contains letters or symbols that cannot be printed yet (for example '🙂'). \
             Please change it and try again."
        );
        let err = printable_field("Your reason", "مرحبا").expect_err("arabic");
        assert!(err.to_string().starts_with("Your reason contains"), "{err}");
        assert!(err.to_string().contains("'م'"), "{err}");
    }
}
