//! Who may read the app's files on Unix: only the person's own account. The profiles folder and
//! every folder in it are 0700, every file (the database and its `-wal` and `-shm`, backups,
//! `profile.json`, the lock) 0600, whatever the umask. On other systems these do nothing: the
//! folders live in the account's own application-data folder.
//!
//! SQLite gives a database's `-wal` and `-shm` files the database file's own permissions, so a
//! database file made here first (empty, 0600) keeps all three private.

use std::path::Path;

use crate::error::Result;

/// Makes `folder` readable by its owner only (0700).
pub(crate) fn restrict_folder(folder: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))?;
    }
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}

/// Makes `file` readable by its owner only (0600).
pub(crate) fn restrict_file(file: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

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
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            restrict_tree(&entry.path())?;
        } else if kind.is_file() {
            restrict_file(&entry.path())?;
        }
    }
    Ok(())
}
