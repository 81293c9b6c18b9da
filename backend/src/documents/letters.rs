//! The letters besides the GP letter: each is a few lines saying who it is addressed to, which
//! template variables it adds and what it prints after the body. The shared shape (sender,
//! date, addressee, subject, body, closing, signature) is [`super::letter::prepare`].
//!
//! Adding a letter: a title, an input struct (plain data), and a function here building
//! [`LetterParts`]; then a public pair in `mod.rs` (`*_letter` and `*_letter_layout`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::layout::{Block, Span};
use super::letter::{
    lines, one_line, patient_details, prepare, printable_case, LetterParts, PreparedLetter,
    Referral,
};
use super::printable::printable_field;
use super::{DocumentOptions, LetterWords};
use crate::cases::CaseDetails;
use crate::dates;
use crate::error::Result;
use crate::journey::{compare, Opinion, SaidTheSame, SameAnswers};

/// Running and PDF titles: what each paper is, never what it is about.
pub(crate) const CONSULTANT_REQUEST_TITLE: &str = "Letter to consultant — second opinion request";
pub(crate) const RECORDS_REQUEST_TITLE: &str = "Subject access request — copy of records";
pub(crate) const CARER_AUTHORISATION_TITLE: &str = "Consent for someone to act for me";
pub(crate) const DECISION_LETTER_TITLE: &str = "Letter to my doctors — my decision";

/// A request for a copy of health records (a subject access request).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecordsRequestLetter {
    /// The GP practice or hospital asked, for example "Elm Surgery".
    pub records_holder: String,
    /// Its postal address, one line per line. May be empty.
    pub holder_address: String,
    /// The day the request is made. The reply is due one calendar month after the day it is
    /// received, which the letter cannot know, so it prints no due date.
    #[ts(type = "string")]
    pub asked: NaiveDate,
    /// Helps the records holder find the right records. May be empty.
    #[ts(type = "string | null")]
    pub date_of_birth: Option<NaiveDate>,
    /// The NHS number (CHI number in Scotland, H&C number in Northern Ireland). May be empty.
    pub nhs_number: String,
}

/// One thing a carer may do, with whether the patient allows it (a ticked box).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CarerPurpose {
    pub text: String,
    pub allowed: bool,
}

/// The patient's consent for a named person to act for them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CarerAuthorisation {
    /// The person who may act for the patient.
    pub carer_name: String,
    /// For example "daughter" or "friend". May be empty.
    pub relationship: String,
    /// What they may do, each printed with a box, ticked when allowed. Empty: the standard
    /// list (talk to doctors, ask for a second opinion, ask for copies of records), all ticked.
    pub purposes: Vec<CarerPurpose>,
    /// The first day the consent covers.
    #[ts(type = "string | null")]
    pub from: Option<NaiveDate>,
    /// The last day it covers; `None` until the patient cancels it.
    #[ts(type = "string | null")]
    pub until: Option<NaiveDate>,
}

/// The standard things a carer may do, when the patient lists none.
pub const STANDARD_CARER_PURPOSES: [&str; 3] = [
    "Talk to my doctors about my care",
    "Ask for a second opinion for me",
    "Ask for copies of my health records",
];

/// The second opinion and what the patient decided: for the comparison and decision summary
/// and the letter telling both doctors. The first doctor is the case's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Decision {
    pub second_doctor_name: String,
    pub second_doctor_workplace: String,
    /// What the first doctor said, in the patient's words.
    pub first_opinion: Opinion,
    /// What the second doctor said, in the patient's words.
    pub second_opinion: Opinion,
    /// The patient's own answers: do the two doctors say the same thing about each part?
    pub same_answers: SameAnswers,
    /// What the patient decided, in their own words.
    pub decision: String,
    /// Why, in their own words.
    pub reasons: String,
}

/// Every text of a decision cleaned for printing, or the first that cannot be printed named.
pub(crate) fn printable_decision(d: &Decision) -> Result<Decision> {
    let f = printable_field;
    let opinion = |o: &Opinion, whose: &str| -> Result<Opinion> {
        Ok(Opinion {
            diagnosis: f(&format!("What the {whose} doctor said it is"), &o.diagnosis)?,
            options: f(&format!("The {whose} doctor's options"), &o.options)?,
            risks: f(&format!("The risks the {whose} doctor gave"), &o.risks)?,
            recommendation: f(
                &format!("What the {whose} doctor advised"),
                &o.recommendation,
            )?,
            anything_new: f(
                &format!("Anything new from the {whose} doctor"),
                &o.anything_new,
            )?,
        })
    };
    Ok(Decision {
        second_doctor_name: f("The second doctor's name", &d.second_doctor_name)?,
        second_doctor_workplace: f("Where the second doctor works", &d.second_doctor_workplace)?,
        first_opinion: opinion(&d.first_opinion, "first")?,
        second_opinion: opinion(&d.second_opinion, "second")?,
        same_answers: d.same_answers.clone(),
        decision: f("Your decision", &d.decision)?,
        reasons: f("Your reasons", &d.reasons)?,
    })
}

fn text(s: &str) -> Value {
    Value::String(s.to_owned())
}

/// The letter to the current consultant, addressed to them at their workplace.
pub(crate) fn consultant_request(
    case: &CaseDetails,
    referral: &Referral,
    words: &LetterWords,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<PreparedLetter> {
    let case = printable_case(case)?;
    let consultant = lines(&case.first_doctor_name)
        .chain(lines(&case.first_doctor_workplace))
        .collect();
    let name = one_line(&case.first_doctor_name);
    let mut parts = LetterParts::about_patient(CONSULTANT_REQUEST_TITLE, case, consultant);
    parts.addressees = vec![name];
    parts.variables = referral.variables(&parts.case)?;
    prepare(parts, words, date, options)
}

/// The subject access request, with the date asked and the date a reply is due.
pub(crate) fn records_request(
    case: &CaseDetails,
    request: &RecordsRequestLetter,
    words: &LetterWords,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<PreparedLetter> {
    let case = printable_case(case)?;
    let holder = printable_field("The practice or hospital", &request.records_holder)?;
    let address = printable_field(
        "The practice or hospital's address",
        &request.holder_address,
    )?;
    let nhs_number = printable_field(case.number_label(), &request.nhs_number)?;
    let recipient = lines(&holder).chain(lines(&address)).collect();
    let mut parts = LetterParts::new(RECORDS_REQUEST_TITLE, case, recipient);
    parts.variables = vec![
        ("records_holder", text(&one_line(&holder))),
        ("date_asked", text(&dates::long_uk(request.asked))),
    ];
    // Details that help the records holder find the right person.
    parts.after_subject = patient_details(&parts.case, request.date_of_birth, &nhs_number);
    prepare(parts, words, date, options)
}

/// The carer authorisation form: the consent letter, the person's details, what they may do
/// (tick boxes), how long for, and signature and date lines for the patient and the carer.
pub(crate) fn carer_authorisation(
    case: &CaseDetails,
    consent: &CarerAuthorisation,
    words: &LetterWords,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<PreparedLetter> {
    let case = printable_case(case)?;
    let carer = one_line(&printable_field(
        "The name of the person who may act for you",
        &consent.carer_name,
    )?);
    let relationship = one_line(&printable_field("The relationship", &consent.relationship)?);
    let mut purposes: Vec<(String, bool)> = consent
        .purposes
        .iter()
        .enumerate()
        .map(|(i, p)| {
            Ok((
                printable_field(&format!("What they may do ({})", i + 1), &p.text)?,
                p.allowed,
            ))
        })
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .filter(|(t, _)| !t.trim().is_empty())
        .collect();
    if purposes.is_empty() {
        purposes = STANDARD_CARER_PURPOSES
            .iter()
            .map(|p| ((*p).to_owned(), true))
            .collect();
    }
    let long = |d: Option<NaiveDate>| d.map(dates::long_uk).unwrap_or_default();

    // The date of birth and NHS number let the practice match the form to the right person.
    let mut parts = LetterParts::about_patient(CARER_AUTHORISATION_TITLE, case, Vec::new());
    parts.variables = vec![
        ("carer_name", text(&carer)),
        ("relationship", text(&relationship)),
        ("from", text(&long(consent.from))),
        ("until", text(&long(consent.until))),
    ];
    // The body says who, and for how long; the list says what, with a box for each (the body
    // points to it).
    parts.after_body = vec![
        Block::Paragraph {
            spans: vec![Span::bold("What they may do (ticked)")],
            keep_with_next: true,
        },
        Block::TickList { items: purposes },
        Block::Spacer { lines: 0.3 },
    ];
    let patient = one_line(&parts.case.patient_name);
    let carer_label = match (carer.is_empty(), relationship.is_empty()) {
        (true, _) => "Signed by the person acting for me".to_owned(),
        (false, true) => carer.clone(),
        (false, false) => format!("{carer} ({relationship})"),
    };
    parts.signatures = Some(vec![
        Block::SignatureAndDate {
            name: signer(&patient, "Signed by the patient"),
        },
        Block::Paragraph {
            spans: vec![Span::bold(
                "The person acting for me: I agree to act as set out above.",
            )],
            keep_with_next: true,
        },
        Block::SignatureAndDate { name: carer_label },
    ]);
    prepare(parts, words, date, options)
}

/// The parts the patient gave `answer` about, in a sentence. Empty when none.
fn parts_answered(d: &Decision, answer: SaidTheSame) -> String {
    compare(&d.first_opinion, &d.second_opinion, &d.same_answers).answered_in_words(answer)
}

/// The name under a signature line, or a description when there is no name.
fn signer(name: &str, otherwise: &str) -> String {
    if name.is_empty() {
        otherwise.to_owned()
    } else {
        name.to_owned()
    }
}

/// The letter telling the doctors the decision: one letter with both doctors as addressees (so
/// each sees who else was told), and a copy to the GP practice when there is one.
pub(crate) fn decision(
    case: &CaseDetails,
    decision: &Decision,
    words: &LetterWords,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<PreparedLetter> {
    let case = printable_case(case)?;
    let d = printable_decision(decision)?;
    let first: Vec<String> = lines(&case.first_doctor_name)
        .chain(lines(&case.first_doctor_workplace))
        .collect();
    let second: Vec<String> = lines(&d.second_doctor_name)
        .chain(lines(&d.second_doctor_workplace))
        .collect();
    let mut recipient = first;
    if !recipient.is_empty() && !second.is_empty() {
        recipient.push(String::new());
    }
    recipient.extend(second);
    let gp = one_line(&case.gp_practice_name);
    let addressees = vec![
        one_line(&case.first_doctor_name),
        one_line(&d.second_doctor_name),
    ];
    let mut parts = LetterParts::about_patient(DECISION_LETTER_TITLE, case, recipient);
    parts.addressees = addressees;
    parts.variables = vec![
        ("second_doctor_name", text(&one_line(&d.second_doctor_name))),
        (
            "second_doctor_workplace",
            text(&one_line(&d.second_doctor_workplace)),
        ),
        ("decision", text(&d.decision)),
        ("reasons", text(&d.reasons)),
        (
            "noted_different",
            text(&parts_answered(&d, SaidTheSame::No)),
        ),
        ("not_sure", text(&parts_answered(&d, SaidTheSame::NotSure))),
    ];
    if !gp.is_empty() {
        parts.after_signatures = vec![
            Block::Spacer { lines: 0.6 },
            Block::Paragraph {
                spans: vec![Span::bold("Copy to: "), Span::regular(gp)],
                keep_with_next: false,
            },
        ];
    }
    prepare(parts, words, date, options)
}
