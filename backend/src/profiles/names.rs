//! Profile names: what is accepted, in plain words when it is not. (New passphrases:
//! `passphrase.rs`.)

use super::MAX_PROFILE_NAME_CHARS;
use crate::error::{Error, Result};

/// Checks a display name and returns it without surrounding spaces.
pub(super) fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::InvalidInput(
            "Please type a name for this profile, for example your first name.".into(),
        ));
    }
    let len = name.chars().count();
    if len > MAX_PROFILE_NAME_CHARS {
        return Err(Error::InvalidInput(format!(
            "The name is too long ({len} characters). Please keep it under {MAX_PROFILE_NAME_CHARS} characters."
        )));
    }
    if name.chars().any(|c| c.is_control() || is_invisible(c)) {
        return Err(Error::InvalidInput(
            "The name has a hidden character that cannot be saved. Please retype it.".into(),
        ));
    }
    Ok(name.to_owned())
}

/// A name as an earlier version of the app may have stored it: the rules of [`check_name`]
/// without the newer refusal of invisible characters, so a profile named before that rule (a
/// right-to-left mark from the keyboard, say) still opens and is listed. New names, renames and
/// imports go through [`check_name`].
pub(super) fn check_stored_name(name: &str) -> Result<String> {
    let trimmed = name.trim();
    if trimmed.is_empty()
        || trimmed.chars().count() > MAX_PROFILE_NAME_CHARS
        || trimmed.chars().any(char::is_control)
    {
        return Err(Error::ProfileDamaged);
    }
    Ok(trimmed.to_owned())
}

/// Characters that show nothing or turn the text around: a name holding one can look like
/// another profile's. The joiners (U+200C, U+200D) stay allowed: some scripts and emoji need
/// them.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0E}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// How names are compared: after NFKC (so full-width or composed spellings of "Ann" are one
/// name) and ignoring capitals.
pub(super) fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfkc().collect::<String>().to_lowercase()
}
