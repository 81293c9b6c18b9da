//! One PDF made of others: a front part (made by [`crate::pdf`]), then the pages of other PDFs
//! and pictures, each picture on a page of its own, scaled to fit and upright.
//!
//! Invariants:
//! - Only pages are copied, with what they draw: never a document's scripts, actions, embedded
//!   files or forms' actions (a page's and an annotation's `/A` and `/AA`, the catalogue's
//!   `/OpenAction` and `/Names` are left behind, and only objects the copied pages reach are
//!   kept), so nothing in the result runs when it is opened.
//! - A part that cannot be read is refused on its own with a plain reason ([`Refused`]) when it
//!   is prepared, before anything is assembled; assembling prepared parts does not fail on them.
//! - The same front part and parts give the same bytes.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};

use crate::layout::{paper_size, MM};
use crate::pdf::PdfError;
use crate::Paper;

mod image;

/// Most a stream inside an added PDF may expand to while it is read.
const MAX_PDF_STREAM_BYTES: usize = 64 * 1024 * 1024;

/// A file to put in the bundle, by what its bytes are.
#[derive(Debug, Clone, Copy)]
pub enum Part<'a> {
    Pdf(&'a [u8]),
    Jpeg(&'a [u8]),
    Png(&'a [u8]),
}

/// Why a part cannot be included, in plain words ("the PDF is damaged and cannot be read").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String);

/// A part read and ready to be added, and how many pages it takes.
#[derive(Debug)]
pub struct Prepared {
    pub pages: u32,
    inner: Inner,
}

#[derive(Debug)]
enum Inner {
    Pdf(Box<Document>),
    Picture(Box<image::Picture>),
}

/// Reads a part, or says why it cannot be included. Never panics on hostile bytes.
pub fn prepare(part: Part<'_>) -> Result<Prepared, Refused> {
    let read = std::panic::catch_unwind(|| match part {
        Part::Pdf(bytes) => read_pdf(bytes),
        Part::Jpeg(bytes) => image::jpeg(bytes).map_err(refused).map(picture),
        Part::Png(bytes) => image::png(bytes).map_err(refused).map(picture),
    });
    read.unwrap_or_else(|_| Err(refused("the file is damaged and cannot be read")))
}

fn refused(why: &str) -> Refused {
    Refused(why.to_owned())
}

fn picture(p: image::Picture) -> Prepared {
    Prepared {
        pages: 1,
        inner: Inner::Picture(Box::new(p)),
    }
}

fn read_pdf(bytes: &[u8]) -> Result<Prepared, Refused> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_PDF_STREAM_BYTES),
        ..lopdf::LoadOptions::default()
    };
    let document = match Document::load_mem_with_options(bytes, options) {
        Ok(d) => d,
        Err(lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword) => {
            return Err(refused(PROTECTED))
        }
        Err(_) => return Err(refused("the PDF is damaged and cannot be read")),
    };
    let pages = document.get_pages().len();
    if pages == 0 {
        let encrypted = document.was_encrypted() || document.trailer.get(b"Encrypt").is_ok();
        return Err(refused(if encrypted {
            PROTECTED
        } else {
            "the PDF has no pages"
        }));
    }
    Ok(Prepared {
        pages: u32::try_from(pages).map_err(|_| refused("the PDF has too many pages"))?,
        inner: Inner::Pdf(Box::new(document)),
    })
}

const PROTECTED: &str = "the PDF is protected with a password";

/// The front part's pages, then each prepared part's, in order: pictures on pages of `paper`
/// (turned to landscape for a wide picture), scaled to fit inside a 10 mm margin.
pub fn assemble(front: &[u8], parts: Vec<Prepared>, paper: Paper) -> Result<Vec<u8>, PdfError> {
    let mut doc = Document::load_mem(front)
        .map_err(|e| PdfError(format!("The bundle's first pages could not be read: {e}")))?;
    let pages_id = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(|_| PdfError("The bundle's first pages have no page list.".into()))?;
    let mut kids: Vec<Object> = doc
        .get_pages()
        .values()
        .map(|id| Object::Reference(*id))
        .collect();
    for part in parts {
        match part.inner {
            Inner::Pdf(source) => {
                for id in copy_pages(&mut doc, *source, pages_id) {
                    kids.push(Object::Reference(id));
                }
            }
            Inner::Picture(p) => kids.push(Object::Reference(picture_page(
                &mut doc, &p, pages_id, paper,
            ))),
        }
    }
    let count = i64::try_from(kids.len()).unwrap_or(i64::MAX);
    let pages = doc
        .get_object_mut(pages_id)
        .and_then(Object::as_dict_mut)
        .map_err(|_| PdfError("The bundle's page list could not be written.".into()))?;
    pages.set("Kids", Object::Array(kids));
    pages.set("Count", count);
    // The trailer's /Size follows the highest number in use (objects no page reached were
    // left behind).
    doc.max_id = doc.objects.keys().map(|id| id.0).max().unwrap_or(0);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)
        .map_err(|e| PdfError(format!("The PDF could not be written: {e}")))?;
    Ok(bytes)
}

/// Keys a page inherits from the page tree above it.
const INHERITED: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// Keys that make a document do something when opened or touched: never copied.
const ACTIVE: [&[u8]; 9] = [
    b"A",
    b"AA",
    b"PA",
    b"JS",
    b"OnInstantiate",
    b"OpenAction",
    b"Names",
    b"EmbeddedFiles",
    b"EF",
];

/// Copies `source`'s pages into `doc` under `parent`, with only the objects they reach, and
/// gives their new ids in order.
fn copy_pages(doc: &mut Document, mut source: Document, parent: ObjectId) -> Vec<ObjectId> {
    source.renumber_objects_with(doc.max_id + 1);
    let page_ids: Vec<ObjectId> = source.get_pages().values().copied().collect();
    let mut pages = BTreeMap::new();
    for id in &page_ids {
        let mut page = Dictionary::new();
        if let Ok(dict) = source.get_dictionary(*id) {
            page = dict.clone();
        }
        for key in INHERITED {
            if !page.has(key) {
                if let Some(value) = inherited(&source, &page, key) {
                    page.set(key, value);
                }
            }
        }
        page.set("Parent", Object::Reference(parent));
        // The source's structure tree is not copied: its index into that tree would point
        // into the bundle's own.
        page.remove(b"StructParents");
        pages.insert(*id, Object::Dictionary(page));
    }
    // The objects the pages reach, never through a `Parent` (the source's page tree).
    let mut keep = BTreeSet::new();
    let mut todo: Vec<ObjectId> = Vec::new();
    for page in pages.values() {
        references(page, &mut todo);
    }
    while let Some(id) = todo.pop() {
        if pages.contains_key(&id) || !keep.insert(id) {
            continue;
        }
        if let Some(object) = source.objects.get_mut(&id) {
            scrub(object);
            references(object, &mut todo);
        }
    }
    for (id, mut page) in pages {
        scrub(&mut page);
        page.as_dict_mut()
            .map(|d| d.set("Parent", Object::Reference(parent)))
            .ok();
        doc.objects.insert(id, page);
    }
    for id in keep {
        if let Some(object) = source.objects.remove(&id) {
            doc.objects.insert(id, object);
        }
    }
    doc.max_id = doc.max_id.max(source.max_id);
    page_ids
}

/// The value of `key` from the nearest page tree node above `page` that has it.
fn inherited(source: &Document, page: &Dictionary, key: &[u8]) -> Option<Object> {
    let mut node = page.get(b"Parent").and_then(Object::as_reference).ok();
    for _ in 0..64 {
        let dict = source.get_dictionary(node?).ok()?;
        if let Ok(value) = dict.get(key) {
            return Some(value.clone());
        }
        node = dict.get(b"Parent").and_then(Object::as_reference).ok();
    }
    None
}

/// Removes what could run or open something, at any depth inside `object` (its references
/// are scrubbed as they are copied).
fn scrub(object: &mut Object) {
    let dict = match object {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &mut s.dict,
        Object::Array(items) => {
            items.iter_mut().for_each(scrub);
            return;
        }
        _ => return,
    };
    for key in ACTIVE {
        dict.remove(key);
    }
    // An annotation's place in the source's structure tree would point into the bundle's own.
    dict.remove(b"StructParent");
    // A form field's reset or submit action and a script's action are dictionaries of their own.
    if matches!(dict.get(b"S"), Ok(Object::Name(n)) if is_action(n)) {
        dict.remove(b"S");
        dict.remove(b"Next");
    }
    for (_, value) in dict.iter_mut() {
        scrub(value);
    }
}

fn is_action(name: &[u8]) -> bool {
    matches!(
        name,
        b"JavaScript" | b"Launch" | b"SubmitForm" | b"ImportData" | b"ResetForm" | b"URI"
    )
}

/// Every object id `object` refers to, except through `Parent`.
fn references(object: &Object, out: &mut Vec<ObjectId>) {
    match object {
        Object::Reference(id) => out.push(*id),
        Object::Array(items) => items.iter().for_each(|i| references(i, out)),
        Object::Dictionary(d) => refs_in(d, out),
        Object::Stream(s) => refs_in(&s.dict, out),
        _ => {}
    }
}

fn refs_in(dict: &Dictionary, out: &mut Vec<ObjectId>) {
    for (key, value) in dict.iter() {
        if key != b"Parent" {
            references(value, out);
        }
    }
}

/// A page of `paper` with the picture on it, as large as fits inside the margin and centred,
/// landscape when the picture is wider than tall.
fn picture_page(
    doc: &mut Document,
    picture: &image::Picture,
    parent: ObjectId,
    paper: Paper,
) -> ObjectId {
    let (short, long) = paper_size(paper);
    let (iw, ih) = picture.upright_size();
    let (pw, ph) = if iw > ih {
        (long, short)
    } else {
        (short, long)
    };
    let margin = 10.0 * MM;
    let scale = ((pw - 2.0 * margin) / iw).min((ph - 2.0 * margin) / ih);
    let (w, h) = (iw * scale, ih * scale);
    let (x, y) = ((pw - w) / 2.0, (ph - h) / 2.0);
    let mut image = picture.image.clone();
    if let Some(mask) = &picture.mask {
        let mask_id = doc.add_object(mask.clone());
        image.dict.set("SMask", Object::Reference(mask_id));
    }
    let image_id = doc.add_object(image);
    let m = picture.matrix(x, y, w, h);
    let ops = format!(
        "q {} {} {} {} {} {} cm /Im0 Do Q",
        n(m[0]),
        n(m[1]),
        n(m[2]),
        n(m[3]),
        n(m[4]),
        n(m[5])
    );
    let mut content = Stream::new(dictionary! {}, ops.into_bytes());
    content.compress().ok();
    let content_id = doc.add_object(content);
    let media = [0.0, 0.0, pw, ph].map(Object::Real).to_vec();
    doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => parent,
        "MediaBox" => media,
        "Contents" => content_id,
        "Resources" => dictionary! {
            "XObject" => dictionary! { "Im0" => image_id },
        },
    })
}

/// A number for a content stream: two decimals, no exponent.
fn n(v: f32) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}
