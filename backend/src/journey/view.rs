//! A journey as the UI shows it: the saved answers plus what follows from them today (records
//! due, the upcoming panel, the comparison of opinions). The UI computes none of this.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::progress::{progress, StepProgress};
use super::{
    compare, doubt_help, letters_offered, upcoming, weigh_up_view, Comparison, DueStatus, ForWhom,
    Journey, LetterOffer, Opinion, UpcomingItem, WeighUpAt, WeighUpView,
};
use crate::content::{Content, DoubtHelp, Notice, NoticeLevel};
use crate::dates::long_uk;
use crate::model::{CaseDetails, FieldProblem, Nation};

/// When records are due, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RecordsDue {
    #[ts(type = "string")]
    pub due: NaiveDate,
    /// "21 December 2026, due in 12 days"; "about 21 December 2026, …" when approximate.
    pub words: String,
    /// Counted from the day sent, allowing for post, because the day received is not known.
    pub approximate: bool,
    pub status: DueStatus,
}

/// One line of the upcoming panel, with its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UpcomingLine {
    pub item: UpcomingItem,
    pub words: String,
}

/// The journey and what follows from it on `today`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct JourneyView {
    pub journey: Journey,
    pub records_due: Option<RecordsDue>,
    pub upcoming: Vec<UpcomingLine>,
    pub comparison: Comparison,
    /// Step 7's first opinion to start with, from step 1 (see [`Opinion::first_from_step_1`]):
    /// `None` once the first opinion has words, or when step 1 has none to give.
    pub first_opinion_from_step_1: Option<Opinion>,
    /// Step 4's name for the person helping, offered with one button: the profile's own name,
    /// when the case is about someone the profile's owner helps and no helper is named yet.
    /// They typed it when they made the profile, so they need not type it again (see
    /// [`JourneyView::with_profile_name`]).
    pub helper_from_profile: Option<String>,
    /// In hospital and getting worse: show Martha's Rule guidance, not the journey.
    pub urgent_hospital_help: bool,
    /// Whether waiting could do harm ([`Journey::time_critical`]).
    pub time_critical: bool,
    /// The case's nation, as stored; `None` until step 1 says it.
    pub nation: Option<Nation>,
    /// The safety notices that apply to this case, each shown on the steps it lists: the
    /// time-critical ones first (only when they apply), then the crisis route, the safety net
    /// and the medicines caution. Empty until the nation is known.
    pub notices: Vec<Notice>,
    /// While [`JourneyView::urgent_hospital_help`]: the urgent notices to show (Martha's Rule
    /// and its like): the case's nation's, or, before the nation is known, every nation's,
    /// each once, since which applies cannot be told. Empty otherwise.
    pub urgent_notices: Vec<Notice>,
    /// Each of the eight steps in order, with how far the person has got on it (for the map).
    /// Counts the case's saved details on step 1 once [`JourneyView::with_case`] adds them.
    pub steps: Vec<StepProgress>,
    /// The weigh-up on "Is it right for me?": its options and labels.
    pub weigh_up_before: WeighUpView,
    /// The weigh-up on "Decide and tell".
    pub weigh_up_after: WeighUpView,
    /// What can help next, from the readiness check before and after (empty without a No).
    pub doubt_before: Vec<DoubtHelp>,
    pub doubt_after: Vec<DoubtHelp>,
    /// The letters that keep things moving, each on its step ([`letters_offered`]); the
    /// concern letter only once the nation is known.
    pub letters_offered: Vec<LetterOffer>,
    /// The day the view is for.
    #[serde(skip)]
    #[ts(skip)]
    today: NaiveDate,
}

/// A journey as stored (valid, used for documents), as typed, and what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JourneyAsStored {
    pub journey: Journey,
    pub typed: Journey,
    pub problems: Vec<FieldProblem>,
}

/// A journey as the person last typed it: `view` is what is saved and used (letters, the pack,
/// the dates that follow); `typed` has each refused answer as typed (kept as an encrypted
/// draft), and `problems` says what to change in each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct JourneyAsTyped {
    pub view: JourneyView,
    pub typed: Journey,
    pub problems: Vec<FieldProblem>,
}

impl JourneyAsTyped {
    /// The view of what is stored on `today`, with what was typed and its problems.
    pub fn new(stored: JourneyAsStored, today: NaiveDate) -> JourneyAsTyped {
        JourneyAsTyped {
            view: JourneyView::new(stored.journey, today),
            typed: stored.typed,
            problems: stored.problems,
        }
    }

    /// Adds what follows from the case's saved details (see [`JourneyView::with_case`]).
    pub fn with_case(mut self, content: &Content, details: &CaseDetails) -> JourneyAsTyped {
        self.view = self.view.with_case(content, details);
        self
    }

    /// Names the carer using the app under a consent (see [`JourneyView::with_acting_carer`]).
    pub fn with_acting_carer(mut self, carer: Option<&str>) -> JourneyAsTyped {
        self.view = self.view.with_acting_carer(carer);
        self
    }

    /// Offers the profile's name as step 4's helper (see [`JourneyView::with_profile_name`]).
    pub fn with_profile_name(mut self, profile_name: &str, patient_name: &str) -> JourneyAsTyped {
        self.view = self.view.with_profile_name(profile_name, patient_name);
        self
    }
}

impl JourneyView {
    /// Works out everything the UI shows for `journey` on `today`.
    pub fn new(journey: Journey, today: NaiveDate) -> JourneyView {
        let records_due = journey.records_due().map(|d| {
            let status = DueStatus::of(d.due, today);
            RecordsDue {
                due: d.due,
                words: format!("{}, {}", due_day(d.due, d.approximate), status.words()),
                approximate: d.approximate,
                status,
            }
        });
        let upcoming = upcoming(&journey.upcoming_facts(), today)
            .into_iter()
            .map(|item| UpcomingLine {
                words: upcoming_words(&item, journey.appointment.date),
                item,
            })
            .collect();
        JourneyView {
            records_due,
            upcoming,
            comparison: compare(
                &journey.first_opinion,
                &journey.second_opinion,
                &journey.same_answers,
            ),
            first_opinion_from_step_1: None,
            helper_from_profile: None,
            urgent_hospital_help: journey.needs_urgent_hospital_help(),
            time_critical: journey.time_critical(),
            nation: None,
            notices: Vec::new(),
            urgent_notices: Vec::new(),
            steps: progress(&journey, &CaseDetails::default()),
            weigh_up_before: weigh_up_view(&journey, WeighUpAt::IsItRight, None),
            weigh_up_after: weigh_up_view(&journey, WeighUpAt::Decide, None),
            doubt_before: doubt_help(&journey.readiness_before),
            doubt_after: doubt_help(&journey.readiness_after),
            letters_offered: letters_offered(&journey, None, today),
            today,
            journey,
        }
    }

    /// Adds what follows from the case's saved `details`: the safety notices for its nation,
    /// step 1 counted as started when any detail is saved, and step 7's first opinion to start
    /// with.
    pub fn with_case(self, content: &Content, details: &CaseDetails) -> JourneyView {
        let mut view = self.with_notices(content, details.nation);
        view.steps = progress(&view.journey, details);
        view.first_opinion_from_step_1 = Opinion::first_from_step_1(
            &view.journey.first_opinion,
            &details.diagnosis,
            &view.journey.treatment_proposed,
        );
        view
    }

    /// When a carer is using the app under a consent (`carer` is their name), the weigh-ups
    /// ask for the patient's view and the carer's separately, whatever the journey says.
    pub fn with_acting_carer(mut self, carer: Option<&str>) -> JourneyView {
        self.weigh_up_before = weigh_up_view(&self.journey, WeighUpAt::IsItRight, carer);
        self.weigh_up_after = weigh_up_view(&self.journey, WeighUpAt::Decide, carer);
        self
    }

    /// The profile's owner is the helper when the case is about someone they help: step 4
    /// offers the name they gave the profile, while no helper is named. Not when that name is
    /// the patient's (a helper using the patient's own profile), and a carer acting under a
    /// consent is named by that consent instead, so call this only without one.
    pub fn with_profile_name(mut self, profile_name: &str, patient_name: &str) -> JourneyView {
        let same = |a: &str, b: &str| {
            let words = |s: &str| {
                s.split_whitespace()
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            };
            words(a) == words(b)
        };
        let helping = self.journey.for_whom == Some(ForWhom::SomeoneIHelp);
        let unnamed = self.journey.carer_name.trim().is_empty();
        let name = profile_name.trim();
        self.helper_from_profile =
            (helping && unnamed && !name.is_empty() && !same(name, patient_name))
                .then(|| name.to_owned());
        self
    }

    /// Adds the safety notices for a case in `nation` (none when it is not known yet).
    pub fn with_notices(mut self, content: &Content, nation: Option<Nation>) -> JourneyView {
        self.nation = nation;
        self.letters_offered = letters_offered(&self.journey, nation, self.today);
        self.notices = nation
            .map(|n| {
                content
                    .journey_notices(n, self.time_critical)
                    .into_iter()
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        self.urgent_notices = Vec::new();
        if self.urgent_hospital_help {
            let nations = nation.map_or(Nation::ALL.to_vec(), |n| vec![n]);
            for n in nations {
                for notice in content.notices(n) {
                    let new = !self
                        .urgent_notices
                        .iter()
                        .any(|u| u.meta.id == notice.meta.id);
                    if notice.level == NoticeLevel::Urgent && new {
                        self.urgent_notices.push(notice.clone());
                    }
                }
            }
        }
        self
    }
}

/// "7 December 2026", or "about 7 December 2026" when approximate.
fn due_day(due: NaiveDate, approximate: bool) -> String {
    if approximate {
        format!("about {}", long_uk(due))
    } else {
        long_uk(due)
    }
}

/// What one upcoming line says. Records due after the appointment (`appointment`) say plainly
/// that they may not arrive in time, and what can be done about it.
fn upcoming_words(item: &UpcomingItem, appointment: Option<NaiveDate>) -> String {
    match item {
        UpcomingItem::Appointment { date, when } => {
            format!("Your appointment is on {} ({when}).", long_uk(*date))
        }
        UpcomingItem::DecideBy { date, when } => {
            format!("You want to decide by {} ({when}). You can take more time if you need it, and you can change your mind.", long_uk(*date))
        }
        UpcomingItem::PrintPack { .. } => {
            "Your appointment is within a week: print your prep pack to take with you.".into()
        }
        UpcomingItem::RecordsDue {
            due,
            approximate,
            status,
        } => match status {
            DueStatus::Overdue { .. } => format!(
                "Your records were due on {} and are {}. You can ask the practice or hospital what is happening. If there is still no reply, you can complain to the Information Commissioner's Office (ICO).",
                due_day(*due, *approximate),
                status.words()
            ),
            _ => {
                let mut words = format!(
                    "Your records are due by {} ({}).",
                    due_day(*due, *approximate),
                    status.words()
                );
                if appointment.is_some_and(|a| a < *due) {
                    words.push_str(
                        " Your records may not arrive before your appointment. You could ask \
                         the practice or hospital to send the most important ones first, or \
                         take the copies you already have.",
                    );
                }
                words
            }
        },
    }
}

#[cfg(test)]
mod tests;
