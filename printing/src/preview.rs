//! A page of a PDF the person keeps in a case, drawn as a picture to show in the window.
//!
//! Drawn here, in Rust (with hayro, a PDF rasteriser in safe Rust), so the window gets only a
//! PNG: it never reads the PDF itself, runs nothing from it, and no decrypted copy is written
//! for another program.
//!
//! Invariants:
//! - A picture is at most [`MAX_WIDTH`] pixels wide and [`MAX_PIXELS`] in all, however large
//!   the page says it is, so a hostile page size cannot take the memory.
//! - A PDF that cannot be drawn gives a plain message, never a panic or a half picture (the
//!   release build unwinds, so `catch_unwind` holds there too).

use std::panic::{catch_unwind, AssertUnwindSafe};

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{render, PixmapSettings, RenderCache, RenderSettings};

use crate::pdf::PdfError;

/// The widest picture of a page, in pixels: sharp in the window at twice its size.
pub const MAX_WIDTH: u32 = 1_600;

/// The most pixels a picture of a page may have (4 bytes each while it is drawn).
pub const MAX_PIXELS: u64 = 1_600 * 2_400;

/// A page drawn: the PNG, its size in pixels, and how many pages the PDF has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagePicture {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub pages: usize,
}

fn cannot(why: &str) -> PdfError {
    PdfError(why.to_owned())
}

/// Draws page `page` (from 0) of the PDF `bytes`, `width` pixels wide (within the limits
/// above), on white.
pub fn page_picture(bytes: &[u8], page: usize, width: u32) -> Result<PagePicture, PdfError> {
    let shown = || {
        cannot("This PDF cannot be shown here. You can still save a copy and open it in another program, or put it in the records bundle.")
    };
    let pdf = Pdf::new(bytes.to_vec()).map_err(|_| shown())?;
    let pages = pdf.pages();
    let count = pages.len();
    if count == 0 {
        return Err(shown());
    }
    let Some(p) = pages.get(page) else {
        return Err(cannot(&format!(
            "This PDF has {count} page{}; there is no page {}.",
            if count == 1 { "" } else { "s" },
            page + 1
        )));
    };
    let (w, h) = p.render_dimensions();
    if !(w.is_finite() && h.is_finite()) || w < 1.0 || h < 1.0 {
        return Err(shown());
    }
    let scale = fit_scale(w, h, width);
    // A page so long and thin that one side would be under a pixel has nothing to show.
    if w * scale < 1.0 || h * scale < 1.0 {
        return Err(shown());
    }
    let settings = PixmapSettings {
        x_scale: scale,
        y_scale: scale,
        bg_color: WHITE,
    };
    // The rasteriser is young: a page it cannot handle must not take the app down with it.
    let drawn = catch_unwind(AssertUnwindSafe(|| {
        let cache = RenderCache::new();
        let pixmap = render(
            p,
            &cache,
            &InterpreterSettings::default(),
            &RenderSettings::default(),
            &settings,
        );
        let size = (u32::from(pixmap.width()), u32::from(pixmap.height()));
        pixmap.into_png().ok().map(|png| (png, size))
    }))
    .map_err(|_| shown())?;
    let (png, (width, height)) = drawn.ok_or_else(shown)?;
    Ok(PagePicture {
        png,
        width,
        height,
        pages: count,
    })
}

/// The scale that makes a `w` x `h` point page `width` pixels wide, or less where that would
/// pass [`MAX_WIDTH`] or [`MAX_PIXELS`].
fn fit_scale(w: f32, h: f32, width: u32) -> f32 {
    let by_width = width.clamp(1, MAX_WIDTH) as f32 / w;
    let by_area = ((MAX_PIXELS as f64) / (f64::from(w) * f64::from(h))).sqrt() as f32;
    by_width.min(by_area).min(u16::MAX as f32 / w.max(h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_page_is_drawn_small_enough() {
        // A page 200 inches square asks for no more than the limit.
        let s = fit_scale(14_400.0, 14_400.0, 1_200);
        let pixels = f64::from(14_400.0 * s) * f64::from(14_400.0 * s);
        assert!(pixels <= MAX_PIXELS as f64 * 1.01, "{pixels}");
        // An A4 page is drawn as wide as asked.
        let s = fit_scale(595.0, 842.0, 800);
        assert!((595.0 * s - 800.0).abs() < 0.5);
        // Never wider than the widest.
        let s = fit_scale(595.0, 842.0, 10_000);
        assert!(595.0 * s <= MAX_WIDTH as f32 + 0.5);
    }

    #[test]
    fn bytes_that_are_not_a_pdf_say_so_plainly() {
        let err = page_picture(b"not a pdf at all", 0, 800).expect_err("refused");
        assert!(err.0.starts_with("This PDF cannot be shown here."), "{err}");
    }
}
