//! `profile.json`: what the app must know about a profile before it is unlocked.
//!
//! Invariants: it holds no health data; the display name is the only personal thing in it; the
//! database key appears only sealed in keyslots. It is written all at once (a temporary file
//! beside it, flushed to disk, then renamed over the old one), so a crash leaves either the old
//! file or the new one, never half of one.

use std::fs::File;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::keyslot::Keyslot;
use crate::error::{Error, Result};

/// The metadata file's name inside a profile's folder.
pub(crate) const META_FILE: &str = "profile.json";
/// The database file's name inside a profile's folder.
pub(crate) const DATABASE_FILE: &str = "cases.db";
/// The format of `profile.json` this app writes. A newer one is refused, never rewritten.
pub(crate) const META_FORMAT: u32 = 1;

/// Associated data for the passphrase keyslot.
pub(crate) const PASSPHRASE_PURPOSE: &[u8] = b"second-opinion/profile/v1/passphrase-slot";
/// Associated data for the recovery-code keyslot.
pub(crate) const RECOVERY_PURPOSE: &[u8] = b"second-opinion/profile/v1/recovery-slot";

/// The contents of `profile.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ProfileMeta {
    /// The format of this file ([`META_FORMAT`]).
    pub format: u32,
    /// The profile's random id (also its folder's name).
    pub id: String,
    /// The display name shown in the profile picker.
    pub name: String,
    /// The database key, sealed under a key derived from the passphrase.
    pub passphrase_slot: Keyslot,
    /// The database key, sealed under a key derived from the recovery code.
    pub recovery_slot: Keyslot,
    /// Minutes without use before the app locks this profile; `None` for the default. Not
    /// health data, and read only once the profile is unlocked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idle_lock_minutes: Option<u32>,
}

/// Just enough of `profile.json` to see its format, so a newer file is refused rather than
/// misread.
#[derive(Deserialize)]
struct FormatOnly {
    format: u32,
}

impl ProfileMeta {
    /// Reads `profile.json` from a profile's folder.
    pub fn read(folder: &Path) -> Result<ProfileMeta> {
        let text = match std::fs::read_to_string(folder.join(META_FILE)) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::ProfileNotFound)
            }
            Err(_) => return Err(Error::ProfileDamaged),
        };
        let format: FormatOnly = serde_json::from_str(&text).map_err(|_| Error::ProfileDamaged)?;
        if format.format > META_FORMAT {
            return Err(Error::DatabaseTooNew);
        }
        let meta: ProfileMeta = serde_json::from_str(&text).map_err(|_| Error::ProfileDamaged)?;
        Ok(meta)
    }

    /// Writes `profile.json` into `folder` all at once.
    pub fn write(&self, folder: &Path) -> Result<()> {
        let json = serde_json::to_vec_pretty(self)
            .map_err(|e| Error::Storage(format!("could not write the profile's settings: {e}")))?;
        write_atomically(folder, META_FILE, &json)
    }
}

/// Writes `bytes` to `folder/name` all at once: a temporary file in the same folder, flushed to
/// disk, renamed over the target, then the folder itself flushed (on Unix).
pub(crate) fn write_atomically(folder: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempfile_in(folder)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(folder.join(name)).map_err(|e| e.error)?;
    sync_folder(folder)
}

/// Flushes a folder's entries (a rename or a new file) to disk. A no-op where folders cannot be
/// opened as files (Windows).
pub(crate) fn sync_folder(folder: &Path) -> Result<()> {
    if cfg!(unix) {
        File::open(folder)?.sync_all()?;
    }
    Ok(())
}
