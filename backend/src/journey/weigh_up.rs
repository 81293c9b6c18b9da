//! The weigh-up: the person's own side-by-side look at their options, on "Is it right for me?"
//! (whether to ask for a second opinion) and again on "Decide and tell" (what to do now).
//!
//! The app never scores the options or says which is best: the person writes what matters to
//! them, how much, and the reasons for and against each option; "which way I lean" is their own
//! summary in their own words. Who decides is asked too, and when a carer is involved, the
//! patient's view and the carer's view are kept apart, each under its own name, so a shared
//! decision on a shared computer never becomes the carer's alone.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ForWhom, Journey, Readiness};
use crate::content::DoubtHelp;

/// How much something matters to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum HowMuch {
    NotAtAll,
    ALittle,
    ALot,
    /// A choice from a newer version of the app that this one does not know: shown as
    /// unanswered, and saved back as it was stored (see `journey::stored`).
    #[serde(other)]
    NotKnown,
}

/// One thing that matters to the person: an offered starter (its content id) or their own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Matter {
    /// The content starter's id, or `None` for the person's own.
    pub starter: Option<String>,
    pub text: String,
    pub how_much: Option<HowMuch>,
}

/// The reasons for and against one option, in the person's own words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ForAndAgainst {
    pub for_it: String,
    pub against_it: String,
}

/// An option the person adds themselves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct OwnOption {
    pub name: String,
    pub for_it: String,
    pub against_it: String,
}

/// Who makes the decision, in one person's view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Decider {
    /// "I decide."
    Me,
    /// "I decide with …" (named in [`DeciderView::who`]).
    MeWith,
    /// "Someone else decides" (named in [`DeciderView::who`]).
    SomeoneElse,
    /// A choice from a newer version of the app that this one does not know: shown as
    /// unanswered, and saved back as it was stored (see `journey::stored`).
    #[serde(other)]
    NotKnown,
}

/// One person's view: who decides, and which way they lean, in their own words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DeciderView {
    pub decider: Option<Decider>,
    /// With whom ("I decide with …") or who ("Someone else decides"), as typed.
    pub who: String,
    /// Which way they lean, as their own summary.
    pub lean: String,
}

/// A weigh-up, as the person filled it in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct WeighUp {
    pub matters: Vec<Matter>,
    /// Staying with the current plan: always an option.
    pub stay: ForAndAgainst,
    /// Asking for a second opinion (the weigh-up on "Is it right for me?").
    pub ask: ForAndAgainst,
    /// What the first doctor recommends (the weigh-up on "Decide and tell").
    pub first_doctor: ForAndAgainst,
    /// What the second doctor recommends (the weigh-up on "Decide and tell").
    pub second_doctor: ForAndAgainst,
    pub own_options: Vec<OwnOption>,
    /// The patient's own view.
    pub patient: DeciderView,
    /// The carer's view, kept apart from the patient's; asked only when a carer is involved.
    pub carer: DeciderView,
}

/// Which weigh-up: before asking (step 2) or when deciding (step 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum WeighUpAt {
    IsItRight,
    Decide,
}

/// The fixed options, by the field of [`WeighUp`] that holds the person's reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OptionKey {
    Stay,
    Ask,
    FirstDoctor,
    SecondDoctor,
}

impl OptionKey {
    /// The person's reasons for and against this option.
    pub fn of(self, w: &WeighUp) -> &ForAndAgainst {
        match self {
            OptionKey::Stay => &w.stay,
            OptionKey::Ask => &w.ask,
            OptionKey::FirstDoctor => &w.first_doctor,
            OptionKey::SecondDoctor => &w.second_doctor,
        }
    }
}

/// One of the fixed options, as the weigh-up shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WeighOption {
    pub key: OptionKey,
    pub title: String,
    /// The plan or recommendation as the person wrote it earlier (empty when not written).
    pub as_written: String,
}

/// What the weigh-up screen and page show besides the person's answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WeighUpView {
    pub at: WeighUpAt,
    /// The fixed options in order (staying with the current plan always among them); the
    /// person's own options follow.
    pub options: Vec<WeighOption>,
    /// What the person said matters a lot, in their words, in their order.
    pub matters_a_lot: Vec<String>,
    /// Whether a carer is involved: then the carer's view is asked for separately.
    pub carer_present: bool,
    /// "Your view" for the patient, named when the carer is the one using the app.
    pub patient_label: String,
    /// The carer's heading, by name when known.
    pub carer_label: String,
}

/// What can help next, from the readiness answers that were No: more information when the
/// person does not feel they know enough; support when they have nobody to think it through
/// with; time when they are not clear what matters or do not feel ready. An unanswered
/// question shows nothing: only a No is doubt.
pub fn doubt_help(r: &Readiness) -> Vec<DoubtHelp> {
    let no = |a: Option<bool>| a == Some(false);
    let mut out = Vec::new();
    if no(r.know_enough) {
        out.push(DoubtHelp::Information);
    }
    if no(r.have_support) {
        out.push(DoubtHelp::Support);
    }
    if no(r.clear_what_matters) || no(r.feel_sure) {
        out.push(DoubtHelp::Time);
    }
    out
}

impl Journey {
    /// The weigh-up kept for `at`.
    pub fn weigh_up(&self, at: WeighUpAt) -> &WeighUp {
        match at {
            WeighUpAt::IsItRight => &self.weigh_up_before,
            WeighUpAt::Decide => &self.weigh_up_after,
        }
    }

    /// Whether a carer is involved in this case: the case is for someone the user helps, or a
    /// carer is named on it.
    pub fn carer_involved(&self) -> bool {
        self.for_whom == Some(ForWhom::SomeoneIHelp) || !self.carer_name.trim().is_empty()
    }
}

/// The options and labels for the weigh-up at `at`. `acting_carer` names the carer using the
/// app under a consent, if one is: a carer is then present whatever the journey says.
pub fn weigh_up_view(journey: &Journey, at: WeighUpAt, acting_carer: Option<&str>) -> WeighUpView {
    let stay = WeighOption {
        key: OptionKey::Stay,
        title: "Staying with the current plan".into(),
        as_written: journey.treatment_proposed.trim().to_owned(),
    };
    let options = match at {
        WeighUpAt::IsItRight => vec![
            WeighOption {
                key: OptionKey::Ask,
                title: "Asking for a second opinion".into(),
                as_written: String::new(),
            },
            stay,
        ],
        WeighUpAt::Decide => vec![
            stay,
            WeighOption {
                key: OptionKey::FirstDoctor,
                title: "What the first doctor recommends".into(),
                as_written: journey.first_opinion.recommendation.trim().to_owned(),
            },
            WeighOption {
                key: OptionKey::SecondDoctor,
                title: "What the second doctor recommends".into(),
                as_written: journey.second_opinion.recommendation.trim().to_owned(),
            },
        ],
    };
    let w = journey.weigh_up(at);
    let matters_a_lot = w
        .matters
        .iter()
        .filter(|m| m.how_much == Some(HowMuch::ALot) && !m.text.trim().is_empty())
        .map(|m| m.text.trim().to_owned())
        .collect();
    let acting = acting_carer.map(str::trim).filter(|n| !n.is_empty());
    let named = acting.or(Some(journey.carer_name.trim()).filter(|n| !n.is_empty()));
    WeighUpView {
        at,
        options,
        matters_a_lot,
        carer_present: acting.is_some() || journey.carer_involved(),
        patient_label: if acting.is_some() {
            "The patient's own view".into()
        } else {
            "Your own view".into()
        },
        carer_label: named.map_or("The carer's view".into(), |n| format!("{n}'s view")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yes_no(k: Option<bool>, c: Option<bool>, s: Option<bool>, f: Option<bool>) -> Readiness {
        Readiness {
            know_enough: k,
            clear_what_matters: c,
            have_support: s,
            feel_sure: f,
        }
    }

    #[test]
    fn staying_with_the_current_plan_is_always_an_option() {
        let mut j = Journey {
            treatment_proposed: " Keyhole surgery ".into(),
            ..Default::default()
        };
        j.first_opinion.recommendation = "Surgery in January".into();
        let before = weigh_up_view(&j, WeighUpAt::IsItRight, None);
        let keys: Vec<OptionKey> = before.options.iter().map(|o| o.key).collect();
        assert_eq!(keys, vec![OptionKey::Ask, OptionKey::Stay]);
        assert_eq!(before.options[1].as_written, "Keyhole surgery");
        let after = weigh_up_view(&j, WeighUpAt::Decide, None);
        let keys: Vec<OptionKey> = after.options.iter().map(|o| o.key).collect();
        assert_eq!(
            keys,
            vec![
                OptionKey::Stay,
                OptionKey::FirstDoctor,
                OptionKey::SecondDoctor
            ]
        );
        // Each doctor's recommendation as the person wrote it, even when not written yet.
        assert_eq!(after.options[1].as_written, "Surgery in January");
        assert_eq!(after.options[2].as_written, "");
    }

    #[test]
    fn what_matters_a_lot_is_listed_in_the_persons_words_and_order_never_scored() {
        let mut j = Journey::default();
        j.weigh_up_after.matters = vec![
            Matter {
                starter: Some("matters-soon".into()),
                text: "Starting treatment soon".into(),
                how_much: Some(HowMuch::ALot),
            },
            Matter {
                text: "Cost".into(),
                how_much: Some(HowMuch::ALittle),
                ..Default::default()
            },
            Matter {
                text: "Keeping my team".into(),
                how_much: Some(HowMuch::ALot),
                ..Default::default()
            },
            Matter {
                text: "  ".into(),
                how_much: Some(HowMuch::ALot),
                ..Default::default()
            },
        ];
        let v = weigh_up_view(&j, WeighUpAt::Decide, None);
        assert_eq!(
            v.matters_a_lot,
            vec!["Starting treatment soon", "Keeping my team"]
        );
        assert!(weigh_up_view(&j, WeighUpAt::IsItRight, None)
            .matters_a_lot
            .is_empty());
    }

    #[test]
    fn a_carer_is_present_when_the_case_is_for_someone_helped_or_a_carer_is_acting() {
        let mut j = Journey::default();
        let v = weigh_up_view(&j, WeighUpAt::Decide, None);
        assert!(!v.carer_present);
        assert_eq!(v.patient_label, "Your own view");
        j.for_whom = Some(ForWhom::SomeoneIHelp);
        let v = weigh_up_view(&j, WeighUpAt::Decide, None);
        assert!(v.carer_present);
        assert_eq!(v.carer_label, "The carer's view");
        j.for_whom = Some(ForWhom::Me);
        j.carer_name = "Siân Jones".into();
        let v = weigh_up_view(&j, WeighUpAt::Decide, None);
        assert!(v.carer_present);
        assert_eq!(v.carer_label, "Siân Jones's view");
        // The carer using the app is named, and the patient's view is called the patient's.
        let v = weigh_up_view(&Journey::default(), WeighUpAt::Decide, Some("Ola"));
        assert!(v.carer_present);
        assert_eq!(v.carer_label, "Ola's view");
        assert_eq!(v.patient_label, "The patient's own view");
    }

    #[test]
    fn doubt_shows_what_can_help_next_and_only_a_no_is_doubt() {
        assert!(doubt_help(&Readiness::default()).is_empty());
        let all_yes = Some(true);
        assert!(doubt_help(&yes_no(all_yes, all_yes, all_yes, all_yes)).is_empty());
        assert_eq!(
            doubt_help(&yes_no(Some(false), None, None, None)),
            vec![DoubtHelp::Information]
        );
        assert_eq!(
            doubt_help(&yes_no(None, None, Some(false), None)),
            vec![DoubtHelp::Support]
        );
        assert_eq!(
            doubt_help(&yes_no(None, Some(false), None, Some(false))),
            vec![DoubtHelp::Time]
        );
        assert_eq!(
            doubt_help(&yes_no(Some(false), Some(false), Some(false), Some(false))),
            vec![DoubtHelp::Information, DoubtHelp::Support, DoubtHelp::Time]
        );
    }

    #[test]
    fn an_old_record_without_a_weigh_up_opens_with_an_empty_one() {
        let j: Journey =
            serde_json::from_str(r#"{"decision":"Wait","what_matters_most":"Being sure"}"#)
                .expect("loads");
        assert_eq!(j.weigh_up_before, WeighUp::default());
        assert_eq!(j.weigh_up_after, WeighUp::default());
        assert_eq!(j.decide_by, None);
        assert_eq!(j.what_matters_most, "Being sure");
    }
}
