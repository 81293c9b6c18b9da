//! The short paragraph every letter ends with when the patient has communication needs: what
//! the office that receives it should do (formats, email, an interpreter, contacting the carer,
//! replies in Welsh), one sentence each, so it can act on them. In England it names the
//! Accessible Information Standard, under which NHS bodies record and meet these needs. The
//! words are content's (`content/letters/communication-needs.toml`); this module chooses which
//! sentences a letter needs and fills them.

use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use super::printable::printable_field;
use super::WrittenBy;
use crate::content::{Content, NeedsWords};
use crate::error::{Error, Result};
use crate::journey::CommunicationNeeds;
use crate::model::Nation;

/// What a letter needs to state the patient's communication needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Communication {
    pub needs: CommunicationNeeds,
    /// The carer named on step 4, who has the patient's consent: "please also contact".
    pub carer: Option<WrittenBy>,
    /// The words, from content.
    pub words: NeedsWords,
}

impl Communication {
    /// `needs` (and the carer to contact) in content's words.
    pub fn new(
        needs: CommunicationNeeds,
        carer: Option<WrittenBy>,
        content: &Content,
    ) -> Result<Communication> {
        Ok(Communication {
            needs,
            carer,
            words: content.needs_words()?.clone(),
        })
    }
}

/// The paragraph as printed: its bold heading and its sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NeedsParagraph {
    pub heading: String,
    pub text: String,
}

/// A field's non-empty lines joined with spaces, for a value in a sentence (as the letters'
/// own `one_line`; the letter module uses this one, so it cannot use that).
fn one_line(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join(" ")
}

/// "a, b and c".
fn joined(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// One sentence template filled with `vars` (the values exactly as given, never escaped).
fn sentence(template: &str, vars: &[(&str, &str)]) -> Result<String> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::None);
    // A misspelt variable in the content is an error, not a gap in a letter.
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    let context: std::collections::BTreeMap<String, String> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    env.render_str(template, context)
        .map_err(|e| Error::Content(format!("communication needs template: {e}")))
}

/// The paragraph for `c` in a letter from `patient` (or from `helper` for them) in `nation`;
/// `None` when there are no needs. Everything typed is cleaned for printing.
pub(crate) fn needs_paragraph(
    c: &Communication,
    nation: Option<Nation>,
    patient: &str,
    helper: Option<&WrittenBy>,
) -> Result<Option<NeedsParagraph>> {
    let n = &c.needs;
    let w = &c.words;
    let in_wales = nation == Some(Nation::Wales);
    if !n.any(in_wales) {
        return Ok(None);
    }
    let mut sentences: Vec<String> = Vec::new();
    let formats: Vec<&str> = [
        (n.large_print, w.large_print.as_str()),
        (n.easy_read, w.easy_read.as_str()),
        (n.braille, w.braille.as_str()),
        (n.audio, w.audio.as_str()),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect();
    match formats.as_slice() {
        [] => {}
        [one] => sentences.push(sentence(&w.one_format, &[("format", one)])?),
        many => sentences.push(sentence(&w.many_formats, &[("formats", &joined(many))])?),
    }
    if n.email {
        let address = one_line(&printable_field("The email address", &n.email_address)?);
        let template = if formats.is_empty() {
            &w.by_email
        } else {
            &w.also_by_email
        };
        sentences.push(sentence(template, &[("address", &address)])?);
    }
    if n.bsl_interpreter {
        sentences.push(sentence(&w.bsl_interpreter, &[])?);
    }
    let language = one_line(&printable_field(
        "The interpreter's language",
        &n.interpreter_language,
    )?);
    if !language.is_empty() {
        sentences.push(sentence(&w.interpreter, &[("language", &language)])?);
    }
    if n.contact_carer {
        sentences.push(carer_sentence(w, c.carer.as_ref(), patient, helper)?);
    }
    if n.welsh_replies && in_wales {
        sentences.push(sentence(&w.welsh_replies, &[])?);
    }
    if nation == Some(Nation::England) {
        sentences.push(sentence(&w.england_standard, &[])?);
    }
    Ok(Some(NeedsParagraph {
        heading: w.meta.title.clone(),
        text: sentences.join(" "),
    }))
}

/// "Please also contact my carer, …, who has my consent", in the letter's voice.
fn carer_sentence(
    w: &NeedsWords,
    carer: Option<&WrittenBy>,
    patient: &str,
    helper: Option<&WrittenBy>,
) -> Result<String> {
    let name = match carer {
        Some(by) => one_line(&printable_field("The carer's name", &by.carer_name)?),
        None => String::new(),
    };
    let relationship = match carer {
        Some(by) => one_line(&printable_field("The relationship", &by.relationship)?),
        None => String::new(),
    };
    let named = match (name.is_empty(), relationship.is_empty()) {
        (true, _) => String::new(),
        (false, true) => name.clone(),
        (false, false) => format!("{name} ({relationship})"),
    };
    let patient = if patient.is_empty() {
        "the patient"
    } else {
        patient
    };
    let vars = [("named", named.as_str()), ("patient", patient)];
    match helper {
        None => sentence(&w.my_carer, &vars),
        Some(by) if by.carer_name == name || named.is_empty() => {
            sentence(&w.helper_is_carer, &vars)
        }
        Some(_) => sentence(&w.other_carer, &vars),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> NeedsWords {
        Content::embedded()
            .expect("content")
            .needs_words()
            .expect("words")
            .clone()
    }

    /// The paragraph's sentences, or `None`.
    fn sentences_of(p: Result<Option<NeedsParagraph>>) -> Option<String> {
        p.expect("prints").map(|p| {
            assert_eq!(p.heading, "Communication needs");
            p.text
        })
    }

    fn all() -> CommunicationNeeds {
        CommunicationNeeds {
            large_print: true,
            easy_read: true,
            braille: false,
            audio: true,
            email: true,
            email_address: "m.ellison@example.org".into(),
            bsl_interpreter: true,
            interpreter_language: "Polish".into(),
            contact_carer: true,
            welsh_replies: true,
        }
    }

    fn joanne() -> Option<WrittenBy> {
        Some(WrittenBy {
            carer_name: "Joanne Ellison".into(),
            relationship: "daughter".into(),
        })
    }

    #[test]
    fn each_need_is_one_sentence_the_office_can_act_on() {
        let c = Communication {
            needs: all(),
            carer: joanne(),
            words: words(),
        };
        let text = sentences_of(needs_paragraph(
            &c,
            Some(Nation::Wales),
            "Margaret Ellison",
            None,
        ))
        .expect("needs");
        assert_eq!(
            text,
            "Please send letters and information in these formats: large print, easy read and audio. \
             Please also send them by email to m.ellison@example.org. \
             Please book a British Sign Language (BSL) interpreter for appointments. \
             Please book an interpreter who speaks Polish for appointments. \
             Please also contact my carer, Joanne Ellison (daughter), who has my consent. \
             Please reply in Welsh."
        );
        // Welsh replies only in Wales; the standard is named only in England.
        let england = sentences_of(needs_paragraph(
            &c,
            Some(Nation::England),
            "Margaret Ellison",
            None,
        ))
        .expect("needs");
        assert!(!england.contains("Welsh"));
        assert!(england.ends_with("as the Accessible Information Standard asks."));
        for nation in [Nation::Scotland, Nation::NorthernIreland] {
            let text = sentences_of(needs_paragraph(&c, Some(nation), "", None)).expect("some");
            assert!(!text.contains("Welsh") && !text.contains("Accessible Information"));
        }
    }

    #[test]
    fn no_needs_no_paragraph_and_welsh_alone_counts_only_in_wales() {
        let none = Communication {
            needs: CommunicationNeeds::default(),
            carer: None,
            words: words(),
        };
        assert_eq!(
            sentences_of(needs_paragraph(&none, Some(Nation::Wales), "A", None)),
            None
        );
        let welsh = Communication {
            needs: CommunicationNeeds {
                welsh_replies: true,
                ..Default::default()
            },
            carer: None,
            words: words(),
        };
        assert_eq!(
            sentences_of(needs_paragraph(&welsh, Some(Nation::England), "A", None)),
            None
        );
        assert_eq!(
            sentences_of(needs_paragraph(&welsh, Some(Nation::Wales), "A", None)),
            Some("Please reply in Welsh.".into())
        );
    }

    #[test]
    fn the_carer_sentence_speaks_in_the_letters_voice() {
        let needs = CommunicationNeeds {
            contact_carer: true,
            ..Default::default()
        };
        let c = Communication {
            needs,
            carer: joanne(),
            words: words(),
        };
        let by_joanne = joanne();
        assert_eq!(
            sentences_of(needs_paragraph(
                &c,
                None,
                "Margaret Ellison",
                by_joanne.as_ref()
            ))
            .expect("some"),
            "Please contact me as well as Margaret Ellison: I have their consent."
        );
        let someone_else = WrittenBy {
            carer_name: "Sam Ellison".into(),
            relationship: "son".into(),
        };
        assert_eq!(
            sentences_of(needs_paragraph(
                &c,
                None,
                "Margaret Ellison",
                Some(&someone_else)
            ))
            .expect("some"),
            "Please also contact Joanne Ellison (daughter), who has Margaret Ellison's consent."
        );
        let unnamed = Communication {
            needs: c.needs.clone(),
            carer: None,
            words: words(),
        };
        assert_eq!(
            sentences_of(needs_paragraph(&unnamed, None, "Margaret Ellison", None)).expect("some"),
            "Please also contact my carer, who has my consent."
        );
    }
}
