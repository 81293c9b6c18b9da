//! Letters: a case and a letter template from `content/letters/` become blocks for layout.

use chrono::NaiveDate;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use serde_json::Value;

use super::layout::{lay_out, Block, Layout, LayoutOptions, Side, Span};
use super::needs::{needs_paragraph, NeedsParagraph};
use super::pdf::PdfInfo;
use super::preview::LetterPreview;
use super::printable::{printable_content, printable_field};
use super::voice::{salutation, signature_name, voice_variables};
use super::{DocumentOptions, WrittenBy};
use crate::cases::{CaseDetails, Nation};
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

    /// The words of the letter asking the current consultant for a second opinion.
    pub fn consultant_request(content: &Content) -> Result<LetterWords> {
        Ok(content.letter("letter-consultant-request")?.into())
    }

    /// The words of the subject access request for health records.
    pub fn records_request(content: &Content) -> Result<LetterWords> {
        Ok(content.letter("letter-records-request")?.into())
    }

    /// The words of the carer authorisation form.
    pub fn carer_authorisation(content: &Content) -> Result<LetterWords> {
        Ok(content.letter("letter-carer-authorisation")?.into())
    }

    /// The words of the letter telling both doctors the decision.
    pub fn decision(content: &Content) -> Result<LetterWords> {
        Ok(content.letter("letter-decision")?.into())
    }

    /// The words of the letter with content id `id`.
    pub fn by_id(content: &Content, id: &str) -> Result<LetterWords> {
        Ok(content.letter(id)?.into())
    }
}

/// A letter ready to print.
#[derive(Debug)]
pub(crate) struct PreparedLetter {
    pub layout: Layout,
    pub meta: PdfInfo,
    pub file_name: String,
    /// The letter's words from the greeting to the signature, the person's own marked.
    pub preview: LetterPreview,
}

/// What one kind of letter adds to the shared letter shape: the sender's address and the date
/// top right, the addressee on the left, the subject, salutation, body (from the template),
/// closing and signature. Every text here must already be cleaned (see [`printable_case`]).
pub(crate) struct LetterParts {
    /// The running title and PDF title: says what the paper is, never why.
    pub title: &'static str,
    /// The case, cleaned: the sender and the template's variables.
    pub case: CaseDetails,
    /// The addressee's lines, top left; empty for none.
    pub recipient: Vec<String>,
    /// The addressees' names, for the greeting ("Dear Mr Morgan,"); empty: the template's.
    pub addressees: Vec<String>,
    /// Template variables besides the case's fields (cleaned), overriding them on a clash.
    pub variables: Vec<(&'static str, serde_json::Value)>,
    /// Blocks between the subject and the salutation (for example the patient's details).
    pub after_subject: Vec<Block>,
    /// Blocks after the body, before the closing (for example a form's details).
    pub after_body: Vec<Block>,
    /// The signature blocks; `None` for one signature line with the patient's name.
    pub signatures: Option<Vec<Block>>,
    /// Blocks after the signatures (for example "Copy to").
    pub after_signatures: Vec<Block>,
}

impl LetterParts {
    /// A letter from the patient in `case` with nothing extra.
    pub fn new(title: &'static str, case: CaseDetails, recipient: Vec<String>) -> LetterParts {
        LetterParts {
            title,
            case,
            recipient,
            addressees: Vec::new(),
            variables: Vec::new(),
            after_subject: Vec::new(),
            after_body: Vec::new(),
            signatures: None,
            after_signatures: Vec::new(),
        }
    }

    /// A letter from the patient about their care: the patient's identifying details (date of
    /// birth, NHS number) go under the subject, so the doctor finds the right person.
    pub fn about_patient(
        title: &'static str,
        case: CaseDetails,
        recipient: Vec<String>,
    ) -> LetterParts {
        let details = patient_details(&case, case.date_of_birth, &case.nhs_number);
        LetterParts {
            after_subject: details,
            ..LetterParts::new(title, case, recipient)
        }
    }
}

/// Lays out a letter: the one shape every letter shares.
pub(crate) fn prepare(
    parts: LetterParts,
    words: &LetterWords,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<PreparedLetter> {
    let layout_options = LayoutOptions {
        paper: options.paper.into(),
        large_print: options.large_print,
        running_title: parts.title.to_owned(),
    };
    let helper = letter_helper(&parts, options.written_by.as_ref())?;
    let by = helper.as_ref();
    let needs = match &options.communication {
        Some(c) => needs_paragraph(
            c,
            parts.case.nation,
            &one_line(&parts.case.patient_name),
            by,
        )?,
        None => None,
    };
    let needs = needs.as_ref();
    let mut layout = lay_out(
        &letter_blocks(&parts, words, date, by, needs, Spacing::Usual)?,
        &layout_options,
    );
    // A letter only just over one page is set again with less space around the addresses:
    // one sheet is easier to read, post and file than a second page of a few lines.
    if layout.pages.len() == 2 {
        let tight = lay_out(
            &letter_blocks(&parts, words, date, by, needs, Spacing::Tight)?,
            &layout_options,
        );
        if tight.pages.len() == 1 {
            layout = tight;
        }
    }
    Ok(PreparedLetter {
        preview: preview(&parts, words, by, needs)?,
        layout,
        meta: PdfInfo {
            title: parts.title.to_owned(),
            date,
        },
        file_name: format!("{}-{}.pdf", words.file_stem, dates::iso(date)),
    })
}

/// What the person asks a doctor for, from the route they chose in step 3.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Referral {
    /// The content id of the route chosen (`route-private-specialist`); `None` when no route
    /// is chosen yet, which asks for the usual NHS referral to another specialist.
    pub route: Option<String>,
    /// The consultant, hospital or team the person would like, as typed. May be empty.
    pub preferred: String,
}

impl Referral {
    /// The template variables: `route` (the route's id without `route-`, empty for none),
    /// `preferred`, and `right_to_choose` (England only: the person may choose the hospital or
    /// consultant-led team for a first outpatient referral).
    pub(crate) fn variables(&self, case: &CaseDetails) -> Result<Vec<(&'static str, Value)>> {
        let route = self.route.as_deref().unwrap_or_default();
        let preferred = one_line(&printable_field(
            "The specialist, hospital or team you would like",
            &self.preferred,
        )?);
        Ok(vec![
            (
                "route",
                Value::String(route.strip_prefix("route-").unwrap_or(route).to_owned()),
            ),
            ("preferred", Value::String(preferred)),
            (
                "right_to_choose",
                Value::Bool(case.nation == Some(Nation::England)),
            ),
        ])
    }
}

/// Lays out the letter asking the GP for what the chosen route needs (a referral to another
/// NHS specialist, a referral letter to a private consultant, an appointment with another GP…).
pub(crate) fn gp_request(
    case: &CaseDetails,
    referral: &Referral,
    words: &LetterWords,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<PreparedLetter> {
    // No length limits here: the store enforces them, and layout flows any length onto pages.
    let case = printable_case(case)?;
    let practice = lines(&case.gp_practice_name)
        .chain(lines(&case.gp_practice_address))
        .collect();
    let mut parts = LetterParts::about_patient(GP_REQUEST_TITLE, case, practice);
    parts.variables = referral.variables(&parts.case)?;
    prepare(parts, words, date, options)
}

/// The patient's details a doctor or records office uses to find the right person (name, date
/// of birth, and the number under its name in the case's nation: NHS, CHI or H&C number), shown
/// under a letter's subject. Nothing when neither the date of birth nor the number is known:
/// the name alone is already at the top and under the signature.
pub(crate) fn patient_details(
    case: &CaseDetails,
    date_of_birth: Option<NaiveDate>,
    nhs_number: &str,
) -> Vec<Block> {
    let mut rows = Vec::new();
    let name = one_line(&case.patient_name);
    if !name.is_empty() {
        rows.push(("Name".to_owned(), name));
    }
    let identifying = rows.len();
    if let Some(born) = date_of_birth {
        rows.push(("Date of birth".to_owned(), dates::long_uk(born)));
    }
    let nhs_number = one_line(&crate::cases::nhs_number_for_print(nhs_number));
    if !nhs_number.is_empty() {
        rows.push((case.number_label().to_owned(), nhs_number));
    }
    if rows.len() == identifying {
        return Vec::new();
    }
    vec![Block::Details { rows }, Block::Spacer { lines: 0.4 }]
}

/// Every field cleaned for printing (see [`printable_field`]); the first field that cannot be
/// printed is named in the error, in the form's words.
pub(crate) fn printable_case(case: &CaseDetails) -> Result<CaseDetails> {
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
        date_of_birth: case.date_of_birth,
        nhs_number: field(case.number_label(), &case.nhs_number)?,
    })
}

/// Non-empty lines of a field, as typed.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim_end().to_owned())
}

/// A field's lines joined with spaces: for a name in a sentence or under a signature.
pub(crate) fn one_line(text: &str) -> String {
    lines(text).collect::<Vec<_>>().join(" ")
}

/// A paragraph shorter than this (in characters) fits on about one line.
const SHORT_PARAGRAPH: usize = 90;

/// How much space a letter leaves around its addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spacing {
    Usual,
    /// For a letter that would otherwise run a few lines onto a second page.
    Tight,
}

impl Spacing {
    /// The gap of `lines` body lines, or less when tight.
    fn gap(self, lines: f32) -> Block {
        let lines = match self {
            Spacing::Usual => lines,
            Spacing::Tight => lines * 0.3,
        };
        Block::Spacer { lines }
    }
}

/// The helper whose voice a letter speaks in, cleaned for printing: a helper writes in their
/// own voice; forms with their own signature blocks (the consent form, signed by both) speak
/// as the patient.
fn letter_helper(parts: &LetterParts, written_by: Option<&WrittenBy>) -> Result<Option<WrittenBy>> {
    match (&parts.signatures, written_by) {
        (None, Some(by)) => Ok(Some(printable_written_by(by)?)),
        _ => Ok(None),
    }
}

fn letter_blocks(
    parts: &LetterParts,
    template: &LetterWords,
    date: NaiveDate,
    helper: Option<&WrittenBy>,
    needs: Option<&NeedsParagraph>,
    spacing: Spacing,
) -> Result<Vec<Block>> {
    let patient = one_line(&parts.case.patient_name);
    let mut blocks = heading_blocks(parts, &patient, date, spacing);
    blocks.push(Block::bold(printable_content(
        "The letter's subject",
        &template.subject,
    )?));
    blocks.extend(parts.after_subject.iter().cloned());
    let fallback = printable_content("The letter's salutation", &template.salutation)?;
    blocks.push(Block::text(salutation(&parts.addressees, &fallback)));
    // The closing is kept on the page of the last paragraph, and of the one before when the
    // last is a short line of thanks: never a sign-off alone, or nearly alone, on a page.
    let mut texts = body_paragraphs(&template.body, &context(parts, helper)?)?;
    let kept = match texts.last() {
        Some(last) if last.chars().count() < SHORT_PARAGRAPH => 2,
        _ => 1,
    };
    let tail_texts = texts.split_off(texts.len().saturating_sub(kept));
    blocks.extend(texts.into_iter().map(Block::text));
    let mut tail: Vec<Block> = tail_texts.into_iter().map(Block::text).collect();
    tail.extend(parts.after_body.iter().cloned());
    if let Some(needs) = needs {
        tail.push(Block::Paragraph {
            spans: vec![Span::bold(needs.heading.clone())],
            keep_with_next: true,
        });
        tail.push(Block::text(needs.text.clone()));
    }
    tail.push(Block::text(printable_content(
        "The letter's closing",
        &template.closing,
    )?));
    match &parts.signatures {
        Some(signatures) => tail.extend(signatures.iter().cloned()),
        None => tail.push(Block::SignatureLine {
            name: signature_name(&patient, helper),
        }),
    }
    tail.extend(parts.after_signatures.iter().cloned());
    blocks.push(Block::KeepTogether(tail));
    Ok(blocks)
}

/// The top of the letter: the sender's address and the date on the right, the addressee on
/// the left, and the line that heads any second page (the patient's name and the date).
fn heading_blocks(
    parts: &LetterParts,
    patient: &str,
    date: NaiveDate,
    spacing: Spacing,
) -> Vec<Block> {
    let case = &parts.case;
    let mut sender: Vec<String> = lines(&case.patient_name)
        .chain(lines(&case.patient_address))
        .collect();
    if !sender.is_empty() && spacing == Spacing::Usual {
        sender.push(String::new());
    }
    sender.push(dates::long_uk(date));
    let continued = if patient.is_empty() {
        dates::long_uk(date)
    } else {
        format!("{patient}, {}", dates::long_uk(date))
    };
    let mut blocks = vec![
        Block::ContinuedHeading { text: continued },
        Block::AddressBlock {
            lines: sender,
            side: Side::Right,
        },
    ];
    if !parts.recipient.is_empty() {
        blocks.push(spacing.gap(1.0));
        blocks.push(Block::AddressBlock {
            lines: parts.recipient.clone(),
            side: Side::Left,
        });
    }
    blocks.push(spacing.gap(1.2));
    blocks
}

/// The template's variables: the case's fields, the voice (see [`voice_variables`]), then the
/// letter's own, which win on a clash.
fn context(parts: &LetterParts, helper: Option<&WrittenBy>) -> Result<Value> {
    let mut context = serde_json::to_value(&parts.case)
        .map_err(|e| Error::Document(format!("The letter could not be filled in: {e}")))?;
    if let Some(map) = context.as_object_mut() {
        let patient = one_line(&parts.case.patient_name);
        for (name, value) in voice_variables(&patient, helper)
            .iter()
            .chain(&parts.variables)
        {
            map.insert((*name).to_owned(), value.clone());
        }
    }
    Ok(context)
}

/// The letter's words from the greeting to the signature, as [`letter_blocks`] prints them,
/// with the person's own words marked.
fn preview(
    parts: &LetterParts,
    template: &LetterWords,
    helper: Option<&WrittenBy>,
    needs: Option<&NeedsParagraph>,
) -> Result<LetterPreview> {
    let mut preview = LetterPreview::default();
    let fallback = printable_content("The letter's salutation", &template.salutation)?;
    preview.push_plain(&salutation(&parts.addressees, &fallback));
    preview.push_body(&template.body, &context(parts, helper)?)?;
    if let Some(needs) = needs {
        preview.push_plain(&needs.heading);
        preview.push_plain(&needs.text);
    }
    preview.push_plain(&template.closing);
    if parts.signatures.is_none() {
        let patient = one_line(&parts.case.patient_name);
        preview.push_plain(&signature_name(&patient, helper).replace('\n', " "));
    }
    Ok(preview)
}

/// The helper's name and relationship cleaned for printing.
fn printable_written_by(by: &WrittenBy) -> Result<WrittenBy> {
    Ok(WrittenBy {
        carer_name: one_line(&printable_field("The helper's name", &by.carer_name)?),
        relationship: one_line(&printable_field(
            "The helper's relationship",
            &by.relationship,
        )?),
    })
}

/// Renders the body template with the case's fields, exactly as typed (no HTML escaping), and
/// splits it into paragraphs at blank lines. Paragraphs left empty are dropped. A single line
/// break inside a paragraph is kept as a line break.
pub(crate) fn body_paragraphs(body: &str, case: &impl serde::Serialize) -> Result<Vec<String>> {
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
