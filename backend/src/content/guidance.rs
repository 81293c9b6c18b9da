//! Everything the journey shows for one nation, in one typed bundle for the UI.
//!
//! Invariant: nothing for another nation is ever in the bundle (PASS is never shown in England,
//! the right to choose never outside England).

use serde::Serialize;
use ts_rs::TS;

use super::{
    BringItem, Consideration, Content, Faq, FirstStep, JourneyStep, Notice, Organisation,
    PlanOption, Question, QuestionSet, QuestionTopic, ReadinessCheck, Reason, RecordsGuide, Right,
    Route, StepSources, UsualRecord, WayToAsk, WeighUpGuide,
};
use crate::model::Nation;

/// Said when content has no urgent line for a nation ([`Content::check_complete`] refuses such
/// content, so this is a last resort): right in every nation, as it names no nation's service.
pub const URGENT_LINE_FALLBACK: &str = "In an emergency call 999. For urgent help that is not an emergency, contact your GP practice or its out-of-hours service.";

/// A question topic with its questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TopicWithQuestions {
    pub topic: QuestionTopic,
    pub questions: Vec<Question>,
}

/// A route with the rights that apply to it in this nation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RouteWithRights {
    pub route: Route,
    pub rights: Vec<Right>,
}

/// The guidance for one nation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Guidance {
    pub nation: Nation,
    /// This nation's urgent line, for the banner on every screen of the case.
    pub urgent_line: String,
    /// What the patient's health number is called here ("CHI number" in Scotland), for the
    /// form's label.
    pub number_label: String,
    /// Safety notices, emergency first.
    pub notices: Vec<Notice>,
    pub reasons: Vec<Reason>,
    pub first_steps: Vec<FirstStep>,
    pub benefits: Vec<Consideration>,
    pub drawbacks: Vec<Consideration>,
    /// Options to weigh beside asking (staying with the current plan), each with its own
    /// possible benefits and drawbacks.
    pub options: Vec<PlanOption>,
    /// The four readiness questions, shown before and after.
    pub readiness: Option<ReadinessCheck>,
    /// The weigh-up's words, on "Is it right for me?" and "Decide and tell".
    pub weigh_up: Option<WeighUpGuide>,
    pub routes: Vec<RouteWithRights>,
    pub rights: Vec<Right>,
    pub journey: Vec<JourneyStep>,
    pub ways_to_ask: Vec<WayToAsk>,
    pub question_topics: Vec<TopicWithQuestions>,
    /// One-tap starter sets of the bank's questions.
    pub question_sets: Vec<QuestionSet>,
    pub what_to_bring: Vec<BringItem>,
    pub records_guides: Vec<RecordsGuide>,
    /// The records most people need, for the records checklist.
    pub usual_records: Vec<UsualRecord>,
    pub faqs: Vec<Faq>,
    /// Where to turn when stuck: this nation's own service first.
    pub help: Vec<Organisation>,
    /// Where each step's guidance comes from and when it was reviewed, in step order.
    pub step_sources: Vec<StepSources>,
}

impl Content {
    /// Everything the journey shows for `nation`.
    pub fn guidance(&self, nation: Nation) -> Guidance {
        fn owned<T: Clone>(items: Vec<&T>) -> Vec<T> {
            items.into_iter().cloned().collect()
        }
        Guidance {
            nation,
            urgent_line: self
                .urgent_line(nation)
                .ok()
                .and_then(|n| n.line.clone())
                .unwrap_or_else(|| URGENT_LINE_FALLBACK.to_owned()),
            number_label: nation.number_label().to_owned(),
            notices: owned(self.notices(nation)),
            reasons: owned(self.reasons(nation)),
            first_steps: owned(self.first_steps(nation)),
            benefits: owned(self.benefits(nation)),
            drawbacks: owned(self.drawbacks(nation)),
            options: owned(self.options(nation)),
            readiness: self
                .readiness_check()
                .ok()
                .filter(|r| r.meta.applies_to(nation))
                .cloned(),
            weigh_up: self
                .weigh_up_guide()
                .ok()
                .filter(|w| w.meta.applies_to(nation))
                .cloned(),
            routes: self
                .routes(nation)
                .into_iter()
                .map(|route| RouteWithRights {
                    rights: owned(self.rights_for(route, nation)),
                    route: route.clone(),
                })
                .collect(),
            rights: owned(self.rights(nation)),
            journey: owned(self.journey(nation)),
            ways_to_ask: owned(self.ways_to_ask(nation)),
            question_topics: self
                .question_topics(nation)
                .into_iter()
                .map(|topic| TopicWithQuestions {
                    questions: owned(self.questions(&topic.meta.id, nation)),
                    topic: topic.clone(),
                })
                .collect(),
            question_sets: owned(self.question_sets(nation)),
            what_to_bring: owned(self.what_to_bring(nation)),
            records_guides: owned(self.records_guides(nation)),
            usual_records: owned(self.usual_records(nation)),
            faqs: owned(self.faqs(nation)),
            help: owned(self.help(nation)),
            step_sources: self.steps_sources(nation),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guidance(nation: Nation) -> Guidance {
        Content::embedded().expect("content").guidance(nation)
    }

    fn help_titles(g: &Guidance) -> String {
        g.help
            .iter()
            .map(|o| o.meta.title.clone())
            .collect::<Vec<_>>()
            .join(" | ")
    }

    #[test]
    fn the_number_is_named_as_each_nation_names_it() {
        for (nation, label) in [
            (Nation::England, "NHS number"),
            (Nation::Wales, "NHS number"),
            (Nation::Scotland, "CHI number"),
            (Nation::NorthernIreland, "H&C number"),
        ] {
            assert_eq!(guidance(nation).number_label, label, "{nation:?}");
        }
    }

    #[test]
    fn scotland_shows_pass_and_not_pals() {
        let g = guidance(Nation::Scotland);
        let titles = help_titles(&g);
        assert!(
            titles.contains("PASS") || titles.contains("Patient Advice and Support Service"),
            "{titles}"
        );
        assert!(
            !titles.contains("PALS") && !titles.contains("Patient Advice and Liaison"),
            "{titles}"
        );
    }

    #[test]
    fn each_nation_has_its_own_help_first() {
        for (nation, word) in [
            (Nation::England, "Patient Advice and Liaison"),
            (Nation::Scotland, "Patient Advice and Support"),
            (Nation::Wales, "Llais"),
            (Nation::NorthernIreland, "Patient and Client Council"),
        ] {
            let g = guidance(nation);
            let first = &g.help.first().expect("some help").meta.title;
            assert!(
                first.contains(word) || help_titles(&g).starts_with(word),
                "{nation:?}: {first}"
            );
            assert!(g.help.iter().all(|o| o.meta.applies_to(nation)));
        }
    }

    #[test]
    fn each_nation_shows_only_its_own_rights() {
        let england = guidance(Nation::England);
        assert!(england
            .rights
            .iter()
            .all(|r| r.meta.nations == [Nation::England]));
        assert!(england
            .rights
            .iter()
            .any(|r| r.meta.id == "right-to-choose"));
        for (nation, id) in [
            (Nation::Scotland, "right-scotland-second-opinion"),
            (Nation::Wales, "right-wales-urgent-help"),
            (
                Nation::NorthernIreland,
                "right-northern-ireland-out-of-hours",
            ),
        ] {
            let g = guidance(nation);
            let ids: Vec<&str> = g.rights.iter().map(|r| r.meta.id.as_str()).collect();
            assert_eq!(
                ids,
                [id],
                "{nation:?} shows its own rights and no other nation's"
            );
            for route in &g.routes {
                assert!(route.rights.iter().all(|r| r.meta.applies_to(nation)));
            }
        }
    }

    #[test]
    fn the_bundle_carries_the_stay_option_readiness_check_and_usual_records() {
        for nation in Nation::ALL {
            let g = guidance(nation);
            assert!(
                g.options
                    .iter()
                    .any(|o| o.meta.id == "option-stay-with-current-plan"),
                "{nation:?}"
            );
            let readiness = g.readiness.as_ref().expect("readiness check");
            assert_eq!(readiness.questions.len(), 4);
            assert!(readiness.credit.contains("SURE test"));
            let usual: Vec<&str> = g
                .usual_records
                .iter()
                .map(|r| r.meta.title.as_str())
                .collect();
            assert_eq!(
                usual,
                [
                    "Letters from the hospital or clinic",
                    "Test results",
                    "Scan reports",
                    "Pathology reports"
                ]
            );
            assert_eq!(g.step_sources.len(), 8);
        }
    }

    #[test]
    fn the_bank_has_at_least_sixty_questions_in_topics() {
        let g = guidance(Nation::Wales);
        let n: usize = g.question_topics.iter().map(|t| t.questions.len()).sum();
        assert!(n >= 60, "{n} questions");
        assert!(g.question_topics.iter().all(|t| !t.questions.is_empty()));
    }
}
