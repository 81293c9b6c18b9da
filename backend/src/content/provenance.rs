//! Where the guidance comes from and how fresh it is: the sources and review dates of the items
//! a step shows, and whether the installed content is past its review date.
//!
//! Invariants: both are computed from the items themselves (never typed into a screen), and the
//! review notice depends only on the `today` passed in.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{Content, Step};
use crate::dates;
use crate::model::Nation;

/// Where one step's guidance comes from: "Based on…", "Last reviewed…", "Next review due…".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StepSources {
    pub step: Step,
    /// The sources the step's items cite, each as "publisher: title", in first-cited order.
    pub based_on: Vec<String>,
    /// The latest date any of the step's items was reviewed, the UK way ("1 December 2026").
    pub last_reviewed: String,
    /// The earliest date any of the step's items must be reviewed again.
    pub next_review_due: String,
}

/// Said on Home when the installed guidance is past its review date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReviewNotice {
    /// The date the first review fell due, the UK way.
    pub due: String,
    /// The sentence to show.
    pub text: String,
}

impl Content {
    /// The sources and review dates of what the `step` screen shows in `nation`, or `None` when
    /// it shows nothing.
    pub fn step_sources(&self, step: Step, nation: Nation) -> Option<StepSources> {
        let items = self.for_step(step, nation);
        let last_reviewed = items.iter().map(|i| i.meta().reviewed).max()?;
        let next_review_due = items.iter().map(|i| i.meta().review_by).min()?;
        let mut based_on: Vec<String> = Vec::new();
        for id in items.iter().flat_map(|i| i.meta().sources.iter()) {
            if let Ok(source) = self.source(id) {
                let name = format!("{}: {}", source.publisher, source.title);
                if !based_on.contains(&name) {
                    based_on.push(name);
                }
            }
        }
        Some(StepSources {
            step,
            based_on,
            last_reviewed: dates::long_uk(last_reviewed),
            next_review_due: dates::long_uk(next_review_due),
        })
    }

    /// Every step's sources in `nation`, in the order of the screens.
    pub fn steps_sources(&self, nation: Nation) -> Vec<StepSources> {
        Step::ALL
            .into_iter()
            .filter_map(|step| self.step_sources(step, nation))
            .collect()
    }

    /// The earliest date any item must be reviewed again.
    pub fn next_review_due(&self) -> Option<NaiveDate> {
        self.metas().map(|m| m.review_by).min()
    }

    /// When `today` is past the earliest review date, a plain notice saying so; otherwise
    /// `None`. On the review date itself the guidance is still in date.
    pub fn review_notice(&self, today: NaiveDate) -> Option<ReviewNotice> {
        let due = self.next_review_due().filter(|due| today > *due)?;
        let due = dates::long_uk(due);
        Some(ReviewNotice {
            text: format!(
                "This guidance was due to be checked on {due}; some details may have changed."
            ),
            due,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> &'static Content {
        Content::embedded().expect("content")
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn no_review_notice_while_the_guidance_is_in_date() {
        let due = content().next_review_due().expect("some item");
        assert_eq!(content().review_notice(due), None, "on the day itself");
        assert_eq!(content().review_notice(day(2026, 12, 1)), None);
    }

    #[test]
    fn the_review_notice_names_the_date_that_passed() {
        let due = content().next_review_due().expect("some item");
        let notice = content()
            .review_notice(due.succ_opt().expect("next day"))
            .expect("a notice the day after");
        assert_eq!(notice.due, dates::long_uk(due));
        assert_eq!(
            notice.text,
            format!(
                "This guidance was due to be checked on {}; some details may have changed.",
                dates::long_uk(due)
            )
        );
        // Long after, it still names the first date that passed.
        let later = content().review_notice(day(2031, 6, 1)).expect("notice");
        assert_eq!(later.due, notice.due);
    }

    #[test]
    fn the_notice_follows_the_earliest_review_date_of_any_item() {
        let files = [
            (
                "sources.toml",
                "[[source]]\nid = \"s\"\ntitle = \"T\"\npublisher = \"P\"\ndescription = \"D\"\n",
            ),
            (
                "a.toml",
                "kind = \"reason\"\nid = \"a\"\ntitle = \"A\"\nnations = [\"wales\"]\nsources = [\"s\"]\nreviewed = 2026-01-10\nreview_by = 2026-06-30\ngroup = \"worry\"\ntext = \"A.\"\n",
            ),
            (
                "b.toml",
                "kind = \"reason\"\nid = \"b\"\ntitle = \"B\"\nnations = [\"wales\"]\nsources = [\"s\"]\nreviewed = 2026-03-01\nreview_by = 2027-03-01\ngroup = \"worry\"\ntext = \"B.\"\n",
            ),
        ];
        let c = Content::load(files.iter().map(|(p, t)| (p.to_string(), t.to_string())))
            .expect("loads");
        assert_eq!(c.review_notice(day(2026, 6, 30)), None);
        let n = c.review_notice(day(2026, 7, 1)).expect("notice");
        assert_eq!(n.due, "30 June 2026");
    }

    #[test]
    fn each_step_names_its_sources_and_review_dates() {
        for nation in Nation::ALL {
            let all = content().steps_sources(nation);
            assert_eq!(all.len(), Step::ALL.len(), "{nation:?}: every step");
            for s in &all {
                assert!(!s.based_on.is_empty(), "{:?}", s.step);
                let items = content().for_step(s.step, nation);
                let newest = items
                    .iter()
                    .map(|i| i.meta().reviewed)
                    .max()
                    .expect("items");
                let soonest = items
                    .iter()
                    .map(|i| i.meta().review_by)
                    .min()
                    .expect("items");
                assert_eq!(s.last_reviewed, dates::long_uk(newest));
                assert_eq!(s.next_review_due, dates::long_uk(soonest));
            }
        }
        // The records step in Northern Ireland cites the Northern Ireland Order, and England's
        // does not.
        let ni = content()
            .step_sources(Step::Records, Nation::NorthernIreland)
            .expect("records");
        assert!(
            ni.based_on
                .iter()
                .any(|s| s.contains("(Northern Ireland) Order 1993")),
            "{:?}",
            ni.based_on
        );
        let en = content()
            .step_sources(Step::Records, Nation::England)
            .expect("records");
        assert!(!en.based_on.iter().any(|s| s.contains("Order 1993")));
        assert!(en
            .based_on
            .iter()
            .any(|s| s.contains("Access to Health Records Act 1990")));
    }
}
