//! The rules of the journey: due dates for records, what the "upcoming" panel shows, and how two
//! opinions compare. Pure functions of their inputs (dates are passed in); the UI only shows them.

mod chase;
mod compare;
mod dates;
mod needs;
mod progress;
mod questions;
mod record;
pub mod stored;
mod view;
mod weigh_up;

pub use chase::{
    letters_offered, ChaseLetter, LetterOffer, DEFAULT_FOLLOW_UP_WEEKS, MAX_FOLLOW_UP_WEEKS,
};
pub use compare::{
    compare, Comparison, Noted, Opinion, OpinionPart, PartComparison, SaidTheSame, SameAnswers,
};
pub use dates::{records_due, records_due_date, DueStatus, RecordsDueDate, POST_ALLOWANCE_DAYS};
pub use needs::CommunicationNeeds;
pub use progress::{progress, StepProgress, StepState};
pub use questions::own_question_problem;
pub(crate) use record::problems_of;
pub use record::{step_of, MAX_ENTRIES, MAX_TEXT};
pub use record::{
    Appointment, ChosenQuestion, ForWhom, InHospital, Journey, MedicineLine, Readiness, RecordItem,
    TimelineLine, Urgency,
};
pub use stored::StoredJourney;
pub use view::{JourneyAsStored, JourneyAsTyped, JourneyView, RecordsDue, UpcomingLine};
pub use weigh_up::{
    doubt_help, weigh_up_view, Decider, DeciderView, ForAndAgainst, HowMuch, Matter, OptionKey,
    OwnOption, WeighOption, WeighUp, WeighUpAt, WeighUpView,
};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One thing the "upcoming" panel shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum UpcomingItem {
    /// The next appointment.
    Appointment {
        #[ts(type = "string")]
        date: NaiveDate,
        /// "in 5 days", "today", "tomorrow".
        when: String,
    },
    /// Print the prep pack: the appointment is within [`PRINT_PACK_WITHIN_DAYS`] days.
    PrintPack {
        #[ts(type = "string")]
        appointment: NaiveDate,
    },
    /// Records asked for and not all arrived.
    RecordsDue {
        #[ts(type = "string")]
        due: NaiveDate,
        /// Counted from the day sent, allowing for post: the day received is not known.
        approximate: bool,
        status: DueStatus,
    },
    /// The day the person wants to decide by, today or later.
    DecideBy {
        #[ts(type = "string")]
        date: NaiveDate,
        /// "in 5 days", "today", "tomorrow".
        when: String,
    },
}

/// "Print your pack" shows when the appointment is this many days away or fewer.
pub const PRINT_PACK_WITHIN_DAYS: i64 = 7;

/// What the upcoming panel needs to know about a case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpcomingFacts {
    /// Appointment dates, any order.
    pub appointments: Vec<NaiveDate>,
    /// Records requests: when each is due, and whether everything asked for has arrived.
    pub records_requests: Vec<(RecordsDueDate, bool)>,
    /// The day the person wants to decide by.
    pub decide_by: Option<NaiveDate>,
}

/// The upcoming panel for `today`: the next appointment (with "print your pack" when it is
/// close), then every records request still waiting, soonest due first, then the decide-by day
/// while it is today or later.
pub fn upcoming(facts: &UpcomingFacts, today: NaiveDate) -> Vec<UpcomingItem> {
    let mut items = Vec::new();
    if let Some(next) = facts
        .appointments
        .iter()
        .copied()
        .filter(|d| *d >= today)
        .min()
    {
        let days = (next - today).num_days();
        items.push(UpcomingItem::Appointment {
            date: next,
            when: in_days(days),
        });
        if days <= PRINT_PACK_WITHIN_DAYS {
            items.push(UpcomingItem::PrintPack { appointment: next });
        }
    }
    let mut waiting: Vec<RecordsDueDate> = facts
        .records_requests
        .iter()
        .filter(|(_, arrived)| !arrived)
        .map(|(due, _)| *due)
        .collect();
    waiting.sort_by_key(|d| d.due);
    items.extend(waiting.into_iter().map(|d| UpcomingItem::RecordsDue {
        due: d.due,
        approximate: d.approximate,
        status: DueStatus::of(d.due, today),
    }));
    if let Some(date) = facts.decide_by.filter(|d| *d >= today) {
        items.push(UpcomingItem::DecideBy {
            date,
            when: in_days((date - today).num_days()),
        });
    }
    items
}

fn in_days(days: i64) -> String {
    match days {
        0 => "today".into(),
        1 => "tomorrow".into(),
        n => format!("in {n} days"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    fn exact(due: NaiveDate) -> RecordsDueDate {
        RecordsDueDate {
            due,
            approximate: false,
        }
    }

    #[test]
    fn next_appointment_ignores_past_ones_and_prompts_the_pack_within_a_week() {
        let today = d(2026, 11, 21);
        let facts = UpcomingFacts {
            appointments: vec![d(2026, 12, 20), d(2026, 11, 1), d(2026, 11, 28)],
            records_requests: vec![],
            decide_by: None,
        };
        assert_eq!(
            upcoming(&facts, today),
            vec![
                UpcomingItem::Appointment {
                    date: d(2026, 11, 28),
                    when: "in 7 days".into()
                },
                UpcomingItem::PrintPack {
                    appointment: d(2026, 11, 28)
                },
            ]
        );
    }

    #[test]
    fn no_pack_prompt_when_the_appointment_is_eight_days_away() {
        let facts = UpcomingFacts {
            appointments: vec![d(2026, 11, 29)],
            records_requests: vec![],
            decide_by: None,
        };
        let items = upcoming(&facts, d(2026, 11, 21));
        assert_eq!(items.len(), 1);
        assert!(matches!(&items[0], UpcomingItem::Appointment { when, .. } if when == "in 8 days"));
    }

    #[test]
    fn an_appointment_today_or_tomorrow_is_said_in_words() {
        assert_eq!(in_days(0), "today");
        assert_eq!(in_days(1), "tomorrow");
    }

    #[test]
    fn records_still_waiting_are_listed_soonest_first_and_arrived_ones_are_not() {
        let facts = UpcomingFacts {
            appointments: vec![],
            records_requests: vec![
                (exact(d(2026, 12, 10)), false),
                (exact(d(2026, 11, 1)), false),
                (exact(d(2026, 12, 1)), true),
            ],
            decide_by: None,
        };
        let items = upcoming(&facts, d(2026, 11, 21));
        assert_eq!(
            items,
            vec![
                UpcomingItem::RecordsDue {
                    due: d(2026, 11, 1),
                    approximate: false,
                    status: DueStatus::Overdue { days: 20 }
                },
                UpcomingItem::RecordsDue {
                    due: d(2026, 12, 10),
                    approximate: false,
                    status: DueStatus::DueIn { days: 19 }
                },
            ]
        );
    }

    #[test]
    fn the_decide_by_day_shows_until_it_has_passed() {
        let facts = UpcomingFacts {
            decide_by: Some(d(2026, 12, 4)),
            ..Default::default()
        };
        assert_eq!(
            upcoming(&facts, d(2026, 12, 2)),
            vec![UpcomingItem::DecideBy {
                date: d(2026, 12, 4),
                when: "in 2 days".into()
            }]
        );
        assert_eq!(upcoming(&facts, d(2026, 12, 4)).len(), 1);
        assert!(upcoming(&facts, d(2026, 12, 5)).is_empty());
    }

    #[test]
    fn nothing_upcoming_is_an_empty_panel() {
        assert!(upcoming(&UpcomingFacts::default(), d(2026, 11, 21)).is_empty());
    }
}
