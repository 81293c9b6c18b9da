//! Layout: a document as a list of [`Block`]s, flowed onto pages as pure geometry.
//!
//! Nothing here knows about PDF: the result is a [`Layout`] of positioned text runs, lines and
//! rectangles, which [`crate::pdf`] turns into a file and [`Layout::to_text_snapshot`] turns into
//! text for snapshot tests.
//!
//! Invariants:
//! - Coordinates are points (1/72 inch) from the page's top-left corner; `y` grows downwards. A
//!   text run's `y` is its baseline.
//! - No text run is wider than the text area: lines are broken by `wrap`, long words
//!   between grapheme clusters.
//! - Text is measured with the font's own advances and no kerning (see [`crate::fonts`]).
//! - Headings are never the last thing on a page; a paragraph's first or last line is never left
//!   alone on a page when it has more than one line; a table's header row is repeated on every
//!   page the table continues on, and a row is only split (between its lines) when it is taller
//!   than a page.
//! - A [`Block::ContinuedHeading`] is printed in the top margin of every page but the first.
//! - Every text run a reader needs belongs to one element of [`Layout::structure`] (a heading,
//!   a paragraph, a list item's label or body, a table cell); only page furniture (the running
//!   title, page numbers, a table header repeated on a later page) belongs to none.
//! - Every page gets the running title and "Page X of Y" in its footer, in a second pass once the
//!   number of pages is known.

mod blocks;
mod build;
mod forms;
mod page;
mod paginate;
mod table;
#[cfg(test)]
mod tests;

pub use crate::wrap::Span;
pub use blocks::{Block, Column, LayoutOptions, Side, Table};
pub use page::{Item, Layout, Page, Paint, Role, StructNode, TextArea, TextRun, Tone};

use crate::fonts::{metrics, Face};

fn advance(c: char, face: Face) -> f32 {
    face_metrics(face).advance(c)
}
use crate::fonts::metrics as face_metrics;
use crate::shape::needs_shaping;
use crate::wrap::{Line, Run};
use crate::Paper;
use build::Builder;
use paginate::{paginate, stamp_continued, stamp_footers};

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;

/// Sizes that follow from the options.
#[derive(Debug, Clone, Copy)]
struct Style {
    /// Body text size.
    body: f32,
    /// Line height as a multiple of the text size.
    leading: f32,
    footer: f32,
}

impl Style {
    fn new(large_print: bool) -> Style {
        if large_print {
            Style {
                body: 16.0,
                leading: 1.5,
                footer: 12.0,
            }
        } else {
            Style {
                body: 12.0,
                leading: 1.4,
                footer: 9.0,
            }
        }
    }

    fn line(&self) -> f32 {
        self.body * self.leading
    }

    /// Space between paragraphs.
    fn paragraph_gap(&self) -> f32 {
        self.line() * 0.6
    }

    /// Distance between ruled lines for handwriting: about 9 mm, more in large print.
    fn writing_gap(&self) -> f32 {
        (self.line() * 1.6).max(26.0)
    }

    fn heading_size(&self, level: u8) -> f32 {
        match level {
            0 => self.body * 2.25,
            1 => self.body * 1.75,
            2 => self.body * 1.35,
            _ => self.body * 1.1,
        }
    }
}

/// Page width and height in points.
pub fn paper_size(paper: Paper) -> (f32, f32) {
    match paper {
        Paper::A4 => (595.28, 841.89),
        Paper::UsLetter => (612.0, 792.0),
    }
}

/// Up to this many writing lines are kept on one page.
const KEEP_LINES_TOGETHER: usize = 6;

/// A vertical piece of a page, placed whole.
#[derive(Debug, Clone, Default)]
struct Chunk {
    /// Space above, dropped at the top of a page.
    space_before: f32,
    height: f32,
    /// Positions relative to the chunk's top.
    items: Vec<Item>,
    /// Must be on the same page as the next chunk.
    keep_with_next: bool,
    /// Starts a new page.
    page_break: bool,
    /// Index of a header chunk to repeat when this chunk starts a page.
    header: Option<usize>,
    /// Rule lines this far apart from the chunk's top down to the bottom of the page.
    fill_lines: Option<f32>,
}

/// Lays `blocks` out on pages.
pub fn lay_out(blocks: &[Block], options: &LayoutOptions) -> Layout {
    lay_out_before(blocks, options, 0)
}

/// Lays `blocks` out as the first pages of a document `pages_after` pages longer (the records
/// bundle's index, before the records): each footer's "Page X of Y" counts them all.
pub fn lay_out_before(blocks: &[Block], options: &LayoutOptions, pages_after: usize) -> Layout {
    let (width, height) = paper_size(options.paper);
    let margin = 25.0 * MM;
    let area = TextArea {
        left: margin,
        top: margin,
        right: width - margin,
        bottom: height - margin,
    };
    let style = Style::new(options.large_print);
    let mut builder = Builder {
        style,
        area,
        chunks: Vec::new(),
        headers: Vec::new(),
        continued: None,
        structure: Vec::new(),
    };
    for block in blocks {
        builder.block(block);
    }
    let mut pages = paginate(&builder.chunks, &builder.headers, area);
    if let Some(text) = &builder.continued {
        stamp_continued(&mut pages, text, style, area);
    }
    let total = pages.len() + pages_after;
    stamp_footers(
        &mut pages,
        &options.running_title,
        style,
        area,
        height,
        total,
    );
    Layout {
        width,
        height,
        area,
        pages,
        structure: builder.structure,
    }
}

/// Where the baseline sits in a line box of height `lh` for text of `size`.
fn baseline(size: f32, lh: f32) -> f32 {
    let m = metrics(Face::Regular);
    let ascent = m.ascent() * size;
    let descent = m.descent() * size;
    (lh - ascent - descent) / 2.0 + ascent
}

/// Text runs for a line starting at `x`, one per change of face or direction, left to right, at
/// baseline `y`.
fn runs_at(line: Line, x: f32, y: f32, size: f32, tone: Tone) -> Vec<TextRun> {
    let mut pen = x;
    line.into_runs()
        .into_iter()
        .map(|run| {
            let rtl = run.rtl();
            let width = if needs_shaping(run.face, &run.text) {
                run.unit_width() * size
            } else {
                run.text.chars().map(|c| advance(c, run.face) * size).sum()
            };
            let Run { text, face, .. } = run;
            let run = TextRun {
                x: pen,
                y,
                width,
                text,
                face,
                size,
                tone,
                rtl,
                node: None,
            };
            pen += width;
            run
        })
        .collect()
}

fn text_line_chunk(line: Line, x: f32, size: f32, lh: f32, tone: Tone) -> Chunk {
    Chunk {
        height: lh,
        items: runs_at(line, x, baseline(size, lh), size, tone)
            .into_iter()
            .map(Item::Text)
            .collect(),
        ..Chunk::default()
    }
}
