//! What a file is, judged by its bytes and never by its name: PDF, JPEG, PNG or HEIC. Images
//! are judged by their headers alone (never decoded), so a decompression bomb is refused
//! before anything expands it; PDFs are parsed (never rendered, never run) to refuse damaged
//! and password-protected ones and to note scripts and files inside them.

use super::{AttachmentKind, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE};
use crate::error::{Error, Result};

/// Most a stream inside a PDF may expand to while it is checked: far above any real page's
/// content, far below what would exhaust memory.
const MAX_PDF_STREAM_BYTES: usize = 64 * 1024 * 1024;

/// What the bytes were judged to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    pub kind: AttachmentKind,
    /// Pages, for a PDF.
    pub pages: Option<u32>,
    /// Width and height in pixels, for an image whose header gives them.
    pub pixels: Option<(u32, u32)>,
    /// The PDF holds scripts or files of its own. Kept (a hospital's letter may well), never
    /// run: the app's preview runs no script, and the bundle copies pages only.
    pub has_active_content: bool,
    /// The SHA-256 of the bytes judged, in hex: worked out here, before the file reaches the
    /// profile, so storing it holds the profile only for the write itself.
    pub sha256: String,
}

fn refused(message: &str) -> Error {
    Error::FileRefused(message.to_owned())
}

/// Judges `bytes`: their kind, and whether the app can keep them. A refusal says why in
/// plain words.
pub fn judge(bytes: &[u8]) -> Result<Judged> {
    if bytes.is_empty() {
        return Err(refused(
            "This file is empty (0 bytes), so there is nothing to keep. Please check you chose the right file.",
        ));
    }
    if let Some(kind) = image_kind(bytes) {
        return judge_image(kind, bytes);
    }
    if is_pdf(bytes) {
        return judge_pdf(bytes);
    }
    Err(refused(
        "This file is not a PDF, a JPEG or PNG picture, or an iPhone photo (HEIC), so it was not added. Whatever its name says, its contents are something else.",
    ))
}

fn image_kind(bytes: &[u8]) -> Option<AttachmentKind> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(AttachmentKind::Png);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(AttachmentKind::Jpeg);
    }
    if is_heic(bytes) {
        return Some(AttachmentKind::Heic);
    }
    None
}

/// An ISO base media file whose brand is one of HEIF's (iPhone photos).
fn is_heic(bytes: &[u8]) -> bool {
    if bytes.len() < 16 || &bytes[4..8] != b"ftyp" {
        return false;
    }
    const HEIC: [&[u8; 4]; 6] = [b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis"];
    let major = &bytes[8..12];
    if HEIC.iter().any(|b| *b == major) {
        return true;
    }
    // A general HEIF brand: HEIC only if a compatible brand says so (AVIF uses it too).
    if major == b"mif1" || major == b"msf1" {
        let size = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
        let end = size.min(bytes.len()).min(256);
        return bytes
            .get(16..end)
            .is_some_and(|brands| brands.chunks_exact(4).any(|b| HEIC.iter().any(|h| *h == b)));
    }
    false
}

fn judge_image(kind: AttachmentKind, bytes: &[u8]) -> Result<Judged> {
    let pixels = match kind {
        AttachmentKind::Png => Some(png_size(bytes).ok_or_else(damaged_image)?),
        AttachmentKind::Jpeg => Some(jpeg_size(bytes).ok_or_else(damaged_image)?),
        _ => None,
    };
    if let Some((w, h)) = pixels {
        if w == 0 || h == 0 {
            return Err(damaged_image());
        }
        if w > MAX_IMAGE_SIDE
            || h > MAX_IMAGE_SIDE
            || u64::from(w) * u64::from(h) > MAX_IMAGE_PIXELS
        {
            return Err(refused(&format!(
                "This picture says it is {w} by {h} pixels, far larger than any photo or scan, so it was not added (it could make the computer run out of memory). Please save it smaller and try again."
            )));
        }
    }
    Ok(Judged {
        kind,
        pages: None,
        pixels,
        has_active_content: false,
        sha256: super::sha256_hex(bytes),
    })
}

fn damaged_image() -> Error {
    refused("This picture looks damaged (its first part cannot be read), so it was not added.")
}

/// A PNG's width and height, from its first chunk (IHDR), which the format puts first.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let ihdr = bytes.get(8..24)?;
    if &ihdr[4..8] != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(ihdr[8..12].try_into().ok()?);
    let h = u32::from_be_bytes(ihdr[12..16].try_into().ok()?);
    Some((w, h))
}

/// A JPEG's width and height, from its start-of-frame marker; the markers before it are
/// skipped by their lengths, and no image data is read.
pub(crate) fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        while *bytes.get(at)? != 0xFF {
            at += 1;
        }
        while *bytes.get(at)? == 0xFF {
            at += 1;
        }
        let marker = *bytes.get(at)?;
        at += 1;
        // Markers without a length.
        if marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            continue;
        }
        if marker == 0xD9 || marker == 0xDA {
            return None;
        }
        let len = usize::from(u16::from_be_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]));
        if len < 2 {
            return None;
        }
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            let h = u16::from_be_bytes([*bytes.get(at + 3)?, *bytes.get(at + 4)?]);
            let w = u16::from_be_bytes([*bytes.get(at + 5)?, *bytes.get(at + 6)?]);
            return Some((u32::from(w), u32::from(h)));
        }
        at += len;
    }
}

/// `%PDF-` within the first kilobyte, as readers accept.
fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

fn judge_pdf(bytes: &[u8]) -> Result<Judged> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_PDF_STREAM_BYTES),
        ..lopdf::LoadOptions::default()
    };
    // The parser meets hostile files here; whatever it does with one, the app goes on.
    let loaded =
        std::panic::catch_unwind(|| lopdf::Document::load_mem_with_options(bytes, options));
    let document = match loaded {
        Ok(Ok(document)) => document,
        Ok(Err(lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword)) => {
            return Err(protected_pdf())
        }
        _ => {
            return Err(refused(
                "This PDF is damaged and cannot be read, so it was not added. Please ask for a new copy.",
            ))
        }
    };
    let pages = document.get_pages().len();
    // A PDF that opens without a password (only its printing or copying restricted) is read;
    // one that needs a password shows no pages without it.
    let encrypted = document.was_encrypted() || document.trailer.get(b"Encrypt").is_ok();
    if encrypted && pages == 0 {
        return Err(protected_pdf());
    }
    if pages == 0 {
        return Err(refused(
            "This PDF has no pages, so there is nothing to keep. Please ask for a new copy.",
        ));
    }
    Ok(Judged {
        kind: AttachmentKind::Pdf,
        pages: u32::try_from(pages).ok(),
        pixels: None,
        has_active_content: has_active_content(&document),
        sha256: super::sha256_hex(bytes),
    })
}

fn protected_pdf() -> Error {
    refused("This PDF is protected with a password, so the app cannot read it and it was not added. Please open it, save a copy without the password, and add that.")
}

/// Whether the PDF holds JavaScript, actions that run on opening, or files of its own.
fn has_active_content(document: &lopdf::Document) -> bool {
    const ACTIVE: [&[u8]; 6] = [
        b"JS",
        b"JavaScript",
        b"OnInstantiate",
        b"EmbeddedFiles",
        b"OpenAction",
        b"Launch",
    ];
    document.objects.values().any(|object| {
        let dict = match object {
            lopdf::Object::Dictionary(d) => d,
            lopdf::Object::Stream(s) => &s.dict,
            _ => return false,
        };
        dict.iter().any(|(key, value)| {
            ACTIVE.contains(&key.as_slice())
                || matches!(value, lopdf::Object::Name(n) if ACTIVE.contains(&n.as_slice()))
        })
    })
}
