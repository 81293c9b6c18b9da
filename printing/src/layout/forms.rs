//! The parts of forms: squares to tick, signature and date lines, codes to copy, and labelled
//! details.

use super::build::Builder;
use super::page::{Item, Paint, Role, Tone};
use super::{baseline, runs_at, text_line_chunk, Chunk};
use crate::fonts::{metrics, Face};
use crate::wrap::{wrap, Line, Span};

impl Builder {
    /// One item with a square to tick, ticked or not; where its text starts.
    pub(super) fn checkbox(&mut self, item: &str, ticked: bool) -> f32 {
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
        self.area.left + indent
    }

    /// A signature line and a date line side by side, labelled underneath.
    pub(super) fn signature_and_date(&mut self, name: &str) {
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
    pub(super) fn name_under_line(
        &mut self,
        mut c: Chunk,
        names: Vec<Line>,
        beside: &[(Line, f32)],
    ) {
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
    pub(super) fn code_groups(&mut self, groups: &[String]) {
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

    pub(super) fn code_boxes(&mut self, count: usize, chars: usize) {
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

    pub(super) fn details(&mut self, rows: &[(String, String)]) {
        let s = self.style;
        let label_width = self.area.width() * 0.3;
        let gap = s.body;
        let value_x = self.area.left + label_width + gap;
        let value_width = self.area.right - value_x;
        let table = self.node(Role::Table, None);
        for (label, value) in rows {
            let first = self.chunks.len();
            self.details_row(label, value, (label_width, value_x, value_width));
            let row = self.node(Role::TR, Some(table));
            let head = self.node(Role::TH, Some(row));
            self.tag_new(first, head, |t| t.x < value_x - 0.01);
            let cell = self.node(Role::TD, Some(row));
            self.tag_new(first, cell, |_| true);
        }
    }

    /// One label and value: beside each other, split between lines when taller than a page.
    fn details_row(
        &mut self,
        label: &str,
        value: &str,
        (label_width, value_x, value_width): (f32, f32, f32),
    ) {
        let s = self.style;
        let labels = wrap(&[Span::bold(label.to_owned())], s.body, label_width);
        let values = wrap(&[Span::regular(value.to_owned())], s.body, value_width);
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
            return;
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
