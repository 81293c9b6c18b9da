//! Profiles: make, open, lock, recover, export, import and delete; the passphrase, the recovery
//! code, the idle-lock time and the activity log. The `profiles` commands.

use std::path::{Path, PathBuf};

use rand_core::CryptoRng;
use zeroize::Zeroizing;

use super::documents::save_and_record;
use super::session::{back_up_if_due, record, Now, Session};
use crate::cases::ActivityEntry;
use crate::documents::{self, DocumentOptions, RecoverySheet, RenderedDocument, SavedDocument};
use crate::error::Result;
use crate::profiles::{
    export_file_name, CreatedProfile, OpenProfile, ProfileSummary, DEFAULT_IDLE_LOCK_MINUTES,
    IDLE_LOCK_CHOICES,
};

/// The profiles on this computer: names only, never case details.
pub fn list_profiles(session: &Session) -> Result<Vec<ProfileSummary>> {
    session.profiles().list()
}

/// The profile that is open now, if any.
pub fn open_profile(session: &Session) -> Option<ProfileSummary> {
    session.with_profile(|p| Ok(p.summary())).ok()
}

/// A passphrase of four random words, offered beside every new-passphrase field. Needs no
/// profile (it is offered before the first is made) and leaves no trace: it is not kept.
pub fn suggest_passphrase<R: CryptoRng + ?Sized>(rng: &mut R) -> Zeroizing<String> {
    crate::profiles::suggest_passphrase(rng)
}

/// Makes a new profile and opens it; its recovery code is shown once.
pub fn create_profile<R: CryptoRng + ?Sized>(
    session: &Session,
    now: &Now,
    rng: &mut R,
    name: &str,
    passphrase: &str,
) -> Result<CreatedProfile> {
    let (mut profile, code) = session
        .profiles()
        .create(name, passphrase, session.kdf(), rng)?;
    record(&mut profile, now, "Made this profile")?;
    let summary = profile.summary();
    session.open(profile);
    Ok(CreatedProfile {
        profile: summary,
        recovery_code: code.formatted().to_string(),
    })
}

/// Opens a profile with its passphrase (and takes the day's backup first if it is due).
pub fn unlock_profile<R: CryptoRng + ?Sized>(
    session: &Session,
    now: &Now,
    rng: &mut R,
    id: &str,
    passphrase: &str,
) -> Result<ProfileSummary> {
    let mut profile = session
        .profiles()
        .unlock_and_strengthen(id, passphrase, rng)?;
    back_up_if_due(&profile, now);
    record(&mut profile, now, "Opened")?;
    let summary = profile.summary();
    session.open(profile);
    Ok(summary)
}

/// Locks: every case detail leaves the backend's memory; the key is zeroed.
pub fn lock_profile(session: &Session) {
    session.lock();
}

/// Locks because the window saw nobody use it for the chosen time; the picker then says so.
pub fn lock_profile_unused(session: &Session) {
    session.lock_unused();
}

/// The person is using the app (the window saw a key, a click or a movement): the open
/// profile's own idle deadline moves on. `locked` once that deadline has passed.
pub fn still_here(session: &Session, now: &Now) -> Result<()> {
    session.used(now.utc())
}

/// Whether the last lock was because nobody used the app; `true` once, for the picker.
pub fn locked_because_idle(session: &Session) -> bool {
    session.take_idle_notice()
}

/// How long the open profile may sit unused before it locks itself, in seconds (the default
/// when none is open).
pub fn idle_lock_seconds(session: &Session) -> u32 {
    session
        .with_profile(|p| Ok(p.idle_lock_minutes()))
        .unwrap_or(DEFAULT_IDLE_LOCK_MINUTES)
        .saturating_mul(60)
}

/// Opens a profile whose passphrase was forgotten, with its recovery code, and sets a new
/// passphrase.
pub fn recover_profile<R: CryptoRng + ?Sized>(
    session: &Session,
    now: &Now,
    rng: &mut R,
    id: &str,
    recovery_code: &str,
    new_passphrase: &str,
) -> Result<ProfileSummary> {
    let mut profile =
        session
            .profiles()
            .unlock_with_recovery(id, recovery_code, new_passphrase, rng)?;
    record(
        &mut profile,
        now,
        "Set a new passphrase with the recovery code",
    )?;
    let summary = profile.summary();
    session.open(profile);
    Ok(summary)
}

/// Changes the open profile's passphrase (the old one must be typed again). The person only.
pub fn change_passphrase<R: CryptoRng + ?Sized>(
    session: &Session,
    now: &Now,
    rng: &mut R,
    old_passphrase: &str,
    new_passphrase: &str,
) -> Result<()> {
    session.with_owner(|p| {
        session
            .profiles()
            .change_passphrase(p, old_passphrase, new_passphrase, rng)?;
        record(p, now, "Changed the passphrase")
    })
}

/// Makes a new recovery code for the open profile; the old one stops working. Shown once. The
/// person only, with their passphrase typed again.
pub fn new_recovery_code<R: CryptoRng + ?Sized>(
    session: &Session,
    now: &Now,
    rng: &mut R,
    passphrase: &str,
) -> Result<String> {
    let confirmed = session.confirm_owner(passphrase)?;
    session.with_confirmed(&confirmed, |p| {
        let code = session.profiles().replace_recovery_code(p, rng)?;
        record(p, now, "Made a new recovery code")?;
        Ok(code.formatted().to_string())
    })
}

/// Saves the recovery sheet for the open profile through `save` (which asks where; `None` when
/// the person cancelled): boxes to copy the code into by hand. It never holds the code, so the
/// code is on no file anywhere.
pub fn write_recovery_sheet(
    session: &Session,
    now: &Now,
    options: &DocumentOptions,
    save: impl FnOnce(&RenderedDocument) -> Result<Option<SavedDocument>>,
) -> Result<Option<SavedDocument>> {
    let profile_name = session.with_profile(|p| Ok(p.name().to_owned()))?;
    let document = documents::recovery_sheet(
        &RecoverySheet {
            profile_name,
            made: now.today,
        },
        options,
    )?;
    save_and_record(session, now, &document, "Saved the recovery sheet", save)
}

/// Checks the recovery code the person copied by hand against the open profile.
pub fn check_recovery_code(session: &Session, recovery_code: &str) -> Result<()> {
    session.with_profile(|p| session.profiles().check_recovery_code(p, recovery_code))
}

/// Saves the whole open profile to one encrypted file, sealed with `export_passphrase`, where
/// `choose` says (given the suggested file name; `None` when the person cancelled). The person
/// only, with their passphrase typed again, and an export passphrase that is hard to guess: both
/// refused before anything is asked.
pub fn export_profile<R: CryptoRng + ?Sized>(
    session: &Session,
    now: &Now,
    rng: &mut R,
    passphrase: &str,
    export_passphrase: &str,
    choose: impl FnOnce(&str) -> Option<PathBuf>,
) -> Result<Option<PathBuf>> {
    let confirmed = session.confirm_owner(passphrase)?;
    // A guessable export passphrase is refused before the person is asked where to save.
    let name = session.with_confirmed(&confirmed, |p| Ok(p.name().to_owned()))?;
    crate::profiles::check_new_passphrase(export_passphrase, &[&name])?;
    let Some(path) = choose(&export_file_name(now.today)) else {
        return Ok(None);
    };
    // Only taking the job holds the profile: the copy, the key derivation (most of a second)
    // and the file are made while other commands go on.
    let job = session.with_confirmed(&confirmed, |p| session.profiles().export_job(p))?;
    job.write(&path, export_passphrase, rng)?;
    session.with_confirmed(&confirmed, |p| {
        record(p, now, "Saved a backup copy of this profile")
    })?;
    Ok(Some(path))
}

/// Makes a new profile from the export file `file`, and opens it with a new recovery code.
pub fn import_profile<R: CryptoRng + ?Sized>(
    session: &Session,
    now: &Now,
    rng: &mut R,
    file: &Path,
    passphrase: &str,
) -> Result<CreatedProfile> {
    let (mut profile, code) = session.profiles().import(file, passphrase, rng)?;
    record(&mut profile, now, "Brought in from a backup file")?;
    let summary = profile.summary();
    session.open(profile);
    Ok(CreatedProfile {
        profile: summary,
        recovery_code: code.formatted().to_string(),
    })
}

/// Deletes the open profile and all its files once its name is typed exactly and its
/// passphrase typed again; locks it first. The person only; a wrong name or passphrase deletes
/// and locks nothing.
pub fn delete_profile(session: &Session, typed_name: &str, passphrase: &str) -> Result<()> {
    let check_name = |p: &OpenProfile| session.profiles().check_delete_name(p.id(), typed_name);
    session.with_owner(|p| check_name(p))?;
    let confirmed = session.confirm_owner(passphrase)?;
    let profile = session.close_if(|p| {
        p.require_owner()?;
        confirmed.check(p)?;
        check_name(p)
    })?;
    let id = profile.id().to_owned();
    profile.lock();
    session.profiles().delete(&id, typed_name)
}

/// The open profile's activity log, most recent first.
pub fn activity_log(session: &Session, now: &Now) -> Result<Vec<ActivityEntry>> {
    session.with_store(now, |s| s.activity())
}

/// The minutes the person may choose from, and their choice now.
pub fn idle_lock_minutes(session: &Session) -> Result<(Vec<u32>, u32)> {
    session.with_profile(|p| Ok((IDLE_LOCK_CHOICES.to_vec(), p.idle_lock_minutes())))
}

/// Sets how long the open profile may sit unused before it locks itself.
pub fn set_idle_lock_minutes(session: &Session, minutes: u32) -> Result<()> {
    session.with_profile(|p| session.profiles().set_idle_lock_minutes(p, minutes))
}
