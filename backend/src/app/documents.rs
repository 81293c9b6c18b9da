//! Documents: a letter, form or the prep pack made from the open case, saved where the person
//! chooses. The `documents` commands.

use super::session::{Now, Session};
use crate::calendar::{self, CalendarOptions};
use crate::cases::CaseId;
use crate::content::Content;
use crate::documents::pack::{self, DocumentKind};
use crate::documents::{
    DocumentOptions, HeldRecord, LetterPreview, RenderedDocument, SavedDocument,
};
use crate::error::{Error, Result};

/// Makes a document of `kind` from the case and its journey, dated today and signed by whoever
/// is using the profile, and saves it through `save` (which asks where; `None` when the person
/// cancelled). The activity log records it once saved.
pub fn write_document(
    session: &Session,
    now: &Now,
    case_id: CaseId,
    kind: DocumentKind,
    options: DocumentOptions,
    save: impl FnOnce(&RenderedDocument) -> Result<Option<SavedDocument>>,
) -> Result<Option<SavedDocument>> {
    let (case, journey, written_by, consent, files) = session.with_profile(|p| {
        let s = p.store();
        let files = s
            .attachments(case_id)?
            .into_iter()
            .map(|a| HeldRecord {
                title: a.title,
                dated: a.dated,
            })
            .collect::<Vec<_>>();
        let consent = match p.acting_carer() {
            Some(acting) => Some(pack::carer_authorisation_from_consent(
                &s.carer_consent(acting.consent_id)?.details,
            )),
            None => None,
        };
        let (case, journey) = (s.case(case_id)?, s.journey(case_id)?);
        Ok((case, journey, p.written_by(), consent, files))
    })?;
    let options = DocumentOptions {
        written_by,
        consent,
        ..options
    };
    let document = pack::document_with_files(
        kind,
        &case.details,
        &journey,
        &files,
        Content::embedded()?,
        now.today,
        &options,
    )?;
    save_and_record(session, now, &document, kind.activity(), save)
}

/// The words of the letter of `kind` as [`write_document`] would make it now, the person's own
/// words marked (see [`pack::letter_preview`]). Nothing is saved or logged.
pub fn letter_preview(
    session: &Session,
    now: &Now,
    case_id: CaseId,
    kind: DocumentKind,
) -> Result<LetterPreview> {
    let (case, journey, written_by) = session.with_profile(|p| {
        let s = p.store();
        Ok((s.case(case_id)?, s.journey(case_id)?, p.written_by()))
    })?;
    let options = DocumentOptions {
        written_by,
        ..DocumentOptions::default()
    };
    pack::letter_preview(
        kind,
        &case.details,
        &journey,
        Content::embedded()?,
        now.today,
        &options,
    )
}

/// Makes the calendar file of the case's reminders still to come (the appointment, "print
/// your pack", records due, decide by) and saves it through `save` (which asks where; `None`
/// when the person cancelled). Refused in plain words when nothing is still to come.
pub fn write_calendar(
    session: &Session,
    now: &Now,
    case_id: CaseId,
    options: CalendarOptions,
    save: impl FnOnce(&RenderedDocument) -> Result<Option<SavedDocument>>,
) -> Result<Option<SavedDocument>> {
    let journey = session.with_store(now, |s| s.journey(case_id))?;
    let file = calendar::calendar(&journey, now.today, now.utc(), &options).ok_or_else(|| {
        Error::InvalidInput(
            "There is nothing coming up to put in a calendar yet. Add the appointment's date \
             in step 6, the day your records were asked for in step 5, or a decide-by day in \
             step 8."
                .into(),
        )
    })?;
    let document = RenderedDocument {
        bytes: file.bytes,
        file_name: file.file_name,
    };
    save_and_record(session, now, &document, "Saved the calendar file", save)
}

/// Saves `document` through `save` (the profile is not held while the person chooses where),
/// then records `what` in the activity log, by whoever is using the profile.
pub(crate) fn save_and_record(
    session: &Session,
    now: &Now,
    document: &RenderedDocument,
    what: &str,
    save: impl FnOnce(&RenderedDocument) -> Result<Option<SavedDocument>>,
) -> Result<Option<SavedDocument>> {
    let Some(saved) = save(document)? else {
        return Ok(None);
    };
    session.record(now, what)?;
    Ok(Some(saved))
}
