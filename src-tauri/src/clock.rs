//! The one place the app reads the computer's clock. Every command takes [`Clock::now`] once
//! and passes it to the backend, which never reads the clock itself.

use backend::app::Now;
use chrono::NaiveDate;

/// The computer's clock, with the test-only day override.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    /// Test-only: `SECOND_OPINION_TEST_TODAY` (a date like 2028-01-31) is the day the app
    /// counts from, so a test can see, for example, the notice for out-of-date guidance.
    test_today: Option<NaiveDate>,
}

impl Clock {
    pub fn from_env() -> Clock {
        Clock {
            test_today: test_hook!("SECOND_OPINION_TEST_TODAY")
                .and_then(|d| d.into_string().ok())
                .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        }
    }

    /// The moment now, in the computer's time zone.
    pub fn now(&self) -> Now {
        let now = Now::at(chrono::Local::now().fixed_offset());
        Now {
            today: self.test_today.unwrap_or(now.today),
            ..now
        }
    }
}
