//! Ruled tables: a shaded header row repeated on every page the table continues on, and rows
//! split between their lines only when taller than a page.

use super::blocks::Table;
use super::build::Builder;
use super::page::{Item, Paint, Role, Tone};
use super::{baseline, runs_at, Chunk, Style};
use crate::wrap::{wrap, Line, Span};

/// A table's columns on the page: their edges, padding and line height.
struct Grid {
    /// Column edges, left to right: one more than there are columns.
    xs: Vec<f32>,
    body: f32,
    pad_x: f32,
    pad_y: f32,
    lh: f32,
}

impl Grid {
    fn left(&self) -> f32 {
        self.xs[0]
    }

    fn right(&self) -> f32 {
        self.xs[self.xs.len() - 1]
    }

    /// Each cell's text, wrapped to its column; a missing cell is empty.
    fn cell_lines(&self, columns: usize, cells: &[String], bold: bool) -> Vec<Vec<Line>> {
        (0..columns)
            .map(|i| {
                let text = cells.get(i).cloned().unwrap_or_default();
                let span = if bold {
                    Span::bold(text)
                } else {
                    Span::regular(text)
                };
                wrap(
                    &[span],
                    self.body,
                    self.xs[i + 1] - self.xs[i] - 2.0 * self.pad_x,
                )
            })
            .collect()
    }

    /// The column rules of chunk `c`, and its top and bottom rules when asked.
    fn rules(&self, c: &mut Chunk, top: bool, bottom: bool) {
        let h = c.height;
        let mut lines = Vec::new();
        if top {
            lines.push((self.left(), 0.0, self.right(), 0.0));
        }
        if bottom {
            lines.push((self.left(), h, self.right(), h));
        }
        for x in &self.xs {
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
    }

    /// Line `line` of column `column`, with its baseline `top` below the chunk's top edge.
    fn text(&self, c: &mut Chunk, column: usize, line: Line, top: f32) {
        let y = top + baseline(self.body, self.lh);
        c.items.extend(
            runs_at(line, self.xs[column] + self.pad_x, y, self.body, Tone::Ink)
                .into_iter()
                .map(Item::Text),
        );
    }
}

impl Builder {
    pub(super) fn table(&mut self, table: &Table) {
        let Some(grid) = self.grid(table) else {
            return;
        };
        let node = self.node(Role::Table, None);
        let header_index = self.table_header(table, &grid);
        self.tag_row(self.chunks.len() - 1, &grid, Role::TH, node);
        let header_height = self.headers[header_index].height;
        let page_room = self.area.bottom - self.area.top - header_height;
        let rows_total = table.rows.len();
        for (r, row) in table.rows.iter().enumerate() {
            let first = self.chunks.len();
            let cells = grid.cell_lines(table.columns.len(), row, false);
            let n = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let height = n as f32 * grid.lh + 2.0 * grid.pad_y;
            if height <= page_room {
                // The last row never goes onto a page alone.
                let keep = rows_total >= 3 && r + 2 == rows_total;
                self.table_row(&grid, cells, height, header_index, keep);
            } else {
                self.tall_table_row(&grid, cells, n, header_index);
            }
            self.tag_row(first, &grid, Role::TD, node);
        }
    }

    /// Tags the row laid out in the chunks from `first` on as a row of `table`, each column's
    /// text as one cell of `cell`'s kind. The header kept to repeat on later pages stays
    /// untagged: a reader hears it once.
    fn tag_row(&mut self, first: usize, grid: &Grid, cell: Role, table: u32) {
        let row = self.node(Role::TR, Some(table));
        for edges in grid.xs.windows(2) {
            let (left, right) = (edges[0] - 0.01, edges[1] - 0.01);
            let node = self.node(cell, Some(row));
            self.tag_new(first, node, |t| t.x >= left && t.x < right);
        }
    }

    /// The columns' edges across the text width, or `None` for a table with no width.
    fn grid(&self, table: &Table) -> Option<Grid> {
        let s: Style = self.style;
        let total: f32 = table.columns.iter().map(|c| c.weight.max(0.0)).sum();
        if table.columns.is_empty() || total <= 0.0 {
            return None;
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
        Some(Grid {
            xs,
            body: s.body,
            pad_x: s.body * 0.45,
            pad_y: s.body * 0.3,
            lh: s.line(),
        })
    }

    /// The shaded header row, pushed and kept to repeat on later pages; its index there.
    fn table_header(&mut self, table: &Table, grid: &Grid) -> usize {
        let titles: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
        let head = grid.cell_lines(table.columns.len(), &titles, true);
        let rows_n = head.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let mut header = Chunk {
            space_before: self.style.paragraph_gap(),
            height: rows_n as f32 * grid.lh + 2.0 * grid.pad_y,
            keep_with_next: true,
            ..Chunk::default()
        };
        header.items.push(Item::Rect {
            x: grid.left(),
            y: 0.0,
            w: grid.right() - grid.left(),
            h: header.height,
            paint: Paint::Fill,
            tone: Tone::Shade,
        });
        for (i, lines) in head.into_iter().enumerate() {
            for (j, line) in lines.into_iter().enumerate() {
                grid.text(&mut header, i, line, grid.pad_y + j as f32 * grid.lh);
            }
        }
        grid.rules(&mut header, true, true);
        self.headers.push(Chunk {
            space_before: 0.0,
            ..header.clone()
        });
        self.chunks.push(header);
        self.headers.len() - 1
    }

    /// A row that fits on a page: one chunk.
    fn table_row(
        &mut self,
        grid: &Grid,
        cells: Vec<Vec<Line>>,
        height: f32,
        header: usize,
        keep_with_next: bool,
    ) {
        let mut c = Chunk {
            height,
            header: Some(header),
            keep_with_next,
            ..Chunk::default()
        };
        for (i, lines) in cells.into_iter().enumerate() {
            for (j, line) in lines.into_iter().enumerate() {
                grid.text(&mut c, i, line, grid.pad_y + j as f32 * grid.lh);
            }
        }
        grid.rules(&mut c, false, true);
        self.chunks.push(c);
    }

    /// A row taller than a page: one chunk per line, so it splits between lines.
    fn tall_table_row(&mut self, grid: &Grid, cells: Vec<Vec<Line>>, n: usize, header: usize) {
        let mut cells: Vec<std::vec::IntoIter<Line>> =
            cells.into_iter().map(Vec::into_iter).collect();
        for j in 0..n {
            let first = j == 0;
            let last = j + 1 == n;
            let top_pad = if first { grid.pad_y } else { 0.0 };
            let mut c = Chunk {
                height: grid.lh + top_pad + if last { grid.pad_y } else { 0.0 },
                header: Some(header),
                ..Chunk::default()
            };
            for (i, lines) in cells.iter_mut().enumerate() {
                if let Some(line) = lines.next() {
                    grid.text(&mut c, i, line, top_pad);
                }
            }
            grid.rules(&mut c, false, last);
            self.chunks.push(c);
        }
    }
}
