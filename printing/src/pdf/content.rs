//! A page's content stream written straight as bytes, for pages whose text needs no shaping
//! (most of every document). It writes the operators `PageOps` gives printpdf for the same
//! page, in the same order, with each glyph's code taken from the file printpdf made (see
//! [`Codes`]); going through printpdf's operation values, then lopdf's, and Rust's float
//! formatting cost most of a long document's time. A test holds the two streams equal.

use std::collections::{BTreeMap, HashMap};

use printpdf::{Op, PdfFontHandle, Pt, TextItem, TextMatrix};

use super::{font_id, paint_page, Painter};
use crate::fonts::Face;
use crate::layout::{Layout, Page, Paint, Role, StructNode, TextRun, Tone};

/// The code of each character in the embedded subset font, per face: the codes printpdf
/// wrote for one run of every character the written pages use.
#[derive(Debug, Default)]
pub(super) struct Codes {
    /// ASCII by face (`Face as usize`) and character, for speed: most text is ASCII.
    ascii: Vec<[Option<u16>; 128]>,
    other: HashMap<(Face, char), u16>,
}

impl Codes {
    /// Codes from the pairs of (face, characters) shown and the codes printpdf wrote for each
    /// run, in order. `None` if a run's codes do not match its characters one for one.
    pub(super) fn from_runs(shown: &[(Face, String)], written: &[Vec<u16>]) -> Option<Codes> {
        if shown.len() != written.len() {
            return None;
        }
        let mut codes = Codes::default();
        for ((face, chars), got) in shown.iter().zip(written) {
            if chars.chars().count() != got.len() {
                return None;
            }
            for (c, code) in chars.chars().zip(got) {
                codes.insert(*face, c, *code);
            }
        }
        Some(codes)
    }

    fn insert(&mut self, face: Face, c: char, code: u16) {
        match self.ascii_slot(face, c) {
            Some(slot) => *slot = Some(code),
            None => {
                self.other.insert((face, c), code);
            }
        }
    }

    fn ascii_slot(&mut self, face: Face, c: char) -> Option<&mut Option<u16>> {
        let c = usize::try_from(u32::from(c)).ok().filter(|c| *c < 128)?;
        let face = face as usize;
        if self.ascii.len() <= face {
            self.ascii.resize(face + 1, [None; 128]);
        }
        Some(&mut self.ascii[face][c])
    }

    fn code(&self, face: Face, c: char) -> Option<u16> {
        match self.ascii.get(face as usize) {
            Some(codes) if (c as u32) < 128 => codes[c as usize],
            _ => self.other.get(&(face, c)).copied(),
        }
    }
}

/// How hard a page's content stream is compressed: zlib's fastest level takes a fraction of
/// the time of its best, for a little more size (a 100-page pack is 376 KB, not 347 KB).
const COMPRESSION: u32 = 1;

fn compressed(bytes: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write as _;
    let mut z = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::new(COMPRESSION),
    );
    z.write_all(bytes).ok()?;
    z.finish().ok()
}

/// For each face, every character the pages written directly show, each once, in the order
/// of its last appearance: printpdf keeps the last character it sees for a glyph as that
/// glyph's text, so a glyph drawn for two characters keeps the same text as before.
pub(super) fn characters_shown(layout: &Layout, direct: &[bool]) -> Vec<(Face, String)> {
    let mut last: BTreeMap<(Face, char), usize> = BTreeMap::new();
    let mut ascii: BTreeMap<Face, [usize; 128]> = BTreeMap::new();
    let mut at = 0;
    for (page, _) in layout.pages.iter().zip(direct).filter(|(_, d)| **d) {
        for run in page.texts() {
            let seen = ascii.entry(run.face).or_insert([0; 128]);
            for c in run.text.chars() {
                at += 1;
                match seen.get_mut(c as usize) {
                    Some(slot) => *slot = at,
                    None => {
                        last.insert((run.face, c), at);
                    }
                }
            }
        }
    }
    for (face, seen) in &ascii {
        for (c, at) in seen.iter().enumerate() {
            if *at > 0 {
                last.insert((*face, char::from(c as u8)), *at);
            }
        }
    }
    let mut by_face: BTreeMap<Face, Vec<(usize, char)>> = BTreeMap::new();
    for ((face, c), at) in last {
        by_face.entry(face).or_default().push((at, c));
    }
    by_face
        .into_iter()
        .map(|(face, mut chars)| {
            chars.sort_unstable();
            (face, chars.into_iter().map(|(_, c)| c).collect())
        })
        .collect()
}

/// One run of each face's characters, for printpdf to embed and code.
pub(super) fn run_of_each(shown: &[(Face, String)]) -> Vec<Op> {
    let mut ops = vec![Op::StartTextSection];
    for (face, chars) in shown {
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(font_id(*face)),
            size: Pt(1.0),
        });
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(0.0), Pt(0.0)),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(chars.clone())],
        });
    }
    ops.push(Op::EndTextSection);
    ops
}

/// Reads the codes printpdf gave the carrier page's characters, then writes each direct
/// page's content stream and its marks. `None` if the codes cannot be told.
pub(super) fn write_direct(
    lopdf: &mut lopdf::Document,
    layout: &Layout,
    carrier: usize,
    shown: &[(Face, String)],
    direct: &[bool],
    marks: &mut [Vec<u32>],
) -> Option<()> {
    let streams: Vec<lopdf::ObjectId> = lopdf
        .get_pages()
        .values()
        .map(|page| {
            lopdf
                .get_dictionary(*page)
                .and_then(|d| d.get(b"Contents"))
                .and_then(|c| c.as_reference())
                .ok()
        })
        .collect::<Option<_>>()?;
    if streams.len() != layout.pages.len() {
        return None;
    }
    let carried = lopdf.get_object(streams[carrier]).ok()?.as_stream().ok()?;
    let bytes = match carried.dict.get(b"Filter") {
        Ok(_) => carried.decompressed_content().ok()?,
        Err(_) => carried.content.clone(),
    };
    let codes = Codes::from_runs(shown, &codes_written(&bytes, shown)?)?;
    for (n, page) in layout.pages.iter().enumerate() {
        if !direct[n] {
            continue;
        }
        let (bytes, page_marks) = page_content(page, layout.height, &layout.structure, &codes)?;
        let stream = lopdf
            .get_object_mut(streams[n])
            .ok()?
            .as_stream_mut()
            .ok()?;
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(compressed(&bytes)?);
        marks[n] = page_marks;
    }
    Some(())
}

/// The glyph codes of each run in a content stream, checked to be in the fonts of `shown`.
fn codes_written(stream: &[u8], shown: &[(Face, String)]) -> Option<Vec<Vec<u16>>> {
    let content = lopdf::content::Content::decode(stream).ok()?;
    let mut runs: Vec<Vec<u16>> = Vec::new();
    for op in &content.operations {
        match op.operator.as_str() {
            "Tf" => {
                let name = op.operands.first()?.as_name().ok()?;
                let (face, _) = shown.get(runs.len())?;
                if name != font_id(*face).0.as_bytes() {
                    return None;
                }
                runs.push(Vec::new());
            }
            "Tj" | "TJ" => {
                let run = runs.last_mut()?;
                let strings = match op.operands.first()? {
                    lopdf::Object::Array(items) => items.iter().collect(),
                    other => vec![other],
                };
                for s in strings {
                    if let lopdf::Object::String(bytes, _) = s {
                        run.extend(
                            bytes
                                .chunks_exact(2)
                                .map(|pair| u16::from_be_bytes([pair[0], pair[1]])),
                        );
                    }
                }
            }
            _ => {}
        }
    }
    Some(runs)
}

/// The content stream of `page` (of height `height`) and, by MCID, the structure element
/// each marked piece of text belongs to. `None` if a character has no code (the whole
/// document is then written through printpdf instead).
pub(super) fn page_content(
    page: &Page,
    height: f32,
    structure: &[StructNode],
    codes: &Codes,
) -> Option<(Vec<u8>, Vec<u32>)> {
    let mut w = PageBytes {
        out: Vec::with_capacity(page.items.len() * 64),
        height,
        font: None,
        fill: None,
        in_text: false,
        marks: Vec::new(),
        codes,
    };
    paint_page(page, structure, &mut w)?;
    Some((w.out, w.marks))
}

/// The bytes of one page so far, and the graphics state they leave (as `PageOps` keeps it).
struct PageBytes<'a> {
    out: Vec<u8>,
    height: f32,
    font: Option<(Face, f32)>,
    fill: Option<Tone>,
    in_text: bool,
    marks: Vec<u32>,
    codes: &'a Codes,
}

impl PageBytes<'_> {
    fn op(&mut self, operator: &[u8]) {
        self.out.extend_from_slice(operator);
        self.out.push(b'\n');
    }

    fn num(&mut self, v: f32) {
        number(&mut self.out, v);
        self.out.push(b' ');
    }

    fn begin_mark(&mut self, node: Option<(u32, Role)>) {
        match node {
            Some((node, role)) => {
                let mcid = self.marks.len();
                self.marks.push(node);
                self.out.push(b'/');
                self.out.extend_from_slice(role.tag().as_bytes());
                self.out.extend_from_slice(b" <</MCID ");
                self.out.extend_from_slice(mcid.to_string().as_bytes());
                self.op(b">> BDC");
            }
            None => self.op(b"/Artifact BMC"),
        }
    }

    fn grey(&mut self, tone: Tone, operator: &[u8]) {
        self.num(tone.grey());
        self.op(operator);
    }
}

impl Painter for PageBytes<'_> {
    fn end_text(&mut self) {
        if self.in_text {
            self.op(b"ET");
            self.in_text = false;
        }
    }

    fn text(&mut self, t: &TextRun, role: Option<Role>) -> Option<()> {
        if !self.in_text {
            self.op(b"BT");
            self.in_text = true;
        }
        if self.font != Some((t.face, t.size)) {
            self.out.push(b'/');
            self.out.extend_from_slice(font_id(t.face).0.as_bytes());
            self.out.push(b' ');
            self.num(t.size);
            self.op(b"Tf");
            self.font = Some((t.face, t.size));
        }
        if self.fill != Some(t.tone) {
            self.grey(t.tone, b"g");
            self.fill = Some(t.tone);
        }
        self.begin_mark(t.node.zip(role));
        // An absolute text matrix per run: Td would be relative to the last line.
        self.out.extend_from_slice(b"1 0 0 1 ");
        self.num(t.x);
        self.num(self.height - t.y);
        self.op(b"Tm");
        self.out.push(b'<');
        for c in t.text.chars() {
            let code = self.codes.code(t.face, c)?;
            for shift in [12, 8, 4, 0] {
                self.out.push(HEX[usize::from((code >> shift) & 0xF)]);
            }
        }
        self.op(b"> Tj");
        self.op(b"EMC");
        Some(())
    }

    fn line(&mut self, (x1, y1): (f32, f32), (x2, y2): (f32, f32), width: f32, tone: Tone) {
        self.end_text();
        self.begin_mark(None);
        self.grey(tone, b"G");
        self.num(width);
        self.op(b"w");
        self.num(x1);
        self.num(self.height - y1);
        self.op(b"m");
        self.num(x2);
        self.num(self.height - y2);
        self.op(b"l");
        self.op(b"S");
        self.op(b"EMC");
    }

    fn rect(&mut self, (x, y, w, h): (f32, f32, f32, f32), paint: Paint, tone: Tone) {
        self.end_text();
        self.begin_mark(None);
        match paint {
            Paint::Stroke(width) => {
                self.grey(tone, b"G");
                self.num(width);
                self.op(b"w");
            }
            Paint::Fill => {
                self.grey(tone, b"g");
                self.fill = Some(tone);
            }
        }
        self.num(x);
        // The rectangle's lower edge, from the bottom of the page.
        self.num(self.height - y - h);
        self.num(w);
        self.num(h);
        self.op(match paint {
            Paint::Stroke(_) => b"re\nS",
            Paint::Fill => b"re\nf",
        });
        self.op(b"EMC");
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// `v` to a thousandth of a point (a third of a micrometre), without trailing zeros.
fn number(out: &mut Vec<u8>, v: f32) {
    let thousandths = (f64::from(v) * 1000.0).round();
    // Every coordinate and size on a page is far inside i64; anything else is written as 0.
    let thousandths = if thousandths.is_finite() && thousandths.abs() < 1e15 {
        thousandths as i64
    } else {
        0
    };
    if thousandths < 0 {
        out.push(b'-');
    }
    let whole = thousandths.unsigned_abs() / 1000;
    let mut fraction = thousandths.unsigned_abs() % 1000;
    out.extend_from_slice(whole.to_string().as_bytes());
    if fraction != 0 {
        out.push(b'.');
        let mut digits = 3;
        while fraction % 10 == 0 {
            fraction /= 10;
            digits -= 1;
        }
        let text = fraction.to_string();
        out.extend(std::iter::repeat_n(b'0', digits - text.len()));
        out.extend_from_slice(text.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::{characters_shown, number, page_content, Codes};
    use crate::fonts::Face;
    use crate::layout::{lay_out, Block, LayoutOptions};
    use crate::Paper;

    #[test]
    fn a_character_without_a_code_stops_the_page_being_written_directly() {
        let layout = lay_out(
            &[Block::text("Abc")],
            &LayoutOptions {
                paper: Paper::A4,
                large_print: false,
                running_title: "Title".into(),
            },
        );
        let page = &layout.pages[0];
        let writes = |shown: &[(Face, String)]| {
            let written: Vec<Vec<u16>> = shown
                .iter()
                .map(|(_, c)| vec![1; c.chars().count()])
                .collect();
            let codes = Codes::from_runs(shown, &written).expect("codes");
            page_content(page, layout.height, &layout.structure, &codes).is_some()
        };
        let mut shown = characters_shown(&layout, &[true]);
        assert!(writes(&shown));
        // Codes for more characters than the page shows are harmless.
        shown[0].1.push('\u{e9}');
        assert!(writes(&shown));
        // Without a code for "b", the page cannot be written directly.
        let regular = shown
            .iter_mut()
            .find(|(_, c)| c.contains('b'))
            .expect("b is shown");
        regular.1 = regular.1.replace('b', "");
        assert!(!writes(&shown));
        // Codes that do not match their characters one for one are not believed.
        assert!(Codes::from_runs(&[(Face::Regular, "Ab".into())], &[vec![1]]).is_none());
        assert!(Codes::from_runs(&[(Face::Regular, "Ab".into())], &[]).is_none());
    }

    fn written(v: f32) -> String {
        let mut out = Vec::new();
        number(&mut out, v);
        String::from_utf8(out).expect("ASCII")
    }

    #[test]
    fn numbers_are_written_to_a_thousandth_without_trailing_zeros() {
        assert_eq!(written(0.0), "0");
        assert_eq!(written(-0.0), "0");
        assert_eq!(written(12.0), "12");
        assert_eq!(written(16.2), "16.2");
        assert_eq!(written(70.86614), "70.866");
        assert_eq!(written(0.05), "0.05");
        assert_eq!(written(1.0006), "1.001");
        assert_eq!(written(-3.25), "-3.25");
        assert_eq!(written(-0.0004), "0");
        assert_eq!(written(841.8898), "841.89");
        assert_eq!(written(f32::NAN), "0");
    }
}
