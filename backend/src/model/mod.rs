//! The plain domain types every other module shares: the case and its nation, the journey's
//! steps, the NHS number, and the per-field checks ([`FieldProblem`]). No storage, no content,
//! no documents: only data and the rules that belong to the data itself.

mod case;
mod field;
mod nhs_number;
mod step;
mod written_by;

pub use case::{
    Case, CaseAsTyped, CaseDetails, CaseId, CaseSummary, Nation, EARLIEST_BIRTH, MAX_ADDRESS_CHARS,
    MAX_LINE_CHARS, MAX_NHS_NUMBER_CHARS, MAX_TEXT_CHARS,
};
pub(crate) use field::strings as field_strings;
pub(crate) use field::{mark_unkeepable, set_at, usable, value_at};
pub use field::{FieldProblem, MAX_DRAFT_CHARS};
pub use nhs_number::{check_digit, nhs_number_for_print, parse_nhs_number, NHS_NUMBER_MESSAGE};
pub use step::Step;
pub use written_by::WrittenBy;
