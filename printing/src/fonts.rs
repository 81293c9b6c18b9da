//! The faces every document is printed in, and their metrics for layout. All are OFL licensed;
//! the licence is in `backend/assets/fonts/OFL.txt`, where the app's installer and About page
//! take it from.
//!
//! - Atkinson Hyperlegible Next (Regular and Bold): Latin, Welsh, Polish and the punctuation of
//!   almost every letter.
//! - Noto Naskh Arabic (Arabic and Urdu), Noto Sans Bengali, Noto Sans Gurmukhi and Noto Sans
//!   Gujarati, each Regular and Bold: the UK's most written scripts after Latin. Each text is set
//!   in the first face that can draw it (see `face_for`); a face is embedded in a PDF only when
//!   the document uses it.
//!
//! Invariant: layout measures text with the same advances the PDF is drawn with. Atkinson text
//! without combining marks is measured and drawn with the font's `hmtx` advances and no kerning;
//! every other run is shaped (see `shape`), and the shaped advances are both measured and drawn.

use std::sync::OnceLock;

use unicode_script::{Script, UnicodeScript};

/// Regular weight, embedded in the binary.
pub(crate) const REGULAR_TTF: &[u8] =
    include_bytes!("../../backend/assets/fonts/AtkinsonHyperlegibleNext_400Regular.ttf");
/// Bold weight, embedded in the binary.
pub(crate) const BOLD_TTF: &[u8] =
    include_bytes!("../../backend/assets/fonts/AtkinsonHyperlegibleNext_700Bold.ttf");

macro_rules! font {
    ($name:literal) => {
        include_bytes!(concat!("../../backend/assets/fonts/", $name, ".ttf"))
    };
}

/// A type face of the documents: a family in one weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
    Arabic,
    ArabicBold,
    Bengali,
    BengaliBold,
    Gurmukhi,
    GurmukhiBold,
    Gujarati,
    GujaratiBold,
}

impl Face {
    /// Every face, in a fixed order.
    pub const ALL: [Face; 10] = [
        Face::Regular,
        Face::Bold,
        Face::Arabic,
        Face::ArabicBold,
        Face::Bengali,
        Face::BengaliBold,
        Face::Gurmukhi,
        Face::GurmukhiBold,
        Face::Gujarati,
        Face::GujaratiBold,
    ];

    /// The faces of one weight, in the order they are tried for a piece of text.
    fn of_weight(bold: bool) -> [Face; 5] {
        if bold {
            [
                Face::Bold,
                Face::ArabicBold,
                Face::BengaliBold,
                Face::GurmukhiBold,
                Face::GujaratiBold,
            ]
        } else {
            [
                Face::Regular,
                Face::Arabic,
                Face::Bengali,
                Face::Gurmukhi,
                Face::Gujarati,
            ]
        }
    }

    /// A short tag for snapshots.
    pub fn tag(self) -> &'static str {
        match self {
            Face::Regular => "R",
            Face::Bold => "B",
            Face::Arabic => "ArR",
            Face::ArabicBold => "ArB",
            Face::Bengali => "BnR",
            Face::BengaliBold => "BnB",
            Face::Gurmukhi => "PaR",
            Face::GurmukhiBold => "PaB",
            Face::Gujarati => "GuR",
            Face::GujaratiBold => "GuB",
        }
    }

    /// Whether this is a bold face.
    pub fn is_bold(self) -> bool {
        matches!(
            self,
            Face::Bold
                | Face::ArabicBold
                | Face::BengaliBold
                | Face::GurmukhiBold
                | Face::GujaratiBold
        )
    }

    /// Whether this is one of the two Atkinson faces (Latin), whose text is drawn character by
    /// character unless it has combining marks.
    pub(crate) fn is_latin(self) -> bool {
        matches!(self, Face::Regular | Face::Bold)
    }

    pub(crate) fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR_TTF,
            Face::Bold => BOLD_TTF,
            Face::Arabic => font!("NotoNaskhArabic-Regular"),
            Face::ArabicBold => font!("NotoNaskhArabic-Bold"),
            Face::Bengali => font!("NotoSansBengali-Regular"),
            Face::BengaliBold => font!("NotoSansBengali-Bold"),
            Face::Gurmukhi => font!("NotoSansGurmukhi-Regular"),
            Face::GurmukhiBold => font!("NotoSansGurmukhi-Bold"),
            Face::Gujarati => font!("NotoSansGujarati-Regular"),
            Face::GujaratiBold => font!("NotoSansGujarati-Bold"),
        }
    }

    fn index(self) -> usize {
        self as usize
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

    /// The glyph for `c` (0, `.notdef`, when the font has none).
    pub(crate) fn glyph(&self, c: char) -> u16 {
        self.face.glyph_index(c).map_or(0, |g| g.0)
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
    static FACES: [OnceLock<FaceMetrics>; 10] = [const { OnceLock::new() }; 10];
    FACES[face.index()].get_or_init(|| FaceMetrics::load(face.bytes()))
}

/// Characters that only shape the letters around them (zero-width non-joiner and joiner): any
/// face that shapes may be given them.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// Whether `face` can draw every character of `cluster`.
pub(crate) fn covers(face: Face, cluster: &str) -> bool {
    let m = metrics(face);
    cluster
        .chars()
        .all(|c| m.has_glyph(c) || (is_joiner(c) && !face.is_latin()))
}

/// Whether a cluster belongs to no script of its own (spaces, digits, punctuation), so it is set
/// in the face of the text around it when that face has it: the spaces and commas of an Arabic
/// sentence stay in its run, which keeps the sentence one piece for shaping.
fn is_neutral(cluster: &str) -> bool {
    cluster.chars().all(|c| {
        // In ASCII only the letters have a script (Latin), so the table is not needed.
        if c.is_ascii() {
            !c.is_ascii_alphabetic()
        } else {
            matches!(c.script(), Script::Common | Script::Inherited)
        }
    })
}

/// The face a grapheme cluster is set in: the face of the cluster before it when the cluster
/// is neutral (see [`is_neutral`]) and that face has it, otherwise the first face of the weight
/// that can draw all of it. `None` when no face can.
pub(crate) fn face_for(cluster: &str, bold: bool, before: Option<Face>) -> Option<Face> {
    if let Some(f) = before.filter(|f| f.is_bold() == bold) {
        if is_neutral(cluster) && covers(f, cluster) {
            return Some(f);
        }
    }
    Face::of_weight(bold)
        .into_iter()
        .find(|f| covers(*f, cluster))
}

/// Whether some face of each weight can draw `cluster` (any text may be set in either weight).
pub(crate) fn printable_cluster(cluster: &str) -> bool {
    face_for(cluster, false, None).is_some() && face_for(cluster, true, None).is_some()
}

/// Whether both Atkinson faces can draw `c`.
pub(crate) fn printable(c: char) -> bool {
    metrics(Face::Regular).has_glyph(c) && metrics(Face::Bold).has_glyph(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_ascii_only_the_letters_have_a_script() {
        for c in (0u8..0x80).map(char::from) {
            let by_table = matches!(c.script(), Script::Common | Script::Inherited);
            assert_eq!(is_neutral(c.encode_utf8(&mut [0; 4])), by_table, "{c:?}");
        }
    }

    #[test]
    fn fonts_cover_uk_and_european_text() {
        for c in "ŵŷâïêôûŴŶÂÏąćęłńóśźżĄĆĘŁŃÓŚŹŻéèüöäßçñ£€–—‘’“”•…·°½".chars()
        {
            assert!(printable(c), "{c:?} should be printable");
        }
        for c in "🙂中文".chars() {
            assert!(!printable_cluster(&c.to_string()), "{c:?} has no glyph");
        }
        for (text, face) in [
            ("مرحبا", Face::Arabic),
            ("اردو", Face::Arabic),
            ("বাংলা", Face::Bengali),
            ("ਪੰਜਾਬੀ", Face::Gurmukhi),
            ("ગુજરાતી", Face::Gujarati),
        ] {
            for c in text.chars() {
                assert_eq!(face_for(&c.to_string(), false, None), Some(face), "{c:?}");
            }
        }
        assert_eq!(face_for(" ", false, Some(Face::Arabic)), Some(Face::Arabic));
        assert_eq!(
            face_for("a", false, Some(Face::Arabic)),
            Some(Face::Regular)
        );
        assert_eq!(face_for("ب", true, None), Some(Face::ArabicBold));
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
