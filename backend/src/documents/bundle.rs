//! The records bundle for the second doctor: one PDF with an index first (whose records, for
//! which second opinion, each document with its date and the page it starts on), then every
//! chosen PDF's pages and every picture on a page of its own.
//!
//! Invariants: a file that cannot be put in is listed under "Not included" with a plain
//! reason, and never stops the bundle; the index's page numbers are those of the finished
//! file (the index is laid out again until its own length stops changing); only pages are
//! copied from the person's PDFs, never their scripts or files (`printing::bundle`).

use chrono::NaiveDate;

use super::layout::{lay_out_before, Block, Column, Layout, LayoutOptions, Span, Table};
use super::letter::one_line;
use super::pdf::{self, PdfInfo};
use super::printable::printable_field;
use super::{DocumentOptions, RenderedDocument};
use crate::cases::{nhs_number_for_print, CaseDetails};
use crate::dates;
use crate::error::{Error, Result};
use printing::bundle::{self as merge, Part, Prepared};

/// The bundle's running title and PDF title: nothing about health.
pub(crate) const BUNDLE_TITLE: &str = "Records for the second opinion";
const BUNDLE_STEM: &str = "second-opinion-records";

/// The most the chosen files may come to together. A bundle holds every chosen file and the
/// PDF made of them in memory at once, so this bounds what making one takes (about twice this),
/// on a family computer that may have little to spare.
pub const MAX_BUNDLE_BYTES: u64 = 200 * 1024 * 1024;

/// Refuses a bundle whose chosen files come to more than [`MAX_BUNDLE_BYTES`] together, in
/// words that say what to do, before any file is read.
///
/// Errors: [`Error::InvalidInput`].
pub fn check_bundle_size(sizes: impl IntoIterator<Item = u64>) -> Result<()> {
    let total = sizes.into_iter().fold(0_u64, u64::saturating_add);
    if total <= MAX_BUNDLE_BYTES {
        return Ok(());
    }
    Err(Error::InvalidInput(format!(
        "The files you ticked come to {} together. One bundle can hold up to {} MB. Untick \
         some of them and make a second bundle for the rest.",
        crate::cases::size_text(total),
        MAX_BUNDLE_BYTES / (1024 * 1024),
    )))
}

/// A record's file as it is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleFile {
    Pdf(Vec<u8>),
    Jpeg(Vec<u8>),
    Png(Vec<u8>),
    /// An iPhone photo: kept, but the app cannot draw it.
    Heic,
    /// The file could not be read from the profile; why, in plain words.
    Unreadable(String),
}

/// One chosen record: its title and date as the person gave them, and its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleRecord {
    pub title: String,
    pub dated: Option<NaiveDate>,
    pub file: BundleFile,
}

/// Whose records, for whom, and which.
#[derive(Debug, Clone, Copy)]
pub struct RecordsBundle<'a> {
    pub case: &'a CaseDetails,
    /// The second doctor or service, as the person wrote it (may be empty).
    pub with: &'a str,
    pub records: &'a [BundleRecord],
}

/// One record as the index lists it.
struct Entry {
    title: String,
    date: String,
    /// Pages it takes, or why it is not included.
    pages: std::result::Result<u32, String>,
}

/// The bundle as a PDF, made on `date`.
///
/// Errors: [`Error::InvalidInput`] naming the field that cannot be printed, or when no record
/// is chosen.
pub fn records_bundle(
    bundle: &RecordsBundle<'_>,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<RenderedDocument> {
    if bundle.records.is_empty() {
        return Err(Error::InvalidInput(
            "Please tick at least one file to put in the bundle.".into(),
        ));
    }
    let mut parts: Vec<Prepared> = Vec::new();
    let mut entries = Vec::with_capacity(bundle.records.len());
    for (i, record) in bundle.records.iter().enumerate() {
        let pages = match prepare(&record.file) {
            Ok(prepared) => {
                let pages = prepared.pages;
                parts.push(prepared);
                Ok(pages)
            }
            Err(why) => Err(why),
        };
        entries.push(Entry {
            title: one_line(&printable_field(
                &format!("Record {}", i + 1),
                &record.title,
            )?),
            date: record.dated.map(dates::long_uk).unwrap_or_default(),
            pages,
        });
    }
    let layout = index_layout(bundle, &entries, options)?;
    let info = PdfInfo {
        title: BUNDLE_TITLE.to_owned(),
        date,
    };
    let front = pdf::render(&layout, &info)?;
    Ok(RenderedDocument {
        bytes: merge::assemble(&front, parts, options.paper.into())?,
        file_name: format!("{BUNDLE_STEM}-{}.pdf", dates::iso(date)),
    })
}

/// The file ready to add, or why it cannot be.
fn prepare(file: &BundleFile) -> std::result::Result<Prepared, String> {
    let part = match file {
        BundleFile::Pdf(b) => Part::Pdf(b),
        BundleFile::Jpeg(b) => Part::Jpeg(b),
        BundleFile::Png(b) => Part::Png(b),
        BundleFile::Heic => {
            return Err("the app cannot put iPhone photos (HEIC) in a bundle. Save a copy of it and send it on its own.".into())
        }
        BundleFile::Unreadable(why) => return Err(why.clone()),
    };
    merge::prepare(part).map_err(|r| format!("{}. Save a copy of it and send it on its own.", r.0))
}

/// The index, laid out until the page numbers it prints are those of the finished file (a
/// longer index pushes every record later).
fn index_layout(
    bundle: &RecordsBundle<'_>,
    entries: &[Entry],
    options: &DocumentOptions,
) -> Result<Layout> {
    let layout_options = LayoutOptions {
        paper: options.paper.into(),
        large_print: options.large_print,
        running_title: BUNDLE_TITLE.to_owned(),
    };
    let after: usize = entries
        .iter()
        .filter_map(|e| e.pages.as_ref().ok())
        .map(|p| *p as usize)
        .sum();
    let blocks_for = |index_pages: usize| index_blocks(bundle, entries, index_pages);
    let mut index_pages = 1;
    let mut layout = lay_out_before(&blocks_for(index_pages)?, &layout_options, after);
    // Each pass can only lengthen the index by the width of its numbers: a few settle it.
    for _ in 0..4 {
        if layout.pages.len() == index_pages {
            break;
        }
        index_pages = layout.pages.len();
        layout = lay_out_before(&blocks_for(index_pages)?, &layout_options, after);
    }
    Ok(layout)
}

fn index_blocks(
    bundle: &RecordsBundle<'_>,
    entries: &[Entry],
    index_pages: usize,
) -> Result<Vec<Block>> {
    let case = bundle.case;
    let with = one_line(&printable_field(
        "Who the second opinion is with",
        bundle.with,
    )?);
    let name = one_line(&printable_field("The name", &case.patient_name)?);
    let heading = if with.is_empty() {
        BUNDLE_TITLE.to_owned()
    } else {
        format!("{BUNDLE_TITLE} with {with}")
    };
    let mut rows = vec![("Name".to_owned(), name.clone())];
    let mut continued = name;
    if let Some(born) = case.date_of_birth {
        rows.push(("Date of birth".to_owned(), dates::long_uk(born)));
        continued = format!("{continued}, born {}", dates::long_uk(born));
    }
    let number = nhs_number_for_print(&case.nhs_number);
    if !number.is_empty() {
        let number = one_line(&printable_field(case.number_label(), &number)?);
        rows.push((case.number_label().to_owned(), number));
    }
    let mut b = vec![
        Block::ContinuedHeading { text: continued },
        Block::heading(1, heading),
        Block::Details { rows },
        Block::heading(3, "What is in this bundle"),
    ];
    let mut page = index_pages + 1;
    let mut table_rows = Vec::new();
    let mut left_out = Vec::new();
    for entry in entries {
        match &entry.pages {
            Ok(pages) => {
                table_rows.push(vec![
                    entry.title.clone(),
                    entry.date.clone(),
                    page.to_string(),
                ]);
                page += *pages as usize;
            }
            Err(why) => left_out.push((entry, why)),
        }
    }
    if table_rows.is_empty() {
        b.push(Block::text(
            "None of the chosen files could be put in this bundle (see below).",
        ));
    } else {
        b.push(Block::Table(Table {
            columns: vec![
                column("Document", 4.6),
                column("Date", 2.7),
                column("Starts on page", 1.5),
            ],
            rows: table_rows,
        }));
    }
    if !left_out.is_empty() {
        b.push(Block::heading(3, "Not included"));
        b.push(not_included(&left_out));
    }
    Ok(b)
}

/// Each file left out, with its date and why, in plain words.
fn not_included(left_out: &[(&Entry, &String)]) -> Block {
    Block::BulletList {
        items: left_out
            .iter()
            .map(|(entry, why)| {
                let mut spans = vec![Span::bold(entry.title.clone())];
                if !entry.date.is_empty() {
                    spans.push(Span::regular(format!(" ({})", entry.date)));
                }
                spans.push(Span::regular(format!(": not included, because {why}")));
                spans
            })
            .collect(),
    }
}

fn column(title: &str, weight: f32) -> Column {
    Column {
        title: title.to_owned(),
        weight,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: u64 = 1024 * 1024;

    #[test]
    fn a_bundle_up_to_the_limit_is_made_and_one_over_it_says_what_to_do() {
        assert!(check_bundle_size([]).is_ok());
        assert!(check_bundle_size([150 * MB, 50 * MB]).is_ok());
        let err = check_bundle_size([50 * MB, 50 * MB, 50 * MB, 50 * MB, 1]).expect_err("over");
        assert_eq!(err.code(), "invalid_input");
        assert_eq!(
            err.to_string(),
            "The files you ticked come to 200.1 MB together. One bundle can hold up to 200 MB. \
             Untick some of them and make a second bundle for the rest."
        );
        assert!(check_bundle_size([u64::MAX, u64::MAX]).is_err());
    }
}
