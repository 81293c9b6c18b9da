//! Letters that keep a journey moving, and the one rule for when each is offered: records past
//! their due date, a request with no answer after the weeks the person chose, a concern to the
//! nation's advice service when either is stuck, and, after the second opinion, asking each
//! doctor about the other's view. The window shows what [`letters_offered`] gives, on the step
//! it names; it decides none of it.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{compare, DueStatus, Journey, RecordsDueDate, SaidTheSame};
use crate::content::Step;
use crate::dates::long_uk;
use crate::model::Nation;

/// The weeks to wait for an answer before a follow-up is offered, until the person chooses.
/// The project's own choice, not from the sources (see `app-own-behaviour`).
pub const DEFAULT_FOLLOW_UP_WEEKS: u32 = 4;
/// The most weeks the person may choose; more is read as this.
pub const MAX_FOLLOW_UP_WEEKS: u32 = 52;

/// A letter that follows from the journey's dates and answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ChaseLetter {
    /// To the records office: the month to reply has passed.
    RecordsChase,
    /// A polite follow-up to the GP practice about the request for a second opinion.
    FollowUpGp,
    /// The same, to the consultant.
    FollowUpConsultant,
    /// To PALS, PASS, Llais or the Patient and Client Council (by the case's nation).
    Concern,
    /// To the first doctor, about the second doctor's view.
    OtherViewFirst,
    /// To the second doctor, about the first doctor's view.
    OtherViewSecond,
}

impl ChaseLetter {
    pub const ALL: [ChaseLetter; 6] = [
        ChaseLetter::RecordsChase,
        ChaseLetter::FollowUpGp,
        ChaseLetter::FollowUpConsultant,
        ChaseLetter::Concern,
        ChaseLetter::OtherViewFirst,
        ChaseLetter::OtherViewSecond,
    ];

    /// The content id of the letter's words; the concern letter's differ by nation, so it has
    /// none until the nation is known.
    pub fn template_id(self, nation: Option<Nation>) -> Option<String> {
        Some(match self {
            ChaseLetter::RecordsChase => "letter-records-chase".into(),
            ChaseLetter::FollowUpGp | ChaseLetter::FollowUpConsultant => "letter-follow-up".into(),
            ChaseLetter::Concern => format!("letter-concern-{}", nation?.as_str()),
            ChaseLetter::OtherViewFirst | ChaseLetter::OtherViewSecond => {
                "letter-other-view".into()
            }
        })
    }
}

/// A letter offered on a step, and why, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LetterOffer {
    pub letter: ChaseLetter,
    pub step: Step,
    pub words: String,
}

impl Journey {
    /// The weeks the person waits for an answer before a follow-up is offered (1 to 52).
    pub fn follow_up_weeks(&self) -> u32 {
        self.follow_up_after_weeks
            .unwrap_or(DEFAULT_FOLLOW_UP_WEEKS)
            .clamp(1, MAX_FOLLOW_UP_WEEKS)
    }

    /// The day a follow-up is first offered: the chosen weeks after the day asked, while no
    /// answer is written down. `None` when not asked yet or answered.
    pub fn follow_up_from(&self) -> Option<NaiveDate> {
        let asked = self.asked_on?;
        if !self.answer.trim().is_empty() {
            return None;
        }
        asked.checked_add_days(Days::new(u64::from(self.follow_up_weeks()) * 7))
    }

    /// The records request's due date when it has passed on `today` and the records have not
    /// all arrived.
    pub fn records_overdue(&self, today: NaiveDate) -> Option<RecordsDueDate> {
        self.upcoming_facts()
            .records_requests
            .into_iter()
            .find(|(due, arrived)| {
                !arrived && matches!(DueStatus::of(due.due, today), DueStatus::Overdue { .. })
            })
            .map(|(due, _)| due)
    }

    /// The questions chosen for the appointment with no answer written down, in order.
    pub fn unanswered_questions(&self) -> Vec<&str> {
        self.questions
            .iter()
            .filter(|q| !q.text.trim().is_empty() && q.answer.trim().is_empty())
            .map(|q| q.text.as_str())
            .collect()
    }
}

/// The letters the journey offers on `today`, in step order. The concern letter is offered
/// only when the nation is known (its service differs by nation), on each step that is stuck.
pub fn letters_offered(
    journey: &Journey,
    nation: Option<Nation>,
    today: NaiveDate,
) -> Vec<LetterOffer> {
    let mut offers = Vec::new();
    let offer = |letter, step, words: String| LetterOffer {
        letter,
        step,
        words,
    };
    let concern = "If you feel stuck, there is a service that helps people with questions or worries about their care. You can write to them.";
    if let (Some(asked), Some(from)) = (journey.asked_on, journey.follow_up_from()) {
        if today >= from {
            let words = format!(
                "You asked on {} and have not written down an answer yet. You can send a polite letter asking what is happening.",
                long_uk(asked)
            );
            offers.push(offer(ChaseLetter::FollowUpGp, Step::Ask, words.clone()));
            offers.push(offer(ChaseLetter::FollowUpConsultant, Step::Ask, words));
            if nation.is_some() {
                offers.push(offer(ChaseLetter::Concern, Step::Ask, concern.into()));
            }
        }
    }
    if let Some(due) = journey.records_overdue(today) {
        let day = if due.approximate {
            format!("about {}", long_uk(due.due))
        } else {
            long_uk(due.due)
        };
        offers.push(offer(
            ChaseLetter::RecordsChase,
            Step::Records,
            format!("Your records were due by {day} and have not all arrived. You can send a letter asking for them."),
        ));
        if nation.is_some() {
            offers.push(offer(ChaseLetter::Concern, Step::Records, concern.into()));
        }
    }
    if something_to_ask(journey) {
        let words = "You can ask each doctor what they think of the other's view, or ask the two teams to talk.";
        for letter in [ChaseLetter::OtherViewFirst, ChaseLetter::OtherViewSecond] {
            offers.push(offer(letter, Step::AfterAppointment, words.into()));
        }
    }
    offers
}

/// After the second opinion (something is noted from the second doctor): a part the person said
/// differs or is not sure about, or a question still unanswered.
fn something_to_ask(journey: &Journey) -> bool {
    let c = compare(
        &journey.first_opinion,
        &journey.second_opinion,
        &journey.same_answers,
    );
    let second_noted = super::OpinionPart::ALL
        .iter()
        .any(|p| !p.of(&journey.second_opinion).trim().is_empty());
    let differs =
        !c.answered(SaidTheSame::No).is_empty() || !c.answered(SaidTheSame::NotSure).is_empty();
    second_noted && (differs || !journey.unanswered_questions().is_empty())
}

#[cfg(test)]
mod tests;
