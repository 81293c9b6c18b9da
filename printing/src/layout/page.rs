//! What a layout is: pages of positioned text runs, lines and rectangles, and its text snapshot.

use std::fmt::Write as _;

use crate::fonts::Face;

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

    pub(super) fn tag(self) -> &'static str {
        match self {
            Tone::Ink => "ink",
            Tone::Muted => "muted",
            Tone::Rule => "rule",
            Tone::Shade => "shade",
        }
    }
}

/// What a piece of a document is, for the PDF's structure tags: a screen reader reads headings,
/// lists and tables as such, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A heading, level 1 (a cover title) to 4.
    H1,
    H2,
    H3,
    H4,
    P,
    /// A list, its items, and each item's label (a bullet) and body.
    L,
    LI,
    Lbl,
    LBody,
    /// A table, its rows, and header and data cells.
    Table,
    TR,
    TH,
    TD,
}

impl Role {
    /// The heading role for a [`super::Block::Heading`] level (0 is the cover title).
    pub fn heading(level: u8) -> Role {
        match level {
            0 => Role::H1,
            1 => Role::H2,
            2 => Role::H3,
            _ => Role::H4,
        }
    }

    /// The PDF's standard structure type.
    pub fn tag(self) -> &'static str {
        match self {
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::H4 => "H4",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
        }
    }
}

/// One element of a document's structure: its role, the element it is part of (`None`: the
/// document itself), and words that stand for it when it has no text (a drawn tick).
/// Elements are listed parents first and in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct StructNode {
    pub role: Role,
    pub parent: Option<u32>,
    pub alt: Option<String>,
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
    /// Right to left: `text` is in reading order and shaped right to left.
    pub rtl: bool,
    /// The element of [`Layout::structure`] this text belongs to; `None` for page furniture
    /// (running titles, page numbers, a table header repeated on a later page), which a
    /// screen reader skips.
    pub node: Option<u32>,
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
    pub(super) fn shift(&mut self, dy: f32) {
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
    /// The document's structure, which the text runs' `node`s point into.
    pub structure: Vec<StructNode>,
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
                            "  text y={:.1} x={:.1} w={:.1} {}{:.1}{}{} {:?}",
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
                            if t.rtl { " rtl" } else { "" },
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
