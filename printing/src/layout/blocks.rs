//! What a document is made of: the blocks a document module builds, and the options.

use crate::wrap::Span;
use crate::Paper;

/// Which side an [`Block::AddressBlock`] sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Lines start at the left margin.
    Left,
    /// The block's longest line ends at the right margin; lines are aligned on their left edge,
    /// as a sender's address on a UK letter.
    Right,
}

/// A column of a [`Table`].
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Relative width: columns share the text width in proportion to their weights.
    pub weight: f32,
}

/// A table with a header row, repeated on each page the table continues on.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    /// Each row has one cell per column; missing cells are empty. A cell may hold line breaks.
    pub rows: Vec<Vec<String>>,
}

/// One piece of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading: level 0 (a cover title), 1 (largest section heading) to 3. Kept on the same
    /// page as what follows it.
    Heading { level: u8, text: String },
    /// Wrapped text. `\n` in a span starts a new line. `keep_with_next` keeps the last line on
    /// the same page as the start of the next block (for a question and its answer lines).
    Paragraph {
        spans: Vec<Span>,
        keep_with_next: bool,
    },
    /// Lines kept together, on the left or the right (see [`Side`]). An empty line is a gap.
    AddressBlock { lines: Vec<String>, side: Side },
    /// Empty space, in body lines. Disappears at the top of a page.
    Spacer { lines: f32 },
    /// Items with a bullet and a hanging indent.
    BulletList { items: Vec<Vec<Span>> },
    /// Items each with an empty square to tick by hand.
    CheckboxList { items: Vec<String> },
    /// Items each with a square, ticked (a drawn tick mark) or empty.
    TickList { items: Vec<(String, bool)> },
    /// Label and value pairs: the label in bold on the left, the value wrapped beside it.
    Details { rows: Vec<(String, String)> },
    /// A ruled table.
    Table(Table),
    /// Ruled lines to write on.
    WritingLines { count: usize },
    /// Ruled lines to write on, down to the bottom of the page (at least three; if fewer fit,
    /// they start on a new page).
    WritingLinesToPageEnd,
    /// Starts a new page (unless the page is still empty).
    PageBreak,
    /// Blocks kept on one page (if they fit on one), for things that must be read together,
    /// such as emergency numbers.
    KeepTogether(Vec<Block>),
    /// Space to sign, a line, and the name printed under it.
    SignatureLine { name: String },
    /// A signature line with the name under it, and a shorter line for the date beside it,
    /// labelled "Date". For forms signed by more than one person.
    SignatureAndDate { name: String },
    /// A code to copy by hand (a recovery code), in large bold groups laid out on a grid with
    /// wide gaps, inside a ruled box. Groups are never split.
    CodeGroups { groups: Vec<String> },
    /// Empty boxes to copy a code into by hand, one per group of `chars` characters, each
    /// wide enough for large handwriting, laid out on a grid with wide gaps.
    CodeBoxes { count: usize, chars: usize },
    /// A line printed in the top margin of every page after the first (for a letter: the
    /// patient's name and the date), so a loose second page still says whose it is. Takes no
    /// room where it stands; the last one given is used.
    ContinuedHeading { text: String },
}

impl Block {
    /// A regular paragraph.
    pub fn text(text: impl Into<String>) -> Block {
        Block::Paragraph {
            spans: vec![Span::regular(text)],
            keep_with_next: false,
        }
    }

    /// A bold paragraph.
    pub fn bold(text: impl Into<String>) -> Block {
        Block::Paragraph {
            spans: vec![Span::bold(text)],
            keep_with_next: false,
        }
    }

    /// A heading.
    pub fn heading(level: u8, text: impl Into<String>) -> Block {
        Block::Heading {
            level,
            text: text.into(),
        }
    }
}

/// How a document is laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    pub paper: Paper,
    /// 16 pt body text with wider line spacing instead of 12 pt.
    pub large_print: bool,
    /// Printed in every page's footer. Never health details: a page may be left on a desk.
    pub running_title: String,
}
