//! The journey's eight steps (screens), named the same in content files, the UI and stored
//! problems.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// The app's eight screens, in the order a person meets them. Items list the screens they belong
/// on in `steps`, so [`crate::content::Content::for_step`] can give each screen its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    Situation,
    IsItRight,
    ChooseRoute,
    Ask,
    Records,
    Prepare,
    AfterAppointment,
    DecideAndTell,
}

impl Step {
    /// Every step, in the order of the screens.
    pub const ALL: [Step; 8] = [
        Step::Situation,
        Step::IsItRight,
        Step::ChooseRoute,
        Step::Ask,
        Step::Records,
        Step::Prepare,
        Step::AfterAppointment,
        Step::DecideAndTell,
    ];

    /// The stable word used in content files and by the UI, for example `"records"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Situation => "situation",
            Step::IsItRight => "is-it-right",
            Step::ChooseRoute => "choose-route",
            Step::Ask => "ask",
            Step::Records => "records",
            Step::Prepare => "prepare",
            Step::AfterAppointment => "after-appointment",
            Step::DecideAndTell => "decide-and-tell",
        }
    }

    /// Parses the stable word from [`Step::as_str`].
    pub fn parse(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|step| step.as_str() == s)
    }
}

impl std::str::FromStr for Step {
    type Err = Error;

    fn from_str(s: &str) -> Result<Step> {
        Step::parse(s).ok_or_else(|| Error::Content(format!("no journey step '{s}'")))
    }
}
