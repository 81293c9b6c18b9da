//! Records due dates: one calendar month from the day the request is received.
//!
//! The ICO counts the month from the day the practice or hospital receives the request (or the
//! ID it asked for), not the day it was sent. When the person knows only the day they sent it,
//! the due date is approximate: it allows [`POST_ALLOWANCE_DAYS`] for the post.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Days allowed for a posted request to arrive, when only the day it was sent is known.
/// Royal Mail's second class aims to deliver within three working days; a weekend can add two.
/// (Not in the project's sources: a reviewer note on `records-due-approximate` asks for a check.)
pub const POST_ALLOWANCE_DAYS: u64 = 5;

/// The day a reply to a subject access request is due: one calendar month after the day it
/// was `received`.
///
/// When that month has no such day (received on 31 January), the due date is the last day of
/// the next month (28 or 29 February), as the UK's data protection regulator counts it.
pub fn records_due_date(received: NaiveDate) -> NaiveDate {
    // Adding one month only fails past the end of chrono's calendar (year 262,143).
    received
        .checked_add_months(Months::new(1))
        .unwrap_or(received)
}

/// A records request's due date, and whether it is only an estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecordsDueDate {
    #[ts(type = "string")]
    pub due: NaiveDate,
    /// Counted from the day sent plus [`POST_ALLOWANCE_DAYS`], because the day received is not
    /// known.
    pub approximate: bool,
}

/// When the reply to a records request is due: from the day it was `received` when the person
/// knows it; otherwise, approximately, from the day it was `sent` plus time for the post.
/// `None` when neither is known.
pub fn records_due(sent: Option<NaiveDate>, received: Option<NaiveDate>) -> Option<RecordsDueDate> {
    match (received, sent) {
        (Some(received), _) => Some(RecordsDueDate {
            due: records_due_date(received),
            approximate: false,
        }),
        (None, Some(sent)) => {
            let arrives = sent
                .checked_add_days(Days::new(POST_ALLOWANCE_DAYS))
                .unwrap_or(sent);
            Some(RecordsDueDate {
                due: records_due_date(arrives),
                approximate: true,
            })
        }
        (None, None) => None,
    }
}

/// Where a due date stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum DueStatus {
    DueIn { days: i64 },
    DueToday,
    Overdue { days: i64 },
}

impl DueStatus {
    /// How `due` stands on `today`.
    pub fn of(due: NaiveDate, today: NaiveDate) -> DueStatus {
        let days = (due - today).num_days();
        match days {
            0 => DueStatus::DueToday,
            n if n > 0 => DueStatus::DueIn { days: n },
            n => DueStatus::Overdue { days: -n },
        }
    }

    /// Plain words: "due in 12 days", "due today", "overdue by 3 days".
    pub fn words(self) -> String {
        fn days(n: i64) -> String {
            if n == 1 {
                "1 day".into()
            } else {
                format!("{n} days")
            }
        }
        match self {
            DueStatus::DueIn { days: n } => format!("due in {}", days(n)),
            DueStatus::DueToday => "due today".into(),
            DueStatus::Overdue { days: n } => format!("overdue by {}", days(n)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn one_calendar_month_later() {
        assert_eq!(records_due_date(d(2026, 11, 21)), d(2026, 12, 21));
        assert_eq!(
            records_due_date(d(2026, 12, 15)),
            d(2027, 1, 15),
            "across a year end"
        );
    }

    #[test]
    fn month_ends_clamp_to_the_last_day_of_the_next_month() {
        assert_eq!(records_due_date(d(2026, 1, 31)), d(2026, 2, 28));
        assert_eq!(
            records_due_date(d(2028, 1, 31)),
            d(2028, 2, 29),
            "leap year"
        );
        assert_eq!(records_due_date(d(2026, 8, 31)), d(2026, 9, 30));
        assert_eq!(records_due_date(d(2026, 3, 31)), d(2026, 4, 30));
    }

    #[test]
    fn leap_day_requests_fall_due_on_29_march() {
        assert_eq!(records_due_date(d(2028, 2, 29)), d(2028, 3, 29));
        assert_eq!(records_due_date(d(2027, 2, 28)), d(2027, 3, 28));
    }

    #[test]
    fn the_month_counts_from_the_day_received_not_the_day_sent() {
        let due = records_due(Some(d(2026, 11, 2)), Some(d(2026, 11, 5))).expect("due");
        assert_eq!(
            due,
            RecordsDueDate {
                due: d(2026, 12, 5),
                approximate: false
            }
        );
        // Received known, sent not: exact.
        assert_eq!(
            records_due(None, Some(d(2026, 11, 5))),
            Some(RecordsDueDate {
                due: d(2026, 12, 5),
                approximate: false
            })
        );
        assert_eq!(records_due(None, None), None);
    }

    #[test]
    fn sent_only_is_approximate_and_allows_five_days_for_post() {
        let due = records_due(Some(d(2026, 11, 2)), None).expect("due");
        assert!(due.approximate);
        assert_eq!(due.due, d(2026, 12, 7), "2 November + 5 days, + 1 month");
        // The post allowance can cross a month end before the month is counted.
        assert_eq!(
            records_due(Some(d(2026, 1, 28)), None).expect("due").due,
            d(2026, 3, 2),
            "arrives 2 February, due 2 March"
        );
        // Sent 26 January: arrives about 31 January, due on the last day of February.
        assert_eq!(
            records_due(Some(d(2026, 1, 26)), None).expect("due").due,
            d(2026, 2, 28)
        );
        assert_eq!(
            records_due(Some(d(2028, 1, 26)), None).expect("due").due,
            d(2028, 2, 29),
            "leap year"
        );
        // Sent on 24 February in a leap year: arrives about 29 February, due 29 March.
        assert_eq!(
            records_due(Some(d(2028, 2, 24)), None).expect("due").due,
            d(2028, 3, 29)
        );
        // Across a year end.
        assert_eq!(
            records_due(Some(d(2026, 12, 29)), None).expect("due").due,
            d(2027, 2, 3)
        );
    }

    #[test]
    fn received_at_a_month_end_or_in_a_leap_year() {
        assert_eq!(
            records_due(Some(d(2026, 1, 20)), Some(d(2026, 1, 31)))
                .expect("due")
                .due,
            d(2026, 2, 28)
        );
        assert_eq!(
            records_due(None, Some(d(2028, 1, 31))).expect("due").due,
            d(2028, 2, 29)
        );
        assert_eq!(
            records_due(None, Some(d(2028, 2, 29))).expect("due").due,
            d(2028, 3, 29)
        );
    }

    #[test]
    fn status_in_words() {
        let due = d(2026, 12, 3);
        assert_eq!(
            DueStatus::of(due, d(2026, 11, 21)).words(),
            "due in 12 days"
        );
        assert_eq!(DueStatus::of(due, d(2026, 12, 2)).words(), "due in 1 day");
        assert_eq!(DueStatus::of(due, due).words(), "due today");
        assert_eq!(
            DueStatus::of(due, d(2026, 12, 6)).words(),
            "overdue by 3 days"
        );
        assert_eq!(
            DueStatus::of(due, d(2026, 12, 4)).words(),
            "overdue by 1 day"
        );
    }
}
