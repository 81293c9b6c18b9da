//! Automatic backups of a profile's database: list them, and restore one when a profile's
//! database is damaged. The `backups` commands.

use super::session::{record, Now, Session};
use crate::error::Result;
use crate::profiles::{Backup, ProfileSummary};

/// A profile's backups, newest first (file names and times only: no passphrase needed).
pub fn list_backups(session: &Session, id: &str) -> Result<Vec<Backup>> {
    session.profiles().backups(id)
}

/// How many profile folders could not be read (the picker says so rather than hiding them).
pub fn unreadable_profiles(session: &Session) -> Result<usize> {
    session.profiles().unreadable_count()
}

/// Puts the backup `backup` in place of the profile's database (checked first; the old one is
/// set aside) and opens the profile. A backup that does not exist, or a wrong passphrase,
/// leaves the open profile open; otherwise any open profile is locked first, so its database
/// is closed.
pub fn restore_backup(
    session: &Session,
    now: &Now,
    id: &str,
    passphrase: &str,
    backup: &str,
) -> Result<ProfileSummary> {
    session.profiles().check_backup_name(id, backup)?;
    let key = session.profiles().passphrase_key(id, passphrase)?;
    session.lock();
    let mut profile = session
        .profiles()
        .restore_backup_with_key(id, key, backup, now.utc())?;
    record(&mut profile, now, "Restored a backup")?;
    let summary = profile.summary();
    session.open(profile);
    Ok(summary)
}
