//! Export and import: a whole profile as one encrypted file, to move it to another computer or
//! keep a copy.
//!
//! The file is never plaintext. Its layout:
//! ```text
//! MAGIC                                  "SECOND-OPINION-PROFILE-EXPORT\n"
//! header length (u32, little-endian)
//! header (JSON)                          { "format": 1, "slot": <keyslot> }
//! database                               a SQLCipher copy of the profile's database, encrypted
//!                                        with a fresh random key (`sqlcipher_export`)
//! ```
//! The keyslot seals, under a key derived with Argon2id from the export passphrase: the fresh
//! database key, the SHA-256 of the database bytes, and the profile's display name. So the name
//! is hidden too, and any change to the database bytes is caught before the copy is opened.
//!
//! Import checks the passphrase, streams the database into a hidden folder while hashing it,
//! and compares the digest sealed with the key before anything opens the file; then it opens
//! it (refusing one from a newer app or with parts the app did not make), runs a full
//! integrity check, and only then renames the folder into place. Export and import hold a
//! block of the database in memory at a time (`COPY_BLOCK`), never the whole of it: the
//! layout needs no change for that, because the digest is sealed in the header, before the
//! database, and the database is already encrypted (and its pages authenticated) by SQLCipher.
//! The imported profile's passphrase is the export passphrase; it gets a new recovery code.

use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};

use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::kdf::KdfParams;
use super::keyslot::{KdfSpec, Keyslot, SlotError};
use super::meta::{self, ProfileMeta, Slot, DATABASE_FILE};
use super::{
    check_new_passphrase, key_from_slot, random_hex, remove_quietly, OpenProfile, Profiles,
    RecoveryCode,
};
use crate::cases::{DatabaseKey, Store, DATABASE_KEY_LEN};
use crate::error::{Error, Result};

/// The first bytes of every export file.
pub(crate) const EXPORT_MAGIC: &[u8] = b"SECOND-OPINION-PROFILE-EXPORT\n";
/// The export format this app writes; a newer one is refused.
const EXPORT_FORMAT: u32 = 1;
/// Associated data for the export's keyslot.
const EXPORT_PURPOSE: &[u8] = b"second-opinion/export/v1/slot";
/// The largest header accepted.
const MAX_HEADER_LEN: u32 = 64 * 1024;
/// The largest export file accepted (far beyond any real profile).
const MAX_EXPORT_BYTES: u64 = 4 * 1024 * 1024 * 1024;
const DIGEST_LEN: usize = 32;
/// How much of a database is held in memory at once while it is copied into or out of an
/// export.
const COPY_BLOCK: usize = 64 * 1024;

#[derive(Debug, Serialize, Deserialize)]
struct ExportHeader {
    format: u32,
    slot: Keyslot,
}

#[derive(Deserialize)]
struct FormatOnly {
    format: u32,
}

/// The extension of export files.
pub const EXPORT_EXTENSION: &str = "soprofile";

/// The default name for an export file made on `day`: no names, no health details.
pub fn export_file_name(day: chrono::NaiveDate) -> String {
    format!(
        "second-opinion-profile-{}.{EXPORT_EXTENSION}",
        crate::dates::iso(day)
    )
}

/// An export not yet written: what it needs from an open profile, taken in an instant, so the
/// copy, the key derivation and the file are made on a connection of its own while the profile
/// goes on serving commands (the database is in WAL mode, so the copy reads one consistent
/// moment). The key is zeroed when the job is dropped.
pub(crate) struct ExportJob {
    database: PathBuf,
    key: DatabaseKey,
    folder: PathBuf,
    name: String,
    params: KdfParams,
}

impl Profiles {
    /// Writes the whole of an unlocked profile to one encrypted file at `dest` (replacing a file
    /// already there, all at once), sealed with `export_passphrase`.
    pub fn export<R: CryptoRng + ?Sized>(
        &self,
        open: &OpenProfile,
        dest: &Path,
        export_passphrase: &str,
        rng: &mut R,
    ) -> Result<()> {
        self.export_job(open)?.write(dest, export_passphrase, rng)
    }

    /// The export of `open`, to be written by [`ExportJob::write`].
    pub(crate) fn export_job(&self, open: &OpenProfile) -> Result<ExportJob> {
        let (_, profile_meta) = self.read_meta(&open.id)?;
        Ok(ExportJob {
            database: open.folder.join(DATABASE_FILE),
            key: open.key.clone(),
            folder: open.folder.clone(),
            name: open.name.clone(),
            params: profile_meta.passphrase_slot.kdf.params.upgraded().check()?,
        })
    }

    /// Makes a new profile from an export file, unlocked, with `passphrase` (the export
    /// passphrase, which becomes the new profile's passphrase) and a new recovery code. The file
    /// is checked in full before the profile becomes visible; an existing profile is never
    /// touched (a name already in use gets " (2)" added).
    pub fn import<R: CryptoRng + ?Sized>(
        &self,
        file: &Path,
        passphrase: &str,
        rng: &mut R,
    ) -> Result<(OpenProfile, RecoveryCode)> {
        let mut export = Unsealed::open(file, passphrase)?;
        let name = self.free_name(&export.name)?;
        std::fs::create_dir_all(&self.dir)?;
        crate::private_files::restrict_folder(&self.dir)?;
        let id = random_hex(rng, 16);
        let staging = self.dir.join(format!(".importing-{}", random_hex(rng, 8)));
        let recovery = match export.stage(&staging, &id, &name, rng) {
            Ok(recovery) => recovery,
            Err(e) => {
                remove_quietly(&staging);
                return Err(e);
            }
        };
        let folder = self.move_into_place(&staging, &id)?;
        let _lock = super::lock::ProfileLock::acquire(&folder)?;
        let store = Store::open_encrypted(&folder.join(DATABASE_FILE), &export.key)?;
        Ok((
            OpenProfile {
                store,
                key: export.key,
                id,
                name,
                folder,
                idle_lock_minutes: super::DEFAULT_IDLE_LOCK_MINUTES,
                idle: None,
                idle_limit_override: None,
                acting: None,
                _lock,
            },
            recovery,
        ))
    }
}

impl ExportJob {
    /// Writes the export file at `dest`, sealed with `export_passphrase`, from a connection of
    /// its own.
    pub(crate) fn write<R: CryptoRng + ?Sized>(
        self,
        dest: &Path,
        export_passphrase: &str,
        rng: &mut R,
    ) -> Result<()> {
        check_new_passphrase(export_passphrase, &[&self.name])?;
        // 1. An encrypted copy of the database under a fresh key, beside the profile's own. It
        // is read from disk twice (its digest, then into the file), never held in memory.
        let store = Store::open_beside(&self.database, &self.key)?;
        let export_key = DatabaseKey::generate(rng);
        let copy_path = self
            .folder
            .join(format!(".export-{}.db", random_hex(rng, 8)));
        let written = store
            .export_encrypted(&copy_path, &export_key)
            .and_then(|()| {
                write_export(
                    &self.name,
                    &copy_path,
                    &export_key,
                    dest,
                    export_passphrase,
                    self.params,
                    rng,
                )
            });
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let mut p = copy_path.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(p);
        }
        written
    }
}

/// An export file whose keyslot the passphrase has opened: what it sealed, and its database
/// still to be read.
struct Unsealed {
    header: ExportHeader,
    database: std::io::Take<BufReader<File>>,
    params: KdfParams,
    wrapping: super::kdf::WrappingKey,
    key: DatabaseKey,
    digest: Vec<u8>,
    /// The profile's name as checked (before " (2)" is added for a name already in use).
    name: String,
}

impl Unsealed {
    /// Opens the keyslot of the export at `file` with `passphrase`.
    fn open(file: &Path, passphrase: &str) -> Result<Unsealed> {
        let (header, database) = open_export(file)?;
        // Settings below the floor (cheap to guess) or absurdly heavy are refused before
        // anything is derived: they would become the new profile's.
        let params = header.slot.kdf.params.check()?;
        header
            .slot
            .kdf
            .checked_params()
            .map_err(|_| Error::NotAnExport)?;
        let wrapping = header
            .slot
            .kdf
            .derive(passphrase.as_bytes())
            .map_err(|_| Error::NotAnExport)?;
        let payload = header
            .slot
            .open(&wrapping, EXPORT_PURPOSE)
            .map_err(|e| match e {
                SlotError::WrongSecret => Error::WrongPassphrase,
                SlotError::Malformed => Error::NotAnExport,
            })?;
        if payload.len() < DATABASE_KEY_LEN + DIGEST_LEN {
            return Err(Error::NotAnExport);
        }
        let (key_bytes, rest) = payload.split_at(DATABASE_KEY_LEN);
        let (digest, name) = rest.split_at(DIGEST_LEN);
        let key = key_from_slot(key_bytes).map_err(|_| Error::NotAnExport)?;
        let name = std::str::from_utf8(name).map_err(|_| Error::NotAnExport)?;
        // A copy made by an earlier version may hold a name from before the newer rules: keep it
        // readable, without the characters those rules refuse.
        let name: String = name.chars().filter(|c| !super::is_invisible(*c)).collect();
        let name = super::check_name(&name).map_err(|_| Error::NotAnExport)?;
        Ok(Unsealed {
            header,
            database,
            params,
            wrapping,
            key,
            digest: digest.to_vec(),
            name,
        })
    }

    /// Makes the whole profile in the hidden folder `staging`: the database streamed in and
    /// checked, and its keyslots (the export's passphrase, a new recovery code).
    fn stage<R: CryptoRng + ?Sized>(
        &mut self,
        staging: &Path,
        id: &str,
        name: &str,
        rng: &mut R,
    ) -> Result<RecoveryCode> {
        std::fs::create_dir(staging)?;
        crate::private_files::restrict_folder(staging)?;
        let db_path = staging.join(DATABASE_FILE);
        crate::private_files::create_private_file(&db_path)?;
        let mut f = std::fs::OpenOptions::new().write(true).open(&db_path)?;
        // Streamed into the hidden folder, never held in memory whole; the digest sealed
        // with the key must match before anything opens the file.
        let (_, streamed) = copy_hashing(&mut self.database, &mut f)?;
        if streamed.as_slice() != self.digest.as_slice() {
            return Err(Error::NotAnExport);
        }
        f.sync_all()?;
        drop(f);
        // Opens (refusing a newer schema, migrating an older one) and checks every page.
        Store::open_encrypted(&db_path, &self.key)
            .and_then(|store| store.check_integrity())
            .map_err(refused_import)?;
        let recovery = RecoveryCode::generate(rng);
        let mut meta = ProfileMeta::new(id.to_owned(), name.to_owned());
        // The passphrase is the export's: reuse its derived key and salt, new nonce.
        meta.seal_slot_with(
            Slot::Passphrase,
            self.header.slot.kdf.clone(),
            &self.wrapping,
            &self.key,
            rng,
        );
        meta.seal_slot(
            Slot::Recovery,
            recovery.secret(),
            self.params,
            &self.key,
            rng,
        )?;
        meta.write(staging)?;
        Ok(recovery)
    }
}

/// Seals `export_key` with the digest of the database copy at `copy` and writes the export
/// file at `dest` all at once (a temporary file beside it, then renamed).
fn write_export<R: CryptoRng + ?Sized>(
    name: &str,
    copy: &Path,
    export_key: &DatabaseKey,
    dest: &Path,
    export_passphrase: &str,
    params: KdfParams,
    rng: &mut R,
) -> Result<()> {
    let (_, digest) = copy_hashing(&mut File::open(copy)?, &mut std::io::sink())?;

    // 2. Seal the fresh key, the database's digest and the name under the export passphrase.
    let mut payload = Zeroizing::new(Vec::with_capacity(
        DATABASE_KEY_LEN + DIGEST_LEN + name.len(),
    ));
    payload.extend_from_slice(export_key.as_bytes());
    payload.extend_from_slice(&digest);
    payload.extend_from_slice(name.as_bytes());
    let kdf = KdfSpec::fresh(params, rng);
    let wrapping = kdf
        .derive(export_passphrase.as_bytes())
        .map_err(|_| Error::ProfileDamaged)?;
    let header = ExportHeader {
        format: EXPORT_FORMAT,
        slot: Keyslot::seal(kdf, &wrapping, EXPORT_PURPOSE, &payload, rng),
    };
    let header = serde_json::to_vec(&header)
        .map_err(|e| Error::Storage(format!("could not write the export header: {e}")))?;
    let header_len = u32::try_from(header.len())
        .map_err(|_| Error::Storage("the export header is too long".into()))?;

    // 3. Write the file all at once.
    let folder = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let file_name = dest
        .file_name()
        .ok_or_else(|| Error::InvalidInput("Please choose a file name for the export.".into()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempfile_in(folder)?;
    tmp.write_all(EXPORT_MAGIC)?;
    tmp.write_all(&header_len.to_le_bytes())?;
    tmp.write_all(&header)?;
    // The bytes written are the bytes whose digest was sealed.
    let (_, written) = copy_hashing(&mut File::open(copy)?, tmp.as_file_mut())?;
    if written != digest {
        return Err(Error::Storage(
            "the database copy changed while it was written".into(),
        ));
    }
    tmp.as_file().sync_all()?;
    tmp.persist(folder.join(file_name)).map_err(|e| e.error)?;
    meta::sync_folder(folder)
}

/// Seals the SQLCipher database at `database` (keyed with `raw_key`) as an export file at
/// `dest`, as [`Profiles::export`] would, with the test key settings and without opening the
/// database: so the fuzz target can hand the import a well-sealed file holding any pages.
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub fn seal_export_for_tests<R: CryptoRng + ?Sized>(
    database: &Path,
    raw_key: &[u8; DATABASE_KEY_LEN],
    name: &str,
    dest: &Path,
    export_passphrase: &str,
    rng: &mut R,
) -> Result<()> {
    write_export(
        name,
        database,
        &DatabaseKey::from_bytes(&Zeroizing::new(*raw_key)),
        dest,
        export_passphrase,
        KdfParams::INSECURE_FOR_TESTS,
        rng,
    )
}

/// What an imported database's own faults are called. The computer's problems and the
/// refusals that say why keep their names; anything else from a database that was sealed well
/// but will not open or be brought up to date (rows that break its own schema's rules, for
/// one) is a damaged export, never a passing fault to try again.
fn refused_import(e: Error) -> Error {
    match e {
        Error::DiskFull
        | Error::ReadOnly
        | Error::Io(_)
        | Error::DatabaseTooNew
        | Error::DatabaseDamaged
        | Error::UnexpectedContents => e,
        _ => Error::NotAnExport,
    }
}

/// Opens an export file and reads its header: the header, and the file left at the start of
/// the database part. Anything that is not an export is [`Error::NotAnExport`].
fn open_export(file: &Path) -> Result<(ExportHeader, std::io::Take<BufReader<File>>)> {
    let len = std::fs::metadata(file)?.len();
    if len > MAX_EXPORT_BYTES {
        return Err(Error::NotAnExport);
    }
    let mut reader = BufReader::new(File::open(file)?);
    let mut magic = [0u8; EXPORT_MAGIC.len()];
    let mut len_bytes = [0u8; 4];
    read_or_not_an_export(&mut reader, &mut magic)?;
    read_or_not_an_export(&mut reader, &mut len_bytes)?;
    if magic != EXPORT_MAGIC {
        return Err(Error::NotAnExport);
    }
    let header_len = u32::from_le_bytes(len_bytes);
    if header_len > MAX_HEADER_LEN {
        return Err(Error::NotAnExport);
    }
    let mut header = vec![0u8; header_len as usize];
    read_or_not_an_export(&mut reader, &mut header)?;
    let header = parse_header(&header)?;
    let start = (EXPORT_MAGIC.len() + 4) as u64 + u64::from(header_len);
    let database_len = len.saturating_sub(start);
    if database_len == 0 {
        return Err(Error::NotAnExport);
    }
    Ok((header, reader.take(database_len)))
}

/// Fills `buf` from `reader`; a file that ends first is not an export.
fn read_or_not_an_export(reader: &mut impl Read, buf: &mut [u8]) -> Result<()> {
    reader.read_exact(buf).map_err(|e| match e.kind() {
        std::io::ErrorKind::UnexpectedEof => Error::NotAnExport,
        _ => e.into(),
    })
}

/// Copies everything from `from` to `to` a block at a time, so memory stays small whatever
/// the size: the number of bytes and their SHA-256.
fn copy_hashing(from: &mut impl Read, to: &mut impl Write) -> Result<(u64, [u8; DIGEST_LEN])> {
    let mut hasher = Sha256::new();
    let mut block = vec![0u8; COPY_BLOCK];
    let mut total = 0u64;
    loop {
        let n = match from.read(&mut block) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        };
        hasher.update(&block[..n]);
        to.write_all(&block[..n])?;
        total += n as u64;
    }
    Ok((total, hasher.finalize().into()))
}

/// Checks that `bytes` start like an export this app can read (its header; the database needs
/// the passphrase): [`Error::NotAnExport`] or [`Error::DatabaseTooNew`] otherwise. Never panics,
/// whatever the bytes: the property tests and the fuzz target feed it anything.
pub fn check_export_bytes(bytes: &[u8]) -> Result<()> {
    split_export(bytes).map(|_| ())
}

/// The header and the encrypted database of an export file's bytes.
fn split_export(bytes: &[u8]) -> Result<(ExportHeader, &[u8])> {
    let rest = bytes.strip_prefix(EXPORT_MAGIC).ok_or(Error::NotAnExport)?;
    if rest.len() < 4 {
        return Err(Error::NotAnExport);
    }
    let (len_bytes, rest) = rest.split_at(4);
    let header_len = u32::from_le_bytes(len_bytes.try_into().map_err(|_| Error::NotAnExport)?);
    if header_len > MAX_HEADER_LEN || rest.len() < header_len as usize {
        return Err(Error::NotAnExport);
    }
    let (header, database) = rest.split_at(header_len as usize);
    let header = parse_header(header)?;
    if database.is_empty() {
        return Err(Error::NotAnExport);
    }
    Ok((header, database))
}

/// Reads an export's header: [`Error::DatabaseTooNew`] for a newer format,
/// [`Error::NotAnExport`] for anything else this app cannot read.
fn parse_header(header: &[u8]) -> Result<ExportHeader> {
    let format: FormatOnly = serde_json::from_slice(header).map_err(|_| Error::NotAnExport)?;
    if format.format > EXPORT_FORMAT {
        return Err(Error::DatabaseTooNew);
    }
    serde_json::from_slice(header).map_err(|_| Error::NotAnExport)
}
