//! The person's files in a case: their details in `attachments`, their bytes in
//! `attachment_bytes` (one row each, read only to preview, save or print a file), both inside
//! the profile's SQLCipher database.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::{timestamp, Store};
use crate::cases::attachment::{
    self, Attachment, AttachmentDetails, AttachmentId, AttachmentKind, Judged, ACTIVE_PDF_NOTE,
    HEIC_NOTE, MAX_PROFILE_FILE_BYTES,
};
use crate::cases::CaseId;
use crate::dates;
use crate::error::{Error, Result};

/// Migration 9: the files' details and their bytes (kept apart, so listing reads no bytes), and
/// a carer's consent to add files.
pub(super) const MIGRATION: &str = "CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        dated TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('pdf', 'jpeg', 'png', 'heic')),
        size INTEGER NOT NULL CHECK (size > 0),
        pages INTEGER,
        active_content INTEGER NOT NULL DEFAULT 0 CHECK (active_content IN (0, 1)),
        answers TEXT,
        sha256 TEXT NOT NULL,
        added_at TEXT NOT NULL,
        removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1))
    ) STRICT;
    CREATE INDEX attachments_by_case ON attachments (case_id, removed, dated, id);
    CREATE TABLE attachment_bytes (
        attachment_id INTEGER PRIMARY KEY REFERENCES attachments(id) ON DELETE CASCADE,
        bytes BLOB NOT NULL
    ) STRICT;
    ALTER TABLE carer_consents ADD COLUMN may_add_files INTEGER NOT NULL DEFAULT 0
        CHECK (may_add_files IN (0, 1));";

const COLUMNS: &str =
    "id, case_id, title, dated, kind, size, pages, active_content, answers, sha256, added_at";

fn attachment_from_row(r: &Row<'_>) -> rusqlite::Result<Attachment> {
    let dated: Option<String> = r.get(3)?;
    let dated = dated
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let kind: String = r.get(4)?;
    let kind = AttachmentKind::parse(&kind).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, "kind".into())
    })?;
    let size: i64 = r.get(5)?;
    let size = u64::try_from(size).unwrap_or(0);
    let active: bool = r.get(7)?;
    let note = match kind {
        AttachmentKind::Heic => Some(HEIC_NOTE.to_owned()),
        _ if active => Some(ACTIVE_PDF_NOTE.to_owned()),
        _ => None,
    };
    Ok(Attachment {
        id: r.get(0)?,
        case_id: r.get(1)?,
        title: r.get(2)?,
        dated,
        dated_text: dated.map(dates::long_uk).unwrap_or_default(),
        kind,
        size,
        size_text: attachment::size_text(size),
        pages: r.get(6)?,
        answers: r.get(8)?,
        sha256: r.get(9)?,
        added_at: r.get(10)?,
        note,
    })
}

/// A file's bytes, judged, with the details it is added with.
pub struct NewAttachment<'a> {
    pub details: &'a AttachmentDetails,
    pub bytes: &'a [u8],
    pub judged: &'a Judged,
}

impl std::fmt::Debug for NewAttachment<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the bytes: a file's contents must not reach a log.
        f.debug_struct("NewAttachment")
            .field("kind", &self.judged.kind)
            .field("size", &self.bytes.len())
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Adds a file to a case in one transaction: its details, its bytes and, when it answers
    /// a record on the checklist, that record ticked "arrived". Refused whole (nothing
    /// stored) when the profile's files would pass [`MAX_PROFILE_FILE_BYTES`].
    pub fn add_attachment(
        &mut self,
        case_id: CaseId,
        new: &NewAttachment<'_>,
        now: DateTime<Utc>,
    ) -> Result<Attachment> {
        new.details.validate()?;
        let size = u64::try_from(new.bytes.len()).unwrap_or(u64::MAX);
        let held = self.attachments_size()?;
        if held.saturating_add(size) > MAX_PROFILE_FILE_BYTES {
            return Err(Error::FileRefused(format!(
                "This file would take the files kept in this profile over {} (there are {} already), so it was not added. Removing files you no longer need makes room.",
                attachment::size_text(MAX_PROFILE_FILE_BYTES),
                attachment::size_text(held)
            )));
        }
        let mut journey = self.journey(case_id)?;
        let ts = timestamp(now);
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO attachments (case_id, title, dated, kind, size, pages, active_content,
                answers, sha256, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                case_id,
                new.details.title,
                new.details.dated.map(dates::iso),
                new.judged.kind.as_str(),
                i64::try_from(size).unwrap_or(i64::MAX),
                new.judged.pages,
                new.judged.has_active_content,
                new.details.answers,
                new.judged.sha256,
                ts,
            ],
        )?;
        let id = tx.last_insert_rowid();
        write_bytes(&tx, id, new.bytes)?;
        if tick_arrived(&mut journey.records, new.details.answers.as_deref()) {
            super::journey::write_journey(&tx, case_id, &journey, &ts)?;
        }
        tx.commit()?;
        self.attachment(id)
    }

    /// One file's details (not its bytes).
    pub fn attachment(&self, id: AttachmentId) -> Result<Attachment> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM attachments WHERE id = ?1 AND removed = 0"),
                [id],
                attachment_from_row,
            )
            .optional()?
            .ok_or(Error::FileNotFound)
    }

    /// A case's files, oldest date first (undated ones last, in the order added). Reads no
    /// file's bytes.
    pub fn attachments(&self, case_id: CaseId) -> Result<Vec<Attachment>> {
        self.ensure_case(case_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM attachments WHERE case_id = ?1 AND removed = 0
             ORDER BY dated IS NULL, dated, id"
        ))?;
        let rows = stmt.query_map([case_id], attachment_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// A file's bytes, checked against the SHA-256 kept when it was added.
    pub fn attachment_bytes(&self, id: AttachmentId) -> Result<Vec<u8>> {
        // One snapshot for the row and its bytes.
        let tx = self.conn.unchecked_transaction()?;
        let found: Option<String> = tx
            .query_row(
                "SELECT a.sha256 FROM attachment_bytes b
                 JOIN attachments a ON a.id = b.attachment_id
                 WHERE a.id = ?1 AND a.removed = 0",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        let sha256 = found.ok_or(Error::FileNotFound)?;
        let bytes = read_bytes(&tx, id)?;
        tx.finish()?;
        if attachment::sha256_hex(&bytes) != sha256 {
            return Err(Error::DatabaseDamaged);
        }
        Ok(bytes)
    }

    /// Changes a file's title, date or the record it answers. Answering a record ticks it
    /// "arrived", in the same transaction.
    pub fn update_attachment(
        &mut self,
        id: AttachmentId,
        details: &AttachmentDetails,
        now: DateTime<Utc>,
    ) -> Result<Attachment> {
        details.validate()?;
        let case_id = self.attachment(id)?.case_id;
        let mut journey = self.journey(case_id)?;
        let ts = timestamp(now);
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE attachments SET title = ?2, dated = ?3, answers = ?4 WHERE id = ?1",
            params![
                id,
                details.title,
                details.dated.map(dates::iso),
                details.answers
            ],
        )?;
        if tick_arrived(&mut journey.records, details.answers.as_deref()) {
            super::journey::write_journey(&tx, case_id, &journey, &ts)?;
        }
        tx.commit()?;
        self.attachment(id)
    }

    /// Removes a file so it can still be brought back ([`Store::restore_attachment`]) until
    /// the next removal or the next time the profile opens; a file removed before is deleted
    /// for good now (its bytes overwritten: `secure_delete`).
    pub fn remove_attachment(&mut self, id: AttachmentId) -> Result<()> {
        self.attachment(id)?;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM attachments WHERE removed = 1", [])?;
        tx.execute("UPDATE attachments SET removed = 1 WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// Brings back the file removed last (Undo).
    pub fn restore_attachment(&mut self, id: AttachmentId) -> Result<Attachment> {
        let changed = self.conn.execute(
            "UPDATE attachments SET removed = 0 WHERE id = ?1 AND removed = 1",
            [id],
        )?;
        if changed == 0 {
            return Err(Error::FileNotFound);
        }
        self.attachment(id)
    }

    /// Deletes for good every file removed and not brought back (when a profile opens).
    pub fn purge_removed_attachments(&mut self) -> Result<()> {
        self.conn
            .execute("DELETE FROM attachments WHERE removed = 1", [])?;
        Ok(())
    }

    /// The bytes of every file kept in the profile, by the sizes recorded.
    pub fn attachments_size(&self) -> Result<u64> {
        let total: i64 =
            self.conn
                .query_row("SELECT coalesce(sum(size), 0) FROM attachments", [], |r| {
                    r.get(0)
                })?;
        Ok(u64::try_from(total).unwrap_or(0))
    }

    /// Checks every file's bytes against its SHA-256, one file at a time (a restored backup
    /// or an imported profile, before it is used): [`Error::DatabaseDamaged`] on the first
    /// that differs.
    pub fn check_attachments(&self) -> Result<()> {
        let mut ids = self.conn.prepare("SELECT id, sha256 FROM attachments")?;
        let ids: Vec<(i64, String)> = ids
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, sha256) in ids {
            let held: Option<i64> = self
                .conn
                .query_row(
                    "SELECT attachment_id FROM attachment_bytes WHERE attachment_id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            if held.is_none() {
                return Err(Error::DatabaseDamaged);
            }
            let bytes = read_bytes(&self.conn, id)?;
            if attachment::sha256_hex(&bytes) != sha256 {
                return Err(Error::DatabaseDamaged);
            }
        }
        Ok(())
    }
}

// A file's bytes go into the database and come out of it through SQLite's incremental blob
// I/O, straight between the pages and the caller's buffer. Bound or read as one value, a 20 MB
// file would be copied into one SQLite block that size; with memory security on, SQLCipher
// overwrites such a block when it is freed, holding SQLite's allocation mutex throughout, so
// every other query in the app would wait (`examples/responsiveness.rs`).

/// Stores `bytes` as attachment `id`'s bytes, inside `tx`.
fn write_bytes(tx: &rusqlite::Transaction<'_>, id: i64, bytes: &[u8]) -> Result<()> {
    let len = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    tx.execute(
        "INSERT INTO attachment_bytes (attachment_id, bytes) VALUES (?1, zeroblob(?2))",
        params![id, len],
    )?;
    let mut blob = tx.blob_open(rusqlite::MAIN_DB, "attachment_bytes", "bytes", id, false)?;
    blob.write_at(bytes, 0)?;
    blob.close()?;
    Ok(())
}

/// Attachment `id`'s bytes (its row in `attachment_bytes` is known to be there).
fn read_bytes(conn: &rusqlite::Connection, id: i64) -> Result<Vec<u8>> {
    let blob = conn.blob_open(rusqlite::MAIN_DB, "attachment_bytes", "bytes", id, true)?;
    let mut bytes = vec![0; blob.len()];
    blob.read_at_exact(&mut bytes, 0)?;
    blob.close()?;
    Ok(bytes)
}

/// Ticks "arrived" on the checklist record labelled `answers`; `true` if that changed it.
fn tick_arrived(records: &mut [crate::journey::RecordItem], answers: Option<&str>) -> bool {
    let Some(label) = answers else {
        return false;
    };
    match records.iter_mut().find(|r| r.label == label) {
        Some(record) if !record.arrived => {
            record.arrived = true;
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests;
