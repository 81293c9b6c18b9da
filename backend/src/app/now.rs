//! [`Now`], the moment a command runs, read by the shell and passed in.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// The moment a command runs, on the computer's clock: the one thing the shell reads from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    /// The local time, with the computer's offset from UTC (a note's day is the local day).
    pub at: DateTime<FixedOffset>,
    /// The day the app counts from: records due, consents that cover today, the guidance's
    /// review date, the date on a letter.
    pub today: NaiveDate,
}

impl Now {
    /// `at`, with `today` its own local day.
    pub fn at(at: DateTime<FixedOffset>) -> Now {
        Now {
            at,
            today: at.date_naive(),
        }
    }

    /// The moment in UTC (what the database stores).
    pub fn utc(&self) -> DateTime<Utc> {
        self.at.to_utc()
    }
}
