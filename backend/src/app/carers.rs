//! Carers: who may act for the profile's person, and who is acting now. The `carers` commands.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::documents::save_and_record;
use super::session::{record, Now, Session};
use crate::cases::{CarerConsent, CarerConsentDetails};
use crate::content::Content;
use crate::documents::pack;
use crate::documents::{self, DocumentOptions, RenderedDocument, SavedDocument};
use crate::error::{Error, Result};
use crate::profiles::ActingCarer;

/// Every consent recorded in a profile, each with where today falls in it, and today itself
/// (a new consent starts today unless the person says otherwise): the window decides neither.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConsentsToday {
    /// Today, as the app counts it.
    #[ts(type = "string")]
    pub today: NaiveDate,
    pub consents: Vec<ConsentToday>,
}

/// A recorded consent, and where today falls in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConsentToday {
    #[serde(flatten)]
    #[ts(flatten)]
    pub consent: CarerConsent,
    pub today: ConsentDay,
}

/// Where today falls in a consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ConsentDay {
    /// Its first day is still to come.
    StartsLater,
    /// It covers today: the carer may act now, and the person may end it.
    CoversToday,
    /// Its last day has passed.
    Ended,
}

impl ConsentDay {
    fn of(consent: &CarerConsent, today: NaiveDate) -> ConsentDay {
        if consent.active_consent(today) {
            ConsentDay::CoversToday
        } else if consent.details.from > today {
            ConsentDay::StartsLater
        } else {
            ConsentDay::Ended
        }
    }
}

/// Every consent recorded in the open profile, ended ones too, with where today falls in each.
pub fn carer_consents(session: &Session, now: &Now) -> Result<ConsentsToday> {
    let consents = session.with_store(now, |s| s.carer_consents())?;
    Ok(ConsentsToday {
        today: now.today,
        consents: consents
            .into_iter()
            .map(|consent| ConsentToday {
                today: ConsentDay::of(&consent, now.today),
                consent,
            })
            .collect(),
    })
}

/// The consents that cover today: the people who may act for the person now.
pub fn active_carer_consents(session: &Session, now: &Now) -> Result<Vec<CarerConsent>> {
    session.with_store(now, |s| s.active_carer_consents(now.today))
}

/// Records a carer's consent. The person only, with their passphrase typed again.
pub fn add_carer_consent(
    session: &Session,
    now: &Now,
    details: &CarerConsentDetails,
    passphrase: &str,
) -> Result<CarerConsent> {
    details.validate()?;
    let confirmed = session.confirm_owner(passphrase)?;
    session.with_confirmed(&confirmed, |p| {
        let consent = p.store_mut().add_carer_consent(details, now.utc())?;
        record(p, now, "Recorded a carer's consent")?;
        Ok(consent)
    })
}

/// Ends a consent today: today becomes its last day; the record is kept. The person only, with
/// their passphrase typed again.
pub fn end_carer_consent(
    session: &Session,
    now: &Now,
    id: i64,
    passphrase: &str,
) -> Result<CarerConsent> {
    let confirmed = session.confirm_owner(passphrase)?;
    session.with_confirmed(&confirmed, |p| {
        let ended = p.end_carer_consent(id, now.today, now.utc(), now.today)?;
        record(p, now, "Ended a carer's consent")?;
        Ok(ended)
    })
}

/// Says who is using the profile now: a carer under consent `consent_id` (which must cover
/// today), or the person themselves (`None`). Taking over from a carer who is helping needs
/// the person's passphrase (otherwise anyone passing could act as them, and be logged as
/// them); the switch itself is logged.
pub fn act_for(
    session: &Session,
    now: &Now,
    consent_id: Option<i64>,
    passphrase: Option<&str>,
) -> Result<Option<ActingCarer>> {
    let carer_helping = session.with_profile(|p| Ok(p.acting_carer().is_some()))?;
    let confirmed = match (consent_id, carer_helping) {
        (None, true) => Some(session.confirm_person(passphrase.unwrap_or_default())?),
        _ => None,
    };
    session.with_profile(|p| {
        let taking_over = consent_id.is_none() && p.acting_carer().is_some();
        match &confirmed {
            Some(confirmed) => confirmed.check(p)?,
            // A carer started helping since the passphrase was asked for.
            None if taking_over => return Err(Error::WrongPassphrase),
            None => {}
        }
        let acting = p.act_for(consent_id, now.today)?;
        let what = if acting.is_some() {
            "Started helping"
        } else if taking_over {
            "Took over from the carer who was helping"
        } else {
            "Using the profile themselves"
        };
        record(p, now, what)?;
        Ok(acting)
    })
}

/// The carer acting for the person now, if any.
pub fn acting_carer(session: &Session) -> Result<Option<ActingCarer>> {
    session.with_profile(|p| Ok(p.acting_carer().cloned()))
}

/// Makes the consent form for a recorded consent, for the person and their helper to sign,
/// and saves it through `save` (`None` when the person cancelled).
pub fn write_consent_form(
    session: &Session,
    now: &Now,
    consent_id: i64,
    options: &DocumentOptions,
    save: impl FnOnce(&RenderedDocument) -> Result<Option<SavedDocument>>,
) -> Result<Option<SavedDocument>> {
    let (patient, consent) = session.with_profile(|p| {
        let patient = pack::patient_for_forms(p.store(), p.name())?;
        Ok((patient, p.store().carer_consent(consent_id)?))
    })?;
    let document = documents::carer_authorisation(
        &patient,
        &pack::carer_authorisation_from_consent(&consent.details),
        Content::embedded()?,
        now.today,
        options,
    )?;
    save_and_record(
        session,
        now,
        &document,
        "Saved a carer's consent form",
        save,
    )
}
