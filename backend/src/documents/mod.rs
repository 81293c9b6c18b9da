//! Documents: letters and packs as PDF bytes.
//!
//! Invariant: a document is a pure function of (case, content, date, options): the same inputs
//! give byte-identical PDFs. Nothing here reads the clock or writes files (except [`save`], given
//! a path).
//!
//! How a document is made:
//! 1. `printable` cleans each field the person typed (composing accents typed after their letter,
//!    emoji as their names, characters no font has as their codes: nothing is refused);
//! 2. a document module (`letter` and `letters`, `prep_pack`, `clinician`, `decision`,
//!    `recovery`) turns its input into [`layout::Block`]s;
//! 3. the `printing` crate's [`layout`] flows the blocks onto pages as pure geometry (testable
//!    without PDF, with a text snapshot), breaking text into lines (Unicode line breaking, never
//!    inside a grapheme cluster), and its `pdf` writes the geometry as a PDF with subset,
//!    embedded fonts and fixed metadata. That crate knows nothing of cases or journeys.

mod bundle;
mod chase;
mod clinician;
mod decision;
mod letter;
mod letters;
mod needs;
pub mod pack;
pub mod prep_pack;
mod preview;
mod printable;
mod questions_sheet;
mod recovery;
mod voice;
mod weigh_up;

pub use printing::layout;
use printing::pdf;

pub use bundle::{
    check_bundle_size, records_bundle, BundleFile, BundleRecord, RecordsBundle, MAX_BUNDLE_BYTES,
};
pub use clinician::{ClinicianSummary, HeldRecord, Medicine, TimelineEntry};
pub use letter::{LetterWords, Referral};
pub use letters::{
    CarerAuthorisation, CarerPurpose, Decision, RecordsRequestLetter, STANDARD_CARER_PURPOSES,
};
pub use needs::Communication;
pub use prep_pack::{
    prep_pack, prep_pack_layout, AppointmentDetails, HelpContact, PackNotice, PrepPack,
    QuestionTopic,
};
pub use preview::{LetterPreview, PreviewPart};
pub use printing::apart::{serve_stdio as serve_page_drawer, Apart, Cap, PageDrawer, CHILD_ARG};
pub use printing::fonts::Face;
pub use printing::pdf::PdfInfo;
pub use printing::preview::{page_picture, PagePicture};
pub use recovery::RecoverySheet;

pub use crate::model::WrittenBy;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cases::CaseDetails;
use crate::content::Content;
use crate::dates;
use crate::error::{Error, Result};

/// Paper size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    #[default]
    A4,
    UsLetter,
}

impl From<Paper> for printing::Paper {
    fn from(paper: Paper) -> printing::Paper {
        match paper {
            Paper::A4 => printing::Paper::A4,
            Paper::UsLetter => printing::Paper::UsLetter,
        }
    }
}

/// How a document is printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DocumentOptions {
    pub paper: Paper,
    /// 16 pt body text and wider spacing instead of 12 pt.
    pub large_print: bool,
    /// Set by the app (never by the window) when a carer is acting for the patient: letters from
    /// the patient then say who wrote them, with the patient's consent, and are signed by the
    /// carer on the patient's behalf.
    #[serde(skip)]
    #[ts(skip)]
    pub written_by: Option<WrittenBy>,
    /// Set by the app (never by the window) when a carer is acting under a consent recorded in
    /// the profile: the consent form is that consent's (its name, what they may do, its days),
    /// the same form the profile's settings print, never a second one made from step 4.
    #[serde(skip)]
    #[ts(skip)]
    pub consent: Option<CarerAuthorisation>,
    /// Set by the app from the journey: the patient's communication needs, stated in a short
    /// paragraph at the end of every letter.
    #[serde(skip)]
    #[ts(skip)]
    pub communication: Option<Communication>,
}

/// A finished document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedDocument {
    /// The PDF file's bytes.
    pub bytes: Vec<u8>,
    /// A default file name with no health details, for example
    /// `second-opinion-gp-letter-2026-11-21.pdf`.
    pub file_name: String,
}

/// The letter asking the GP for a referral for a second opinion, from the template
/// `letter-gp-request` (`content/letters/gp-request.toml`).
///
/// Errors: [`Error::InvalidInput`] naming the field when a field is too long or holds characters
/// the fonts cannot print (see `text`); [`Error::Content`] when the template is broken.
pub fn gp_request_letter(
    case: &CaseDetails,
    content: &Content,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<RenderedDocument> {
    gp_referral_letter(case, &Referral::default(), content, date, options)
}

/// The letter to the GP asking for what the route chosen in step 3 needs (see [`Referral`]):
/// a referral to another NHS specialist (in England naming the hospital or team the person
/// chose, under the right to choose), a referral letter to a private consultant, an appointment
/// with another GP, or copies of results to take to a private GP or a doctor abroad.
///
/// Errors: as [`gp_request_letter`].
pub fn gp_referral_letter(
    case: &CaseDetails,
    referral: &Referral,
    content: &Content,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<RenderedDocument> {
    let words = LetterWords::gp_request(content)?;
    finish(letter::gp_request(case, referral, &words, date, options)?)
}

/// The GP letter's layout without the PDF, from the given words (see
/// [`LetterWords::gp_request`]): for snapshot tests and geometry checks.
pub fn gp_request_letter_layout(
    case: &CaseDetails,
    words: &LetterWords,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<layout::Layout> {
    Ok(letter::gp_request(case, &Referral::default(), words, date, options)?.layout)
}

/// The GP letter's layout for a route (see [`gp_referral_letter`]).
pub fn gp_referral_letter_layout(
    case: &CaseDetails,
    referral: &Referral,
    words: &LetterWords,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<layout::Layout> {
    Ok(letter::gp_request(case, referral, words, date, options)?.layout)
}

/// The letter to the current consultant asking them to refer for a second opinion, from the
/// template `letter-consultant-request`, addressed to the case's first doctor at their workplace.
///
/// Errors: as [`gp_request_letter`].
pub fn consultant_request_letter(
    case: &CaseDetails,
    content: &Content,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<RenderedDocument> {
    consultant_referral_letter(case, &Referral::default(), content, date, options)
}

/// The letter to the current consultant for a route (see [`Referral`]): in England it can
/// name the hospital or team the person would like.
///
/// Errors: as [`gp_request_letter`].
pub fn consultant_referral_letter(
    case: &CaseDetails,
    referral: &Referral,
    content: &Content,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<RenderedDocument> {
    let words = LetterWords::consultant_request(content)?;
    finish(letters::consultant_request(
        case, referral, &words, date, options,
    )?)
}

/// The consultant letter's layout, from the given words.
pub fn consultant_request_letter_layout(
    case: &CaseDetails,
    words: &LetterWords,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<layout::Layout> {
    Ok(letters::consultant_request(case, &Referral::default(), words, date, options)?.layout)
}

/// The subject access request for health records, from the template `letter-records-request`:
/// addressed to the records holder, with the date asked and the date a reply is due
/// ([`crate::journey::records_due_date`]). `date` is the letter's date.
///
/// Errors: as [`gp_request_letter`].
pub fn records_request_letter(
    case: &CaseDetails,
    request: &RecordsRequestLetter,
    content: &Content,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<RenderedDocument> {
    let words = LetterWords::records_request(content)?;
    finish(letters::records_request(
        case, request, &words, date, options,
    )?)
}

/// The records request's layout, from the given words.
pub fn records_request_letter_layout(
    case: &CaseDetails,
    request: &RecordsRequestLetter,
    words: &LetterWords,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<layout::Layout> {
    Ok(letters::records_request(case, request, words, date, options)?.layout)
}

/// The carer authorisation form, from the template `letter-carer-authorisation`: the patient's
/// consent, the person's name and relationship, what they may do (drawn tick boxes), for how
/// long, and signature and date lines for the patient and the person acting for them.
///
/// Errors: as [`gp_request_letter`].
pub fn carer_authorisation(
    case: &CaseDetails,
    consent: &CarerAuthorisation,
    content: &Content,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<RenderedDocument> {
    let words = LetterWords::carer_authorisation(content)?;
    finish(letters::carer_authorisation(
        case, consent, &words, date, options,
    )?)
}

/// The carer authorisation form's layout, from the given words.
pub fn carer_authorisation_layout(
    case: &CaseDetails,
    consent: &CarerAuthorisation,
    words: &LetterWords,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<layout::Layout> {
    Ok(letters::carer_authorisation(case, consent, words, date, options)?.layout)
}

/// The letter telling the doctors what the patient decided, from the template
/// `letter-decision`: **one** letter with both doctors as addressees (the first doctor from
/// the case, then the second), and "Copy to" the GP practice when the case has one.
///
/// Errors: as [`gp_request_letter`].
pub fn decision_letter(
    case: &CaseDetails,
    decision: &Decision,
    content: &Content,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<RenderedDocument> {
    let words = LetterWords::decision(content)?;
    finish(letters::decision(case, decision, &words, date, options)?)
}

/// The decision letter's layout, from the given words.
pub fn decision_letter_layout(
    case: &CaseDetails,
    decision: &Decision,
    words: &LetterWords,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<layout::Layout> {
    Ok(letters::decision(case, decision, words, date, options)?.layout)
}

/// A letter that keeps things moving ([`crate::journey::letters_offered`] says when each is
/// offered), filled from the case and its journey: the records reminder, the follow-up to the
/// GP or consultant, the concern to the nation's advice service (the case's nation must be
/// known) or the letter asking one doctor about the other's view.
///
/// Errors: as [`gp_request_letter`]; [`Error::InvalidInput`] for a concern with no nation.
pub fn chase_letter(
    letter: crate::journey::ChaseLetter,
    case: &CaseDetails,
    journey: &crate::journey::Journey,
    content: &Content,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<RenderedDocument> {
    finish(chase::chase_letter(
        letter, case, journey, content, date, options,
    )?)
}

/// A chase letter's layout (see [`chase_letter`]).
pub fn chase_letter_layout(
    letter: crate::journey::ChaseLetter,
    case: &CaseDetails,
    journey: &crate::journey::Journey,
    content: &Content,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<layout::Layout> {
    Ok(chase::chase_letter(letter, case, journey, content, date, options)?.layout)
}

/// The comparison and decision summary: both opinions side by side with what differs said in
/// words ([`crate::journey::compare`]), questions to ask about each difference, then the
/// decision and reasons.
///
/// Errors: [`Error::InvalidInput`] naming the field that cannot be printed.
pub fn decision_summary(
    case: &CaseDetails,
    decision: &Decision,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<RenderedDocument> {
    let (layout, info) = decision::decision_summary(case, decision, date, options)?;
    rendered(&layout, &info, decision::DECISION_SUMMARY_STEM)
}

/// The comparison and decision summary's layout.
pub fn decision_summary_layout(
    case: &CaseDetails,
    decision: &Decision,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<layout::Layout> {
    Ok(decision::decision_summary(case, decision, date, options)?.0)
}

/// "Questions I would like to ask today": one sheet for the doctor, the most important first.
///
/// Errors: [`Error::InvalidInput`] naming the field that cannot be printed.
pub fn questions_sheet(
    case: &CaseDetails,
    journey: &crate::journey::Journey,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<RenderedDocument> {
    let (layout, info) = questions_sheet::questions_sheet(case, journey, date, options)?;
    rendered(&layout, &info, questions_sheet::QUESTIONS_STEM)
}

/// The questions sheet's layout.
pub fn questions_sheet_layout(
    case: &CaseDetails,
    journey: &crate::journey::Journey,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<layout::Layout> {
    Ok(questions_sheet::questions_sheet(case, journey, date, options)?.0)
}

/// The weigh-up page for `at`: the person's options side by side, what matters to them, who
/// decides and which way they lean, all in their own words. A carer acting for the patient
/// (`options.written_by`) is named on the carer's view.
///
/// Errors: [`Error::InvalidInput`] naming the field that cannot be printed.
pub fn weigh_up_page(
    case: &CaseDetails,
    journey: &crate::journey::Journey,
    at: crate::journey::WeighUpAt,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<RenderedDocument> {
    let carer = options.written_by.as_ref().map(|w| w.carer_name.as_str());
    let (layout, info) = weigh_up::weigh_up_page(case, journey, at, carer, date, options)?;
    rendered(&layout, &info, weigh_up::WEIGH_UP_STEM)
}

/// The weigh-up page's layout.
pub fn weigh_up_page_layout(
    case: &CaseDetails,
    journey: &crate::journey::Journey,
    at: crate::journey::WeighUpAt,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<layout::Layout> {
    let carer = options.written_by.as_ref().map(|w| w.carer_name.as_str());
    Ok(weigh_up::weigh_up_page(case, journey, at, carer, date, options)?.0)
}

/// The one-page summary for the second doctor (also printed inside the prep pack when
/// [`PrepPack::clinician_summary`] is given).
///
/// Errors: [`Error::InvalidInput`] naming the field that cannot be printed.
pub fn clinician_summary(
    summary: &ClinicianSummary,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<RenderedDocument> {
    let (layout, info) = clinician::clinician_summary(summary, date, options)?;
    rendered(&layout, &info, clinician::CLINICIAN_SUMMARY_STEM)
}

/// The clinician summary's layout.
pub fn clinician_summary_layout(
    summary: &ClinicianSummary,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<layout::Layout> {
    Ok(clinician::clinician_summary(summary, date, options)?.0)
}

/// The recovery sheet for an encrypted profile: its name, boxes to copy the recovery code into
/// by hand, what the code is for and how to keep it, and the date made. Never the code itself,
/// and no health data.
///
/// Errors: [`Error::InvalidInput`] naming the field that cannot be printed.
pub fn recovery_sheet(
    sheet: &RecoverySheet,
    options: &DocumentOptions,
) -> Result<RenderedDocument> {
    let (layout, info) = recovery::recovery_sheet(sheet, options)?;
    rendered(&layout, &info, recovery::RECOVERY_SHEET_STEM)
}

/// The recovery sheet's layout.
pub fn recovery_sheet_layout(
    sheet: &RecoverySheet,
    options: &DocumentOptions,
) -> Result<layout::Layout> {
    Ok(recovery::recovery_sheet(sheet, options)?.0)
}

fn finish(letter: letter::PreparedLetter) -> Result<RenderedDocument> {
    Ok(RenderedDocument {
        bytes: pdf::render(&letter.layout, &letter.meta)?,
        file_name: letter.file_name,
    })
}

fn rendered(layout: &layout::Layout, info: &PdfInfo, stem: &str) -> Result<RenderedDocument> {
    Ok(RenderedDocument {
        bytes: pdf::render(layout, info)?,
        file_name: format!("{stem}-{}.pdf", dates::iso(info.date)),
    })
}

/// Any [`layout::Layout`] as PDF bytes, with the given metadata: for documents built from
/// [`layout::Block`]s outside this module (for example the content review book).
///
/// Text must already be cleaned: see [`printable_text`]. A character no font can draw (text
/// that skipped cleaning) gives [`Error::Document`] rather than a box on paper.
pub fn render_pdf(layout: &layout::Layout, info: &PdfInfo) -> Result<Vec<u8>> {
    Ok(pdf::render(layout, info)?)
}

/// Cleans text for printing (line ends, tabs, invisible characters; see the `text` module) or
/// refuses it with [`Error::InvalidInput`] naming the field by `label` ("The name").
pub fn printable_text(label: &str, value: &str) -> Result<String> {
    printable::printable_field(label, value)
}

/// What the app tells the person after saving a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SavedDocument {
    /// The file's name, without its folder.
    pub file_name: String,
    /// The full path it was saved to.
    pub path: String,
}

/// Writes a document to `path` all at once: the bytes go to a new file beside it first, which
/// then replaces `path`, so a crash or a full disk never leaves half a PDF under the chosen name.
pub fn save(document: &RenderedDocument, path: &std::path::Path) -> Result<SavedDocument> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(&document.bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| Error::from(e.error))?; // a full disk is `disk_full`
    Ok(SavedDocument {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: path.display().to_string(),
    })
}
