//! The two faces every document is printed in (Atkinson Hyperlegible Next, Regular and Bold, OFL
//! licensed; the licence is in `backend/assets/fonts/OFL.txt`, where the app's installer and About
//! page take it from), and their metrics for layout.
//!
//! Invariant: layout measures text with the same advances the PDF viewer uses (the font's `hmtx`),
//! and no kerning is applied either when measuring or when drawing, so measured width = drawn width.

use std::sync::OnceLock;

/// Regular weight, embedded in the binary.
pub(crate) const REGULAR_TTF: &[u8] =
    include_bytes!("../../backend/assets/fonts/AtkinsonHyperlegibleNext_400Regular.ttf");
/// Bold weight, embedded in the binary.
pub(crate) const BOLD_TTF: &[u8] =
    include_bytes!("../../backend/assets/fonts/AtkinsonHyperlegibleNext_700Bold.ttf");

/// A type face of the documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
}

impl Face {
    /// Both faces, in a fixed order.
    pub const ALL: [Face; 2] = [Face::Regular, Face::Bold];

    /// A one-letter tag for snapshots.
    pub fn tag(self) -> char {
        match self {
            Face::Regular => 'R',
            Face::Bold => 'B',
        }
    }

    pub(crate) fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR_TTF,
            Face::Bold => BOLD_TTF,
        }
    }
}

/// What layout needs to know about one face, read once.
#[derive(Debug)]
pub(crate) struct FaceMetrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Advances of U+0000..U+017F (Latin), the characters almost all text is made of, in font
    /// units. `u16::MAX` where the font has no glyph.
    latin: Vec<u16>,
    /// Ascender and descender (negative) in font units.
    pub(crate) ascender: f32,
    pub(crate) descender: f32,
}

const NO_GLYPH: u16 = u16::MAX;
const LATIN_END: u32 = 0x180;

impl FaceMetrics {
    fn load(bytes: &'static [u8]) -> FaceMetrics {
        // The fonts are part of the build; a parse failure is a build defect caught by every test.
        let face = ttf_parser::Face::parse(bytes, 0).expect("embedded font parses");
        let mut latin = vec![NO_GLYPH; LATIN_END as usize];
        for (cp, slot) in latin.iter_mut().enumerate() {
            if let Some(c) = u32::try_from(cp).ok().and_then(char::from_u32) {
                if let Some(adv) = raw_advance(&face, c) {
                    *slot = adv;
                }
            }
        }
        FaceMetrics {
            units_per_em: f32::from(face.units_per_em()),
            ascender: f32::from(face.ascender()),
            descender: f32::from(face.descender()),
            latin,
            face,
        }
    }

    /// Whether the font has a real glyph (not `.notdef`) for `c`.
    pub(crate) fn has_glyph(&self, c: char) -> bool {
        if (c as u32) < LATIN_END {
            return self.latin[c as usize] != NO_GLYPH;
        }
        self.face.glyph_index(c).is_some_and(|g| g.0 != 0)
    }

    /// The advance of `c` at 1 pt, or 0 for a character without a glyph (never drawn: text is
    /// checked before layout).
    pub(crate) fn advance(&self, c: char) -> f32 {
        let units = if (c as u32) < LATIN_END {
            match self.latin[c as usize] {
                NO_GLYPH => 0,
                a => a,
            }
        } else {
            raw_advance(&self.face, c).unwrap_or(0)
        };
        f32::from(units) / self.units_per_em
    }

    /// The width of `text` at `size` pt.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }

    /// Ascender at 1 pt (positive).
    pub(crate) fn ascent(&self) -> f32 {
        self.ascender / self.units_per_em
    }

    /// Descender at 1 pt (positive: the depth below the baseline).
    pub(crate) fn descent(&self) -> f32 {
        -self.descender / self.units_per_em
    }
}

fn raw_advance(face: &ttf_parser::Face<'_>, c: char) -> Option<u16> {
    let glyph = face.glyph_index(c).filter(|g| g.0 != 0)?;
    Some(face.glyph_hor_advance(glyph).unwrap_or(0))
}

/// The metrics of a face, loaded once per process.
pub(crate) fn metrics(face: Face) -> &'static FaceMetrics {
    static REGULAR: OnceLock<FaceMetrics> = OnceLock::new();
    static BOLD: OnceLock<FaceMetrics> = OnceLock::new();
    match face {
        Face::Regular => REGULAR.get_or_init(|| FaceMetrics::load(REGULAR_TTF)),
        Face::Bold => BOLD.get_or_init(|| FaceMetrics::load(BOLD_TTF)),
    }
}

/// Whether both faces can draw `c` (any text may be set in either weight).
pub(crate) fn printable(c: char) -> bool {
    Face::ALL.iter().all(|f| metrics(*f).has_glyph(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_cover_uk_and_european_text() {
        for c in "ŵŷâïêôûŴŶÂÏąćęłńóśźżĄĆĘŁŃÓŚŹŻéèüöäßçñ£€–—‘’“”•…·°½".chars()
        {
            assert!(printable(c), "{c:?} should be printable");
        }
        for c in "مرحبا🙂中文".chars() {
            assert!(!printable(c), "{c:?} has no glyph");
        }
    }

    #[test]
    fn metrics_are_sane() {
        let m = metrics(Face::Regular);
        let w = m.width("Hello", 12.0);
        assert!(w > 20.0 && w < 40.0, "{w}");
        assert!(m.ascent() > 0.7 && m.ascent() < 1.1);
        assert!(m.descent() > 0.1 && m.descent() < 0.4);
        assert!(metrics(Face::Bold).width("Hello", 12.0) > w);
    }

    #[test]
    #[ignore = "prints coverage facts used when writing the text checks"]
    fn print_font_facts() {
        let m = metrics(Face::Regular);
        println!(
            "upem {} asc {} desc {}",
            m.units_per_em, m.ascender, m.descender
        );
        for c in [
            '\u{a0}', '\u{ad}', '\u{2002}', '\u{2003}', '\u{2009}', '\u{200a}', '\u{202f}',
            '\u{200b}', '\u{2010}', '\u{2011}', '\u{2022}', '\u{2713}', '\u{2610}', '\u{0301}',
            '\u{feff}', '\u{25a1}', '\u{2012}', '\u{2026}', '\u{2212}',
        ] {
            println!(
                "U+{:04X} reg={} bold={} adv={}",
                c as u32,
                metrics(Face::Regular).has_glyph(c),
                metrics(Face::Bold).has_glyph(c),
                m.advance(c)
            );
        }
        let kern = m.face.tables().kern.is_some();
        let gpos = m.face.tables().gpos.is_some();
        println!("kern {kern} gpos {gpos}");
    }
}
