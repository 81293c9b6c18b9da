//! The [`Store`] that keeps a profile's cases on disk, encrypted with a [`DatabaseKey`],
//! together with the journey's answers per case, the profile's activity log
//! ([`ActivityEntry`]), carers' consents ([`CarerConsent`]) and notes ([`Note`]).
//!
//! Invariant: every value the person typed is stored and returned exactly as typed (no trimming,
//! no escaping); limits are checked by [`CaseDetails::validate`] before anything is written.
//! The case's own types live in [`crate::model`] and are re-exported here.

mod activity;
mod attachment;
mod consent;
mod found_words;
mod key;
mod limits;
mod note;
mod store;

pub use activity::{ActivityEntry, MAX_ACTIVITY_WHAT_CHARS, MAX_ACTIVITY_WHO_CHARS};
pub use attachment::{
    judge, size_text, title_from_file_name, Attachment, AttachmentDetails, AttachmentId,
    AttachmentKind, Judged, MAX_FILE_BYTES, MAX_IMAGE_PIXELS, MAX_PROFILE_FILE_BYTES,
    MAX_TITLE_CHARS,
};
pub use consent::{CarerConsent, CarerConsentDetails, ConsentGiven, MAX_PURPOSES_CHARS};
pub use key::{DatabaseKey, DATABASE_KEY_LEN};
pub use limits::{field_limits, FieldLimit};
pub use note::{
    FoundNote, Note, NoteId, NotePage, NotePart, MAX_NOTE_CHARS, MAX_NOTE_SEARCH_CHARS, NOTES_PAGE,
};
pub(crate) use store::export_encrypted;
pub use store::{schema_version, NewAttachment, Store};

pub use crate::journey::JourneyAsStored;

pub use crate::model::{
    check_digit, nhs_number_for_print, parse_nhs_number, Case, CaseAsTyped, CaseDetails, CaseId,
    CaseSummary, FieldProblem, Nation, EARLIEST_BIRTH, MAX_ADDRESS_CHARS, MAX_DRAFT_CHARS,
    MAX_LINE_CHARS, MAX_NHS_NUMBER_CHARS, MAX_TEXT_CHARS, NHS_NUMBER_MESSAGE,
};
