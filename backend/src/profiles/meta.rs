//! `profile.json`: what the app must know about a profile before it is unlocked.
//!
//! Invariants: it holds no health data; the display name is the only personal thing in it; the
//! database key appears only sealed in keyslots. It is written all at once (a temporary file
//! beside it, flushed to disk, then renamed over the old one), so a crash leaves either the old
//! file or the new one, never half of one.

use std::fs::File;
use std::io::Write;
use std::path::Path;

use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::kdf::{KdfParams, WrappingKey};
use super::keyslot::{push_field, KdfSpec, Keyslot, SlotError, BOUND};
use crate::cases::DatabaseKey;
use crate::error::{Error, Result};

/// The metadata file's name inside a profile's folder.
pub(crate) const META_FILE: &str = "profile.json";
/// The database file's name inside a profile's folder.
pub(crate) const DATABASE_FILE: &str = "cases.db";
/// The format of `profile.json` this app writes. A newer one is refused, never rewritten.
/// Format 2 may hold bound keyslots (see `keyslot.rs`): an app that knows only format 1 refuses
/// it rather than rewriting it without them. Format 1 files (every slot unbound) still open and
/// are rewritten as format 2 when the profile is next unlocked.
pub(crate) const META_FORMAT: u32 = 2;

/// Associated data for the passphrase keyslot.
pub(crate) const PASSPHRASE_PURPOSE: &[u8] = b"second-opinion/profile/v1/passphrase-slot";
/// Associated data for the recovery-code keyslot.
pub(crate) const RECOVERY_PURPOSE: &[u8] = b"second-opinion/profile/v1/recovery-slot";

/// Which of a profile's two keyslots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    Passphrase,
    Recovery,
}

impl Slot {
    fn purpose(self) -> &'static [u8] {
        match self {
            Slot::Passphrase => PASSPHRASE_PURPOSE,
            Slot::Recovery => RECOVERY_PURPOSE,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Slot::Passphrase => "passphrase_slot",
            Slot::Recovery => "recovery_slot",
        }
    }

    /// What the person is told when this slot does not open: a wrong secret, or a damaged
    /// slot, which names the other way in (the other slot is read and opened on its own).
    pub fn refused(self, e: SlotError) -> Error {
        match (self, e) {
            (Slot::Passphrase, SlotError::WrongSecret) => Error::WrongPassphrase,
            (Slot::Recovery, SlotError::WrongSecret) => Error::WrongRecoveryCode,
            (Slot::Passphrase, SlotError::Malformed) => Error::PassphraseSlotDamaged,
            (Slot::Recovery, SlotError::Malformed) => Error::RecoverySlotDamaged,
        }
    }
}

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
    /// A slot that was in the file in a shape no app writes (or missing), kept as it was read:
    /// its place holds [`Keyslot::damaged`], which opens with nothing, and it is written back
    /// unchanged until a fresh seal replaces it. One damaged slot never hides the profile or
    /// blocks the other slot; both damaged is [`Error::ProfileDamaged`].
    #[serde(skip)]
    unreadable: [Option<serde_json::Value>; 2],
}

/// Just enough of `profile.json` to see its format, so a newer file is refused rather than
/// misread.
#[derive(Deserialize)]
struct FormatOnly {
    format: u32,
}

impl ProfileMeta {
    /// A new profile's metadata, its slots still to be sealed ([`ProfileMeta::seal_slot`]).
    pub fn new(id: String, name: String) -> ProfileMeta {
        let empty = Keyslot {
            kdf: KdfSpec {
                algorithm: String::new(),
                version: 0,
                params: KdfParams::RECOMMENDED,
                salt: String::new(),
            },
            nonce: String::new(),
            sealed: String::new(),
            binding: None,
        };
        ProfileMeta {
            format: META_FORMAT,
            id,
            name,
            passphrase_slot: empty.clone(),
            recovery_slot: empty,
            idle_lock_minutes: None,
            unreadable: [None, None],
        }
    }

    /// Reads `profile.json` from a profile's folder.
    pub fn read(folder: &Path) -> Result<ProfileMeta> {
        let text = match std::fs::read_to_string(folder.join(META_FILE)) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::ProfileNotFound)
            }
            Err(_) => return Err(Error::ProfileDamaged),
        };
        ProfileMeta::parse(&text)
    }

    /// Reads and checks `profile.json`'s text: [`Error::DatabaseTooNew`] for a newer format,
    /// [`Error::ProfileDamaged`] for anything else the app did not write.
    pub fn parse(text: &str) -> Result<ProfileMeta> {
        let format: FormatOnly = serde_json::from_str(text).map_err(|_| Error::ProfileDamaged)?;
        if format.format > META_FORMAT {
            return Err(Error::DatabaseTooNew);
        }
        let mut value: serde_json::Value =
            serde_json::from_str(text).map_err(|_| Error::ProfileDamaged)?;
        let object = value.as_object_mut().ok_or(Error::ProfileDamaged)?;
        let mut unreadable = [None, None];
        for which in [Slot::Passphrase, Slot::Recovery] {
            let fits = object
                .get(which.key())
                .is_some_and(|slot| Keyslot::deserialize(slot).is_ok());
            if !fits {
                let placeholder =
                    serde_json::to_value(Keyslot::damaged()).map_err(|_| Error::ProfileDamaged)?;
                let raw = object.insert(which.key().into(), placeholder);
                unreadable[which as usize] = Some(raw.unwrap_or(serde_json::Value::Null));
            }
        }
        if unreadable.iter().all(Option::is_some) {
            return Err(Error::ProfileDamaged);
        }
        let mut meta: ProfileMeta =
            serde_json::from_value(value).map_err(|_| Error::ProfileDamaged)?;
        meta.unreadable = unreadable;
        meta.checked()
    }

    /// Checks every field with the rules used when it was written. A file that breaks them was
    /// changed outside the app (or damaged) and is refused, except an idle time outside the
    /// choices, which falls back to the default so the profile still opens and still locks.
    fn checked(mut self) -> Result<ProfileMeta> {
        if self.format == 0 || !super::is_valid_id(&self.id) {
            return Err(Error::ProfileDamaged);
        }
        match super::check_stored_name(&self.name) {
            Ok(name) if name == self.name => {}
            _ => return Err(Error::ProfileDamaged),
        }
        if let Some(minutes) = self.idle_lock_minutes {
            if !super::IDLE_LOCK_CHOICES.contains(&minutes) {
                tracing::warn!(
                    profile = %self.id,
                    "a profile's idle time is not one the app offers; using the default"
                );
                self.idle_lock_minutes = None;
            }
        }
        Ok(self)
    }

    /// The associated data for `slot` as stored: the purpose alone for a slot made by an
    /// earlier app; otherwise also the id, the name and the slot's key settings.
    fn aad(&self, which: Slot, slot: &Keyslot) -> Result<Vec<u8>, SlotError> {
        match slot.binding {
            None => Ok(which.purpose().to_vec()),
            Some(BOUND) => Ok(self.bound_aad(which, &slot.kdf)),
            Some(_) => Err(SlotError::Malformed),
        }
    }

    fn bound_aad(&self, which: Slot, kdf: &KdfSpec) -> Vec<u8> {
        let mut out = Vec::new();
        push_field(&mut out, which.purpose());
        push_field(&mut out, &BOUND.to_le_bytes());
        push_field(&mut out, self.id.as_bytes());
        push_field(&mut out, self.name.as_bytes());
        push_field(&mut out, &kdf.aad_bytes());
        out
    }

    fn slot(&self, which: Slot) -> &Keyslot {
        match which {
            Slot::Passphrase => &self.passphrase_slot,
            Slot::Recovery => &self.recovery_slot,
        }
    }

    /// Opens `which` slot with `secret` (deriving its key with the stored, checked settings).
    pub fn open_slot(&self, which: Slot, secret: &[u8]) -> Result<Zeroizing<Vec<u8>>, SlotError> {
        let slot = self.slot(which);
        let aad = self.aad(which, slot)?;
        slot.open_with_secret(secret, &aad)
    }

    /// Seals `key` in `which` slot under `secret`, bound to this profile's id and name, with
    /// `params` (checked) and a fresh salt and nonce.
    pub fn seal_slot<R: CryptoRng + ?Sized>(
        &mut self,
        which: Slot,
        secret: &[u8],
        params: KdfParams,
        key: &DatabaseKey,
        rng: &mut R,
    ) -> Result<()> {
        let kdf = KdfSpec::fresh(params.check()?, rng);
        let wrapping = kdf.derive(secret).map_err(|_| Error::KeySettingsRefused)?;
        self.seal_slot_with(which, kdf, &wrapping, key, rng);
        Ok(())
    }

    /// Seals `key` in `which` slot under a wrapping key already derived with `kdf`.
    pub fn seal_slot_with<R: CryptoRng + ?Sized>(
        &mut self,
        which: Slot,
        kdf: KdfSpec,
        wrapping: &WrappingKey,
        key: &DatabaseKey,
        rng: &mut R,
    ) {
        let aad = self.bound_aad(which, &kdf);
        let mut slot = Keyslot::seal(kdf, wrapping, &aad, key.as_bytes(), rng);
        slot.binding = Some(BOUND);
        self.unreadable[which as usize] = None;
        match which {
            Slot::Passphrase => self.passphrase_slot = slot,
            Slot::Recovery => self.recovery_slot = slot,
        }
    }

    /// Whether `which` slot should be sealed again when its secret is next at hand: it was
    /// made by an earlier app (unbound), or with settings below today's.
    pub fn needs_upgrade(&self, which: Slot) -> bool {
        let slot = self.slot(which);
        slot.binding != Some(BOUND) || slot.kdf.params.upgraded() != slot.kdf.params
    }

    /// Writes `profile.json` into `folder` all at once.
    pub fn write(&self, folder: &Path) -> Result<()> {
        write_atomically(folder, META_FILE, &self.to_json()?)
    }

    /// The file's bytes, as written: a damaged slot as it was read.
    pub fn to_json(&self) -> Result<Vec<u8>> {
        let failed = |e: serde_json::Error| {
            Error::Storage(format!("could not write the profile's settings: {e}"))
        };
        if self.unreadable.iter().all(Option::is_none) {
            return serde_json::to_vec_pretty(self).map_err(failed);
        }
        let mut value = serde_json::to_value(self).map_err(failed)?;
        for which in [Slot::Passphrase, Slot::Recovery] {
            if let (Some(raw), Some(object)) =
                (&self.unreadable[which as usize], value.as_object_mut())
            {
                // A slot that was missing stays missing.
                if raw.is_null() {
                    object.remove(which.key());
                } else {
                    object.insert(which.key().into(), raw.clone());
                }
            }
        }
        serde_json::to_vec_pretty(&value).map_err(failed)
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
