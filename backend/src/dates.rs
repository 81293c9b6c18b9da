//! Dates the UK way, for screens and documents.

use chrono::NaiveDate;

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

    #[test]
    fn iso_is_sortable() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).expect("valid date");
        assert_eq!(iso(d), "2026-03-05");
    }
}
