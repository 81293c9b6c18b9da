//! The open profile's own idle deadline. The window has a timer of its own (it saves what is
//! being typed, then locks), but a window can be frozen, throttled in the background, or
//! changed by a script; so the backend also keeps the time of last use and, once the deadline
//! has passed, refuses to act and locks.

use chrono::{DateTime, Duration, Utc};

/// How long after the window's own lock time the backend locks: the window's lock comes first
/// in normal use (and saves what is being typed), the backend's only if the window's did not.
pub const IDLE_GRACE: Duration = Duration::seconds(20);

/// When an open profile was last used, and for how long it may sit unused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdleDeadline {
    last_used: DateTime<Utc>,
    limit: Duration,
}

impl IdleDeadline {
    /// A profile opened at `now`, that locks after `limit` without use.
    pub fn starting(now: DateTime<Utc>, limit: Duration) -> IdleDeadline {
        IdleDeadline {
            last_used: now,
            limit,
        }
    }

    /// The person used the app at `now`. A clock set back starts the wait again from `now`.
    pub fn used(&mut self, now: DateTime<Utc>) {
        self.last_used = now;
    }

    /// A new limit (the person chose another idle time), counted from the last use.
    pub fn set_limit(&mut self, limit: Duration) {
        self.limit = limit;
    }

    /// The moment after which the backend refuses to act.
    pub fn deadline(&self) -> DateTime<Utc> {
        self.last_used + self.limit + IDLE_GRACE
    }

    /// Whether the deadline has passed at `now`. The wall clock is used, not a monotonic one,
    /// so time spent suspended counts: a laptop opened after an hour is locked.
    pub fn has_passed(&self, now: DateTime<Utc>) -> bool {
        now >= self.deadline()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0)
            .single()
            .expect("time")
            + Duration::seconds(seconds)
    }

    #[test]
    fn the_deadline_is_the_limit_after_the_last_use_plus_the_grace() {
        let mut idle = IdleDeadline::starting(at(0), Duration::minutes(10));
        assert!(!idle.has_passed(at(600)));
        assert!(!idle.has_passed(at(619)));
        assert!(idle.has_passed(at(620)));
        idle.used(at(300));
        assert!(!idle.has_passed(at(900)));
        assert!(idle.has_passed(at(920)));
        idle.set_limit(Duration::minutes(2));
        assert!(idle.has_passed(at(440)));
    }

    #[test]
    fn a_clock_set_back_starts_the_wait_again_and_suspended_time_counts() {
        let mut idle = IdleDeadline::starting(at(1000), Duration::minutes(5));
        assert!(!idle.has_passed(at(0)), "the clock went back: not passed");
        idle.used(at(0));
        assert!(idle.has_passed(at(320)));
        // An hour asleep: the wall clock moved on, so the deadline has passed.
        assert!(idle.has_passed(at(3600)));
    }
}
