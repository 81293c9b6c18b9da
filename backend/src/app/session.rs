//! The session: the profiles folder and the one profile that is open, if any, shared by every
//! command.
//!
//! Invariants: case data is reachable only through the open profile; when locked there is no
//! store at all, so every case command fails with `locked`. The lock is held for one command's
//! work at a time, never while a dialog waits for the person.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, Utc};

use super::backup::DailyBackup;
pub use super::now::Now;
use crate::cases::{DatabaseKey, Store};
use crate::documents::PageDrawer;
use crate::error::{Error, Result};
use crate::profiles::{KdfParams, OpenProfile, Profiles};

/// The app's state between commands: where its profiles are, and the one that is open.
#[derive(Debug)]
pub struct Session {
    profiles: Profiles,
    preferences_file: PathBuf,
    /// The Argon2id costs new profiles and new seals are made with.
    kdf: KdfParams,
    /// The profile that is open, or `None` when locked.
    open: Mutex<Option<OpenProfile>>,
    /// The open profile's daily backup, while it is being made. Always taken after `open`.
    backup: DailyBackup,
    /// Set when the last lock was because nobody used the app, until the picker has said so
    /// (the window is a new page after every lock, so it cannot remember).
    locked_because_idle: AtomicBool,
    /// Another idle time than each person's choice (tests that cannot wait minutes).
    idle_limit: Mutex<Option<chrono::Duration>>,
    /// How a kept PDF's pages are drawn for the window: apart, in the app (see
    /// [`Session::drawing_pages`]).
    page_drawer: PageDrawer,
}

impl Session {
    /// A session over the app's data folder `data_dir` (the OS's app-data folder, or a test's
    /// own), with no profile open. The profiles are in `profiles/`; the display settings, which
    /// are not health data and are read before a profile is open, in `preferences.json`.
    pub fn at(data_dir: &Path) -> Session {
        Session {
            profiles: Profiles::at(data_dir.join("profiles")),
            preferences_file: data_dir.join("preferences.json"),
            kdf: KdfParams::RECOMMENDED,
            open: Mutex::new(None),
            backup: DailyBackup::default(),
            locked_because_idle: AtomicBool::new(false),
            idle_limit: Mutex::new(None),
            page_drawer: PageDrawer::InThisProcess,
        }
    }

    /// This session draws a kept PDF's pages with `drawer`. The app's shell gives a child
    /// process ([`PageDrawer::Apart`]), so a hostile PDF can take no more than the child's
    /// memory and time (`printing::apart`), or none at all when it cannot find its own
    /// program; tests of the commands draw in their own process.
    pub fn drawing_pages(self, drawer: PageDrawer) -> Session {
        Session {
            page_drawer: drawer,
            ..self
        }
    }

    /// How this session draws a kept PDF's pages.
    pub(crate) fn page_drawer(&self) -> &PageDrawer {
        &self.page_drawer
    }

    /// A session like [`Session::at`] whose new profiles use the tiny test key settings, so
    /// tests of the commands run in milliseconds. Not in the app's builds.
    /// Its clock is the tests' own, jumping by days, so profiles never lock themselves unless
    /// a test sets an idle time ([`Session::set_idle_limit`]).
    #[cfg(any(test, feature = "test-support"))]
    pub fn for_tests(data_dir: &Path) -> Session {
        let session = Session {
            kdf: KdfParams::INSECURE_FOR_TESTS,
            ..Session::at(data_dir)
        };
        session.set_idle_limit(chrono::Duration::days(365 * 100));
        session
    }

    /// The Argon2id costs for a new profile.
    pub(crate) fn kdf(&self) -> KdfParams {
        self.kdf
    }

    /// The file of app-wide display settings.
    pub(crate) fn preferences_file(&self) -> &Path {
        &self.preferences_file
    }

    /// The folder of profiles.
    pub fn profiles(&self) -> &Profiles {
        &self.profiles
    }

    fn guard(&self) -> MutexGuard<'_, Option<OpenProfile>> {
        // A command that panicked leaves the profile as its last finished write left it: the
        // next command may go on with it.
        self.open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` with the open profile; [`Error::Locked`] when no profile is open.
    pub(crate) fn with_profile<T>(
        &self,
        f: impl FnOnce(&mut OpenProfile) -> Result<T>,
    ) -> Result<T> {
        match self.guard().as_mut() {
            Some(profile) => f(profile),
            None => Err(Error::Locked),
        }
    }

    /// Runs `f` with the open profile once its own person is using it (not a carer acting for
    /// them); [`Error::Locked`] when none is open.
    pub(crate) fn with_owner<T>(&self, f: impl FnOnce(&mut OpenProfile) -> Result<T>) -> Result<T> {
        self.with_profile(|p| {
            p.require_owner()?;
            f(p)
        })
    }

    /// Checks `passphrase` is the open profile's, with its own person using it, before an
    /// action that someone passing an unlocked window must not take (a new recovery code, an
    /// export, deleting, changing consents, taking over from a carer). A wrong or empty one is
    /// [`Error::WrongPassphrase`]. The key is derived with the profile not held, so other
    /// commands go on meanwhile; [`Session::with_confirmed`] then acts only on that profile.
    pub(crate) fn confirm_owner(&self, passphrase: &str) -> Result<Confirmed> {
        let id = self.with_owner(|p| Ok(p.id().to_owned()))?;
        self.confirm(id, passphrase)
    }

    /// Like [`Session::confirm_owner`], whoever is using the profile.
    pub(crate) fn confirm_person(&self, passphrase: &str) -> Result<Confirmed> {
        let id = self.with_profile(|p| Ok(p.id().to_owned()))?;
        self.confirm(id, passphrase)
    }

    fn confirm(&self, id: String, passphrase: &str) -> Result<Confirmed> {
        let key = self.profiles.passphrase_key(&id, passphrase)?;
        Ok(Confirmed { id, key })
    }

    /// Runs `f` with the open profile once its own person is using it and it is the profile
    /// `confirmed` was given for.
    pub(crate) fn with_confirmed<T>(
        &self,
        confirmed: &Confirmed,
        f: impl FnOnce(&mut OpenProfile) -> Result<T>,
    ) -> Result<T> {
        self.with_owner(|p| {
            confirmed.check(p)?;
            f(p)
        })
    }

    /// Runs `f` with the open profile's store; [`Error::Locked`] when no profile is open. Once
    /// a day while in use, an encrypted backup is started first, made beside the call rather
    /// than before it (see `backup.rs`).
    pub(crate) fn with_store<T>(
        &self,
        now: &Now,
        f: impl FnOnce(&mut Store) -> Result<T>,
    ) -> Result<T> {
        if self.lock_if_idle(now.utc()) {
            return Err(Error::Locked);
        }
        self.with_profile(|p| {
            self.backup.start_if_due(p, now);
            f(p.store_mut())
        })
    }

    /// The person is using the app at `now` (the window saw a key, a click or a movement):
    /// the open profile's idle deadline moves on. [`Error::Locked`] if it had already passed.
    pub fn used(&self, now: DateTime<Utc>) -> Result<()> {
        if self.lock_if_idle(now) {
            return Err(Error::Locked);
        }
        self.with_profile(|p| {
            p.used(now);
            Ok(())
        })
    }

    /// Locks the open profile if it has sat unused past its idle deadline at `now`, whatever
    /// the window does; `true` if it did. The shell also calls this every few seconds, so a
    /// frozen or hidden window cannot keep a profile open.
    pub fn lock_if_idle(&self, now: DateTime<Utc>) -> bool {
        let mut guard = self.guard();
        let Some(profile) = guard.as_mut() else {
            return false;
        };
        if !profile.idle_deadline_passed(now) {
            // A profile just opened: its deadline starts now.
            if profile.idle_limit_unstarted() {
                profile.used(now);
            }
            return false;
        }
        if let Some(profile) = guard.take() {
            self.backup.stop();
            profile.lock();
        }
        self.locked_because_idle.store(true, Ordering::SeqCst);
        true
    }

    /// Locks because nobody used the app for the chosen time (the window's own timer).
    pub fn lock_unused(&self) {
        let was_open = self.is_open();
        self.lock();
        if was_open {
            self.locked_because_idle.store(true, Ordering::SeqCst);
        }
    }

    /// Whether the last lock was because nobody used the app; `true` only once.
    pub fn take_idle_notice(&self) -> bool {
        self.locked_because_idle.swap(false, Ordering::SeqCst)
    }

    /// The open profile, and every profile opened from now on, locks after `limit` without
    /// use, whatever its person chose (tests that cannot wait minutes).
    pub fn set_idle_limit(&self, limit: chrono::Duration) {
        *self
            .idle_limit
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(limit);
        if let Some(profile) = self.guard().as_mut() {
            profile.set_idle_limit(limit);
        }
    }

    /// Adds `what` to the open profile's activity log, by whoever is using it now.
    pub(crate) fn record(&self, now: &Now, what: &str) -> Result<()> {
        self.with_profile(|p| record(p, now, what))
    }

    /// Makes `profile` the open one, locking any other first.
    pub(crate) fn open(&self, mut profile: OpenProfile) {
        self.locked_because_idle.store(false, Ordering::SeqCst);
        // Files removed and not brought back last time are deleted for good.
        if let Err(error) = profile.store_mut().purge_removed_attachments() {
            tracing::warn!(code = error.code(), "removed files could not be deleted");
        }
        let limit = *self
            .idle_limit
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(limit) = limit {
            profile.set_idle_limit(limit);
        }
        let mut guard = self.guard();
        if let Some(previous) = guard.take() {
            self.backup.stop();
            previous.lock();
        }
        *guard = Some(profile);
    }

    /// Locks the open profile if `check` passes on it, and gives it back (to delete its files).
    /// [`Error::Locked`] when none is open; `check`'s error leaves it open.
    pub(crate) fn close_if(
        &self,
        check: impl FnOnce(&OpenProfile) -> Result<()>,
    ) -> Result<OpenProfile> {
        let mut guard = self.guard();
        let Some(profile) = guard.as_ref() else {
            return Err(Error::Locked);
        };
        check(profile)?;
        self.backup.stop();
        guard.take().ok_or(Error::Locked)
    }

    /// Locks: the open profile's store closes and its key is zeroed.
    pub fn lock(&self) {
        let mut guard = self.guard();
        if let Some(profile) = guard.take() {
            self.backup.stop();
            profile.lock();
        }
    }

    /// Waits until the daily backup being made, if any, is finished (for tests and
    /// measurements: the app never waits for it).
    pub fn wait_for_backup(&self) {
        self.backup.wait();
    }

    /// Whether a profile is open.
    pub fn is_open(&self) -> bool {
        self.guard().is_some()
    }
}

/// The daily backup, if due, made before the profile opens (it is not open yet, so no other
/// command waits for it). A failure is logged (its code only) and never stops the opening.
pub(crate) fn back_up_if_due(profile: &OpenProfile, now: &Now) {
    if let Err(error) = profile.back_up_if_due(now.utc()) {
        tracing::warn!(code = error.code(), "the daily backup could not be made");
    }
}

/// A passphrase checked against a profile ([`Session::confirm_owner`]).
pub(crate) struct Confirmed {
    id: String,
    key: DatabaseKey,
}

impl Confirmed {
    /// Refuses a profile other than the one the passphrase was checked against (another may
    /// have been opened meanwhile).
    pub(crate) fn check(&self, profile: &OpenProfile) -> Result<()> {
        if profile.id() == self.id && profile.holds_key(&self.key) {
            Ok(())
        } else {
            Err(Error::WrongPassphrase)
        }
    }
}

/// Adds `what` to `profile`'s activity log, by whoever is using it now.
pub(crate) fn record(profile: &mut OpenProfile, now: &Now, what: &str) -> Result<()> {
    let who = profile.who();
    profile
        .store_mut()
        .record_activity(now.utc(), &who, what)
        .map(drop)
}
