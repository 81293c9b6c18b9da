//! The person's own records as files in a case: a clinic letter, a scan report, a photo of a
//! discharge summary. Each is kept whole inside the profile's encrypted database, with a title,
//! a date, the checklist record it answers and a SHA-256 of its bytes.
//!
//! Invariants: a file's kind is judged by its bytes (`judge.rs`), never by its name; a file is
//! refused whole (nothing stored) when it is empty, over [`MAX_FILE_BYTES`], would take the
//! profile over [`MAX_PROFILE_FILE_BYTES`], or is not a readable PDF, JPEG, PNG or HEIC;
//! listing never reads a file's bytes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::CaseId;
use crate::error::{Error, Result};

mod judge;

pub use judge::{judge, Judged};

/// A file's database id.
pub type AttachmentId = i64;

/// Largest file, in bytes (50 MB): a long scanned letter or a phone's photo is a few MB, a
/// whole hospital record as one scanned PDF tens of MB.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// Most bytes of files in one profile (1 GB): the profile's database, its daily backups and an
/// export each hold every file, so this keeps them to sizes an ordinary laptop can spare.
pub const MAX_PROFILE_FILE_BYTES: u64 = 1024 * 1024 * 1024;
/// Longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 300;
/// Most pixels in a picture (60 million: a 48-megapixel phone photo fits). Judged from its
/// header, so a small file that would decode to gigabytes is refused before it is decoded.
pub const MAX_IMAGE_PIXELS: u64 = 60_000_000;
/// Longest side of a picture, in pixels.
pub const MAX_IMAGE_SIDE: u32 = 20_000;

/// What kind of file it is, judged by its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum AttachmentKind {
    Pdf,
    Jpeg,
    Png,
    /// An iPhone photo (HEIF). Kept and listed; the app cannot show it.
    Heic,
}

impl AttachmentKind {
    /// The stable word stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            AttachmentKind::Pdf => "pdf",
            AttachmentKind::Jpeg => "jpeg",
            AttachmentKind::Png => "png",
            AttachmentKind::Heic => "heic",
        }
    }

    /// Parses the word from [`AttachmentKind::as_str`].
    pub fn parse(s: &str) -> Option<AttachmentKind> {
        [Self::Pdf, Self::Jpeg, Self::Png, Self::Heic]
            .into_iter()
            .find(|k| k.as_str() == s)
    }

    /// The file name's ending when a copy is saved.
    pub fn extension(self) -> &'static str {
        match self {
            AttachmentKind::Pdf => "pdf",
            AttachmentKind::Jpeg => "jpg",
            AttachmentKind::Png => "png",
            AttachmentKind::Heic => "heic",
        }
    }

    /// The media type the window previews it as.
    pub fn media_type(self) -> &'static str {
        match self {
            AttachmentKind::Pdf => "application/pdf",
            AttachmentKind::Jpeg => "image/jpeg",
            AttachmentKind::Png => "image/png",
            AttachmentKind::Heic => "image/heic",
        }
    }
}

/// One file in a case, as listed (its bytes are read only to preview, save or print it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Attachment {
    #[ts(type = "number")]
    pub id: AttachmentId,
    #[ts(type = "number")]
    pub case_id: CaseId,
    /// Exactly as the person gave it (from the file's name at first).
    pub title: String,
    /// The document's own date, if the person gave one.
    #[ts(type = "string | null")]
    pub dated: Option<NaiveDate>,
    /// That date the UK way ("21 November 2026"), or empty.
    pub dated_text: String,
    pub kind: AttachmentKind,
    /// Size in bytes.
    #[ts(type = "number")]
    pub size: u64,
    /// The size the UK way ("2.4 MB").
    pub size_text: String,
    /// Pages, for a PDF.
    pub pages: Option<u32>,
    /// The label of the checklist record it answers, if any.
    pub answers: Option<String>,
    /// SHA-256 of the bytes, in hex.
    pub sha256: String,
    /// When it was added (RFC 3339, UTC).
    pub added_at: String,
    /// A plain note about the file, if any: it cannot be shown in the app, or it holds scripts
    /// the app never runs.
    pub note: Option<String>,
}

/// What the person may change about a file: its title, its date and the record it answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AttachmentDetails {
    pub title: String,
    #[ts(type = "string | null")]
    pub dated: Option<NaiveDate>,
    pub answers: Option<String>,
}

/// The note shown for an iPhone photo.
pub const HEIC_NOTE: &str = "The app cannot show iPhone photos (HEIC). It is kept safely, and you can save a copy to open it in another program.";
/// The note shown for a PDF with scripts or files inside.
pub const ACTIVE_PDF_NOTE: &str = "This PDF holds scripts or files of its own. The app never runs or opens them, and leaves them out of the records bundle.";

/// The first title of a file: its name without the folder and the ending, with invisible and
/// control characters removed, runs of spaces (and `_`) made one space, and cut to
/// [`MAX_TITLE_CHARS`]. Markup stays as text: it is only ever shown as text.
pub fn title_from_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 5 => stem,
        _ => base,
    };
    let mut title = String::new();
    for c in stem.chars() {
        let c = if c == '_' || c.is_whitespace() {
            ' '
        } else {
            c
        };
        if c.is_control()
            || is_invisible(c)
            || (c == ' ' && (title.is_empty() || title.ends_with(' ')))
        {
            continue;
        }
        title.push(c);
    }
    let title: String = title.trim_end().chars().take(MAX_TITLE_CHARS).collect();
    let title = title.trim_end().to_owned();
    if title.is_empty() {
        "Untitled file".to_owned()
    } else {
        title
    }
}

/// Format and bidirectional controls: invisible, and able to make a name read differently.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

impl AttachmentDetails {
    /// Checks a title, date and record before they are stored.
    pub fn validate(&self) -> Result<()> {
        if self.title.trim().is_empty() {
            return Err(Error::InvalidInput(
                "Please give the file a title, for example \u{201c}Letter from the clinic, September 2026\u{201d}.".into(),
            ));
        }
        let len = self.title.chars().count();
        if len > MAX_TITLE_CHARS {
            return Err(Error::InvalidInput(format!(
                "The title is too long ({len} characters). Please keep it under {MAX_TITLE_CHARS} characters."
            )));
        }
        if self.title.chars().any(char::is_control)
            || self.answers.as_deref().is_some_and(|a| a.contains('\0'))
        {
            return Err(Error::InvalidInput(
                "The title has a hidden character that cannot be saved. Please retype it.".into(),
            ));
        }
        if self
            .dated
            .is_some_and(|d| !(1900..=2200).contains(&chrono::Datelike::year(&d)))
        {
            return Err(Error::InvalidInput(
                "Please check the file's date: the year looks wrong.".into(),
            ));
        }
        Ok(())
    }
}

/// A size the UK way: "512 bytes", "34 KB", "2.4 MB", "1.0 GB".
pub fn size_text(size: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    const GB: u64 = 1024 * MB;
    match size {
        0..KB => format!("{size} bytes"),
        KB..MB => format!("{} KB", size.div_ceil(KB)),
        MB..GB => {
            let tenths = (size * 10).div_ceil(MB);
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
        _ => {
            // In u128: ten times the largest u64 does not fit in one.
            let tenths = (u128::from(size) * 10).div_ceil(u128::from(GB));
            format!("{}.{} GB", tenths / 10, tenths % 10)
        }
    }
}

/// SHA-256 of `bytes`, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

#[cfg(test)]
pub(crate) mod tests;
