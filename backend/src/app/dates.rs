//! Dates read and shown the UK way, for the UI's date boxes. The `dates` commands.

use crate::dates::{parse_uk, DateReading};
use crate::error::Result;

/// Reads a date typed the UK way ("21/11/2026", "21 Nov 2026"); a plain message when it is not
/// one.
pub fn read_date(text: &str) -> Result<DateReading> {
    Ok(DateReading::of(parse_uk(text)?))
}

/// Shows a stored date ("2026-11-21") in every form.
pub fn show_date(iso: &str) -> Result<DateReading> {
    Ok(DateReading::of(parse_uk(iso)?))
}
