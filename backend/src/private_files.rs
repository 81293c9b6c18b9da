//! Who may read the app's files on Unix: only the person's own account. The profiles folder and
//! every folder in it are 0700, every file (the database and its `-wal` and `-shm`, backups,
//! `profile.json`, the lock) 0600, whatever the umask. On other systems these do nothing: the
//! folders live in the account's own application-data folder.
//!
//! SQLite gives a database's `-wal` and `-shm` files the database file's own permissions, so a
//! database file made here first (empty, 0600) keeps all three private.
//!
//! Setting permissions is best effort: a drive that has none (FAT) or refuses the change is
//! logged, never a reason to keep a person out of their profile.

use std::path::Path;

use crate::error::Result;

/// Makes `folder` readable by its owner only (0700).
pub(crate) fn restrict_folder(folder: &Path) -> Result<()> {
    set_mode(folder, 0o700);
    Ok(())
}

/// Makes `file` readable by its owner only (0600).
pub(crate) fn restrict_file(file: &Path) -> Result<()> {
    set_mode(file, 0o600);
    Ok(())
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    if let Err(e) = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)) {
        tracing::warn!(error = %e.kind(), "could not make a profile file private");
    }
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) {}

/// Makes a new, empty file at `path` readable by its owner only, so SQLite fills it (and makes
/// its `-wal` and `-shm`) without a moment of wider permissions. Fails if it exists.
pub(crate) fn create_private_file(path: &Path) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?;
    Ok(())
}

/// Makes `folder` and everything in it private: folders 0700, files 0600. Used on every open
/// of a profile, so files made by an earlier app (or copied in) are brought in line.
pub(crate) fn restrict_tree(folder: &Path) -> Result<()> {
    restrict_folder(folder)?;
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            restrict_tree(&entry.path())?;
        } else if kind.is_file() {
            restrict_file(&entry.path())?;
        }
    }
    Ok(())
}
