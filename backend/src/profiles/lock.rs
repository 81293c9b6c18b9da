//! One writer per profile: while a profile is open, its folder's `open.lock` file holds an
//! exclusive lock (`flock` on Unix, `LockFileEx` on Windows), so a second copy of the app, or a
//! second person logged in at the same computer, cannot open the same database.
//!
//! Invariants: the lock is taken before the database is opened and released only after it is
//! closed (it is the last field of `OpenProfile`). The operating system releases it when the
//! process ends, however it ends (a crash or a kill leaves no stale lock).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use crate::error::{Error, Result};

/// The lock file's name inside a profile's folder. It is empty; only its lock matters.
pub(crate) const LOCK_FILE: &str = "open.lock";

/// A held lock on one profile's folder. Dropping it releases the lock.
#[derive(Debug)]
pub(crate) struct ProfileLock {
    _file: File,
}

impl ProfileLock {
    /// Takes the lock on `folder`, or fails with [`Error::ProfileInUse`] when another open
    /// profile (in this process or another) holds it.
    pub(crate) fn acquire(folder: &Path) -> Result<ProfileLock> {
        let path = folder.join(LOCK_FILE);
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = match options.open(&path) {
            Ok(file) => file,
            // A folder (or drive) that cannot be written: the profile cannot be opened to
            // change it, so say so before the database is touched.
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
                ) =>
            {
                return Err(Error::ReadOnly)
            }
            Err(e) => return Err(e.into()),
        };
        match file.try_lock() {
            Ok(()) => Ok(ProfileLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(Error::ProfileInUse),
            Err(TryLockError::Error(e)) => Err(e.into()),
        }
    }
}
