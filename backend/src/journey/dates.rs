//! Records due dates: one calendar month from the day the request was made.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The day a reply to a subject access request is due: one calendar month after `asked`.
///
/// When that month has no such day (asked on 31 January), the due date is the last day of the
/// next month (28 or 29 February), as the UK's data protection regulator counts it.
pub fn records_due_date(asked: NaiveDate) -> NaiveDate {
    // Adding one month only fails past the end of chrono's calendar (year 262,143).
    asked.checked_add_months(Months::new(1)).unwrap_or(asked)
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
