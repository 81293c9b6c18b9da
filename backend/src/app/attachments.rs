//! The person's own files in a case: add (from a path the shell passes: its file picker or a
//! file dropped on the window), list, change, preview, save a copy, remove and bring back.
//! The `attachments` commands.
//!
//! Invariants: a file is read and judged with the profile not held, so other commands go on
//! while a large one is checked; a carer acting for the person adds, changes or removes files
//! only when their consent allows it (`may_add_files`); each is in the activity log in fixed
//! words that never name the file.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use super::session::{record, Now, Session};
use crate::cases::{
    judge, title_from_file_name, Attachment, AttachmentDetails, AttachmentId, AttachmentKind,
    CaseId, NewAttachment, MAX_FILE_BYTES,
};
use crate::documents::{
    check_bundle_size, records_bundle, BundleFile, BundleRecord, DocumentOptions, RecordsBundle,
    RenderedDocument, SavedDocument,
};
use crate::error::{Error, ErrorPayload, Result};
use crate::profiles::OpenProfile;

/// What the activity log says for each change to files.
pub const ADDED: &str = "Added a file to a case";
pub const SAVED_COPY: &str = "Saved a copy of a file";
pub const REMOVED: &str = "Removed a file from a case";
pub const BROUGHT_BACK: &str = "Brought back a removed file";
pub const CHANGED: &str = "Changed a file's title, date or record";

/// A file's bytes for the window to show, with their kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentBytes {
    pub kind: AttachmentKind,
    pub bytes: Vec<u8>,
}

/// Refuses a carer whose consent does not cover adding, changing or removing files.
fn require_file_consent(profile: &OpenProfile) -> Result<()> {
    let Some(carer) = profile.acting_carer() else {
        return Ok(());
    };
    let consent = profile.store().carer_consent(carer.consent_id)?;
    if consent.details.may_add_files {
        return Ok(());
    }
    Err(Error::InvalidInput(format!(
        "{}'s consent does not cover adding or changing files. Only {} can do this, or record a new consent that allows it.",
        consent.details.carer_name,
        profile.name()
    )))
}

/// Runs `f` with the open profile in use (its idle deadline checked, its daily backup
/// started when due) once whoever is using it may change its files.
fn with_file_consent<T>(
    session: &Session,
    now: &Now,
    f: impl FnOnce(&mut OpenProfile) -> Result<T>,
) -> Result<T> {
    session.with_store(now, |_| Ok(()))?;
    session.with_profile(|p| {
        require_file_consent(p)?;
        f(p)
    })
}

/// Reads the file at `path` whole, refusing it before reading when it is empty or over
/// [`MAX_FILE_BYTES`] (and if it grows past that while read).
pub fn read_offered_file(path: &Path) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|_| {
        Error::FileRefused("That file could not be opened. It may have been moved, or the app may not be allowed to read it.".into())
    })?;
    let size = file.metadata()?.len();
    if !file.metadata()?.is_file() {
        return Err(Error::FileRefused(
            "That is a folder, not a file. Please choose the files inside it.".into(),
        ));
    }
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_FILE_BYTES {
        return Err(too_large(read));
    }
    Ok(bytes)
}

fn too_large(size: u64) -> Error {
    Error::FileRefused(format!(
        "This file is {}, over the {} a file can be, so it was not added. A scanner or phone can usually save a smaller copy (fewer dots per inch, or one file per letter).",
        crate::cases::size_text(size),
        crate::cases::size_text(MAX_FILE_BYTES)
    ))
}

/// Adds the file at `path` to a case, titled from its name, undated, answering `answers` (a
/// checklist record's label, then ticked "arrived"). Nothing is stored when it is refused.
pub fn add_attachment(
    session: &Session,
    now: &Now,
    case_id: CaseId,
    path: &Path,
    answers: Option<String>,
) -> Result<Attachment> {
    session.with_profile(|p| require_file_consent(p))?;
    let bytes = read_offered_file(path)?;
    let judged = judge(&bytes)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let details = AttachmentDetails {
        title: title_from_file_name(&name),
        dated: None,
        answers,
    };
    let new = NewAttachment {
        details: &details,
        bytes: &bytes,
        judged: &judged,
    };
    // Encrypting and writing a large file takes a while (about 150 ms for 20 MB): it is done
    // on a connection of its own, so the profile goes on answering other commands meanwhile.
    let (beside, who) = with_file_consent(session, now, |p| Ok((p.beside(), p.who())))?;
    let mut store = beside.open()?;
    let added = store.add_attachment(case_id, &new, now.utc())?;
    store.record_activity(now.utc(), &who, ADDED)?;
    Ok(added)
}

/// What became of one file offered to a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AddedFile {
    /// The file's name as offered, without its folder (shown only in the window).
    pub file_name: String,
    /// The file as kept, or `None` when it was refused.
    pub added: Option<Attachment>,
    /// Why it was refused, in plain words.
    pub refused: Option<ErrorPayload>,
}

/// Adds each file at `paths` to a case ([`add_attachment`]): one refused file does not stop
/// the others. Fails whole only when no file can be added at all (the profile is locked, or
/// the person using it may not add files).
pub fn add_attachments(
    session: &Session,
    now: &Now,
    case_id: CaseId,
    paths: &[PathBuf],
    answers: Option<String>,
) -> Result<Vec<AddedFile>> {
    let mut out = Vec::with_capacity(paths.len());
    for path in paths {
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match add_attachment(session, now, case_id, path, answers.clone()) {
            Ok(added) => out.push(AddedFile {
                file_name,
                added: Some(added),
                refused: None,
            }),
            Err(error @ (Error::FileRefused(_) | Error::Io(_))) => out.push(AddedFile {
                file_name,
                added: None,
                refused: Some(error.into()),
            }),
            Err(other) => return Err(other),
        }
    }
    Ok(out)
}

/// A case's files, oldest date first (reads no file's bytes).
pub fn list_attachments(session: &Session, now: &Now, case_id: CaseId) -> Result<Vec<Attachment>> {
    session.with_store(now, |s| s.attachments(case_id))
}

/// Changes a file's title, date or the record it answers.
pub fn update_attachment(
    session: &Session,
    now: &Now,
    id: AttachmentId,
    details: &AttachmentDetails,
) -> Result<Attachment> {
    with_file_consent(session, now, |p| {
        let changed = p.store_mut().update_attachment(id, details, now.utc())?;
        record(p, now, CHANGED)?;
        Ok(changed)
    })
}

/// A file's bytes, to show in the window (never written to any other file).
pub fn attachment_bytes(session: &Session, now: &Now, id: AttachmentId) -> Result<AttachmentBytes> {
    session.with_store(now, |s| {
        let kind = s.attachment(id)?.kind;
        Ok(AttachmentBytes {
            kind,
            bytes: s.attachment_bytes(id)?,
        })
    })
}

/// A page of a PDF in a case, as a picture the window shows, with how many pages it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentPage {
    /// The page drawn as a PNG.
    pub png: Vec<u8>,
    /// The PDF's number of pages.
    pub pages: usize,
}

impl AttachmentPage {
    /// As the window receives it, in one buffer rather than JSON: the number of pages (4
    /// bytes, big-endian), then the PNG.
    pub fn framed(self) -> Vec<u8> {
        let pages = u32::try_from(self.pages).unwrap_or(u32::MAX);
        let mut out = Vec::with_capacity(self.png.len() + 4);
        out.extend_from_slice(&pages.to_be_bytes());
        out.extend(self.png);
        out
    }
}

/// Page `page` (from 1) of a PDF in a case, drawn `width` pixels wide (within the preview's
/// limits) as a picture for the window: the window never gets the PDF itself, and nothing is
/// written anywhere. The bytes are read with the profile held; the page is drawn after (in a
/// child process, where the session says so), so other commands go on meanwhile.
pub fn attachment_page(
    session: &Session,
    now: &Now,
    id: AttachmentId,
    page: u32,
    width: u32,
) -> Result<AttachmentPage> {
    let bytes = session.with_store(now, |s| {
        if s.attachment(id)?.kind != AttachmentKind::Pdf {
            return Err(Error::InvalidInput("Only a PDF has pages to show.".into()));
        }
        s.attachment_bytes(id)
    })?;
    let index = page
        .checked_sub(1)
        .ok_or_else(|| Error::InvalidInput("Pages are counted from 1.".into()))?;
    let picture = session.page_drawer().draw(&bytes, index as usize, width)?;
    Ok(AttachmentPage {
        png: picture.png,
        pages: picture.pages,
    })
}

/// Saves a copy of a file through `save` (which asks where; `None` when the person cancelled),
/// under a suggested name that says nothing of what it is.
pub fn save_attachment_copy(
    session: &Session,
    now: &Now,
    id: AttachmentId,
    save: impl FnOnce(&RenderedDocument) -> Result<Option<SavedDocument>>,
) -> Result<Option<SavedDocument>> {
    let file = session.with_store(now, |s| {
        let kind = s.attachment(id)?.kind;
        Ok(RenderedDocument {
            bytes: s.attachment_bytes(id)?,
            file_name: format!(
                "second-opinion-record-{}.{}",
                crate::dates::iso(now.today),
                kind.extension()
            ),
        })
    })?;
    super::documents::save_and_record(session, now, &file, SAVED_COPY, save)
}

/// Removes a file; [`restore_attachment`] brings it back until the next removal or the next
/// time the profile opens.
pub fn remove_attachment(session: &Session, now: &Now, id: AttachmentId) -> Result<()> {
    with_file_consent(session, now, |p| {
        p.store_mut().remove_attachment(id)?;
        record(p, now, REMOVED)
    })
}

/// Brings back the file removed last (Undo).
pub fn restore_attachment(session: &Session, now: &Now, id: AttachmentId) -> Result<Attachment> {
    with_file_consent(session, now, |p| {
        let back = p.store_mut().restore_attachment(id)?;
        record(p, now, BROUGHT_BACK)?;
        Ok(back)
    })
}

/// What the activity log says when a records bundle is saved.
pub const BUNDLE_PRINTED: &str = "Printed a records bundle";

/// Makes the records bundle for the second doctor from the case's files in `ids` (in that
/// order) and saves it through `save` (which asks where; `None` when the person cancelled).
/// A file that cannot be put in is listed as not included; one whose stored copy fails its
/// check is one of them, so the others still reach the doctor.
pub fn write_records_bundle(
    session: &Session,
    now: &Now,
    case_id: CaseId,
    ids: &[AttachmentId],
    options: DocumentOptions,
    save: impl FnOnce(&RenderedDocument) -> Result<Option<SavedDocument>>,
) -> Result<Option<SavedDocument>> {
    let (case, journey, records) = session.with_store(now, |s| {
        let files = ids
            .iter()
            .map(|id| s.attachment(*id))
            .collect::<Result<Vec<_>>>()?;
        if files.iter().any(|f| f.case_id != case_id) {
            return Err(Error::FileNotFound);
        }
        check_bundle_size(files.iter().map(|f| f.size))?;
        let mut records = Vec::with_capacity(ids.len());
        for (id, file) in ids.iter().zip(files) {
            records.push(BundleRecord {
                file: bundle_file(file.kind, s.attachment_bytes(*id)),
                title: file.title,
                dated: file.dated,
            });
        }
        Ok((s.case(case_id)?, s.journey(case_id)?, records))
    })?;
    let with = second_opinion_with(&journey);
    let bundle = RecordsBundle {
        case: &case.details,
        with: &with,
        records: &records,
    };
    let document = records_bundle(&bundle, now.today, &options)?;
    super::documents::save_and_record(session, now, &document, BUNDLE_PRINTED, save)
}

fn bundle_file(kind: AttachmentKind, bytes: Result<Vec<u8>>) -> BundleFile {
    match (kind, bytes) {
        (_, Err(_)) => BundleFile::Unreadable(
            "the app's copy of it failed its check and may be damaged".into(),
        ),
        (AttachmentKind::Pdf, Ok(b)) => BundleFile::Pdf(b),
        (AttachmentKind::Jpeg, Ok(b)) => BundleFile::Jpeg(b),
        (AttachmentKind::Png, Ok(b)) => BundleFile::Png(b),
        (AttachmentKind::Heic, Ok(_)) => BundleFile::Heic,
    }
}

/// The second doctor or service: who the appointment is with and where, else the specialist
/// the person asked to be referred to.
fn second_opinion_with(journey: &crate::journey::Journey) -> String {
    let a = &journey.appointment;
    let parts: Vec<&str> = [a.with_whom.trim(), a.place.trim()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        journey.preferred_specialist.trim().to_owned()
    } else {
        parts.join(", ")
    }
}
