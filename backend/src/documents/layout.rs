//! Layout: a document as a list of [`Block`]s, flowed onto pages as pure geometry.
//!
//! Nothing here knows about PDF: the result is a [`Layout`] of positioned text runs, lines and
//! rectangles, which `documents::pdf` turns into a file and [`Layout::to_text_snapshot`] turns into
//! text for snapshot tests.
//!
//! Invariants:
//! - Coordinates are points (1/72 inch) from the page's top-left corner; `y` grows downwards. A
//!   text run's `y` is its baseline.
//! - No text run is wider than the text area: lines are broken by `documents::wrap`, long words
//!   between grapheme clusters.
//! - Text is measured with the font's own advances and no kerning (see `documents::fonts`).
//! - Headings are never the last thing on a page; a paragraph's first or last line is never left
//!   alone on a page when it has more than one line; a table's header row is repeated on every
//!   page the table continues on, and a row is only split (between its lines) when it is taller
//!   than a page.
//! - Every page gets the running title and "Page X of Y" in its footer, in a second pass once the
//!   number of pages is known.

use std::fmt::Write as _;

use super::fonts::{metrics, Face};
pub use super::wrap::Span;
use super::wrap::{advance, fit, wrap, Line, Run};
use super::Paper;

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;

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

/// Shade of ink.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Text: black.
    Ink,
    /// Footers and hints: dark grey.
    Muted,
    /// Table borders and ruled lines: mid grey.
    Rule,
    /// Table header backgrounds: very light grey.
    Shade,
}

impl Tone {
    /// Grey level, 0 = black, 1 = white.
    pub fn grey(self) -> f32 {
        match self {
            Tone::Ink => 0.0,
            Tone::Muted => 0.3,
            Tone::Rule => 0.45,
            Tone::Shade => 0.9,
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Tone::Ink => "ink",
            Tone::Muted => "muted",
            Tone::Rule => "rule",
            Tone::Shade => "shade",
        }
    }
}

/// A run of text in one face and size, on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Left edge.
    pub x: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    /// Measured width.
    pub width: f32,
    pub text: String,
    pub face: Face,
    pub size: f32,
    pub tone: Tone,
}

/// How a rectangle is painted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Paint {
    /// Outline of this width.
    Stroke(f32),
    /// Filled.
    Fill,
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        tone: Tone,
    },
    /// `y` is the top edge.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        paint: Paint,
        tone: Tone,
    },
}

impl Item {
    fn shift(&mut self, dy: f32) {
        match self {
            Item::Text(t) => t.y += dy,
            Item::Line { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
            Item::Rect { y, .. } => *y += dy,
        }
    }
}

/// One laid-out page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

impl Page {
    /// The page's text runs, in drawing order.
    pub fn texts(&self) -> impl Iterator<Item = &TextRun> {
        self.items.iter().filter_map(|i| match i {
            Item::Text(t) => Some(t),
            _ => None,
        })
    }
}

/// The area body text may use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextArea {
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

impl TextArea {
    pub fn width(&self) -> f32 {
        self.right - self.left
    }
}

/// A document laid out on pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    pub area: TextArea,
    pub pages: Vec<Page>,
}

impl Layout {
    /// Pages, lines and shapes as plain text with positions rounded to 0.1 pt, for snapshot
    /// tests: a change to the layout shows up as a readable diff in review.
    pub fn to_text_snapshot(&self) -> String {
        let mut out = String::new();
        let n = self.pages.len();
        for (i, page) in self.pages.iter().enumerate() {
            let _ = writeln!(
                out,
                "page {} of {n} ({:.2} x {:.2})",
                i + 1,
                self.width,
                self.height
            );
            for item in &page.items {
                match item {
                    Item::Text(t) => {
                        let _ = writeln!(
                            out,
                            "  text y={:.1} x={:.1} w={:.1} {}{:.1}{} {:?}",
                            t.y,
                            t.x,
                            t.width,
                            t.face.tag(),
                            t.size,
                            if t.tone == Tone::Ink {
                                String::new()
                            } else {
                                format!(" {}", t.tone.tag())
                            },
                            t.text
                        );
                    }
                    Item::Line {
                        x1,
                        y1,
                        x2,
                        y2,
                        width,
                        tone,
                    } => {
                        let _ = writeln!(
                            out,
                            "  line ({x1:.1},{y1:.1})-({x2:.1},{y2:.1}) w={width:.1} {}",
                            tone.tag()
                        );
                    }
                    Item::Rect {
                        x,
                        y,
                        w,
                        h,
                        paint,
                        tone,
                    } => {
                        let paint = match paint {
                            Paint::Stroke(w) => format!("stroke {w:.1}"),
                            Paint::Fill => "fill".to_owned(),
                        };
                        let _ = writeln!(
                            out,
                            "  rect x={x:.1} y={y:.1} w={w:.1} h={h:.1} {paint} {}",
                            tone.tag()
                        );
                    }
                }
            }
        }
        out
    }
}

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
    };
    for block in blocks {
        builder.block(block);
    }
    let mut pages = paginate(&builder.chunks, &builder.headers, area);
    stamp_footers(&mut pages, &options.running_title, style, area, height);
    Layout {
        width,
        height,
        area,
        pages,
    }
}

/// Turns blocks into chunks.
struct Builder {
    style: Style,
    area: TextArea,
    chunks: Vec<Chunk>,
    headers: Vec<Chunk>,
}

impl Builder {
    fn block(&mut self, block: &Block) {
        let s = self.style;
        match block {
            Block::Heading { level, text } => {
                let size = s.heading_size(*level);
                let lh = size * 1.25;
                let before = match level {
                    0 => 0.0,
                    1 => s.line() * 1.4,
                    2 => s.line() * 1.1,
                    _ => s.line() * 0.8,
                };
                let lines = wrap(&[Span::bold(text.clone())], size, self.area.width());
                let n = lines.len();
                for (i, line) in lines.into_iter().enumerate() {
                    let mut c = text_line_chunk(line, self.area.left, size, lh, Tone::Ink);
                    c.space_before = if i == 0 { before } else { 0.0 };
                    c.keep_with_next = true;
                    if i + 1 == n {
                        // A little air between a heading and its text.
                        c.height += s.line() * 0.2;
                    }
                    self.chunks.push(c);
                }
            }
            Block::Paragraph {
                spans,
                keep_with_next,
            } => {
                let lines = wrap(spans, s.body, self.area.width());
                self.push_lines(lines, self.area.left, s.paragraph_gap(), *keep_with_next);
            }
            Block::AddressBlock { lines, side } => {
                let max = match side {
                    Side::Left => self.area.width() * 0.65,
                    Side::Right => self.area.width() * 0.5,
                };
                let mut wrapped = Vec::new();
                for line in lines {
                    if line.trim().is_empty() {
                        wrapped.push(Line::default());
                    } else {
                        wrapped.extend(wrap(&[Span::regular(line.clone())], s.body, max));
                    }
                }
                let block_width = wrapped
                    .iter()
                    .map(|l| l.unit_width() * s.body)
                    .fold(0.0_f32, f32::max);
                let x = match side {
                    Side::Left => self.area.left,
                    Side::Right => self.area.right - block_width,
                };
                let n = wrapped.len();
                for (i, line) in wrapped.into_iter().enumerate() {
                    let mut c = text_line_chunk(line, x, s.body, s.line(), Tone::Ink);
                    c.keep_with_next = i + 1 < n;
                    self.chunks.push(c);
                }
            }
            Block::Spacer { lines } => self.chunks.push(Chunk {
                space_before: lines * s.line(),
                ..Chunk::default()
            }),
            Block::BulletList { items } => {
                let indent = s.body * 1.5;
                for item in items {
                    let lines = wrap(item, s.body, self.area.width() - indent);
                    let first = self.chunks.len();
                    self.push_lines(
                        lines,
                        self.area.left + indent,
                        s.paragraph_gap() * 0.6,
                        false,
                    );
                    if let Some(c) = self.chunks.get_mut(first) {
                        let b = metrics(Face::Regular);
                        c.items.push(Item::Text(TextRun {
                            x: self.area.left + s.body * 0.4,
                            y: baseline(s.body, s.line()),
                            width: b.width("•", s.body),
                            text: "•".into(),
                            face: Face::Regular,
                            size: s.body,
                            tone: Tone::Ink,
                        }));
                    }
                }
            }
            Block::CheckboxList { items } => {
                for item in items {
                    self.checkbox(item, false);
                }
            }
            Block::TickList { items } => {
                for (item, ticked) in items {
                    self.checkbox(item, *ticked);
                }
            }
            Block::Details { rows } => self.details(rows),
            Block::Table(table) => self.table(table),
            Block::WritingLines { count } => {
                let gap = s.writing_gap();
                for i in 0..*count {
                    self.chunks.push(Chunk {
                        space_before: 0.0,
                        height: gap,
                        items: vec![Item::Line {
                            x1: self.area.left,
                            y1: gap,
                            x2: self.area.right,
                            y2: gap,
                            width: 0.6,
                            tone: Tone::Rule,
                        }],
                        // A few lines stay together (with the question before them); many may
                        // split, but never leaving one line alone.
                        keep_with_next: i + 1 < *count
                            && (*count <= KEEP_LINES_TOGETHER || i == 0 || i + 2 == *count),
                        ..Chunk::default()
                    });
                }
            }
            Block::WritingLinesToPageEnd => {
                let gap = s.writing_gap();
                self.chunks.push(Chunk {
                    height: gap * 3.0,
                    fill_lines: Some(gap),
                    ..Chunk::default()
                });
            }
            Block::KeepTogether(blocks) => {
                let first = self.chunks.len();
                for block in blocks {
                    self.block(block);
                }
                let last = self.chunks.len().saturating_sub(1);
                for chunk in self.chunks.iter_mut().take(last).skip(first) {
                    chunk.keep_with_next = true;
                }
            }
            Block::PageBreak => self.chunks.push(Chunk {
                page_break: true,
                ..Chunk::default()
            }),
            Block::SignatureLine { name } => {
                // Room for a signature, the line, then the name under it.
                let room = s.line() * 3.0;
                let line_width = (self.area.width() * 0.45).max(180.0);
                let mut c = Chunk {
                    space_before: s.paragraph_gap(),
                    height: room,
                    items: vec![Item::Line {
                        x1: self.area.left,
                        y1: room,
                        x2: self.area.left + line_width,
                        y2: room,
                        width: 0.75,
                        tone: Tone::Ink,
                    }],
                    ..Chunk::default()
                };
                let lines = wrap(&[Span::regular(name.clone())], s.body, line_width);
                // A little air between the line and the name.
                c.height += s.body * 0.3;
                self.name_under_line(c, lines, &[]);
            }
            Block::SignatureAndDate { name } => self.signature_and_date(name),
            Block::CodeGroups { groups } => self.code_groups(groups),
            Block::CodeBoxes { count, chars } => self.code_boxes(*count, *chars),
        }
    }

    /// One item with a square to tick, ticked or not.
    fn checkbox(&mut self, item: &str, ticked: bool) {
        let s = self.style;
        let side = (s.body * 0.95).round();
        let indent = side + s.body * 0.75;
        let lines = wrap(
            &[Span::regular(item.to_owned())],
            s.body,
            self.area.width() - indent,
        );
        let first = self.chunks.len();
        self.push_lines(lines, self.area.left + indent, s.line() * 0.45, false);
        if let Some(c) = self.chunks.get_mut(first) {
            // The square sits on the baseline and rises to about the capital height.
            let base = baseline(s.body, s.line());
            let (x, y) = (self.area.left + 0.5, base - side + s.body * 0.12);
            c.items.push(Item::Rect {
                x,
                y,
                w: side,
                h: side,
                paint: Paint::Stroke(1.0),
                tone: Tone::Ink,
            });
            if ticked {
                // A tick drawn as two strokes, inside the square.
                let (ax, ay) = (x + side * 0.2, y + side * 0.55);
                let (bx, by) = (x + side * 0.42, y + side * 0.78);
                let (cx, cy) = (x + side * 0.82, y + side * 0.2);
                for (x1, y1, x2, y2) in [(ax, ay, bx, by), (bx, by, cx, cy)] {
                    c.items.push(Item::Line {
                        x1,
                        y1,
                        x2,
                        y2,
                        width: (s.body * 0.15).max(1.6),
                        tone: Tone::Ink,
                    });
                }
            }
        }
    }

    /// A signature line and a date line side by side, labelled underneath.
    fn signature_and_date(&mut self, name: &str) {
        let s = self.style;
        let room = s.line() * 3.0;
        let gap = s.body * 2.0;
        let date_width = (self.area.width() * 0.3).max(110.0);
        let sign_width = self.area.width() - date_width - gap;
        let date_x = self.area.left + sign_width + gap;
        let mut c = Chunk {
            space_before: s.paragraph_gap(),
            height: room,
            keep_with_next: false,
            ..Chunk::default()
        };
        for (x1, x2) in [
            (self.area.left, self.area.left + sign_width),
            (date_x, self.area.right),
        ] {
            c.items.push(Item::Line {
                x1,
                y1: room,
                x2,
                y2: room,
                width: 0.75,
                tone: Tone::Ink,
            });
        }
        c.height += s.body * 0.3;
        let names = wrap(&[Span::regular(name.to_owned())], s.body, sign_width);
        let label = Line::unbroken("Date", Face::Regular);
        self.name_under_line(c, names, &[(label, date_x)]);
    }

    /// Finishes a signature chunk `c`: the first line of the name (and any `beside` texts) under
    /// the signature line, then the name's other lines as chunks of their own, so a name of
    /// any length flows onto the next page rather than off this one.
    fn name_under_line(&mut self, mut c: Chunk, names: Vec<Line>, beside: &[(Line, f32)]) {
        let s = self.style;
        let y = c.height + baseline(s.body, s.line());
        let mut names = names.into_iter();
        if let Some(first) = names.next() {
            let runs = runs_at(first, self.area.left, y, s.body, Tone::Ink);
            c.items.extend(runs.into_iter().map(Item::Text));
        }
        for (text, x) in beside {
            let runs = runs_at(text.clone(), *x, y, s.body, Tone::Ink);
            c.items.extend(runs.into_iter().map(Item::Text));
        }
        c.height += s.line();
        let rest: Vec<Line> = names.collect();
        c.keep_with_next = !rest.is_empty();
        self.chunks.push(c);
        let n = rest.len();
        for (i, line) in rest.into_iter().enumerate() {
            let mut c = text_line_chunk(line, self.area.left, s.body, s.line(), Tone::Ink);
            c.keep_with_next = i + 2 == n;
            self.chunks.push(c);
        }
    }

    /// Groups of a code on a grid, in a ruled box: one chunk per row.
    fn code_groups(&mut self, groups: &[String]) {
        let s = self.style;
        let groups: Vec<&String> = groups.iter().filter(|g| !g.is_empty()).collect();
        if groups.is_empty() {
            return;
        }
        let size = s.body * 2.2;
        let bold = metrics(Face::Bold);
        let pad = size * 0.6;
        let gap = size * 1.1;
        let inner = self.area.width() - 2.0 * pad;
        // Every group gets a cell as wide as the widest, so the columns line up.
        let widest = groups
            .iter()
            .map(|g| bold.width(g, size))
            .fold(0.0_f32, f32::max);
        let fit = (((inner + gap) / (widest + gap)).floor() as usize).max(1);
        let rows = groups.len().div_ceil(fit);
        let columns = groups.len().div_ceil(rows);
        let grid = columns as f32 * widest + (columns - 1) as f32 * gap;
        let start = self.area.left + pad + ((inner - grid) / 2.0).max(0.0);
        let lh = size * 1.5;
        for (r, row) in groups.chunks(columns).enumerate() {
            let first = r == 0;
            let last = r + 1 == rows;
            let top_pad = if first { pad } else { 0.0 };
            let mut c = Chunk {
                space_before: if first { s.paragraph_gap() } else { 0.0 },
                height: top_pad + lh + if last { pad } else { 0.0 },
                keep_with_next: !last,
                ..Chunk::default()
            };
            for (i, group) in row.iter().enumerate() {
                let line = Line::unbroken(group, Face::Bold);
                let w = line.unit_width() * size;
                // Long groups (wider than a line) are wrapped by characters, never lost.
                let x = start + i as f32 * (widest + gap) + (widest - w).max(0.0) / 2.0;
                let x = x.min(self.area.right - w).max(self.area.left);
                let runs = runs_at(line, x, top_pad + baseline(size, lh), size, Tone::Ink);
                c.items.extend(runs.into_iter().map(Item::Text));
            }
            let (x, w, h) = (self.area.left, self.area.width(), c.height);
            let mut edges = vec![(x, 0.0, x, h), (x + w, 0.0, x + w, h)];
            if first {
                edges.push((x, 0.0, x + w, 0.0));
            }
            if last {
                edges.push((x, h, x + w, h));
            }
            c.items
                .extend(edges.into_iter().map(|(x1, y1, x2, y2)| Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width: 1.0,
                    tone: Tone::Ink,
                }));
            self.chunks.push(c);
        }
    }

    fn code_boxes(&mut self, count: usize, chars: usize) {
        if count == 0 {
            return;
        }
        let s = self.style;
        // Handwriting is the same size whatever the print size, and wider than print: each
        // box holds `chars` of the widest letter at about 26 points.
        let size = 26.0;
        let width = metrics(Face::Bold).width(&"W".repeat(chars.max(1)), size) * 1.15;
        let height = size * 1.7;
        let gap = size * 0.6;
        let inner = self.area.width();
        let fit = (((inner + gap) / (width + gap)).floor() as usize).max(1);
        let rows = count.div_ceil(fit);
        let columns = count.div_ceil(rows);
        let grid = columns as f32 * width + (columns - 1) as f32 * gap;
        let start = self.area.left + ((inner - grid) / 2.0).max(0.0);
        let width = width.min(inner);
        for r in 0..rows {
            let in_row = columns.min(count - r * columns);
            let mut c = Chunk {
                space_before: if r == 0 { s.paragraph_gap() } else { gap * 0.6 },
                height,
                keep_with_next: r + 1 < rows,
                ..Chunk::default()
            };
            for i in 0..in_row {
                c.items.push(Item::Rect {
                    x: start + i as f32 * (width + gap),
                    y: 0.0,
                    w: width,
                    h: height,
                    paint: Paint::Stroke(1.5),
                    tone: Tone::Ink,
                });
            }
            self.chunks.push(c);
        }
    }

    /// Pushes wrapped lines as one chunk each, with orphan and widow control.
    fn push_lines(&mut self, lines: Vec<Line>, x: f32, space_before: f32, keep_last: bool) {
        let s = self.style;
        let n = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let mut c = text_line_chunk(line, x, s.body, s.line(), Tone::Ink);
            c.space_before = if i == 0 { space_before } else { 0.0 };
            // Never a lone first line at the bottom of a page, nor a lone last line at the top.
            c.keep_with_next = (i == 0 && n > 1) || (i + 2 == n) || (i + 1 == n && keep_last);
            self.chunks.push(c);
        }
    }

    fn details(&mut self, rows: &[(String, String)]) {
        let s = self.style;
        let label_width = self.area.width() * 0.3;
        let gap = s.body;
        let value_x = self.area.left + label_width + gap;
        let value_width = self.area.right - value_x;
        for (label, value) in rows {
            let labels = wrap(&[Span::bold(label.clone())], s.body, label_width);
            let values = wrap(&[Span::regular(value.clone())], s.body, value_width);
            let n = labels.len().max(values.len()).max(1);
            if n as f32 * s.line() > self.area.bottom - self.area.top {
                // Taller than a page: one chunk per line, so it splits between lines.
                let mut labels = labels.into_iter();
                let mut values = values.into_iter();
                for i in 0..n {
                    let mut c = Chunk {
                        space_before: if i == 0 { s.paragraph_gap() * 0.6 } else { 0.0 },
                        height: s.line(),
                        keep_with_next: i == 0 || i + 2 == n,
                        ..Chunk::default()
                    };
                    let y = baseline(s.body, s.line());
                    for (line, x) in [(labels.next(), self.area.left), (values.next(), value_x)] {
                        if let Some(line) = line {
                            c.items.extend(
                                runs_at(line, x, y, s.body, Tone::Ink)
                                    .into_iter()
                                    .map(Item::Text),
                            );
                        }
                    }
                    self.chunks.push(c);
                }
                continue;
            }
            let mut c = Chunk {
                space_before: s.paragraph_gap() * 0.6,
                height: n as f32 * s.line(),
                ..Chunk::default()
            };
            for (i, line) in labels.into_iter().enumerate() {
                let y = i as f32 * s.line() + baseline(s.body, s.line());
                c.items.extend(
                    runs_at(line, self.area.left, y, s.body, Tone::Ink)
                        .into_iter()
                        .map(Item::Text),
                );
            }
            for (i, line) in values.into_iter().enumerate() {
                let y = i as f32 * s.line() + baseline(s.body, s.line());
                c.items.extend(
                    runs_at(line, value_x, y, s.body, Tone::Ink)
                        .into_iter()
                        .map(Item::Text),
                );
            }
            self.chunks.push(c);
        }
    }

    fn table(&mut self, table: &Table) {
        let s = self.style;
        let total: f32 = table.columns.iter().map(|c| c.weight.max(0.0)).sum();
        if table.columns.is_empty() || total <= 0.0 {
            return;
        }
        let width = self.area.width();
        let mut xs = vec![self.area.left];
        for col in &table.columns {
            let last = *xs.last().unwrap_or(&self.area.left);
            xs.push(last + width * col.weight.max(0.0) / total);
        }
        // Avoid rounding drift: the table ends exactly at the right margin.
        if let Some(last) = xs.last_mut() {
            *last = self.area.right;
        }
        let pad_x = s.body * 0.45;
        let pad_y = s.body * 0.3;
        let lh = s.line();
        let cell_lines = |cells: &[String], bold: bool| -> Vec<Vec<Line>> {
            (0..table.columns.len())
                .map(|i| {
                    let text = cells.get(i).cloned().unwrap_or_default();
                    let span = if bold {
                        Span::bold(text)
                    } else {
                        Span::regular(text)
                    };
                    wrap(&[span], s.body, xs[i + 1] - xs[i] - 2.0 * pad_x)
                })
                .collect()
        };
        let rules = |c: &mut Chunk, top: bool, bottom: bool| {
            let h = c.height;
            let mut lines = Vec::new();
            if top {
                lines.push((xs[0], 0.0, xs[xs.len() - 1], 0.0));
            }
            if bottom {
                lines.push((xs[0], h, xs[xs.len() - 1], h));
            }
            for x in &xs {
                lines.push((*x, 0.0, *x, h));
            }
            c.items
                .extend(lines.into_iter().map(|(x1, y1, x2, y2)| Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width: 0.6,
                    tone: Tone::Rule,
                }));
        };

        // The header row.
        let titles: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
        let head = cell_lines(&titles, true);
        let rows_n = head.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let mut header = Chunk {
            space_before: s.paragraph_gap(),
            height: rows_n as f32 * lh + 2.0 * pad_y,
            keep_with_next: true,
            ..Chunk::default()
        };
        header.items.push(Item::Rect {
            x: xs[0],
            y: 0.0,
            w: xs[xs.len() - 1] - xs[0],
            h: header.height,
            paint: Paint::Fill,
            tone: Tone::Shade,
        });
        for (i, lines) in head.into_iter().enumerate() {
            for (j, line) in lines.into_iter().enumerate() {
                let y = pad_y + j as f32 * lh + baseline(s.body, lh);
                header.items.extend(
                    runs_at(line, xs[i] + pad_x, y, s.body, Tone::Ink)
                        .into_iter()
                        .map(Item::Text),
                );
            }
        }
        rules(&mut header, true, true);
        let header_height = header.height;
        self.headers.push(Chunk {
            space_before: 0.0,
            ..header.clone()
        });
        let header_index = self.headers.len() - 1;
        self.chunks.push(header);

        let page_room = self.area.bottom - self.area.top - header_height;
        let rows_total = table.rows.len();
        for (r, row) in table.rows.iter().enumerate() {
            let cells = cell_lines(row, false);
            let n = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let height = n as f32 * lh + 2.0 * pad_y;
            if height <= page_room {
                let mut c = Chunk {
                    height,
                    header: Some(header_index),
                    // The last row never goes onto a page alone.
                    keep_with_next: rows_total >= 3 && r + 2 == rows_total,
                    ..Chunk::default()
                };
                for (i, lines) in cells.into_iter().enumerate() {
                    for (j, line) in lines.into_iter().enumerate() {
                        let y = pad_y + j as f32 * lh + baseline(s.body, lh);
                        c.items.extend(
                            runs_at(line, xs[i] + pad_x, y, s.body, Tone::Ink)
                                .into_iter()
                                .map(Item::Text),
                        );
                    }
                }
                rules(&mut c, false, true);
                self.chunks.push(c);
            } else {
                // Taller than a page: one chunk per line, so it splits between lines.
                let mut cells: Vec<std::vec::IntoIter<Line>> =
                    cells.into_iter().map(Vec::into_iter).collect();
                for j in 0..n {
                    let first = j == 0;
                    let last = j + 1 == n;
                    let top_pad = if first { pad_y } else { 0.0 };
                    let mut c = Chunk {
                        height: lh + top_pad + if last { pad_y } else { 0.0 },
                        header: Some(header_index),
                        ..Chunk::default()
                    };
                    for (i, lines) in cells.iter_mut().enumerate() {
                        if let Some(line) = lines.next() {
                            let y = top_pad + baseline(s.body, lh);
                            c.items.extend(
                                runs_at(line, xs[i] + pad_x, y, s.body, Tone::Ink)
                                    .into_iter()
                                    .map(Item::Text),
                            );
                        }
                    }
                    rules(&mut c, false, last);
                    self.chunks.push(c);
                }
            }
        }
    }
}

/// Where the baseline sits in a line box of height `lh` for text of `size`.
fn baseline(size: f32, lh: f32) -> f32 {
    let m = metrics(Face::Regular);
    let ascent = m.ascent() * size;
    let descent = m.descent() * size;
    (lh - ascent - descent) / 2.0 + ascent
}

/// Text runs for a line starting at `x`, one per change of face, at baseline `y`.
fn runs_at(line: Line, x: f32, y: f32, size: f32, tone: Tone) -> Vec<TextRun> {
    let mut pen = x;
    line.into_runs()
        .into_iter()
        .map(|Run { text, face }| {
            let mut width = 0.0;
            for c in text.chars() {
                width += advance(c, face) * size;
            }
            let run = TextRun {
                x: pen,
                y,
                width,
                text,
                face,
                size,
                tone,
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

/// Places chunks on pages.
fn paginate(chunks: &[Chunk], headers: &[Chunk], area: TextArea) -> Vec<Page> {
    let room = area.bottom - area.top;
    let mut pages = vec![Page::default()];
    let mut y = area.top;
    let mut empty = true;

    let place = |page: &mut Page, chunk: &Chunk, top: f32| {
        for item in &chunk.items {
            let mut item = item.clone();
            item.shift(top);
            page.items.push(item);
        }
    };

    for (i, chunk) in chunks.iter().enumerate() {
        if chunk.page_break {
            if !empty {
                pages.push(Page::default());
                y = area.top;
                empty = true;
            }
            continue;
        }
        let header_height = chunk.header.map_or(0.0, |h| headers[h].height);
        // The height of this chunk and every chunk it must stay with.
        let mut group = chunk.height;
        let mut j = i;
        while chunks[j].keep_with_next && j + 1 < chunks.len() && !chunks[j + 1].page_break {
            j += 1;
            group += chunks[j].space_before + chunks[j].height;
        }
        let before = if empty { 0.0 } else { chunk.space_before };
        let fits_alone = y + before + chunk.height <= area.bottom + 0.01;
        let fits_group = y + before + group <= area.bottom + 0.01;
        let group_fits_a_page = header_height + group <= room;
        if !empty && (!fits_alone || (!fits_group && group_fits_a_page)) {
            pages.push(Page::default());
            y = area.top;
            empty = true;
            if let Some(h) = chunk.header {
                let page = pages.last_mut().expect("a page");
                place(page, &headers[h], y);
                y += headers[h].height;
                empty = false;
            }
        }
        // Space before a chunk disappears at the top of a page.
        let before = if y == area.top {
            0.0
        } else {
            chunk.space_before
        };
        y += before;
        let page = pages.last_mut().expect("a page");
        place(page, chunk, y);
        if let Some(gap) = chunk.fill_lines {
            let mut line = y + gap;
            while line <= area.bottom + 0.01 {
                page.items.push(Item::Line {
                    x1: area.left,
                    y1: line,
                    x2: area.right,
                    y2: line,
                    width: 0.6,
                    tone: Tone::Rule,
                });
                line += gap;
            }
            y = area.bottom;
            empty = false;
            continue;
        }
        y += chunk.height;
        empty = empty && chunk.items.is_empty() && chunk.height == 0.0;
    }
    pages
}

/// Adds the running title and "Page X of Y" to every page.
fn stamp_footers(pages: &mut [Page], title: &str, style: Style, area: TextArea, height: f32) {
    let size = style.footer;
    let y = height - 12.0 * MM;
    let total = pages.len();
    let regular = metrics(Face::Regular);
    for (i, page) in pages.iter_mut().enumerate() {
        let number = format!("Page {} of {total}", i + 1);
        let number_width = regular.width(&number, size);
        let room = area.width() - number_width - size * 2.0;
        let title = fit(title, size, room);
        page.items.push(Item::Text(TextRun {
            x: area.left,
            y,
            width: regular.width(&title, size),
            text: title,
            face: Face::Regular,
            size,
            tone: Tone::Muted,
        }));
        page.items.push(Item::Text(TextRun {
            x: area.right - number_width,
            y,
            width: number_width,
            text: number,
            face: Face::Regular,
            size,
            tone: Tone::Muted,
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> LayoutOptions {
        LayoutOptions {
            paper: Paper::A4,
            large_print: false,
            running_title: "Test".into(),
        }
    }

    fn body_texts(layout: &Layout) -> Vec<Vec<String>> {
        layout
            .pages
            .iter()
            .map(|p| {
                p.texts()
                    .filter(|t| t.tone == Tone::Ink)
                    .map(|t| t.text.clone())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn heading_is_never_last_on_a_page() {
        // Fill a page nearly to the bottom, then a heading and a paragraph.
        let mut blocks: Vec<Block> = (0..38).map(|i| Block::text(format!("line {i}"))).collect();
        blocks.push(Block::heading(2, "The heading"));
        blocks.push(Block::text("After the heading"));
        let layout = lay_out(&blocks, &opts());
        let pages = body_texts(&layout);
        let page_of = |s: &str| pages.iter().position(|p| p.iter().any(|t| t == s));
        assert_eq!(page_of("The heading"), page_of("After the heading"));
        assert!(layout.pages.len() >= 2);
    }

    #[test]
    fn table_header_repeats_on_each_page() {
        let table = Table {
            columns: vec![
                Column {
                    title: "When".into(),
                    weight: 1.0,
                },
                Column {
                    title: "What happened".into(),
                    weight: 3.0,
                },
            ],
            rows: (0..80)
                .map(|i| vec![format!("day {i}"), format!("event {i}")])
                .collect(),
        };
        let layout = lay_out(&[Block::Table(table)], &opts());
        assert!(layout.pages.len() >= 2);
        for (n, page) in body_texts(&layout).iter().enumerate() {
            assert_eq!(
                page.first().map(String::as_str),
                Some("When"),
                "page {}",
                n + 1
            );
        }
    }

    #[test]
    fn every_page_has_a_footer() {
        let blocks: Vec<Block> = (0..100).map(|i| Block::text(format!("line {i}"))).collect();
        let layout = lay_out(&blocks, &opts());
        let n = layout.pages.len();
        assert!(n >= 3);
        for (i, page) in layout.pages.iter().enumerate() {
            let expected = format!("Page {} of {n}", i + 1);
            assert!(page.texts().any(|t| t.text == expected));
            assert!(page.texts().any(|t| t.text == "Test"));
        }
    }

    #[test]
    fn page_break_starts_a_new_page_once() {
        let blocks = vec![
            Block::PageBreak,
            Block::text("a"),
            Block::PageBreak,
            Block::PageBreak,
            Block::text("b"),
        ];
        let layout = lay_out(&blocks, &opts());
        assert_eq!(
            body_texts(&layout),
            vec![vec!["a".to_owned()], vec!["b".to_owned()]]
        );
    }
}
