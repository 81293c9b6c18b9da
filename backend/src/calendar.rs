//! Reminders as a calendar file (.ics, RFC 5545), for the person's own phone or computer
//! calendar: the appointment, the day the records are due, the decide-by day, and "print your
//! pack" two days before the appointment, each with a reminder alarm.
//!
//! Invariants: the file is a pure function of the journey, the moment it is made and the
//! options (no clock, no randomness: each event's UID is made from its kind and day); titles
//! are neutral by default ("Appointment", never a diagnosis), since a calendar is often shared
//! or shown on a locked phone's screen; nothing typed about health goes in. The place is given.
//!
//! Why times are written in UTC: the person's local time is the UK's (Europe/London), with its
//! change between GMT and BST, and a time in UTC worked out with the time zone rules (chrono-tz)
//! means the same moment in every calendar app, with no time zone definition to ship in the file.
//! Days without a time (records due, decide by) are all-day events, which calendars keep on the
//! same day wherever they are.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::London;
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Property, Trigger};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dates;
use crate::journey::Journey;

/// "Print your pack" falls this many days before the appointment.
pub const PRINT_PACK_DAYS_BEFORE: i64 = 2;
/// An appointment without a time that can be read is taken to last the day.
const APPOINTMENT_LENGTH: Duration = Duration::hours(1);

/// How the calendar file is made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CalendarOptions {
    /// Adds who the appointment is with to its title ("Appointment with Dr Rees"). Off by
    /// default: a calendar may be seen by others.
    pub name_who: bool,
}

/// A calendar file: its bytes and a default name with no health details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarFile {
    pub bytes: Vec<u8>,
    pub file_name: String,
}

/// Reads a time as typed: "10:30", "9.15", "14:00", "2pm", "2.30pm", "10:30 am". `None` for
/// anything else ("morning", "after lunch"): the event then lasts the day.
pub fn read_time(typed: &str) -> Option<NaiveTime> {
    let t = typed.trim().to_lowercase().replace(' ', "");
    let (body, pm) = if let Some(b) = t.strip_suffix("pm") {
        (b, Some(true))
    } else if let Some(b) = t.strip_suffix("am") {
        (b, Some(false))
    } else {
        (t.as_str(), None)
    };
    let (h, m) = match body.split_once([':', '.']) {
        Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
        None if pm.is_some() => (body.parse::<u32>().ok()?, 0),
        _ => return None,
    };
    let h = match pm {
        Some(_) if !(1..=12).contains(&h) => return None,
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    };
    NaiveTime::from_hms_opt(h, m, 0)
}

/// A UK local time as UTC. In the hour the clocks go back, the earlier (BST) moment; in the
/// hour they skip in spring, the moment an hour later.
fn london_to_utc(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let local = date.and_time(time);
    London
        .from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            London
                .from_local_datetime(&(local + Duration::hours(1)))
                .earliest()
        })
        .map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc))
}

/// One all-day event with an alarm at 9 in the morning of the day.
fn all_day(kind: &str, title: &str, day: NaiveDate, made: DateTime<Utc>) -> Event {
    let alarm = alarm(
        title,
        Trigger::after_start(Duration::hours(9)),
        kind,
        day,
        0,
        made,
    );
    Event::new()
        .uid(&uid(kind, day))
        .timestamp(made)
        .summary(title)
        .all_day(day)
        .alarm(alarm)
        .done()
}

/// A reminder that shows `title` at `trigger`. The crate would give an alarm a random UID and
/// the clock's DTSTAMP when none is set, so both are given (the `n`th alarm of the event).
fn alarm(
    title: &str,
    trigger: Trigger,
    kind: &str,
    day: NaiveDate,
    n: usize,
    made: DateTime<Utc>,
) -> Alarm {
    let mut a = Alarm::display(title, trigger);
    a.uid(&format!("alarm-{n}-{}", uid(kind, day)))
        .timestamp(made);
    a
}

fn uid(kind: &str, day: NaiveDate) -> String {
    format!("{kind}-{}@second-opinion.invalid", dates::iso(day))
}

/// The calendar file for a journey, made at `made` (the DTSTAMP every event needs). Only the
/// days still to come (from `today`) are included; `None` when there is none.
pub fn calendar(
    journey: &Journey,
    today: NaiveDate,
    made: DateTime<Utc>,
    options: &CalendarOptions,
) -> Option<CalendarFile> {
    let mut events = Vec::new();
    let appointment = &journey.appointment;
    if let Some(day) = appointment.date.filter(|d| *d >= today) {
        let who = appointment.with_whom.trim();
        let title = if options.name_who && !who.is_empty() {
            format!("Appointment with {}", one_line(who))
        } else {
            "Appointment".to_owned()
        };
        let mut event = Event::new();
        event
            .uid(&uid("appointment", day))
            .timestamp(made)
            .summary(&title);
        match read_time(&appointment.time) {
            Some(time) => {
                let starts = london_to_utc(day, time);
                event.starts(starts).ends(starts + APPOINTMENT_LENGTH);
                let day_before = Trigger::before_start(Duration::days(1));
                let hours_before = Trigger::before_start(Duration::hours(2));
                event.alarm(alarm(&title, day_before, "appointment", day, 0, made));
                event.alarm(alarm(&title, hours_before, "appointment", day, 1, made));
            }
            None => {
                event.all_day(day);
                // 9 in the morning the day before.
                let trigger = Trigger::from(-Duration::hours(15));
                event.alarm(alarm(&title, trigger, "appointment", day, 0, made));
            }
        }
        let place = one_line(&appointment.place);
        if !place.is_empty() {
            event.location(&place);
        }
        events.push(event.done());
        let print_on = day - Duration::days(PRINT_PACK_DAYS_BEFORE);
        if print_on >= today {
            events.push(all_day("print-pack", "Print your pack", print_on, made));
        }
    }
    let waiting = journey.upcoming_facts().records_requests;
    for (due, _) in waiting
        .into_iter()
        .filter(|(d, arrived)| !arrived && d.due >= today)
    {
        events.push(all_day("records-due", "Records due", due.due, made));
    }
    if let Some(day) = journey.decide_by.filter(|d| *d >= today) {
        events.push(all_day("decide-by", "Decide by today", day, made));
    }
    if events.is_empty() {
        return None;
    }
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", "-//Second Opinion//Reminders//EN"));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    for e in events {
        cal.push(e);
    }
    Some(CalendarFile {
        bytes: cal.done().to_string().into_bytes(),
        file_name: format!("reminders-{}.ics", dates::iso(today)),
    })
}

/// Text on one line: calendars show a title or place in one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
