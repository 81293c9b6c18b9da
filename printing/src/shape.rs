//! Shaping: a run of text in one face and one direction becomes positioned glyphs, with the
//! font's own rules (rustybuzz, HarfBuzz's algorithm in safe Rust): Arabic letters joined in
//! their initial, medial and final forms, Bengali, Gurmukhi and Gujarati vowel signs and
//! conjuncts placed, combining accents placed on their letter.
//!
//! Invariants:
//! - The same run always gives the same glyphs: layout measures with [`width`] and the PDF draws
//!   [`shape`]'s glyphs, so what is measured is what is drawn.
//! - Atkinson text without combining marks is not shaped: its glyphs are the font's `cmap` and
//!   `hmtx`, one per character, unkerned, as the PDF draws it with plain text operators. Atkinson
//!   text with marks is shaped with kerning off, so its letters keep those same advances.
//! - A right-to-left run's glyphs come in visual order, left to right, as they are drawn.

use std::sync::OnceLock;

use rustybuzz::{Direction, Feature, UnicodeBuffer};
use ttf_parser::Tag;

use super::fonts::{metrics, Face};

/// One drawn glyph. Lengths are at a text size of 1 pt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Glyph {
    pub(crate) id: u16,
    /// How far the pen moves after the glyph.
    pub(crate) advance: f32,
    /// Where the glyph is drawn, from the pen (`dy` upwards).
    pub(crate) dx: f32,
    pub(crate) dy: f32,
    /// Byte offset, in the run's text, of the first character this glyph draws.
    pub(crate) cluster: usize,
}

/// Whether `text` in `face` is drawn from shaped glyphs (see the module's invariants).
pub(crate) fn needs_shaping(face: Face, text: &str) -> bool {
    !face.is_latin() || text.chars().any(is_mark)
}

/// Combining marks (general category M, approximated by the blocks in use).
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36F}' | '\u{483}'..='\u{489}' | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn rb_face(face: Face) -> &'static rustybuzz::Face<'static> {
    static FACES: [OnceLock<rustybuzz::Face<'static>>; 10] = [const { OnceLock::new() }; 10];
    FACES[face as usize].get_or_init(|| {
        // The fonts are part of the build; a parse failure is a build defect caught by every test.
        rustybuzz::Face::from_slice(face.bytes(), 0).expect("embedded font parses")
    })
}

/// The glyphs of `text` in `face`, right to left when `rtl`.
pub(crate) fn shape(text: &str, face: Face, rtl: bool) -> Vec<Glyph> {
    if !needs_shaping(face, text) {
        return unshaped(text, face);
    }
    let rb = rb_face(face);
    let units = rb.units_per_em().max(1) as f32;
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    });
    buffer.guess_segment_properties();
    let no_kerning = [Feature::new(Tag::from_bytes(b"kern"), 0, ..)];
    let features: &[Feature] = if face.is_latin() { &no_kerning } else { &[] };
    let shaped = rustybuzz::shape(rb, features, buffer);
    shaped
        .glyph_infos()
        .iter()
        .zip(shaped.glyph_positions())
        .map(|(info, pos)| Glyph {
            id: u16::try_from(info.glyph_id).unwrap_or(0),
            advance: pos.x_advance as f32 / units,
            dx: pos.x_offset as f32 / units,
            dy: pos.y_offset as f32 / units,
            cluster: info.cluster as usize,
        })
        .collect()
}

/// One glyph per character, from the font's `cmap` and `hmtx`.
fn unshaped(text: &str, face: Face) -> Vec<Glyph> {
    let m = metrics(face);
    text.char_indices()
        .map(|(at, c)| Glyph {
            id: m.glyph(c),
            advance: m.advance(c),
            dx: 0.0,
            dy: 0.0,
            cluster: at,
        })
        .collect()
}

/// The width of `text` in `face` at 1 pt, as [`shape`] draws it.
pub(crate) fn width(text: &str, face: Face, rtl: bool) -> f32 {
    if !needs_shaping(face, text) {
        return metrics(face).width(text, 1.0);
    }
    shape(text, face, rtl).iter().map(|g| g.advance).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_letters_join() {
        // Three letters of one word take joined forms, so no glyph is the letter's own
        // (isolated) glyph.
        let m = metrics(Face::Arabic);
        let glyphs = shape("بيت", Face::Arabic, true);
        assert_eq!(glyphs.len(), 3);
        let isolated = [m.glyph('ب'), m.glyph('ي'), m.glyph('ت')];
        for g in &glyphs {
            assert!(!isolated.contains(&g.id), "{glyphs:?}");
        }
        // Visual order: the first letter (cluster 0) is drawn last, on the right.
        assert_eq!(glyphs.last().map(|g| g.cluster), Some(0));
    }

    #[test]
    fn bengali_vowel_sign_is_drawn_before_its_consonant() {
        // কি: the vowel sign ি (after ক in the text) is drawn to its left.
        let m = metrics(Face::Bengali);
        let glyphs = shape("কি", Face::Bengali, false);
        assert_eq!(glyphs.len(), 2);
        assert_eq!(glyphs[1].id, m.glyph('ক'), "{glyphs:?}");
    }

    #[test]
    fn latin_text_without_marks_keeps_its_advances() {
        let w = width("Hello", Face::Regular, false);
        assert!((w - metrics(Face::Regular).width("Hello", 1.0)).abs() < 1e-6);
        // With a mark the font has no composed letter for, it is shaped: the mark takes no room.
        let with_mark = width("x\u{30a}", Face::Regular, false);
        assert!((with_mark - width("x", Face::Regular, false)).abs() < 1e-3);
    }
}
