//! A letter's words before it is saved, with the places the person's own words go marked, so a
//! wrong "I" or "he" in what they typed can be seen and changed first.

use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::error::{Error, Result};

/// Marks the start and end of a value the person typed while the template is rendered: private
/// use characters, which no template or typed text can hold once cleaned for printing.
const OWN_START: char = '\u{E000}';
const OWN_END: char = '\u{E001}';

/// Variables that choose the words rather than being printed: never marked.
const CHOICES: [&str; 7] = [
    "route",
    "right_to_choose",
    "due_approximate",
    "to_consultant",
    "to_first",
    "no_reply",
    "records_late",
];

/// A letter's text, paragraph by paragraph, from the greeting to the name signed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct LetterPreview {
    pub paragraphs: Vec<Vec<PreviewPart>>,
}

/// A piece of a paragraph: the letter's own words, or the person's (`own`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PreviewPart {
    pub text: String,
    pub own: bool,
}

impl LetterPreview {
    /// A paragraph of the letter's own words (the greeting, the closing).
    pub(crate) fn push_plain(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.paragraphs.push(vec![PreviewPart {
                text: text.to_owned(),
                own: false,
            }]);
        }
    }

    /// The template's paragraphs, each value the person typed marked as their own.
    pub(crate) fn push_body(&mut self, body: &str, context: &Value) -> Result<()> {
        let mut marked = context.clone();
        if let Some(map) = marked.as_object_mut() {
            for (name, value) in map.iter_mut() {
                if let Value::String(text) = value {
                    if !text.is_empty() && !CHOICES.contains(&name.as_str()) {
                        *text = format!("{OWN_START}{text}{OWN_END}");
                    }
                }
            }
        }
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| AutoEscape::None);
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        let rendered = env
            .render_str(
                body,
                minijinja::Value::from(minijinja::value::Serde(&marked)),
            )
            .map_err(|e| Error::Content(format!("letter body template: {e}")))?;
        for paragraph in rendered.split("\n\n") {
            let paragraph = paragraph.trim();
            if !paragraph
                .replace([OWN_START, OWN_END], "")
                .trim()
                .is_empty()
            {
                self.paragraphs.push(parts_of(paragraph));
            }
        }
        Ok(())
    }
}

/// Splits marked text into the letter's words and the person's.
fn parts_of(marked: &str) -> Vec<PreviewPart> {
    let mut parts = Vec::new();
    let mut own = false;
    for piece in marked.split([OWN_START, OWN_END]) {
        if !piece.is_empty() {
            parts.push(PreviewPart {
                text: piece.to_owned(),
                own,
            });
        }
        own = !own;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_persons_words_are_marked_and_choices_are_not() {
        let mut preview = LetterPreview::default();
        let context = serde_json::json!({
            "diagnosis": "His PSA was 11",
            "route": "private-specialist",
            "reason": "",
        });
        preview
            .push_body(
                "{% if route == \"private-specialist\" %}Private.{% endif %}\n\n\
                 He was told: {{ diagnosis }}.\n\n{% if reason %}Why: {{ reason }}{% endif %}",
                &context,
            )
            .expect("renders");
        let own = |t: &str, own| PreviewPart {
            text: t.into(),
            own,
        };
        assert_eq!(
            preview.paragraphs,
            vec![
                vec![own("Private.", false)],
                vec![
                    own("He was told: ", false),
                    own("His PSA was 11", true),
                    own(".", false)
                ],
            ]
        );
    }
}
