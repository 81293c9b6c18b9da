//! Profiles: one per person at a shared computer, each with its own encrypted database.
//!
//! On disk, in the profiles folder passed in:
//! ```text
//! profiles/<random id>/profile.json   display name, Argon2id parameters and salts, sealed keys
//! profiles/<random id>/cases.db       the person's cases (SQLCipher), plus -wal and -shm
//! ```
//! File and folder names carry no names or health details. A folder whose name starts with a dot
//! is work in progress (being made, imported or deleted) and is never listed.
//!
//! Keys: a profile's database key is 32 random bytes. It is stored only sealed (keyslots, see
//! `keyslot.rs`): once under a key derived from the passphrase with Argon2id, once under a key
//! derived from the recovery code. Changing the passphrase or resetting it with the recovery
//! code reseals those 32 bytes; the database itself is never re-encrypted. Keys live only in
//! memory ([`OpenProfile`]) and are zeroed when it is locked or dropped.
//!
//! Invariants:
//! - Randomness is passed in (`rng`); nothing here reads the clock or the environment.
//! - A profile becomes visible (listed) only once complete: it is built in a hidden folder which
//!   is then renamed into place. An import is fully checked (opened, integrity-checked) first.
//! - An existing profile is never overwritten; a wrong passphrase, code or file changes nothing.
//! - No key, passphrase or code appears in a log, an error or a `Debug` string.

mod backup;
mod export;
mod idle;
mod kdf;
mod keyslot;
mod lock;
mod meta;
mod names;
mod open;
mod passphrase;
mod recovery;

pub use backup::{
    how_many_to_keep, Backup, BackupReason, BACKUPS_BUDGET_BYTES, BACKUP_EVERY_HOURS, KEEP_BACKUPS,
    MIN_BACKUPS,
};
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub use export::seal_export_for_tests;
pub use export::{check_export_bytes, export_file_name, EXPORT_EXTENSION};
pub use idle::{IdleDeadline, IDLE_GRACE};
pub use kdf::KdfParams;
pub use open::{ActingCarer, OpenProfile};
pub use passphrase::{suggest_passphrase, MIN_PASSPHRASE_SCORE, SUGGESTED_WORDS};
pub use recovery::{RecoveryCode, RECOVERY_ALPHABET, RECOVERY_CODE_CHARS, RECOVERY_CODE_GROUP};

use std::path::{Path, PathBuf};

use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zeroize::Zeroizing;

use crate::cases::{DatabaseKey, Store, DATABASE_KEY_LEN};
use crate::error::{Error, Result};
use lock::ProfileLock;
use meta::{ProfileMeta, Slot, DATABASE_FILE, META_FORMAT};
use names::{check_name, check_stored_name, is_invisible, name_key};
pub(crate) use passphrase::check_new_passphrase;

/// The shortest passphrase accepted, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// The longest passphrase accepted, in characters.
pub const MAX_PASSPHRASE_CHARS: usize = 1_000;
/// The longest profile name, in characters.
pub const MAX_PROFILE_NAME_CHARS: usize = 60;

/// One profile in the picker: its id and the name its person chose. Nothing else is readable
/// before the profile is unlocked.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct ProfileSummary {
    /// A random id (32 hex digits). Also the profile folder's name.
    pub id: String,
    /// The display name, for example "Mum" or "Dafydd".
    pub name: String,
}

/// A profile just made, as the app shows it once: its recovery code cannot be shown again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CreatedProfile {
    pub profile: ProfileSummary,
    /// The recovery code in groups, to write down or print.
    pub recovery_code: String,
}

/// The minutes without use before a profile locks itself, unless its person chose otherwise.
pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 10;
/// The idle times a person may choose, in minutes.
pub const IDLE_LOCK_CHOICES: [u32; 6] = [2, 5, 10, 15, 30, 60];

/// The folder of profiles. Holds only a path: nothing is read until asked.
#[derive(Debug, Clone)]
pub struct Profiles {
    dir: PathBuf,
}

/// Whether `id` is one this app makes: 32 lower-case hex digits. Anything else (a path, "..")
/// is never joined to a folder.
fn is_valid_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn random_hex<R: CryptoRng + ?Sized>(rng: &mut R, bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rng.fill_bytes(&mut buf);
    hex::encode(buf)
}

/// Reads the bytes of a `profile.json` as the app does before it lists or opens a profile:
/// `profile_damaged` or `database_too_new`, or the file as the app would write it back (an
/// idle time it does not offer becomes the default). Never panics, whatever the bytes: the
/// fuzz target `profile_json` feeds it anything.
pub fn check_profile_json(bytes: &[u8]) -> Result<Vec<u8>> {
    let text = std::str::from_utf8(bytes).map_err(|_| Error::ProfileDamaged)?;
    meta::ProfileMeta::parse(text)?.to_json()
}

/// Turns the 32 bytes opened from a keyslot into a database key.
fn key_from_slot(bytes: &[u8]) -> Result<DatabaseKey> {
    let array: [u8; DATABASE_KEY_LEN] = bytes.try_into().map_err(|_| Error::ProfileDamaged)?;
    let array = Zeroizing::new(array);
    Ok(DatabaseKey::from_bytes(&array))
}

/// Removes a work-in-progress folder, ignoring errors (it is hidden and holds only encrypted
/// data).
fn remove_quietly(folder: &Path) {
    if let Err(e) = std::fs::remove_dir_all(folder) {
        if e.kind() != std::io::ErrorKind::NotFound {
            tracing::warn!(error = %e, "could not remove a temporary profile folder");
        }
    }
}

impl Profiles {
    /// The profiles kept in `dir` (created when the first profile is made).
    pub fn at(dir: impl Into<PathBuf>) -> Profiles {
        Profiles { dir: dir.into() }
    }

    /// The folder this set of profiles lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn folder(&self, id: &str) -> Result<PathBuf> {
        if is_valid_id(id) {
            Ok(self.dir.join(id))
        } else {
            Err(Error::ProfileNotFound)
        }
    }

    /// Every profile, by name. A folder that is not a readable profile is left out (and left
    /// alone).
    pub fn list(&self) -> Result<Vec<ProfileSummary>> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        };
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry?;
            let Some(id) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            if !is_valid_id(&id) || !entry.file_type()?.is_dir() {
                continue;
            }
            match ProfileMeta::read(&entry.path()) {
                Ok(meta) if meta.id == id => out.push(ProfileSummary {
                    id,
                    name: meta.name,
                }),
                Ok(_) | Err(_) => {
                    tracing::warn!(profile = %id, "a profile folder could not be read; not listed");
                }
            }
        }
        out.sort_by(|a, b| {
            a.name
                .to_lowercase()
                .cmp(&b.name.to_lowercase())
                .then_with(|| a.id.cmp(&b.id))
        });
        Ok(out)
    }

    fn check_name_is_free(&self, name: &str) -> Result<()> {
        let wanted = name_key(name);
        if self.list()?.iter().any(|p| name_key(&p.name) == wanted) {
            return Err(Error::InvalidInput(format!(
                "There is already a profile called \u{201c}{name}\u{201d}. Please choose another name."
            )));
        }
        Ok(())
    }

    /// A name no other profile has: `name`, or `name (2)`, `name (3)`...
    fn free_name(&self, name: &str) -> Result<String> {
        let taken: Vec<String> = self
            .list()?
            .into_iter()
            .map(|p| name_key(&p.name))
            .collect();
        let mut candidate = name.to_owned();
        let mut n = 2;
        while taken.contains(&name_key(&candidate)) {
            // Shortened first, so the name with its number still fits the limit.
            let suffix = format!(" ({n})");
            let room = MAX_PROFILE_NAME_CHARS.saturating_sub(suffix.chars().count());
            let short: String = name.chars().take(room).collect();
            candidate = format!("{}{suffix}", short.trim_end());
            n += 1;
        }
        Ok(candidate)
    }

    /// Makes a new profile, unlocked. Returns it with its recovery code, which must be shown to
    /// the person once (and printed on a recovery sheet): the app cannot show it again.
    ///
    /// `params` are the Argon2id costs (use [`KdfParams::RECOMMENDED`]); they are stored with
    /// the profile and always used as stored.
    pub fn create<R: CryptoRng + ?Sized>(
        &self,
        name: &str,
        passphrase: &str,
        params: KdfParams,
        rng: &mut R,
    ) -> Result<(OpenProfile, RecoveryCode)> {
        let name = check_name(name)?;
        check_new_passphrase(passphrase, &[&name])?;
        let params = params.check()?;
        self.check_name_is_free(&name)?;
        std::fs::create_dir_all(&self.dir)?;
        crate::private_files::restrict_folder(&self.dir)?;

        let key = DatabaseKey::generate(rng);
        let id = random_hex(rng, 16);
        let staging = self.dir.join(format!(".creating-{}", random_hex(rng, 8)));
        let made = (|| -> Result<RecoveryCode> {
            std::fs::create_dir(&staging)?;
            crate::private_files::restrict_folder(&staging)?;
            // Creates the encrypted database and its tables.
            drop(Store::open_encrypted(&staging.join(DATABASE_FILE), &key)?);
            let recovery = RecoveryCode::generate(rng);
            let mut meta = ProfileMeta::new(id.clone(), name.clone());
            meta.seal_slot(Slot::Passphrase, passphrase.as_bytes(), params, &key, rng)?;
            meta.seal_slot(Slot::Recovery, recovery.secret(), params, &key, rng)?;
            meta.write(&staging)?;
            Ok(recovery)
        })();
        let recovery = match made {
            Ok(recovery) => recovery,
            Err(e) => {
                remove_quietly(&staging);
                return Err(e);
            }
        };
        let folder = self.move_into_place(&staging, &id)?;
        let _lock = ProfileLock::acquire(&folder)?;
        let store = Store::open_encrypted(&folder.join(DATABASE_FILE), &key)?;
        Ok((
            OpenProfile {
                store,
                key,
                id,
                name,
                folder,
                idle_lock_minutes: DEFAULT_IDLE_LOCK_MINUTES,
                idle: None,
                idle_limit_override: None,
                acting: None,
                _lock,
            },
            recovery,
        ))
    }

    /// Renames a finished work-in-progress folder to `<id>`, making it visible. Never replaces
    /// an existing folder.
    fn move_into_place(&self, staging: &Path, id: &str) -> Result<PathBuf> {
        let folder = self.dir.join(id);
        if folder.exists() {
            remove_quietly(staging);
            return Err(Error::Storage(
                "a profile with this id already exists".into(),
            ));
        }
        if let Err(e) = std::fs::rename(staging, &folder) {
            remove_quietly(staging);
            return Err(e.into());
        }
        meta::sync_folder(&self.dir)?;
        Ok(folder)
    }

    fn read_meta(&self, id: &str) -> Result<(PathBuf, ProfileMeta)> {
        let folder = self.folder(id)?;
        let meta = ProfileMeta::read(&folder)?;
        if meta.id != id {
            return Err(Error::ProfileDamaged);
        }
        Ok((folder, meta))
    }

    fn open_store(folder: PathBuf, meta: ProfileMeta, key: DatabaseKey) -> Result<OpenProfile> {
        // Taken before the database is opened: a second copy of the app is refused here.
        let lock = ProfileLock::acquire(&folder)?;
        Self::open_store_locked(folder, meta, key, lock)
    }

    /// Opens the database of a profile whose lock is held. Before a newer app changes the
    /// database's layout, an encrypted backup of it is made (and if that fails, nothing changes).
    fn open_store_locked(
        folder: PathBuf,
        meta: ProfileMeta,
        key: DatabaseKey,
        lock: ProfileLock,
    ) -> Result<OpenProfile> {
        let db = folder.join(DATABASE_FILE);
        // Opening a missing file would make a new, empty database: a lost database must show as
        // a problem, never as an empty profile.
        if !db.is_file() {
            return Err(Error::ProfileDamaged);
        }
        // Files made by an earlier app, or copied in, become private to this account.
        if let Some(parent) = folder.parent() {
            crate::private_files::restrict_folder(parent)?;
        }
        crate::private_files::restrict_tree(&folder)?;
        let store = Store::open_encrypted_with_backup(&db, &key, &|conn| {
            backup::write_backup(conn, &key, &folder, BackupReason::BeforeUpdate, None).map(drop)
        })?;
        Ok(OpenProfile {
            store,
            key,
            id: meta.id,
            name: meta.name,
            folder,
            idle_lock_minutes: meta.idle_lock_minutes.unwrap_or(DEFAULT_IDLE_LOCK_MINUTES),
            idle: None,
            idle_limit_override: None,
            acting: None,
            _lock: lock,
        })
    }

    /// Unlocks a profile with its passphrase. A wrong passphrase is [`Error::WrongPassphrase`].
    /// Leaves `profile.json` as it is; the app uses [`Profiles::unlock_and_strengthen`].
    pub fn unlock(&self, id: &str, passphrase: &str) -> Result<OpenProfile> {
        let (folder, meta) = self.read_meta(id)?;
        let key = Self::open_passphrase_slot(&meta, passphrase)?;
        Self::open_store(folder, meta, key)
    }

    /// Unlocks a profile with its passphrase, like [`Profiles::unlock`], then seals the
    /// passphrase's slot again if it was made by an earlier app (not bound to the profile's id,
    /// name and settings) or with settings weaker than today's. If that cannot be saved, the
    /// old slot still works and the profile is open all the same.
    pub fn unlock_and_strengthen<R: CryptoRng + ?Sized>(
        &self,
        id: &str,
        passphrase: &str,
        rng: &mut R,
    ) -> Result<OpenProfile> {
        let (folder, meta) = self.read_meta(id)?;
        let key = Self::open_passphrase_slot(&meta, passphrase)?;
        let open = Self::open_store(folder.clone(), meta.clone(), key)?;
        if meta.needs_upgrade(Slot::Passphrase) {
            let mut upgraded = meta;
            upgraded.format = META_FORMAT;
            let params = upgraded.passphrase_slot.kdf.params.upgraded();
            let sealed = upgraded
                .seal_slot(
                    Slot::Passphrase,
                    passphrase.as_bytes(),
                    params,
                    &open.key,
                    rng,
                )
                .and_then(|()| upgraded.write(&folder));
            if sealed.is_err() {
                tracing::warn!(profile = %open.id, "could not strengthen the passphrase's seal");
            }
        }
        Ok(open)
    }

    /// The database key profile `id`'s passphrase opens ([`Error::WrongPassphrase`] for any
    /// other), to confirm it is the person at an unlocked window before a sensitive action.
    /// Reads the profile's file and derives the key, so it needs no open profile held.
    pub(crate) fn passphrase_key(&self, id: &str, passphrase: &str) -> Result<DatabaseKey> {
        let (_, meta) = self.read_meta(id)?;
        Self::open_passphrase_slot(&meta, passphrase)
    }

    /// The database key from the passphrase's slot.
    fn open_passphrase_slot(meta: &ProfileMeta, passphrase: &str) -> Result<DatabaseKey> {
        // Longer than any passphrase a profile can have: wrong, without spending time on it.
        if passphrase.chars().count() > MAX_PASSPHRASE_CHARS {
            return Err(Error::WrongPassphrase);
        }
        let bytes = meta
            .open_slot(Slot::Passphrase, passphrase.as_bytes())
            .map_err(|e| Slot::Passphrase.refused(e))?;
        key_from_slot(&bytes)
    }

    /// Unlocks a profile with its recovery code and sets a new passphrase (the old one stops
    /// working). The recovery code stays the same, so the printed sheet still works. A wrong
    /// code is [`Error::WrongRecoveryCode`] and changes nothing.
    pub fn unlock_with_recovery<R: CryptoRng + ?Sized>(
        &self,
        id: &str,
        recovery_code: &str,
        new_passphrase: &str,
        rng: &mut R,
    ) -> Result<OpenProfile> {
        let (folder, mut meta) = self.read_meta(id)?;
        let code = RecoveryCode::parse(recovery_code)?;
        check_new_passphrase(new_passphrase, &[&meta.name])?;
        let bytes = meta
            .open_slot(Slot::Recovery, code.secret())
            .map_err(|e| Slot::Recovery.refused(e))?;
        let key = key_from_slot(&bytes)?;
        // The settings of the slot just opened (checked against the floor as it was opened),
        // raised to today's: never those of the passphrase's slot, which may have been edited.
        let params = meta.recovery_slot.kdf.params.upgraded();
        // Check the database opens with the key before the passphrase changes.
        let open = Self::open_store(folder.clone(), meta.clone(), key)?;
        meta.format = META_FORMAT;
        meta.seal_slot(
            Slot::Passphrase,
            new_passphrase.as_bytes(),
            params,
            &open.key,
            rng,
        )?;
        if meta.needs_upgrade(Slot::Recovery) {
            meta.seal_slot(Slot::Recovery, code.secret(), params, &open.key, rng)?;
        }
        meta.write(&folder)?;
        Ok(open)
    }

    /// Changes an unlocked profile's passphrase. The old passphrase must be given again (so
    /// someone passing an unlocked computer cannot change it). Only the sealed key is rewritten.
    pub fn change_passphrase<R: CryptoRng + ?Sized>(
        &self,
        open: &OpenProfile,
        old_passphrase: &str,
        new_passphrase: &str,
        rng: &mut R,
    ) -> Result<()> {
        check_new_passphrase(new_passphrase, &[&open.name])?;
        let (folder, mut meta) = self.read_meta(&open.id)?;
        let bytes = meta
            .open_slot(Slot::Passphrase, old_passphrase.as_bytes())
            .map_err(|e| Slot::Passphrase.refused(e))?;
        if bytes.as_slice() != open.key.as_bytes() {
            return Err(Error::ProfileDamaged);
        }
        let params = meta.passphrase_slot.kdf.params.upgraded();
        meta.format = META_FORMAT;
        meta.seal_slot(
            Slot::Passphrase,
            new_passphrase.as_bytes(),
            params,
            &open.key,
            rng,
        )?;
        meta.write(&folder)
    }

    /// Makes a new recovery code for an unlocked profile (for example when the sheet is lost);
    /// the old code stops working. Show the new one once, as at creation.
    pub fn replace_recovery_code<R: CryptoRng + ?Sized>(
        &self,
        open: &OpenProfile,
        rng: &mut R,
    ) -> Result<RecoveryCode> {
        let (folder, mut meta) = self.read_meta(&open.id)?;
        let params = meta.recovery_slot.kdf.params.upgraded();
        let recovery = RecoveryCode::generate(rng);
        meta.format = META_FORMAT;
        meta.seal_slot(Slot::Recovery, recovery.secret(), params, &open.key, rng)?;
        meta.write(&folder)?;
        Ok(recovery)
    }

    /// Checks a recovery code copied by hand against an unlocked profile's recovery slot: the
    /// code is shown once and never printed or saved, so the person types back what they wrote
    /// to find a slip before they need it. A code that does not open the slot, or opens it to
    /// another key, is [`Error::WrongRecoveryCode`]; nothing is written either way.
    pub fn check_recovery_code(&self, open: &OpenProfile, typed: &str) -> Result<()> {
        let (_, meta) = self.read_meta(&open.id)?;
        let code = RecoveryCode::parse(typed)?;
        let bytes = meta
            .open_slot(Slot::Recovery, code.secret())
            .map_err(|e| Slot::Recovery.refused(e))?;
        if bytes.as_slice() != open.key.as_bytes() {
            return Err(Error::WrongRecoveryCode);
        }
        Ok(())
    }

    /// Sets how many minutes without use before the app locks `open` (one of
    /// [`IDLE_LOCK_CHOICES`]).
    pub fn set_idle_lock_minutes(&self, open: &mut OpenProfile, minutes: u32) -> Result<()> {
        if !IDLE_LOCK_CHOICES.contains(&minutes) {
            return Err(Error::InvalidInput(
                "Please choose one of the times in the list.".into(),
            ));
        }
        let (folder, mut meta) = self.read_meta(&open.id)?;
        meta.idle_lock_minutes = Some(minutes);
        meta.write(&folder)?;
        open.idle_lock_minutes = minutes;
        let limit = open.idle_limit();
        if let Some(idle) = &mut open.idle {
            idle.set_limit(limit);
        }
        Ok(())
    }

    /// Checks the name typed to confirm deleting profile `id`, without deleting anything.
    pub fn check_delete_name(&self, id: &str, typed_name: &str) -> Result<()> {
        let (_, meta) = self.read_meta(id)?;
        if typed_name.trim() != meta.name {
            return Err(Error::InvalidInput(
                "The name you typed does not match this profile's name. Nothing has been deleted."
                    .into(),
            ));
        }
        Ok(())
    }

    /// Deletes a profile and all its files, once the person has typed its name exactly (spaces
    /// around it are ignored; capitals count). A different name deletes nothing.
    pub fn delete(&self, id: &str, typed_name: &str) -> Result<()> {
        self.check_delete_name(id, typed_name)?;
        let folder = self.folder(id)?;
        // Hide it first, so a delete cut short never leaves a half profile in the picker.
        let doomed = self.dir.join(format!(".deleting-{id}"));
        std::fs::rename(&folder, &doomed)?;
        meta::sync_folder(&self.dir)?;
        std::fs::remove_dir_all(&doomed)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
