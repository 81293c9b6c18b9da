//! Letters: a case and a letter template from `content/letters/` become blocks for layout.

use chrono::NaiveDate;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use super::layout::{lay_out, Block, Layout, LayoutOptions, Side, Span};
use super::pdf::PdfInfo;
use super::text::{printable_content, printable_field};
use super::DocumentOptions;
use crate::cases::CaseDetails;
use crate::content::{Content, LetterTemplate};
use crate::dates;
use crate::error::{Error, Result};

/// The id of the letter asking the GP for a referral.
pub(crate) const GP_REQUEST_ID: &str = "letter-gp-request";

/// The GP letter's running title and PDF title: says what the paper is, never why.
pub(crate) const GP_REQUEST_TITLE: &str = "Letter to GP practice — second opinion request";

/// The words of a letter: what a letter template in `content/letters/` holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterWords {
    /// The start of the file name (no health details); the date is added after it.
    pub file_stem: String,
    /// The bold line saying what the letter is about.
    pub subject: String,
    pub salutation: String,
    /// A minijinja template of the body; paragraphs are separated by blank lines.
    pub body: String,
    pub closing: String,
}

impl From<&LetterTemplate> for LetterWords {
    fn from(t: &LetterTemplate) -> LetterWords {
        LetterWords {
            file_stem: t.file_stem.clone(),
            subject: t.subject.clone(),
            salutation: t.salutation.clone(),
            body: t.body.clone(),
            closing: t.closing.clone(),
        }
    }
}

impl LetterWords {
    /// The words of the letter asking the GP for a referral, from the content.
    pub fn gp_request(content: &Content) -> Result<LetterWords> {
        Ok(content.letter(GP_REQUEST_ID)?.into())
    }
}

/// A letter ready to print.
#[derive(Debug)]
pub(crate) struct PreparedLetter {
    pub layout: Layout,
    pub meta: PdfInfo,
    pub file_name: String,
}

/// Lays out the letter asking the GP for a referral for a second opinion.
pub(crate) fn gp_request(
    case: &CaseDetails,
    words: &LetterWords,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<PreparedLetter> {
    // No length limits here: the store enforces them, and layout flows any length onto pages.
    let case = printable_case(case)?;
    let blocks = gp_request_blocks(&case, words, date)?;
    let layout = lay_out(
        &blocks,
        &LayoutOptions {
            paper: options.paper,
            large_print: options.large_print,
            running_title: GP_REQUEST_TITLE.to_owned(),
        },
    );
    Ok(PreparedLetter {
        layout,
        meta: PdfInfo {
            title: GP_REQUEST_TITLE.to_owned(),
            author: lines(&case.patient_name).collect::<Vec<_>>().join(" "),
            subject: printable_content("The letter's subject", &words.subject)?,
            date,
        },
        file_name: format!("{}-{}.pdf", words.file_stem, dates::iso(date)),
    })
}

/// Every field cleaned for printing (see [`printable_field`]); the first field that cannot be
/// printed is named in the error, in the form's words.
fn printable_case(case: &CaseDetails) -> Result<CaseDetails> {
    let field = printable_field;
    Ok(CaseDetails {
        patient_name: field("The name", &case.patient_name)?,
        patient_address: field("The address", &case.patient_address)?,
        nation: case.nation,
        diagnosis: field("What you were told", &case.diagnosis)?,
        reason: field("Your reason", &case.reason)?,
        first_doctor_name: field("The doctor's name", &case.first_doctor_name)?,
        first_doctor_workplace: field("Where the doctor works", &case.first_doctor_workplace)?,
        gp_practice_name: field("The GP practice's name", &case.gp_practice_name)?,
        gp_practice_address: field("The GP practice's address", &case.gp_practice_address)?,
    })
}

/// Non-empty lines of a field, as typed.
fn lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim_end().to_owned())
}

fn gp_request_blocks(
    case: &CaseDetails,
    template: &LetterWords,
    date: NaiveDate,
) -> Result<Vec<Block>> {
    let mut blocks = Vec::new();

    // The sender, then the date, top right.
    let mut sender: Vec<String> = lines(&case.patient_name)
        .chain(lines(&case.patient_address))
        .collect();
    if !sender.is_empty() {
        sender.push(String::new());
    }
    sender.push(dates::long_uk(date));
    blocks.push(Block::AddressBlock {
        lines: sender,
        side: Side::Right,
    });

    // The practice, on the left.
    let practice: Vec<String> = lines(&case.gp_practice_name)
        .chain(lines(&case.gp_practice_address))
        .collect();
    if !practice.is_empty() {
        blocks.push(Block::Spacer { lines: 1.0 });
        blocks.push(Block::AddressBlock {
            lines: practice,
            side: Side::Left,
        });
    }

    blocks.push(Block::Spacer { lines: 1.2 });
    blocks.push(Block::bold(printable_content(
        "The letter's subject",
        &template.subject,
    )?));
    blocks.push(Block::text(printable_content(
        "The letter's salutation",
        &template.salutation,
    )?));
    for paragraph in body_paragraphs(&template.body, case)? {
        blocks.push(Block::text(paragraph));
    }
    blocks.push(Block::Paragraph {
        spans: vec![Span::regular(printable_content(
            "The letter's closing",
            &template.closing,
        )?)],
        keep_with_next: true,
    });
    blocks.push(Block::SignatureLine {
        name: lines(&case.patient_name).collect::<Vec<_>>().join(" "),
    });
    Ok(blocks)
}

/// Renders the body template with the case's fields, exactly as typed (no HTML escaping), and
/// splits it into paragraphs at blank lines. Paragraphs left empty are dropped. A single line
/// break inside a paragraph is kept as a line break.
pub(crate) fn body_paragraphs(body: &str, case: &CaseDetails) -> Result<Vec<String>> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::None);
    // A misspelt field name in a template is an error, not an empty gap in a letter.
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    let rendered = env
        .render_str(body, minijinja::Value::from(minijinja::value::Serde(case)))
        .map_err(|e| Error::Content(format!("letter body template: {e}")))?;
    let rendered = printable_content("The letter's body", &rendered)?;

    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in rendered.split('\n').chain(std::iter::once("")) {
        if line.trim().is_empty() {
            let paragraph = current.join("\n");
            let paragraph = paragraph.trim();
            if !paragraph.is_empty() {
                paragraphs.push(paragraph.to_owned());
            }
            current.clear();
        } else {
            current.push(line);
        }
    }
    Ok(paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_as_typed_and_empty_paragraphs_are_dropped() {
        let case = CaseDetails {
            first_doctor_name: "Dr <b>Jones</b> & \"Sons\"".into(),
            ..Default::default()
        };
        let body = "About {{ first_doctor_name }}.\n\n{% if diagnosis %}Told: {{ diagnosis }}{% endif %}\n\n  \n\nEnd.";
        let p = body_paragraphs(body, &case).expect("renders");
        assert_eq!(p, vec!["About Dr <b>Jones</b> & \"Sons\".", "End."]);
    }

    #[test]
    fn a_misspelt_field_is_a_content_error() {
        let err =
            body_paragraphs("{{ no_such_field }}", &CaseDetails::default()).expect_err("strict");
        assert_eq!(err.code(), "content");
    }

    #[test]
    fn line_breaks_inside_a_paragraph_are_kept() {
        let case = CaseDetails {
            reason: "one\ntwo\n\nthree".into(),
            ..Default::default()
        };
        let p = body_paragraphs("Reason: {{ reason }}", &case).expect("renders");
        assert_eq!(p, vec!["Reason: one\ntwo", "three"]);
    }
}
