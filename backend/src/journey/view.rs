//! A journey as the UI shows it: the saved answers plus what follows from them today (records
//! due, the upcoming panel, the comparison of opinions). The UI computes none of this.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{compare, records_due_date, upcoming, Comparison, DueStatus, Journey, UpcomingItem};
use crate::dates::long_uk;

/// When records are due, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RecordsDue {
    #[ts(type = "string")]
    pub due: NaiveDate,
    /// "21 December 2026, due in 12 days".
    pub words: String,
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
    /// In hospital and getting worse: show Martha's Rule guidance, not the journey.
    pub urgent_hospital_help: bool,
}

/// A journey as the person last typed it: `view` is what is saved and used (letters, the pack,
/// the dates that follow); `typed` has each refused answer as typed (kept as an encrypted
/// draft), and `problems` says what to change in each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct JourneyAsTyped {
    pub view: JourneyView,
    pub typed: Journey,
    pub problems: Vec<crate::cases::FieldProblem>,
}

impl JourneyAsTyped {
    /// The view of what is stored on `today`, with what was typed and its problems.
    pub fn new(stored: crate::cases::JourneyAsStored, today: NaiveDate) -> JourneyAsTyped {
        JourneyAsTyped {
            view: JourneyView::new(stored.journey, today),
            typed: stored.typed,
            problems: stored.problems,
        }
    }
}

impl JourneyView {
    /// Works out everything the UI shows for `journey` on `today`.
    pub fn new(journey: Journey, today: NaiveDate) -> JourneyView {
        let records_due = journey.records_requested_on.map(|asked| {
            let due = records_due_date(asked);
            let status = DueStatus::of(due, today);
            RecordsDue {
                due,
                words: format!("{}, {}", long_uk(due), status.words()),
                status,
            }
        });
        let upcoming = upcoming(&journey.upcoming_facts(), today)
            .into_iter()
            .map(|item| UpcomingLine {
                words: upcoming_words(&item),
                item,
            })
            .collect();
        JourneyView {
            records_due,
            upcoming,
            comparison: compare(&journey.first_opinion, &journey.second_opinion),
            urgent_hospital_help: journey.needs_urgent_hospital_help(),
            journey,
        }
    }
}

fn upcoming_words(item: &UpcomingItem) -> String {
    match item {
        UpcomingItem::Appointment { date, when } => {
            format!("Your appointment is on {} ({when}).", long_uk(*date))
        }
        UpcomingItem::PrintPack { .. } => {
            "Your appointment is within a week: print your prep pack to take with you.".into()
        }
        UpcomingItem::RecordsDue { due, status } => match status {
            DueStatus::Overdue { .. } => format!(
                "Your records were due on {} and are {}. You can ask the practice or hospital what is happening.",
                long_uk(*due),
                status.words()
            ),
            _ => format!("Your records are due by {} ({}).", long_uk(*due), status.words()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn records_due_in_words() {
        let journey = Journey {
            records_requested_on: Some(d(2026, 11, 9)),
            ..Default::default()
        };
        let view = JourneyView::new(journey, d(2026, 11, 27));
        let due = view.records_due.expect("due");
        assert_eq!(due.due, d(2026, 12, 9));
        assert_eq!(due.words, "9 December 2026, due in 12 days");
        assert_eq!(view.upcoming.len(), 1);
        assert_eq!(
            view.upcoming[0].words,
            "Your records are due by 9 December 2026 (due in 12 days)."
        );
    }

    #[test]
    fn overdue_records_suggest_asking_what_is_happening() {
        let journey = Journey {
            records_requested_on: Some(d(2026, 10, 1)),
            ..Default::default()
        };
        let view = JourneyView::new(journey, d(2026, 11, 4));
        assert_eq!(
            view.records_due.expect("due").words,
            "1 November 2026, overdue by 3 days"
        );
        assert!(view.upcoming[0].words.contains("overdue by 3 days"));
    }

    #[test]
    fn a_close_appointment_prompts_the_pack() {
        let mut journey = Journey::default();
        journey.appointment.date = Some(d(2026, 11, 24));
        let view = JourneyView::new(journey, d(2026, 11, 21));
        let words: Vec<_> = view.upcoming.iter().map(|l| l.words.as_str()).collect();
        assert_eq!(
            words,
            [
                "Your appointment is on 24 November 2026 (in 3 days).",
                "Your appointment is within a week: print your prep pack to take with you.",
            ]
        );
    }

    #[test]
    fn the_comparison_and_the_hospital_flag_come_through() {
        let mut journey = Journey::default();
        journey.first_opinion.recommendation = "Surgery".into();
        journey.second_opinion.recommendation = "Wait and see".into();
        journey.in_hospital = Some(super::super::InHospital::YesGettingWorse);
        let view = JourneyView::new(journey, d(2026, 11, 21));
        assert!(view.comparison.differ_widely);
        assert!(view.urgent_hospital_help);
    }
}
