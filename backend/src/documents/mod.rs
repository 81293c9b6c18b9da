//! Documents: letters and packs as PDF bytes.
//!
//! Invariant: a document is a pure function of (case, content, date, options): the same inputs
//! give byte-identical PDFs. Nothing here reads the clock or writes files (except [`save`], given
//! a path).
//!
//! How a document is made:
//! 1. `text` cleans each field the person typed and refuses, naming the field, anything the
//!    fonts cannot draw;
//! 2. a document module (`letter`, [`prep_pack`]) turns its input into [`layout::Block`]s;
//! 3. [`layout`] flows the blocks onto pages as pure geometry (testable without PDF, with a
//!    text snapshot);
//! 4. `pdf` writes the geometry as a PDF with subset, embedded fonts and fixed metadata.

mod fonts;
pub mod layout;
mod letter;
mod pdf;
pub mod prep_pack;
mod text;

pub use fonts::Face;
pub use letter::LetterWords;
pub use pdf::PdfInfo;
pub use prep_pack::{
    prep_pack, prep_pack_layout, AppointmentDetails, HelpContact, Medicine, PrepPack,
    QuestionTopic, TimelineEntry,
};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cases::CaseDetails;
use crate::content::Content;
use crate::error::{Error, Result};

/// Paper size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    #[default]
    A4,
    UsLetter,
}

/// How a document is printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DocumentOptions {
    pub paper: Paper,
    /// 16 pt body text and wider spacing instead of 12 pt.
    pub large_print: bool,
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
    let words = LetterWords::gp_request(content)?;
    let letter = letter::gp_request(case, &words, date, options)?;
    Ok(RenderedDocument {
        bytes: pdf::render(&letter.layout, &letter.meta)?,
        file_name: letter.file_name,
    })
}

/// The GP letter's layout without the PDF, from the given words (see
/// [`LetterWords::gp_request`]): for snapshot tests and geometry checks.
pub fn gp_request_letter_layout(
    case: &CaseDetails,
    words: &LetterWords,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<layout::Layout> {
    Ok(letter::gp_request(case, words, date, options)?.layout)
}

/// Any [`layout::Layout`] as PDF bytes, with the given metadata: for documents built from
/// [`layout::Block`]s outside this module (for example the content review book).
///
/// Text must already be printable: see [`printable_text`]. A character the fonts cannot draw
/// gives [`Error::Document`] rather than a box on paper.
pub fn render_pdf(layout: &layout::Layout, info: &PdfInfo) -> Result<Vec<u8>> {
    pdf::render(layout, info)
}

/// Cleans text for printing (line ends, tabs, invisible characters; see the `text` module) or
/// refuses it with [`Error::InvalidInput`] naming the field by `label` ("The name").
pub fn printable_text(label: &str, value: &str) -> Result<String> {
    text::printable_field(label, value)
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
    file.persist(path).map_err(|e| Error::Io(e.error))?;
    Ok(SavedDocument {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: path.display().to_string(),
    })
}
