//! The calendar file, parsed back with the same crate's parser (and checked as text).

use super::*;
use crate::journey::RecordItem;
use icalendar::{CalendarComponent, DatePerhapsTime};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn made() -> DateTime<Utc> {
    d(2026, 12, 2)
        .and_hms_opt(9, 30, 0)
        .expect("time")
        .and_utc()
}

fn journey() -> Journey {
    let mut j = Journey::default();
    j.appointment.date = Some(d(2026, 12, 10));
    j.appointment.time = "10:30".into();
    j.appointment.place = "Clinic 4, St James's\nLeeds".into();
    j.appointment.with_whom = "Dr Rees".into();
    j.treatment_proposed = "Surgery for bowel cancer".into();
    j.records_received_on = Some(d(2026, 11, 20));
    j.records = vec![RecordItem {
        label: "Scan reports".into(),
        asked: true,
        arrived: false,
    }];
    j.decide_by = Some(d(2026, 12, 24));
    j
}

fn parse(file: &CalendarFile) -> Calendar {
    let text = String::from_utf8(file.bytes.clone()).expect("utf-8");
    text.parse::<Calendar>().expect("parses back")
}

fn events(cal: &Calendar) -> Vec<&Event> {
    cal.components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

#[test]
fn the_file_parses_back_with_each_reminder_neutral_titled_and_alarmed() {
    let file = calendar(
        &journey(),
        d(2026, 12, 2),
        made(),
        &CalendarOptions::default(),
    )
    .expect("a file");
    assert_eq!(file.file_name, "reminders-2026-12-02.ics");
    let cal = parse(&file);
    let e = events(&cal);
    let titles: Vec<&str> = e.iter().filter_map(|e| e.get_summary()).collect();
    assert_eq!(
        titles,
        vec![
            "Appointment",
            "Print your pack",
            "Records due",
            "Decide by today"
        ]
    );
    // 10:30 in December is 10:30 GMT.
    assert_eq!(
        e[0].get_start(),
        Some(DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(
            d(2026, 12, 10).and_hms_opt(10, 30, 0).expect("t").and_utc()
        )))
    );
    assert_eq!(e[0].get_location(), Some("Clinic 4, St James's Leeds"));
    // Two days before; one month after the day received; the decide-by day.
    assert_eq!(
        e[1].get_start(),
        Some(DatePerhapsTime::Date(d(2026, 12, 8)))
    );
    assert_eq!(
        e[2].get_start(),
        Some(DatePerhapsTime::Date(d(2026, 12, 20)))
    );
    assert_eq!(
        e[3].get_start(),
        Some(DatePerhapsTime::Date(d(2026, 12, 24)))
    );
    let text = String::from_utf8(file.bytes).expect("utf-8");
    assert_eq!(
        text.matches("BEGIN:VALARM").count(),
        5,
        "two for the appointment"
    );
    assert!(
        text.contains("TRIGGER;RELATED=START:-PT86400S"),
        "a day before: {text}"
    );
    assert!(
        text.contains("TRIGGER;RELATED=START:PT32400S"),
        "9 in the morning: {text}"
    );
    assert!(text.contains("DTSTAMP:20261202T093000Z"));
    assert!(text.contains("PRODID:-//Second Opinion//Reminders//EN"));
    // Nothing about health, and nobody's name unless asked.
    for never in ["cancer", "Surgery", "Scan", "Rees"] {
        assert!(!text.contains(never), "{never} in {text}");
    }
}

#[test]
fn the_same_inputs_give_the_same_file() {
    let a = calendar(
        &journey(),
        d(2026, 12, 2),
        made(),
        &CalendarOptions::default(),
    );
    let b = calendar(
        &journey(),
        d(2026, 12, 2),
        made(),
        &CalendarOptions::default(),
    );
    assert_eq!(a, b);
}

#[test]
fn summer_times_are_british_summer_time_and_the_doctor_is_named_only_when_asked() {
    let mut j = journey();
    j.appointment.date = Some(d(2027, 6, 15));
    j.appointment.time = "2.15pm".into();
    let options = CalendarOptions { name_who: true };
    let file = calendar(&j, d(2026, 12, 2), made(), &options).expect("a file");
    let cal = parse(&file);
    let e = events(&cal);
    assert_eq!(e[0].get_summary(), Some("Appointment with Dr Rees"));
    let utc = d(2027, 6, 15).and_hms_opt(13, 15, 0).expect("t").and_utc();
    assert_eq!(
        e[0].get_start(),
        Some(DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(
            utc
        )))
    );
}

#[test]
fn a_time_that_cannot_be_read_makes_an_all_day_appointment() {
    let mut j = journey();
    j.appointment.time = "morning, after the scan".into();
    let file = calendar(&j, d(2026, 12, 2), made(), &CalendarOptions::default()).expect("file");
    let cal = parse(&file);
    assert_eq!(
        events(&cal)[0].get_start(),
        Some(DatePerhapsTime::Date(d(2026, 12, 10)))
    );
}

#[test]
fn past_days_and_arrived_records_are_left_out_and_nothing_to_come_is_no_file() {
    let mut j = journey();
    j.records[0].arrived = true;
    let file = calendar(&j, d(2026, 12, 9), made(), &CalendarOptions::default()).expect("file");
    let cal = parse(&file);
    let titles: Vec<&str> = events(&cal)
        .iter()
        .filter_map(|e| e.get_summary())
        .collect();
    assert_eq!(
        titles,
        vec!["Appointment", "Decide by today"],
        "pack day passed"
    );
    assert_eq!(
        calendar(&j, d(2026, 12, 25), made(), &CalendarOptions::default()),
        None
    );
    assert_eq!(
        calendar(
            &Journey::default(),
            d(2026, 12, 2),
            made(),
            &CalendarOptions::default()
        ),
        None
    );
}

#[test]
fn times_are_read_as_people_type_them() {
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
    assert_eq!(read_time("10:30"), t(10, 30));
    assert_eq!(read_time(" 9.15 "), t(9, 15));
    assert_eq!(read_time("14:00"), t(14, 0));
    assert_eq!(read_time("2pm"), t(14, 0));
    assert_eq!(read_time("2.30 PM"), t(14, 30));
    assert_eq!(read_time("12pm"), t(12, 0));
    assert_eq!(read_time("12:15am"), t(0, 15));
    for never in ["", "morning", "25:00", "10:3", "13pm", "0am", "ten"] {
        assert_eq!(read_time(never), None, "{never}");
    }
}

#[test]
fn uk_clock_changes_are_followed() {
    // 29 March 2026: 01:00 to 02:00 does not exist; 25 October 2026: 01:00 to 02:00 twice.
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).expect("t");
    assert_eq!(
        london_to_utc(d(2026, 3, 29), t(1, 30)),
        d(2026, 3, 29).and_hms_opt(1, 30, 0).expect("t").and_utc()
    );
    assert_eq!(
        london_to_utc(d(2026, 10, 25), t(1, 30)),
        d(2026, 10, 25).and_hms_opt(0, 30, 0).expect("t").and_utc()
    );
    assert_eq!(
        london_to_utc(d(2026, 3, 30), t(9, 0)),
        d(2026, 3, 30).and_hms_opt(8, 0, 0).expect("t").and_utc()
    );
}
