//! An unlocked profile, and who is using it: its person, or a carer acting under a consent.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::idle::IdleDeadline;
use super::lock::ProfileLock;
use super::meta::DATABASE_FILE;
use super::ProfileSummary;
use crate::cases::{CarerConsent, DatabaseKey, Store, MAX_ACTIVITY_WHO_CHARS};
use crate::error::{Error, Result};
use crate::model::WrittenBy;

/// Someone acting for the profile's person, under a consent recorded in the profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActingCarer {
    /// The consent they act under.
    #[ts(type = "number")]
    pub consent_id: i64,
    /// Their name, for example "Siân Jones".
    pub carer_name: String,
    /// How they are related, for example "daughter". May be empty.
    pub relationship: String,
}

/// An unlocked profile: its open, keyed [`Store`] and its key. Lock it with
/// [`OpenProfile::lock`] (or drop it): the database closes and the key is zeroed.
pub struct OpenProfile {
    // Fields drop in order: the database closes before the key is zeroed.
    pub(super) store: Store,
    pub(super) key: DatabaseKey,
    pub(super) id: String,
    pub(super) name: String,
    pub(super) folder: PathBuf,
    pub(super) idle_lock_minutes: u32,
    /// When the person last used the profile and how long it may sit unused; `None` until
    /// the first use is recorded ([`OpenProfile::used`]).
    pub(super) idle: Option<IdleDeadline>,
    pub(super) idle_limit_override: Option<chrono::Duration>,
    /// The carer acting for the person now, if any (chosen after unlocking).
    pub(super) acting: Option<ActingCarer>,
    // Last: released only after the database has closed (one writer per profile).
    pub(super) _lock: ProfileLock,
}

impl std::fmt::Debug for OpenProfile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenProfile")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl OpenProfile {
    /// The profile's id and name.
    pub fn summary(&self) -> ProfileSummary {
        ProfileSummary {
            id: self.id.clone(),
            name: self.name.clone(),
        }
    }

    /// The profile's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The profile's display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The profile's cases, activity log and carers' consents.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The profile's cases, activity log and carers' consents, for writing.
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Minutes without use before the app locks this profile.
    pub fn idle_lock_minutes(&self) -> u32 {
        self.idle_lock_minutes
    }

    /// The carer acting for the person now, if any.
    /// The person used the app at `now`: the idle deadline moves on. The first call starts it.
    pub fn used(&mut self, now: DateTime<Utc>) {
        let limit = self.idle_limit();
        match &mut self.idle {
            Some(idle) => idle.used(now),
            None => self.idle = Some(IdleDeadline::starting(now, limit)),
        }
    }

    /// Whether the profile has sat unused past its idle deadline at `now`: then nothing more
    /// may be done with it, and it must be locked. Not before its first use is recorded.
    pub fn idle_deadline_passed(&self, now: DateTime<Utc>) -> bool {
        self.idle.is_some_and(|idle| idle.has_passed(now))
    }

    /// Whether no use has been recorded yet (the idle deadline has not started).
    pub fn idle_limit_unstarted(&self) -> bool {
        self.idle.is_none()
    }

    /// Another idle time than the person's choice, for tests that cannot wait minutes.
    pub fn set_idle_limit(&mut self, limit: chrono::Duration) {
        self.idle_limit_override = Some(limit);
        if let Some(idle) = &mut self.idle {
            idle.set_limit(limit);
        }
    }

    pub(super) fn idle_limit(&self) -> chrono::Duration {
        self.idle_limit_override
            .unwrap_or_else(|| chrono::Duration::minutes(i64::from(self.idle_lock_minutes)))
    }

    pub fn acting_carer(&self) -> Option<&ActingCarer> {
        self.acting.as_ref()
    }

    /// Who is using the profile now: `consent_id` names the carer's consent, or `None` when it
    /// is the person themselves. The consent must cover `today`.
    pub fn act_for(
        &mut self,
        consent_id: Option<i64>,
        today: NaiveDate,
    ) -> Result<Option<ActingCarer>> {
        self.acting = match consent_id {
            None => None,
            Some(id) => {
                let consent = self.store.carer_consent(id)?;
                if !consent.active_consent(today) {
                    return Err(Error::InvalidInput(format!(
                        "{}'s consent does not cover today. {} can record a new consent.",
                        consent.details.carer_name, self.name
                    )));
                }
                Some(acting_from(&consent))
            }
        };
        Ok(self.acting.clone())
    }

    /// Ends a carer's consent on `last_day` (see [`Store::end_carer_consent`]). A carer acting
    /// under it stops acting when it no longer covers `today`.
    pub fn end_carer_consent(
        &mut self,
        id: i64,
        last_day: NaiveDate,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<CarerConsent> {
        self.require_owner()?;
        let ended = self.store.end_carer_consent(id, last_day, now)?;
        if self.acting.as_ref().is_some_and(|a| a.consent_id == id) && !ended.active_consent(today)
        {
            self.acting = None;
        }
        Ok(ended)
    }

    /// Refuses when a carer is acting: only the profile's own person may change who can act
    /// for them, their passphrase, or delete or copy the whole profile.
    pub fn require_owner(&self) -> Result<()> {
        match &self.acting {
            None => Ok(()),
            Some(carer) => Err(Error::InvalidInput(format!(
                "Only {} can do this. {} is helping at the moment: choose \u{201c}I am {}\u{201d} first.",
                self.name, carer.carer_name, self.name
            ))),
        }
    }

    /// Who is doing things now, for the activity log: the person, or the carer acting for them.
    pub fn who(&self) -> String {
        let who = match &self.acting {
            None => self.name.clone(),
            Some(carer) => format!("{} (helping {})", carer.carer_name, self.name),
        };
        who.chars().take(MAX_ACTIVITY_WHO_CHARS).collect()
    }

    /// The carer writing letters for the person now, if any.
    pub fn written_by(&self) -> Option<WrittenBy> {
        self.acting.as_ref().map(|carer| WrittenBy {
            carer_name: carer.carer_name.clone(),
            relationship: carer.relationship.clone(),
        })
    }

    /// A way to open a second connection to this profile's database, for a long write made
    /// beside the profile's own connection (a large file), so other commands go on meanwhile.
    pub(crate) fn beside(&self) -> Beside {
        Beside {
            database: self.folder.join(DATABASE_FILE),
            key: self.key.clone(),
        }
    }

    /// Whether `key` is this profile's database key.
    pub(crate) fn holds_key(&self, key: &DatabaseKey) -> bool {
        self.key.as_bytes() == key.as_bytes()
    }

    /// Closes the database and zeroes the key.
    pub fn lock(self) {
        drop(self);
    }

    /// Where the profile's database file is (for tests that read its raw bytes).
    #[doc(hidden)]
    pub fn database_path(&self) -> PathBuf {
        self.folder.join(DATABASE_FILE)
    }

    /// The raw database key as hex, so tests can read the database with an independent
    /// SQLCipher. Never call this in the app.
    #[doc(hidden)]
    #[cfg(any(test, feature = "test-support"))]
    pub fn raw_key_hex_for_tests(&self) -> String {
        self.key.raw_key_hex_for_tests()
    }
}

pub(super) fn acting_from(consent: &CarerConsent) -> ActingCarer {
    ActingCarer {
        consent_id: consent.id,
        carer_name: consent.details.carer_name.clone(),
        relationship: consent.details.relationship.clone(),
    }
}

/// An open profile's database and key (zeroed when dropped), for a connection of its own.
pub(crate) struct Beside {
    database: PathBuf,
    key: DatabaseKey,
}

impl Beside {
    /// The second connection (see [`Store::open_beside`]). The database is in WAL mode, so the
    /// profile's own connection reads on while this one writes; a write there waits its turn.
    pub(crate) fn open(&self) -> Result<Store> {
        Store::open_beside(&self.database, &self.key)
    }
}
