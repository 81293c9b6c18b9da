//! The short paragraph every letter ends with when the patient has communication needs: what
//! the office that receives it should do (formats, email, an interpreter, contacting the carer,
//! replies in Welsh), one sentence each, so it can act on them. In England it names the
//! Accessible Information Standard, under which NHS bodies record and meet these needs.

use super::printable::printable_field;
use super::WrittenBy;
use crate::error::Result;
use crate::journey::CommunicationNeeds;
use crate::model::Nation;

/// The heading printed in bold above the paragraph.
pub(crate) const NEEDS_HEADING: &str = "Communication needs";

/// What a letter needs to state the patient's communication needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Communication {
    pub needs: CommunicationNeeds,
    /// The carer named on step 4, who has the patient's consent: "please also contact".
    pub carer: Option<WrittenBy>,
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

/// The paragraph for `c` in a letter from `patient` (or from `helper` for them) in `nation`;
/// `None` when there are no needs. Everything typed is cleaned for printing.
pub(crate) fn needs_paragraph(
    c: &Communication,
    nation: Option<Nation>,
    patient: &str,
    helper: Option<&WrittenBy>,
) -> Result<Option<String>> {
    let n = &c.needs;
    let in_wales = nation == Some(Nation::Wales);
    if !n.any(in_wales) {
        return Ok(None);
    }
    let mut sentences: Vec<String> = Vec::new();
    let formats: Vec<&str> = [
        (n.large_print, "large print"),
        (n.easy_read, "easy read"),
        (n.braille, "braille"),
        (n.audio, "audio"),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect();
    match formats.as_slice() {
        [] => {}
        [one] => sentences.push(format!("Please send letters and information in {one}.")),
        many => sentences.push(format!(
            "Please send letters and information in these formats: {}.",
            joined(many)
        )),
    }
    if n.email {
        let address = one_line(&printable_field("The email address", &n.email_address)?);
        let to = if address.is_empty() {
            String::new()
        } else {
            format!(" to {address}")
        };
        sentences.push(if formats.is_empty() {
            format!("Please send letters and information by email{to}.")
        } else {
            format!("Please also send them by email{to}.")
        });
    }
    if n.bsl_interpreter {
        sentences
            .push("Please book a British Sign Language (BSL) interpreter for appointments.".into());
    }
    let language = one_line(&printable_field(
        "The interpreter's language",
        &n.interpreter_language,
    )?);
    if !language.is_empty() {
        sentences.push(format!(
            "Please book an interpreter who speaks {language} for appointments."
        ));
    }
    if n.contact_carer {
        sentences.push(carer_sentence(c.carer.as_ref(), patient, helper)?);
    }
    if n.welsh_replies && in_wales {
        sentences.push("Please reply in Welsh.".into());
    }
    if nation == Some(Nation::England) {
        sentences
            .push("Please record these needs, as the Accessible Information Standard asks.".into());
    }
    Ok(Some(sentences.join(" ")))
}

/// "Please also contact my carer, …, who has my consent", in the letter's voice.
fn carer_sentence(
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
    Ok(match helper {
        None if named.is_empty() => "Please also contact my carer, who has my consent.".into(),
        None => format!("Please also contact my carer, {named}, who has my consent."),
        Some(by) if by.carer_name == name || named.is_empty() => {
            format!("Please contact me as well as {patient}: I have their consent.")
        }
        Some(_) => format!("Please also contact {named}, who has {patient}'s consent."),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        };
        let text = needs_paragraph(&c, Some(Nation::Wales), "Margaret Ellison", None)
            .expect("prints")
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
        let england = needs_paragraph(&c, Some(Nation::England), "Margaret Ellison", None)
            .expect("prints")
            .expect("needs");
        assert!(!england.contains("Welsh"));
        assert!(england.ends_with("as the Accessible Information Standard asks."));
        for nation in [Nation::Scotland, Nation::NorthernIreland] {
            let text = needs_paragraph(&c, Some(nation), "", None)
                .expect("ok")
                .expect("some");
            assert!(!text.contains("Welsh") && !text.contains("Accessible Information"));
        }
    }

    #[test]
    fn no_needs_no_paragraph_and_welsh_alone_counts_only_in_wales() {
        let none = Communication::default();
        assert_eq!(
            needs_paragraph(&none, Some(Nation::Wales), "A", None).expect("ok"),
            None
        );
        let welsh = Communication {
            needs: CommunicationNeeds {
                welsh_replies: true,
                ..Default::default()
            },
            carer: None,
        };
        assert_eq!(
            needs_paragraph(&welsh, Some(Nation::England), "A", None).expect("ok"),
            None
        );
        assert_eq!(
            needs_paragraph(&welsh, Some(Nation::Wales), "A", None).expect("ok"),
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
        };
        let by_joanne = joanne();
        assert_eq!(
            needs_paragraph(&c, None, "Margaret Ellison", by_joanne.as_ref())
                .expect("ok")
                .expect("some"),
            "Please contact me as well as Margaret Ellison: I have their consent."
        );
        let someone_else = WrittenBy {
            carer_name: "Sam Ellison".into(),
            relationship: "son".into(),
        };
        assert_eq!(
            needs_paragraph(&c, None, "Margaret Ellison", Some(&someone_else))
                .expect("ok")
                .expect("some"),
            "Please also contact Joanne Ellison (daughter), who has Margaret Ellison's consent."
        );
        let unnamed = Communication {
            needs: c.needs.clone(),
            carer: None,
        };
        assert_eq!(
            needs_paragraph(&unnamed, None, "Margaret Ellison", None)
                .expect("ok")
                .expect("some"),
            "Please also contact my carer, who has my consent."
        );
    }
}
