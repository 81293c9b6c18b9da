//! PDF emission: a [`Layout`] becomes PDF bytes with printpdf.
//!
//! Invariants:
//! - The same layout and metadata give byte-identical files. printpdf would otherwise put
//!   process-global pseudo-random strings in font resource names, subset tags and the trailer
//!   `/ID`, and 1970 dates in the metadata: here fonts get fixed ids, the `/ID` is derived from
//!   the document's own content, and the dates come from the date passed in.
//! - Fonts are embedded as subsets, and only the faces a document uses are embedded.
//! - The file is tagged: every piece of text is marked, as part of its structure element (see
//!   `tags`) or as page furniture (an artifact), and so is every line and box drawn.
//! - A page whose text needs no shaping has its content stream written directly (`content`),
//!   with the operators printpdf would write for it; its glyph codes are read back from a
//!   carrier run printpdf wrote, so the subset fonts hold every glyph shown. If any code cannot
//!   be told, the whole document goes through printpdf instead.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::NaiveDate;
use printpdf::{
    Codepoint, Color, DictItem, FontId, Greyscale, Line, LinePoint, Op, PaintMode, ParsedFont,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix,
    WindingOrder,
};

use unicode_segmentation::UnicodeSegmentation;

use super::fonts::{covers, Face};
use super::layout::{Item, Layout, Page, Paint, Role, StructNode, TextRun, Tone};
use super::shape::{needs_shaping, shape};

mod content;

/// What a PDF says about itself (File > Properties in a viewer). No health details in the title:
/// viewers show it in window titles and recent-file lists. No author and no subject either:
/// the author would be the patient's name and a subject names what the letter is about, and
/// both are indexed by desktop search and shown by file managers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfInfo {
    pub title: String,
    /// Creation and modification date (midnight UTC).
    pub date: NaiveDate,
}

/// Why a PDF could not be made, in plain words for the person printing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfError(pub String);

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PdfError {}

/// The language every document is written in (BCP 47), as the catalog's `/Lang`.
const DOCUMENT_LANGUAGE: &str = "en-GB";

/// The app's name as the PDF's creator and producer.
const CREATOR: &str = "Second Opinion";

fn font_id(face: Face) -> FontId {
    // Six capital letters: printpdf uses the first six characters as the subset tag.
    FontId(
        match face {
            Face::Regular => "SOAHNR",
            Face::Bold => "SOAHNB",
            Face::Arabic => "SONNAR",
            Face::ArabicBold => "SONNAB",
            Face::Bengali => "SONBNR",
            Face::BengaliBold => "SONBNB",
            Face::Gurmukhi => "SONPAR",
            Face::GurmukhiBold => "SONPAB",
            Face::Gujarati => "SONGUR",
            Face::GujaratiBold => "SONGUB",
        }
        .to_owned(),
    )
}

fn parsed(face: Face) -> Result<&'static ParsedFont, PdfError> {
    static FACES: [OnceLock<Option<ParsedFont>>; 10] = [const { OnceLock::new() }; 10];
    FACES[face as usize]
        .get_or_init(|| ParsedFont::from_bytes(face.bytes(), 0, &mut Vec::new()))
        .as_ref()
        .ok_or_else(|| PdfError("The document font could not be read.".into()))
}

fn grey(tone: Tone) -> Color {
    Color::Greyscale(Greyscale {
        percent: tone.grey(),
        icc_profile: None,
    })
}

/// PDF bytes for `layout`.
pub fn render(layout: &Layout, meta: &PdfInfo) -> Result<Vec<u8>, PdfError> {
    render_with(layout, meta, Writing::Direct)
}

/// How pages whose text needs no shaping are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Writing {
    /// Straight as bytes ([`content`]), once printpdf has made the file.
    Direct,
    /// Through printpdf's operations, as pages with shaped text always are.
    Printpdf,
}

fn render_with(layout: &Layout, meta: &PdfInfo, writing: Writing) -> Result<Vec<u8>, PdfError> {
    check_printable(layout)?;
    let mut doc = PdfDocument::new(&meta.title);
    let used: BTreeSet<Face> = layout
        .pages
        .iter()
        .flat_map(|p| p.texts().map(|t| t.face))
        .collect();
    for face in &used {
        doc.resources.fonts.map.insert(
            font_id(*face),
            printpdf::PdfFont::new(parsed(*face)?.clone()),
        );
    }
    set_info(&mut doc, meta)?;
    let direct: Vec<bool> = layout
        .pages
        .iter()
        .map(|p| writing == Writing::Direct && !p.texts().any(|t| needs_shaping(t.face, &t.text)))
        .collect();
    // printpdf embeds only the glyphs its pages show and decides their codes, so the first
    // page written directly carries, for printpdf, one run of every character those pages
    // use; its stream is then replaced like the others'.
    let shown = content::characters_shown(layout, &direct);
    let carrier = direct.iter().position(|d| *d);
    let mut marks = Vec::with_capacity(layout.pages.len());
    let mut pages = Vec::with_capacity(layout.pages.len());
    for (n, page) in layout.pages.iter().enumerate() {
        if direct[n] {
            let ops = if carrier == Some(n) {
                content::run_of_each(&shown)
            } else {
                Vec::new()
            };
            pages.push(empty_page(layout, ops));
            marks.push(Vec::new());
        } else {
            let (page, page_marks) = pdf_page(page, layout);
            pages.push(page);
            marks.push(page_marks);
        }
    }
    doc.with_pages(pages);
    let mut lopdf = doc.to_lopdf_document(&save_options(), &mut Vec::new());
    if let Some(carrier) = carrier {
        if content::write_direct(&mut lopdf, layout, carrier, &shown, &direct, &mut marks).is_none()
        {
            // A character whose code could not be told: every page through printpdf.
            return render_with(layout, meta, Writing::Printpdf);
        }
    }
    save(lopdf, layout, meta, &marks)
}

fn empty_page(layout: &Layout, ops: Vec<Op>) -> PdfPage {
    let size = Rect::from_wh(Pt(layout.width), Pt(layout.height));
    PdfPage {
        media_box: size.clone(),
        trim_box: size.clone(),
        crop_box: size,
        ops,
    }
}

/// A safety net for layouts built outside this module's documents, whose text was not
/// cleaned: never print a box or nothing in place of a character.
fn check_printable(layout: &Layout) -> Result<(), PdfError> {
    for page in &layout.pages {
        for run in page.texts() {
            // `covers` goes a character at a time, so a run it covers has no missing cluster;
            // only a run it does not cover is searched, to name the character missing.
            if covers(run.face, &run.text) {
                continue;
            }
            let missing = run.text.graphemes(true).find(|g| !covers(run.face, g));
            if let Some(c) = missing.and_then(|g| g.chars().next()) {
                return Err(PdfError(format!(
                    "The document has a character that cannot be printed (U+{:04X}).",
                    c as u32
                )));
            }
        }
    }
    Ok(())
}

/// The document information: the title, the app as creator, and the date passed in (midnight
/// UTC) as every date; no author, no subject.
fn set_info(doc: &mut PdfDocument, meta: &PdfInfo) -> Result<(), PdfError> {
    let midnight = meta
        .date
        .and_hms_opt(0, 0, 0)
        .map(|d| d.and_utc().timestamp())
        .unwrap_or(0);
    let when = printpdf::OffsetDateTime::from_unix_timestamp(midnight)
        .map_err(|e| PdfError(e.to_owned()))?;
    let info = &mut doc.metadata.info;
    info.document_title = meta.title.clone();
    info.author = String::new();
    info.subject = String::new();
    info.creator = CREATOR.to_owned();
    info.producer = CREATOR.to_owned();
    info.creation_date = when;
    info.modification_date = when;
    info.metadata_date = when;
    Ok(())
}

/// What a page's items are drawn with: printpdf's operations (`PageOps`) or the content
/// stream's bytes (`content`). Both keep the same graphics state, so they write the same
/// operators.
trait Painter {
    /// `None` if a character of the run cannot be drawn.
    fn text(&mut self, t: &TextRun, role: Option<Role>) -> Option<()>;
    fn line(&mut self, from: (f32, f32), to: (f32, f32), width: f32, tone: Tone);
    fn rect(&mut self, r: (f32, f32, f32, f32), paint: Paint, tone: Tone);
    fn end_text(&mut self);
}

/// Each of `page`'s items drawn in order, each text run with its structure element's role.
/// `None` as soon as a run cannot be drawn.
fn paint_page(page: &Page, structure: &[StructNode], painter: &mut impl Painter) -> Option<()> {
    for item in &page.items {
        match item {
            Item::Text(t) => {
                let role = t
                    .node
                    .and_then(|n| structure.get(n as usize))
                    .map(|s| s.role);
                painter.text(t, role)?;
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                tone,
            } => painter.line((*x1, *y1), (*x2, *y2), *width, *tone),
            Item::Rect {
                x,
                y,
                w,
                h,
                paint,
                tone,
            } => painter.rect((*x, *y, *w, *h), *paint, *tone),
        }
    }
    painter.end_text();
    Some(())
}

/// One page's drawing operations, and the structure element each of its marked pieces of
/// text belongs to (by MCID, from 0). Layout `y` grows downwards; PDF `y` grows upwards from
/// the page's bottom edge.
fn pdf_page(page: &Page, layout: &Layout) -> (PdfPage, Vec<u32>) {
    let height = layout.height;
    let mut w = PageOps {
        ops: Vec::with_capacity(page.items.len() * 8),
        height,
        font: None,
        fill: None,
        in_text: false,
        marks: Vec::new(),
    };
    // printpdf shows every character, so the page is always drawn whole.
    let _whole = paint_page(page, &layout.structure, &mut w);
    (empty_page(layout, w.ops), w.marks)
}

/// The operations of one page so far, and the graphics state they leave, so a font or colour
/// is only set when it changes.
struct PageOps {
    ops: Vec<Op>,
    height: f32,
    font: Option<(Face, f32)>,
    fill: Option<Tone>,
    in_text: bool,
    /// The structure element of each marked piece of text so far, by MCID.
    marks: Vec<u32>,
}

impl PageOps {
    fn point(&self, x: f32, y: f32) -> LinePoint {
        LinePoint {
            p: Point {
                x: Pt(x),
                y: Pt(self.height - y),
            },
            bezier: false,
        }
    }

    /// Marks what follows as part of structure element `node` (a new MCID), or as page
    /// furniture a reader skips (an artifact) when `None`.
    fn begin_mark(&mut self, node: Option<(u32, Role)>) {
        match node {
            Some((node, role)) => {
                let mcid = self.marks.len() as i64;
                self.marks.push(node);
                self.ops.push(Op::BeginMarkedContentWithProperties {
                    tag: role.tag().into(),
                    properties: DictItem::Dict {
                        map: [("MCID".to_owned(), DictItem::Int(mcid))].into(),
                    },
                });
            }
            None => self.ops.push(Op::BeginMarkedContent {
                tag: "Artifact".into(),
            }),
        }
    }

    /// A shaped run: each glyph placed where shaping put it (printpdf joins the glyphs of one
    /// baseline into one `TJ`). A left-to-right run is marked with its text (`/ActualText`), so
    /// it is copied and read aloud as written, not in drawing order, and a glyph that draws
    /// several letters (a conjunct) or part of one extracts correctly.
    fn shaped_text(&mut self, t: &TextRun) {
        let glyphs = shape(&t.text, t.face, t.rtl);
        let mut starts: Vec<usize> = glyphs.iter().map(|g| g.cluster).collect();
        starts.sort_unstable();
        starts.dedup();
        let cluster_text = |at: usize| {
            let end = starts
                .iter()
                .find(|s| **s > at)
                .copied()
                .unwrap_or(t.text.len());
            t.text.get(at..end).unwrap_or_default().to_owned()
        };
        // Right-to-left text is extracted from its glyphs, each mapped to its letters: readers
        // such as poppler take glyphs drawn right to left as visual order and reverse them,
        // which would turn an `/ActualText` (already in reading order) back to front.
        if !t.rtl {
            self.ops.push(Op::BeginMarkedContentWithProperties {
                tag: "Span".into(),
                properties: DictItem::Dict {
                    map: [("ActualText".to_owned(), text_string(&t.text))].into(),
                },
            });
        }
        let mut pen = t.x;
        let mut named = BTreeSet::new();
        for g in glyphs {
            self.ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(
                    Pt(pen + g.dx * t.size),
                    Pt(self.height - t.y + g.dy * t.size),
                ),
            });
            // The text of a cluster goes with its first glyph (for the font's ToUnicode map).
            let cid = named.insert(g.cluster).then(|| cluster_text(g.cluster));
            self.ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(vec![Codepoint {
                    gid: g.id,
                    offset: 0.0,
                    cid,
                }])],
            });
            pen += g.advance * t.size;
        }
        if !t.rtl {
            self.ops.push(Op::EndMarkedContent);
        }
    }
}

impl Painter for PageOps {
    fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    fn text(&mut self, t: &TextRun, role: Option<Role>) -> Option<()> {
        if !self.in_text {
            self.ops.push(Op::StartTextSection);
            self.in_text = true;
        }
        if self.font != Some((t.face, t.size)) {
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(font_id(t.face)),
                size: Pt(t.size),
            });
            self.font = Some((t.face, t.size));
        }
        if self.fill != Some(t.tone) {
            self.ops.push(Op::SetFillColor { col: grey(t.tone) });
            self.fill = Some(t.tone);
        }
        self.begin_mark(t.node.zip(role));
        if needs_shaping(t.face, &t.text) {
            self.shaped_text(t);
        } else {
            // An absolute text matrix per run: Td would be relative to the last line.
            self.ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(t.x), Pt(self.height - t.y)),
            });
            self.ops.push(Op::ShowText {
                items: vec![TextItem::Text(t.text.clone())],
            });
        }
        self.ops.push(Op::EndMarkedContent);
        Some(())
    }

    // Lines and boxes are drawn as artifacts: a tick box's state is told by its item's label.
    fn line(&mut self, (x1, y1): (f32, f32), (x2, y2): (f32, f32), width: f32, tone: Tone) {
        self.end_text();
        self.begin_mark(None);
        self.ops.push(Op::SetOutlineColor { col: grey(tone) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        let points = vec![self.point(x1, y1), self.point(x2, y2)];
        self.ops.push(Op::DrawLine {
            line: Line {
                points,
                is_closed: false,
            },
        });
        self.ops.push(Op::EndMarkedContent);
    }

    fn rect(&mut self, (x, y, w, h): (f32, f32, f32, f32), paint: Paint, tone: Tone) {
        self.end_text();
        self.begin_mark(None);
        let mode = match paint {
            Paint::Stroke(width) => {
                self.ops.push(Op::SetOutlineColor { col: grey(tone) });
                self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
                PaintMode::Stroke
            }
            Paint::Fill => {
                self.ops.push(Op::SetFillColor { col: grey(tone) });
                self.fill = Some(tone);
                PaintMode::Fill
            }
        };
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                // Rect's y is its lower edge, from the bottom of the page.
                y: Pt(self.height - y - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(mode),
                winding_order: Some(WindingOrder::NonZero),
            },
        });
        self.ops.push(Op::EndMarkedContent);
    }
}

/// A PDF text string: UTF-16, big-endian, with its byte-order mark.
fn text_string(text: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        data.extend_from_slice(&unit.to_be_bytes());
    }
    DictItem::String {
        data,
        literal: false,
    }
}

fn save_options() -> PdfSaveOptions {
    PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    }
}

/// The file's bytes: a stable `/ID`, only true document information, the language and the
/// structure tree, every stream compressed.
fn save(
    mut lopdf: lopdf::Document,
    layout: &Layout,
    meta: &PdfInfo,
    marks: &[Vec<u32>],
) -> Result<Vec<u8>, PdfError> {
    // A stable /ID: two strings derived from the layout and metadata instead of random ones.
    let id = document_id(layout, meta);
    if let Ok(ids) = lopdf.trailer.get_mut(b"ID").and_then(|o| o.as_array_mut()) {
        for (n, part) in ids.iter_mut().enumerate() {
            if let Ok(bytes) = part.as_str_mut() {
                *bytes = id[n % 2].clone().into_bytes();
            }
        }
    }
    // printpdf writes a PDF/X version key (this is not a PDF/X file) and empty fields into the
    // document information; leave only what is true and useful.
    if let Ok(info_id) = lopdf.trailer.get(b"Info").and_then(|o| o.as_reference()) {
        if let Ok(info) = lopdf.get_object_mut(info_id).and_then(|o| o.as_dict_mut()) {
            for key in [&b"GTS_PDFXVersion"[..], b"Identifier", b"Keywords"] {
                info.remove(key);
            }
        }
    }
    // The documents' language, so a screen reader reads them in a British English voice
    // (words in other scripts it recognises by their letters).
    if let Ok(root) = lopdf.trailer.get(b"Root").and_then(|o| o.as_reference()) {
        if let Ok(catalog) = lopdf.get_object_mut(root).and_then(|o| o.as_dict_mut()) {
            catalog.set("Lang", lopdf::Object::string_literal(DOCUMENT_LANGUAGE));
        }
    }
    super::tags::add_structure(&mut lopdf, &layout.structure, marks);
    lopdf.compress();
    let mut bytes = Vec::new();
    lopdf
        .save_to(&mut bytes)
        .map_err(|e| PdfError(format!("The PDF could not be written: {e}")))?;
    Ok(bytes)
}

/// Two 32-hex-digit identifiers, a pure function of the document.
fn document_id(layout: &Layout, meta: &PdfInfo) -> [String; 2] {
    let mut hash = Fnv::new();
    hash.write(meta.title.as_bytes());
    hash.write(meta.date.to_string().as_bytes());
    hash.write(layout.to_text_snapshot().as_bytes());
    let a = hash.0;
    hash.write(b"second");
    let b = hash.0;
    hash.write(b"third");
    let c = hash.0;
    let first = format!("{a:016x}{b:016x}");
    let second = format!("{c:016x}{a:016x}");
    [first, second]
}

/// FNV-1a, 64 bit: small, stable across Rust versions (unlike `DefaultHasher`).
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests;
