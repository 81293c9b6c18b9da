//! Automatic backups of a profile's database, and restoring one.
//!
//! On disk, inside the profile's folder:
//! ```text
//! backups/000007-daily.db          encrypted copies (SQLCipher, the profile's own key),
//! backups/000008-before-update.db  numbered in the order they were made; the last few kept
//! set-aside/<time>/cases.db        a damaged database put aside by a restore (never deleted)
//! ```
//! A backup is made before the app changes a database's schema (an update) and once a day while
//! the profile is in use. Each is written all at once: a hidden temporary file in the same folder,
//! flushed to disk, renamed into place, then the folder flushed. It is never plaintext: it is
//! written by SQLCipher straight into an encrypted database (`sqlcipher_export`).
//!
//! Restoring checks the backup first (it is copied, opened with the key, fully
//! integrity-checked) and only then moves the current database aside and puts the copy in its
//! place. A backup that fails its check changes nothing.
//!
//! The time of a backup is its file's modification time, set to the "now" passed in (a backup
//! made before an update, when no time is passed in, keeps the time the system gave it).

use std::fs::File;
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::lock::ProfileLock;
use super::meta::{sync_folder, DATABASE_FILE};
use super::{OpenProfile, Profiles};
use crate::cases::{export_encrypted, DatabaseKey, Store};
use crate::error::{Error, Result};

/// How many backups are kept per profile (older ones are removed when a new one is made).
pub const KEEP_BACKUPS: usize = 5;
/// The most the backups of one profile take together. Each is a full copy, files and all, so
/// with hundreds of megabytes of records five would take gigabytes; past this, older ones go
/// (see [`how_many_to_keep`]).
pub const BACKUPS_BUDGET_BYTES: u64 = 1024 * 1024 * 1024;
/// However large they are, the newest this many are kept: one to restore from, and one more in
/// case the newest holds the mistake being undone.
pub const MIN_BACKUPS: usize = 2;
/// How often a backup is made while a profile is in use.
pub const BACKUP_EVERY_HOURS: i64 = 24;

const BACKUPS_DIR: &str = "backups";
const SET_ASIDE_DIR: &str = "set-aside";
const TEMP_PREFIX: &str = ".tmp-";
const RESTORING_FILE: &str = ".restoring.db";

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum BackupReason {
    /// The once-a-day copy made while the profile is in use.
    Daily,
    /// The copy made just before a newer app changed the database's layout.
    BeforeUpdate,
}

impl BackupReason {
    fn as_str(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::BeforeUpdate => "before-update",
        }
    }

    fn parse(s: &str) -> Option<BackupReason> {
        [BackupReason::Daily, BackupReason::BeforeUpdate]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

/// One automatic backup of a profile's database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Backup {
    /// The backup's file name, for example `000007-daily.db`. Carries no personal details.
    pub name: String,
    /// When it was made (RFC 3339, UTC).
    pub taken_at: String,
    /// Why it was made.
    pub reason: BackupReason,
}

/// A backup as found on disk: its number (newer is higher), time and path.
struct Found {
    number: u64,
    taken: DateTime<Utc>,
    /// The file's size in bytes.
    size: u64,
    backup: Backup,
}

/// How many of the backups whose sizes are `sizes` (newest first) to keep: the newest
/// [`KEEP_BACKUPS`], fewer when together they would pass [`BACKUPS_BUDGET_BYTES`], but never
/// fewer than [`MIN_BACKUPS`].
pub fn how_many_to_keep(sizes: &[u64]) -> usize {
    let mut total = 0u64;
    let mut keep = 0;
    for (i, size) in sizes.iter().take(KEEP_BACKUPS).enumerate() {
        total = total.saturating_add(*size);
        if i >= MIN_BACKUPS && total > BACKUPS_BUDGET_BYTES {
            break;
        }
        keep = i + 1;
    }
    keep
}

/// Splits `000007-daily.db` into its number and reason.
fn parse_name(name: &str) -> Option<(u64, BackupReason)> {
    let stem = name.strip_suffix(".db")?;
    let (number, reason) = stem.split_once('-')?;
    if number.len() != 6 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((number.parse().ok()?, BackupReason::parse(reason)?))
}

/// The backups in a profile's folder, newest first. A missing folder is no backups.
fn found(folder: &Path) -> Result<Vec<Found>> {
    let dir = folder.join(BACKUPS_DIR);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry?;
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        let Some((number, reason)) = parse_name(&name) else {
            continue;
        };
        let meta = entry.metadata()?;
        if !meta.is_file() {
            continue;
        }
        let taken: DateTime<Utc> = meta.modified()?.into();
        out.push(Found {
            number,
            taken,
            size: meta.len(),
            backup: Backup {
                name,
                taken_at: taken.to_rfc3339_opts(SecondsFormat::Millis, true),
                reason,
            },
        });
    }
    out.sort_by_key(|f| std::cmp::Reverse(f.number));
    Ok(out)
}

fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// `path` with `suffix` added to its file name (`cases.db` + `-wal`).
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// A daily backup not yet written: the database, its key (zeroed when the job is dropped) and
/// its profile's folder.
pub(crate) struct BackupJob {
    database: PathBuf,
    key: DatabaseKey,
    folder: PathBuf,
    now: DateTime<Utc>,
}

impl BackupJob {
    /// Opens the database on a connection of its own and writes the backup from it. The
    /// database is in WAL mode, so the copy reads one consistent moment while the profile's
    /// own connection reads and writes on. `started` is given the connection's interrupt
    /// handle before the copy begins (so a lock can stop it); when it returns false the copy
    /// is not begun. A copy stopped part way leaves only its hidden temporary file, removed.
    pub(crate) fn run(
        self,
        started: impl FnOnce(rusqlite::InterruptHandle) -> bool,
    ) -> Result<Option<Backup>> {
        let store = Store::open_beside(&self.database, &self.key)?;
        if !started(store.connection().get_interrupt_handle()) {
            return Ok(None);
        }
        write_backup(
            store.connection(),
            &self.key,
            &self.folder,
            BackupReason::Daily,
            Some(self.now),
        )
        .map(Some)
    }
}

/// Writes an encrypted copy of the database on `conn` into `folder/backups`, all at once, then
/// keeps only the newest few (see [`how_many_to_keep`]).
pub(crate) fn write_backup(
    conn: &rusqlite::Connection,
    key: &DatabaseKey,
    folder: &Path,
    reason: BackupReason,
    now: Option<DateTime<Utc>>,
) -> Result<Backup> {
    let dir = folder.join(BACKUPS_DIR);
    std::fs::create_dir_all(&dir)?;
    crate::private_files::restrict_folder(&dir)?;
    // A copy cut short by a crash is hidden; clear it away.
    for entry in std::fs::read_dir(&dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            remove_if_present(&entry.path())?;
        }
    }
    let existing = found(folder)?;
    let number = existing.first().map_or(1, |f| f.number + 1);
    let name = format!("{number:06}-{}.db", reason.as_str());
    let temp = dir.join(format!("{TEMP_PREFIX}{name}"));
    let written = (|| -> Result<()> {
        export_encrypted(conn, &temp, key)?;
        let file = File::options().write(true).open(&temp)?;
        file.sync_all()?;
        if let Some(now) = now {
            file.set_modified(now.into())?;
        }
        drop(file);
        std::fs::rename(&temp, dir.join(&name))?;
        sync_folder(&dir)
    })();
    if let Err(e) = written {
        for suffix in ["", "-journal"] {
            let _ = std::fs::remove_file(with_suffix(&temp, suffix));
        }
        return Err(e);
    }
    let all = found(folder)?;
    let sizes: Vec<u64> = all.iter().map(|f| f.size).collect();
    for old in all.iter().skip(how_many_to_keep(&sizes)) {
        remove_if_present(&dir.join(&old.backup.name))?;
    }
    let taken: DateTime<Utc> = std::fs::metadata(dir.join(&name))?.modified()?.into();
    Ok(Backup {
        name,
        taken_at: taken.to_rfc3339_opts(SecondsFormat::Millis, true),
        reason,
    })
}

impl OpenProfile {
    /// Makes a backup now (the daily kind).
    pub fn back_up(&self, now: DateTime<Utc>) -> Result<Backup> {
        write_backup(
            self.store.connection(),
            &self.key,
            &self.folder,
            BackupReason::Daily,
            Some(now),
        )
    }

    /// Makes a backup if the newest one is [`BACKUP_EVERY_HOURS`] old or more (or there is
    /// none, or its time is in the future: a clock set wrong once must not stop backups until
    /// that time comes). Returns the backup made, if any.
    pub fn back_up_if_due(&self, now: DateTime<Utc>) -> Result<Option<Backup>> {
        if self.backup_due(now)? {
            self.back_up(now).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Whether the daily backup is due at `now` (see [`OpenProfile::back_up_if_due`]).
    pub(crate) fn backup_due(&self, now: DateTime<Utc>) -> Result<bool> {
        Ok(match found(&self.folder)?.into_iter().next() {
            None => true,
            Some(f) => {
                let age = now.signed_duration_since(f.taken);
                age < chrono::TimeDelta::zero() || age.num_hours() >= BACKUP_EVERY_HOURS
            }
        })
    }

    /// The daily backup at `now`, to be written on a connection of its own
    /// ([`BackupJob::run`]) while this profile's connection goes on serving commands.
    pub(crate) fn daily_backup_job(&self, now: DateTime<Utc>) -> BackupJob {
        BackupJob {
            database: self.folder.join(DATABASE_FILE),
            key: self.key.clone(),
            folder: self.folder.clone(),
            now,
        }
    }

    /// Replaces this profile's database with one an older app (schema `version`) would have
    /// left, holding one case (reason "old"), then locks the profile. For tests of updates only.
    #[doc(hidden)]
    #[cfg(any(test, feature = "test-support"))]
    pub fn replace_with_old_database_for_tests(self, version: usize) -> Result<()> {
        let database = self.folder.join(DATABASE_FILE);
        let OpenProfile { store, key, .. } = self;
        store.close()?;
        for suffix in ["", "-wal", "-shm"] {
            remove_if_present(&with_suffix(&database, suffix))?;
        }
        Store::create_old_for_tests(&database, &key, version)
    }

    /// This profile's backups, newest first.
    pub fn backups(&self) -> Result<Vec<Backup>> {
        Ok(found(&self.folder)?.into_iter().map(|f| f.backup).collect())
    }
}

impl Profiles {
    /// How many profile folders could not be read (their `profile.json` is missing, damaged or
    /// from a newer app), so the picker can say so instead of silently leaving them out. They
    /// are never changed.
    pub fn unreadable_count(&self) -> Result<usize> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e.into()),
        };
        let mut count = 0;
        for entry in entries {
            let entry = entry?;
            let Some(id) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            if !super::is_valid_id(&id) || !entry.file_type()?.is_dir() {
                continue;
            }
            match super::meta::ProfileMeta::read(&entry.path()) {
                Ok(meta) if meta.id == id => {}
                _ => count += 1,
            }
        }
        Ok(count)
    }

    /// A profile's automatic backups, newest first. Needs no passphrase: it reads only file
    /// names and times, never what is in them.
    pub fn backups(&self, id: &str) -> Result<Vec<Backup>> {
        let folder = self.folder(id)?;
        if !folder.is_dir() {
            return Err(Error::ProfileNotFound);
        }
        Ok(found(&folder)?.into_iter().map(|f| f.backup).collect())
    }

    /// Checks that profile `id` has a backup called `backup_name`, without opening anything:
    /// the app calls this before it locks the open profile to restore, so a mistaken name
    /// leaves the profile open. [`Error::BackupUnusable`] if not.
    pub fn check_backup_name(&self, id: &str, backup_name: &str) -> Result<()> {
        let folder = self.folder(id)?;
        Self::find_backup(&folder, backup_name).map(drop)
    }

    fn find_backup(folder: &Path, backup_name: &str) -> Result<Found> {
        if parse_name(backup_name).is_none() {
            return Err(Error::BackupUnusable);
        }
        found(folder)?
            .into_iter()
            .find(|f| f.backup.name == backup_name)
            .ok_or(Error::BackupUnusable)
    }

    /// Puts the backup called `backup_name` in place of the profile's database and opens the
    /// profile. The backup is checked first (opened with the key from `passphrase` and fully
    /// integrity-checked, on a copy); if it fails, nothing changes ([`Error::BackupUnusable`]).
    /// The database it replaces is moved to `set-aside/<now>/`, never deleted.
    pub fn restore_backup(
        &self,
        id: &str,
        passphrase: &str,
        backup_name: &str,
        now: DateTime<Utc>,
    ) -> Result<OpenProfile> {
        // The backup asked for must exist before anything else is done.
        self.check_backup_name(id, backup_name)?;
        let key = self.passphrase_key(id, passphrase)?;
        self.restore_backup_with_key(id, key, backup_name, now)
    }

    /// [`Profiles::restore_backup`] with the key its passphrase opened, so the app can check
    /// the passphrase (and the backup's name) before it locks the open profile.
    pub(crate) fn restore_backup_with_key(
        &self,
        id: &str,
        key: DatabaseKey,
        backup_name: &str,
        now: DateTime<Utc>,
    ) -> Result<OpenProfile> {
        let (folder, meta) = self.read_meta(id)?;
        let chosen = Self::find_backup(&folder, backup_name)?;
        let lock = ProfileLock::acquire(&folder)?;

        // 1. Check a copy of the backup (opening it may bring its schema up to date).
        let restoring = folder.join(RESTORING_FILE);
        for suffix in ["", "-wal", "-shm", "-journal"] {
            remove_if_present(&with_suffix(&restoring, suffix))?;
        }
        std::fs::copy(
            folder.join(BACKUPS_DIR).join(&chosen.backup.name),
            &restoring,
        )?;
        File::open(&restoring)?.sync_all()?;
        let checked = Store::open_encrypted(&restoring, &key).and_then(|store| {
            store.check_integrity()?;
            store.close()
        });
        if let Err(e) = checked {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let _ = std::fs::remove_file(with_suffix(&restoring, suffix));
            }
            return Err(match e {
                Error::DiskFull | Error::ReadOnly | Error::Io(_) => e,
                _ => Error::BackupUnusable,
            });
        }

        // 2. Move the current database (and its write-ahead log) aside, never deleting it.
        let database = folder.join(DATABASE_FILE);
        let present: Vec<&str> = ["", "-wal", "-shm"]
            .into_iter()
            .filter(|s| with_suffix(&database, s).exists())
            .collect();
        if !present.is_empty() {
            let aside = free_aside_folder(&folder, now)?;
            std::fs::create_dir_all(&aside)?;
            crate::private_files::restrict_tree(&folder.join(SET_ASIDE_DIR))?;
            for suffix in present {
                std::fs::rename(
                    with_suffix(&database, suffix),
                    aside.join(format!("{DATABASE_FILE}{suffix}")),
                )?;
            }
            sync_folder(&aside)?;
        }

        // 3. Put the checked copy in place, then open the profile as usual.
        std::fs::rename(&restoring, &database)?;
        sync_folder(&folder)?;
        Self::open_store_locked(folder, meta, key, lock)
    }
}

/// `set-aside/<now>` (or `<now>-2`, `-3`... if taken).
fn free_aside_folder(folder: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    let base = folder
        .join(SET_ASIDE_DIR)
        .join(now.format("%Y-%m-%dT%H-%M-%SZ").to_string());
    let mut candidate = base.clone();
    let mut n = 2;
    while candidate.exists() {
        candidate = with_suffix(&base, &format!("-{n}"));
        n += 1;
    }
    Ok(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backups_of_records_hundreds_of_megabytes_big_are_fewer_but_never_below_two() {
        const MB: u64 = 1024 * 1024;
        // A profile of notes and letters: all five.
        assert_eq!(how_many_to_keep(&[2 * MB; 7]), 5);
        assert_eq!(how_many_to_keep(&[2 * MB; 3]), 3);
        assert_eq!(how_many_to_keep(&[]), 0);
        // 300 MB of records: three copies (900 MB), not five (1.5 GB).
        assert_eq!(how_many_to_keep(&[300 * MB; 6]), 3);
        // A full profile (1 GB of files): still the newest two, whatever they take.
        assert_eq!(how_many_to_keep(&[1024 * MB; 6]), 2);
        // The newest counts first: a large new one after small old ones.
        assert_eq!(
            how_many_to_keep(&[900 * MB, 10 * MB, 10 * MB, 200 * MB, 10 * MB]),
            3
        );
    }

    #[test]
    fn backup_names_are_read_strictly() {
        assert_eq!(
            parse_name("000007-daily.db"),
            Some((7, BackupReason::Daily))
        );
        assert_eq!(
            parse_name("123456-before-update.db"),
            Some((123456, BackupReason::BeforeUpdate))
        );
        for bad in [
            "7-daily.db",
            "000007-daily",
            "000007-weekly.db",
            ".tmp-000007-daily.db",
            "../000007-daily.db",
            "00000a-daily.db",
        ] {
            assert_eq!(parse_name(bad), None, "{bad}");
        }
    }
}
