//! Dates the UK way, for screens and documents: read as people type them ("21/11/2026",
//! "21-11-2026", "21 Nov 2026"), shown in words ("21 November 2026").

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};

/// A date the person typed, as the app keeps it and as it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DateReading {
    /// "2026-11-21": how the date is stored.
    pub iso: String,
    /// "21/11/2026": how it is shown in a box to type in.
    pub short: String,
    /// "21 November 2026": how it is shown in words.
    pub words: String,
}

impl DateReading {
    pub fn of(date: NaiveDate) -> DateReading {
        DateReading {
            iso: iso(date),
            short: short_uk(date),
            words: long_uk(date),
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_named(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    // "Nov", "Sept" and "November" all name November.
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w))
        .map(|i| i as u32 + 1)
}

/// The longest text read as a date ("21st September 2026" is 19 characters).
pub const MAX_DATE_CHARS: usize = 40;

/// Reads a date typed the UK way: day first. Accepts "21/11/2026", "21-11-2026", "21.11.2026",
/// "21 11 2026", "21 Nov 2026", "21 November 2026", "21st November 2026", and the stored form
/// "2026-11-21". A two-figure year is this century's ("1/12/26" is 1 December 2026), as most
/// dates typed here are recent or coming; the box then shows the year in full, so the person
/// sees what was read, and a date of birth read into the future is questioned by the case's
/// own check. Other lengths of year are refused.
pub fn parse_uk(text: &str) -> Result<NaiveDate> {
    // No date is this long; the message does not repeat a pasted page back.
    if text.trim().chars().count() > MAX_DATE_CHARS {
        return Err(Error::InvalidInput(
            "That is too long to be a date. Please type the day, month and year, for example 21/11/2026."
                .into(),
        ));
    }
    let problem = || {
        Error::InvalidInput(format!(
            "We could not read \"{}\" as a date. Please type the day, month and year, for example 21/11/2026.",
            text.trim()
        ))
    };
    let trimmed = text.trim();
    // The stored form has a four-figure year first ("01-12-26" is the 1st of December).
    let stored_form = trimmed.len() == 10 && trimmed.as_bytes()[4] == b'-';
    if stored_form {
        if let Ok(d) = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d") {
            return Ok(d);
        }
    }
    let parts: Vec<&str> = trimmed
        .split(|c: char| c == '/' || c == '-' || c == '.' || c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let [day, month, year] = parts.as_slice() else {
        return Err(problem());
    };
    let day = day
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse::<u32>()
        .map_err(|_| problem())?;
    let month = match month.parse::<u32>() {
        Ok(m) => m,
        Err(_) => month_named(month).ok_or_else(problem)?,
    };
    if !year.chars().all(|c| c.is_ascii_digit()) {
        return Err(problem());
    }
    let year = match year.len() {
        4 => year.parse::<i32>().map_err(|_| problem())?,
        2 => 2000 + year.parse::<i32>().map_err(|_| problem())?,
        _ => return Err(problem()),
    };
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        Error::InvalidInput(format!(
            "There is no such date as \"{}\". Please check the day and the month.",
            trimmed
        ))
    })
}

/// "21/11/2026": the short UK form, for a box to type in.
pub fn short_uk(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

/// "21 November 2026": how dates are printed in letters and shown on screen.
pub fn long_uk(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// "2026-11-21": how dates appear in file names (sortable, valid on every OS).
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_uk_has_no_leading_zero_and_full_month() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date");
        assert_eq!(long_uk(d), "1 November 2026");
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).expect("valid date");
        assert_eq!(long_uk(d), "29 February 2024");
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn reads_dates_the_uk_way() {
        for typed in [
            "21/11/2026",
            "21-11-2026",
            "21.11.2026",
            " 21 / 11 / 2026 ",
            "21 Nov 2026",
            "21 nov. 2026",
            "21 November 2026",
            "21st November 2026",
            "21 NOVEMBER, 2026",
            "2026-11-21",
        ] {
            assert_eq!(parse_uk(typed).expect(typed), d(2026, 11, 21), "{typed}");
        }
        // Day first: 3/4/2026 is the 3rd of April, not the 4th of March.
        assert_eq!(parse_uk("3/4/2026").expect("date"), d(2026, 4, 3));
        assert_eq!(parse_uk("1 Sept 2026").expect("date"), d(2026, 9, 1));
    }

    #[test]
    fn a_two_figure_year_is_this_centurys_and_is_shown_in_full() {
        for typed in ["1/12/26", "01-12-26", "1 Dec 26", "1st December 26"] {
            let date = parse_uk(typed).expect(typed);
            assert_eq!(date, d(2026, 12, 1), "{typed}");
            assert_eq!(short_uk(date), "01/12/2026", "{typed}");
        }
        assert_eq!(parse_uk("3/4/00").expect("date"), d(2000, 4, 3));
        assert_eq!(parse_uk("3/4/99").expect("date"), d(2099, 4, 3));
        for typed in [
            "1/12/2",
            "1/12/202",
            "1/12/20266",
            "1/12/+6",
            "1/12/-6",
            "1/12/+026",
        ] {
            assert!(parse_uk(typed).is_err(), "{typed}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_date_with_a_plain_message() {
        for typed in [
            "",
            "soon",
            "31/02/2026",
            "21/13/2026",
            "21/11/206",
            "11/21/2026",
            "21 Nozember 2026",
            "21 Ju 2026",
        ] {
            let err = parse_uk(typed).expect_err(typed);
            assert_eq!(err.code(), "invalid_input", "{typed}");
            assert!(err.to_string().contains("date"), "{typed}: {err}");
        }
        assert!(parse_uk("29/02/2025")
            .expect_err("not a leap year")
            .to_string()
            .contains("no such date"));
        assert_eq!(parse_uk("29/02/2024").expect("leap year"), d(2024, 2, 29));
    }

    #[test]
    fn a_reading_gives_every_form() {
        assert_eq!(
            DateReading::of(d(2026, 3, 5)),
            DateReading {
                iso: "2026-03-05".into(),
                short: "05/03/2026".into(),
                words: "5 March 2026".into(),
            }
        );
        // What is shown reads back as the same date.
        let r = DateReading::of(d(2026, 11, 21));
        assert_eq!(parse_uk(&r.short).expect("short"), d(2026, 11, 21));
        assert_eq!(parse_uk(&r.words).expect("words"), d(2026, 11, 21));
    }

    #[test]
    fn iso_is_sortable() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).expect("valid date");
        assert_eq!(iso(d), "2026-03-05");
    }
}
