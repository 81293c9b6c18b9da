//! The NHS number: ten digits, the last a Modulus 11 check digit. (Scotland's CHI number and
//! Northern Ireland's H&C number are also ten digits with the same check, so one rule serves all
//! four nations.)
//!
//! Invariant: the number is stored exactly as typed (spaces and all); it is checked here before
//! a save and printed in the NHS's own grouping, "943 476 5919".

use crate::error::{Error, Result};

/// What the person sees when the number does not pass the check.
pub const NHS_NUMBER_MESSAGE: &str =
    "This NHS number does not look right. Please check it against a letter from the NHS.";

/// The ten digits of a typed NHS number, ignoring spaces; `None` for an empty field.
/// Anything other than ten digits and spaces, or a wrong check digit, is refused in plain words.
pub fn parse_nhs_number(typed: &str) -> Result<Option<[u8; 10]>> {
    if typed.trim().is_empty() {
        return Ok(None);
    }
    let mut digits = [0u8; 10];
    let mut count = 0;
    for c in typed.chars() {
        if c == ' ' {
            continue;
        }
        if !c.is_ascii_digit() || count == 10 {
            return Err(Error::InvalidNhsNumber);
        }
        digits[count] = c as u8 - b'0';
        count += 1;
    }
    if count != 10 || check_digit(&digits) != Some(digits[9]) {
        return Err(Error::InvalidNhsNumber);
    }
    Ok(Some(digits))
}

/// The Modulus 11 check digit of the first nine digits: weights 10 down to 2, then
/// 11 − (sum mod 11); 11 becomes 0, and 10 means no number with these nine digits is valid.
pub fn check_digit(digits: &[u8; 10]) -> Option<u8> {
    let sum: u32 = digits[..9]
        .iter()
        .zip((2..=10u32).rev())
        .map(|(d, w)| u32::from(*d) * w)
        .sum();
    match 11 - (sum % 11) {
        11 => Some(0),
        10 => None,
        d => u8::try_from(d).ok(),
    }
}

/// A typed NHS number as the NHS prints it ("943 476 5919"); empty when none was typed.
/// A number that does not pass the check is returned as typed (the store never holds one).
pub fn nhs_number_for_print(typed: &str) -> String {
    match parse_nhs_number(typed) {
        Ok(Some(d)) => {
            let s: String = d.iter().map(|d| char::from(b'0' + d)).collect();
            format!("{} {} {}", &s[..3], &s[3..6], &s[6..])
        }
        Ok(None) => String::new(),
        Err(_) => typed.trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nhs_example_number_passes_with_or_without_spaces() {
        // 943 476 5919 is the NHS's own published example of a valid number.
        for typed in ["9434765919", "943 476 5919", " 943  476 5919 "] {
            assert!(
                matches!(parse_nhs_number(typed), Ok(Some(_))),
                "{typed:?} should pass"
            );
            assert_eq!(nhs_number_for_print(typed), "943 476 5919");
        }
    }

    #[test]
    fn empty_is_no_number() {
        assert!(matches!(parse_nhs_number(""), Ok(None)));
        assert!(matches!(parse_nhs_number("   "), Ok(None)));
        assert_eq!(nhs_number_for_print(""), "");
    }

    #[test]
    fn a_wrong_check_digit_is_refused_with_the_plain_message() {
        let err = parse_nhs_number("943 476 5918").expect_err("wrong check digit");
        assert_eq!(err.code(), "invalid_nhs_number");
        assert_eq!(err.to_string(), NHS_NUMBER_MESSAGE);
    }

    #[test]
    fn wrong_length_letters_and_other_marks_are_refused() {
        for typed in [
            "943 476 591",
            "943 476 59190",
            "943-476-5919",
            "94347659I9",
            "٩٤٣٤٧٦٥٩١٩", // Arabic-Indic digits: not what the NHS prints
            "943\u{200b}4765919",
        ] {
            assert!(parse_nhs_number(typed).is_err(), "{typed:?} should fail");
        }
    }

    #[test]
    fn check_digit_rules_eleven_becomes_zero_and_ten_is_invalid() {
        // sum = 0 → 11 - 0 = 11 → 0.
        assert_eq!(check_digit(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), Some(0));
        assert!(parse_nhs_number("000 000 0000").is_ok());
        // 1 at weight 2: sum = 2 → 11 - 2 = 9.
        assert_eq!(check_digit(&[0, 0, 0, 0, 0, 0, 0, 0, 1, 0]), Some(9));
        // 1 at weight 10: sum = 10 → 11 - 10 = 1.
        assert_eq!(check_digit(&[1, 0, 0, 0, 0, 0, 0, 0, 0, 0]), Some(1));
        // 1 at weight 9 → sum 9 → 2; weights 10 and 2 → sum 12 → 12 mod 11 = 1 → 10: invalid.
        assert_eq!(check_digit(&[1, 0, 0, 0, 0, 0, 0, 0, 1, 0]), None);
        for last in 0..=9 {
            let typed = format!("100000001{last}");
            assert!(
                parse_nhs_number(&typed).is_err(),
                "{typed} has no valid check digit"
            );
        }
    }

    #[test]
    fn exactly_one_check_digit_fits_each_valid_stem() {
        // Every stem whose check is not 10 has exactly one valid last digit.
        for stem in [123_456_789u32, 401_023_213, 943_476_591] {
            let s = format!("{stem:09}");
            let valid: Vec<u32> = (0..=9)
                .filter(|d| parse_nhs_number(&format!("{s}{d}")).is_ok())
                .collect();
            assert!(valid.len() <= 1, "{s}: {valid:?}");
        }
        assert!(parse_nhs_number("401 023 2137").is_ok());
    }
}
