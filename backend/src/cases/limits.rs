//! Every field's most characters, for the UI to show while the person types.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::journey::MAX_TEXT;
use crate::model::CaseDetails;
#[cfg(doc)]
use crate::model::FieldProblem;

/// The most characters one field takes. The UI shows it while the person types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldLimit {
    /// As in [`FieldProblem::field`]; `*` is the limit of every journey text not listed.
    pub field: String,
    pub max_chars: u32,
}

/// Every field's limit: the case's fields, then the journey's texts.
pub fn field_limits() -> Vec<FieldLimit> {
    let mut limits: Vec<FieldLimit> = CaseDetails::LIMITS
        .iter()
        .map(|(field, _, max)| FieldLimit {
            field: (*field).to_owned(),
            max_chars: u32::try_from(*max).unwrap_or(u32::MAX),
        })
        .collect();
    limits.push(FieldLimit {
        field: "*".into(),
        max_chars: u32::try_from(MAX_TEXT).unwrap_or(u32::MAX),
    });
    limits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_case_field_has_a_limit_and_journey_texts_share_one() {
        let limits = field_limits();
        assert!(limits
            .iter()
            .any(|l| l.field == "first_doctor_workplace" && l.max_chars == 200));
        assert!(limits
            .iter()
            .any(|l| l.field == "*" && l.max_chars == 20_000));
    }
}
