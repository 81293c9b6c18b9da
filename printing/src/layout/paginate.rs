//! Placing chunks on pages (keep-with-next, repeated table headers, writing lines to the page's
//! end), then the footers once the number of pages is known.

use super::page::{Item, Page, TextArea, TextRun, Tone};
use super::{runs_at, Chunk, Style, MM};
use crate::fonts::{metrics, Face};
use crate::wrap::fit;

/// Places chunks on pages.
pub(super) fn paginate(chunks: &[Chunk], headers: &[Chunk], area: TextArea) -> Vec<Page> {
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

/// Adds `text` in the top margin of every page after the first, fitted to one line.
pub(super) fn stamp_continued(pages: &mut [Page], text: &str, style: Style, area: TextArea) {
    let size = style.footer;
    let y = area.top - 10.0 * MM;
    let runs = runs_at(
        fit(text, size, area.width()),
        area.left,
        y,
        size,
        Tone::Muted,
    );
    for page in pages.iter_mut().skip(1) {
        page.items.extend(runs.iter().cloned().map(Item::Text));
    }
}

/// Adds the running title and "Page X of Y" to every page.
pub(super) fn stamp_footers(
    pages: &mut [Page],
    title: &str,
    style: Style,
    area: TextArea,
    height: f32,
    total: usize,
) {
    let size = style.footer;
    let y = height - 12.0 * MM;
    let regular = metrics(Face::Regular);
    for (i, page) in pages.iter_mut().enumerate() {
        let number = format!("Page {} of {total}", i + 1);
        let number_width = regular.width(&number, size);
        let room = area.width() - number_width - size * 2.0;
        let title = fit(title, size, room);
        page.items.extend(
            runs_at(title, area.left, y, size, Tone::Muted)
                .into_iter()
                .map(Item::Text),
        );
        page.items.push(Item::Text(TextRun {
            x: area.right - number_width,
            y,
            width: number_width,
            text: number,
            face: Face::Regular,
            size,
            tone: Tone::Muted,
            rtl: false,
            node: None,
        }));
    }
}
