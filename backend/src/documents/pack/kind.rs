//! Every document the journey prints, and what the activity log says when each is saved.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::journey::ChaseLetter;

/// Every document the journey prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    GpLetter,
    ConsultantLetter,
    CarerAuthorisation,
    RecordsRequest,
    PrepPack,
    DecisionLetter,
    DecisionSummary,
    /// The weigh-up on "Is it right for me?".
    WeighUpBefore,
    /// The weigh-up on "Decide and tell".
    WeighUpAfter,
    /// "Questions I would like to ask today", for the doctor.
    QuestionsSheet,
    /// The letters that keep things moving (see [`ChaseLetter`]).
    RecordsChase,
    FollowUpGp,
    FollowUpConsultant,
    Concern,
    OtherViewFirst,
    OtherViewSecond,
}

impl From<ChaseLetter> for DocumentKind {
    fn from(letter: ChaseLetter) -> DocumentKind {
        match letter {
            ChaseLetter::RecordsChase => DocumentKind::RecordsChase,
            ChaseLetter::FollowUpGp => DocumentKind::FollowUpGp,
            ChaseLetter::FollowUpConsultant => DocumentKind::FollowUpConsultant,
            ChaseLetter::Concern => DocumentKind::Concern,
            ChaseLetter::OtherViewFirst => DocumentKind::OtherViewFirst,
            ChaseLetter::OtherViewSecond => DocumentKind::OtherViewSecond,
        }
    }
}

impl DocumentKind {
    /// What the activity log says when it is saved (never health details).
    pub fn activity(self) -> &'static str {
        match self {
            DocumentKind::GpLetter => "Saved the GP letter",
            DocumentKind::ConsultantLetter => "Saved the letter to the consultant",
            DocumentKind::CarerAuthorisation => "Saved the consent form",
            DocumentKind::RecordsRequest => "Saved the records request",
            DocumentKind::PrepPack => "Saved the prep pack",
            DocumentKind::DecisionLetter => "Saved the decision letter",
            DocumentKind::DecisionSummary => "Saved the decision summary",
            DocumentKind::WeighUpBefore | DocumentKind::WeighUpAfter => "Saved the weigh-up",
            DocumentKind::QuestionsSheet => "Saved the questions sheet",
            DocumentKind::RecordsChase => "Saved the records reminder",
            DocumentKind::FollowUpGp | DocumentKind::FollowUpConsultant => {
                "Saved the follow-up letter"
            }
            DocumentKind::Concern => "Saved the letter asking for help",
            DocumentKind::OtherViewFirst | DocumentKind::OtherViewSecond => {
                "Saved the letter about the two opinions"
            }
        }
    }

    /// The chase letter this kind is, if it is one.
    pub fn chase(self) -> Option<ChaseLetter> {
        ChaseLetter::ALL
            .into_iter()
            .find(|l| DocumentKind::from(*l) == self)
    }
}
