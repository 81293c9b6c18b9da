//! The builder that turns blocks into chunks: one method per kind of block.

use super::blocks::{Block, Side};
use super::page::{Item, Role, StructNode, TextArea, TextRun, Tone};
use super::{baseline, text_line_chunk, Chunk, Style, KEEP_LINES_TOGETHER};
use crate::fonts::{metrics, Face};
use crate::wrap::{wrap, Line, Span};

/// Turns blocks into chunks.
pub(super) struct Builder {
    pub(super) style: Style,
    pub(super) area: TextArea,
    pub(super) chunks: Vec<Chunk>,
    pub(super) headers: Vec<Chunk>,
    /// The top line of every page after the first, if any (see [`Block::ContinuedHeading`]).
    pub(super) continued: Option<String>,
    /// The document's structure so far (see [`super::Layout::structure`]).
    pub(super) structure: Vec<StructNode>,
}

impl Builder {
    /// Lays out `block` and tags its text: a heading or a paragraph as one element; lists and
    /// tables tag their own parts.
    pub(super) fn block(&mut self, block: &Block) {
        let first = self.chunks.len();
        self.lay_out(block);
        let role = match block {
            Block::Heading { level, .. } => Role::heading(*level),
            Block::Paragraph { .. }
            | Block::AddressBlock { .. }
            | Block::SignatureLine { .. }
            | Block::SignatureAndDate { .. }
            | Block::CodeGroups { .. }
            | Block::CodeBoxes { .. } => Role::P,
            _ => return,
        };
        let node = self.node(role, None);
        self.tag_new(first, node, |_| true);
    }

    /// A new element of the structure, part of `parent` (`None`: the document).
    pub(super) fn node(&mut self, role: Role, parent: Option<u32>) -> u32 {
        self.structure.push(StructNode {
            role,
            parent,
            alt: None,
        });
        (self.structure.len() - 1) as u32
    }

    /// Makes the text not yet tagged in the chunks from `first` on, where `which` says so,
    /// part of `node`.
    pub(super) fn tag_new(&mut self, first: usize, node: u32, which: impl Fn(&TextRun) -> bool) {
        for chunk in self.chunks.iter_mut().skip(first) {
            for item in &mut chunk.items {
                if let Item::Text(t) = item {
                    if t.node.is_none() && which(t) {
                        t.node = Some(node);
                    }
                }
            }
        }
    }

    /// One item of `list`, laid out in the chunks from `first` on: the text left of `body_x`
    /// (a bullet) is its label; `ticked` names a drawn tick box's state, which has no text.
    pub(super) fn list_item(&mut self, list: u32, first: usize, body_x: f32, ticked: Option<bool>) {
        let item = self.node(Role::LI, Some(list));
        let label = self.node(Role::Lbl, Some(item));
        if let Some(ticked) = ticked {
            self.structure[label as usize].alt =
                Some(if ticked { "Ticked" } else { "Not ticked" }.to_owned());
        }
        self.tag_new(first, label, |t| t.x < body_x - 0.01);
        let body = self.node(Role::LBody, Some(item));
        self.tag_new(first, body, |_| true);
    }

    fn lay_out(&mut self, block: &Block) {
        let s = self.style;
        match block {
            Block::Heading { level, text } => self.heading(*level, text),
            Block::Paragraph {
                spans,
                keep_with_next,
            } => {
                let lines = wrap(spans, s.body, self.area.width());
                self.push_lines(lines, self.area.left, s.paragraph_gap(), *keep_with_next);
            }
            Block::AddressBlock { lines, side } => self.address_block(lines, *side),
            Block::Spacer { lines } => self.chunks.push(Chunk {
                space_before: lines * s.line(),
                ..Chunk::default()
            }),
            Block::BulletList { items } => self.bullet_list(items),
            Block::CheckboxList { items } => {
                let list = self.node(Role::L, None);
                for item in items {
                    let first = self.chunks.len();
                    let body_x = self.checkbox(item, false);
                    self.list_item(list, first, body_x, None);
                }
            }
            Block::TickList { items } => {
                let list = self.node(Role::L, None);
                for (item, ticked) in items {
                    let first = self.chunks.len();
                    let body_x = self.checkbox(item, *ticked);
                    self.list_item(list, first, body_x, Some(*ticked));
                }
            }
            Block::Details { rows } => self.details(rows),
            Block::Table(table) => self.table(table),
            Block::WritingLines { count } => self.writing_lines(*count),
            Block::WritingLinesToPageEnd => {
                let gap = s.writing_gap();
                self.chunks.push(Chunk {
                    height: gap * 3.0,
                    fill_lines: Some(gap),
                    ..Chunk::default()
                });
            }
            Block::KeepTogether(blocks) => self.keep_together(blocks),
            Block::PageBreak => self.chunks.push(Chunk {
                page_break: true,
                ..Chunk::default()
            }),
            Block::SignatureLine { name } => self.signature_line(name),
            Block::SignatureAndDate { name } => self.signature_and_date(name),
            Block::CodeGroups { groups } => self.code_groups(groups),
            Block::CodeBoxes { count, chars } => self.code_boxes(*count, *chars),
            Block::ContinuedHeading { text } => self.continued = Some(text.clone()),
        }
    }

    /// A heading, kept with what follows it.
    fn heading(&mut self, level: u8, text: &str) {
        let s = self.style;
        let size = s.heading_size(level);
        let lh = size * 1.25;
        let before = match level {
            0 => 0.0,
            1 => s.line() * 1.4,
            2 => s.line() * 1.1,
            _ => s.line() * 0.8,
        };
        let lines = wrap(&[Span::bold(text.to_owned())], size, self.area.width());
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

    /// An address, on the left (the recipient's) or the right (the sender's).
    fn address_block(&mut self, lines: &[String], side: Side) {
        let s = self.style;
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

    /// A bulleted list: each item a paragraph, indented, with a bullet on its first line.
    fn bullet_list(&mut self, items: &[Vec<Span>]) {
        let s = self.style;
        let indent = s.body * 1.5;
        let list = self.node(Role::L, None);
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
                    rtl: false,
                    node: None,
                }));
            }
            self.list_item(list, first, self.area.left + indent, None);
        }
    }

    /// Ruled lines to write on.
    fn writing_lines(&mut self, count: usize) {
        let s = self.style;
        let gap = s.writing_gap();
        for i in 0..count {
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
                keep_with_next: i + 1 < count
                    && (count <= KEEP_LINES_TOGETHER || i == 0 || i + 2 == count),
                ..Chunk::default()
            });
        }
    }

    /// Blocks that stay on one page.
    fn keep_together(&mut self, blocks: &[Block]) {
        let first = self.chunks.len();
        for block in blocks {
            self.block(block);
        }
        let last = self.chunks.len().saturating_sub(1);
        for chunk in self.chunks.iter_mut().take(last).skip(first) {
            chunk.keep_with_next = true;
        }
    }

    /// Room for a signature, the line, then the name under it.
    fn signature_line(&mut self, name: &str) {
        let s = self.style;
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
        let lines = wrap(&[Span::regular(name.to_owned())], s.body, line_width);
        // A little air between the line and the name.
        c.height += s.body * 0.3;
        self.name_under_line(c, lines, &[]);
    }

    /// Pushes wrapped lines as one chunk each, with orphan and widow control.
    pub(super) fn push_lines(
        &mut self,
        lines: Vec<Line>,
        x: f32,
        space_before: f32,
        keep_last: bool,
    ) {
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
}
