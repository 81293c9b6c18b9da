//! Documents: a letter, form or the prep pack made from the open case, saved where the person
//! chooses. The `documents` commands.

use super::session::{Now, Session};
use crate::cases::CaseId;
use crate::content::Content;
use crate::documents::pack::{self, DocumentKind};
use crate::documents::{DocumentOptions, LetterPreview, RenderedDocument, SavedDocument};
use crate::error::Result;

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
    let (case, journey, written_by) = session.with_profile(|p| {
        let s = p.store();
        Ok((s.case(case_id)?, s.journey(case_id)?, p.written_by()))
    })?;
    let options = DocumentOptions {
        written_by,
        ..options
    };
    let document = pack::document(
        kind,
        &case.details,
        &journey,
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
