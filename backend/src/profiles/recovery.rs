//! The recovery code: shown once when a profile is made, printed on a recovery sheet, and typed
//! back if the passphrase is forgotten.
//!
//! 24 characters from a 32-character alphabet with no look-alikes (no 0/O, 1/I), so 120 random
//! bits, shown in six groups of four: `ABCD-EFGH-JKLM-NPQR-STUV-WXYZ`. Typing is forgiving:
//! lower case, spaces and dashes are all fine.

use rand_core::CryptoRng;
use zeroize::{Zeroize, Zeroizing};

use crate::error::{Error, Result};

/// The characters a recovery code is made of.
pub const RECOVERY_ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/// How many characters a recovery code has.
pub const RECOVERY_CODE_CHARS: usize = 24;
/// How many characters each group of a shown code has.
pub const RECOVERY_CODE_GROUP: usize = 4;

/// A profile's recovery code. Zeroed on drop; `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryCode(Zeroizing<String>);

impl RecoveryCode {
    /// A new random code, from the randomness passed in.
    pub(crate) fn generate<R: CryptoRng + ?Sized>(rng: &mut R) -> RecoveryCode {
        let mut bytes = [0u8; RECOVERY_CODE_CHARS];
        rng.fill_bytes(&mut bytes);
        // 256 is a multiple of 32, so taking the low five bits is uniform.
        let code: String = bytes
            .iter()
            .map(|b| char::from(RECOVERY_ALPHABET[usize::from(b & 31)]))
            .collect();
        bytes.zeroize();
        RecoveryCode(Zeroizing::new(code))
    }

    /// Reads a code as a person typed it (any case, spaces and dashes ignored).
    pub fn parse(typed: &str) -> Result<RecoveryCode> {
        let mut code = Zeroizing::new(String::with_capacity(RECOVERY_CODE_CHARS));
        for c in typed.chars() {
            if c.is_whitespace() || c == '-' || c == '\u{2010}' || c == '\u{2013}' {
                continue;
            }
            let upper = c.to_ascii_uppercase();
            if !upper.is_ascii() || !RECOVERY_ALPHABET.contains(&(upper as u8)) {
                return Err(Error::InvalidInput(
                    "A recovery code has only the letters and numbers printed on your recovery sheet. Please check it and try again."
                        .into(),
                ));
            }
            code.push(upper);
        }
        if code.chars().count() != RECOVERY_CODE_CHARS {
            return Err(Error::InvalidInput(format!(
                "A recovery code has {RECOVERY_CODE_CHARS} letters and numbers. Please check it and try again."
            )));
        }
        Ok(RecoveryCode(code))
    }

    /// The code in groups of four joined by dashes, as printed on the recovery sheet.
    pub fn formatted(&self) -> Zeroizing<String> {
        let mut out = Zeroizing::new(String::with_capacity(RECOVERY_CODE_CHARS + 5));
        for (i, c) in self.0.chars().enumerate() {
            if i > 0 && i % RECOVERY_CODE_GROUP == 0 {
                out.push('-');
            }
            out.push(c);
        }
        out
    }

    /// The bytes a wrapping key is derived from (the 24 characters, no dashes).
    pub(crate) fn secret(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl std::fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryCode(<hidden>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{rngs::StdRng, SeedableRng};

    #[test]
    fn codes_are_24_unambiguous_characters_in_groups() {
        let code = RecoveryCode::generate(&mut StdRng::seed_from_u64(1));
        let shown = code.formatted();
        assert_eq!(shown.len(), 29);
        let groups: Vec<&str> = shown.split('-').collect();
        assert_eq!(groups.len(), 6);
        assert!(groups.iter().all(|g| g.len() == 4));
        assert!(shown
            .chars()
            .all(|c| c == '-' || RECOVERY_ALPHABET.contains(&(c as u8))));
        for ambiguous in ['0', 'O', '1', 'I'] {
            assert!(!RECOVERY_ALPHABET.contains(&(ambiguous as u8)));
        }
        assert_eq!(format!("{code:?}"), "RecoveryCode(<hidden>)");
    }

    #[test]
    fn typing_is_forgiving_but_exact() {
        let code = RecoveryCode::generate(&mut StdRng::seed_from_u64(2));
        let shown = code.formatted();
        let typed = format!("  {}  ", shown.to_lowercase().replace('-', " "));
        assert_eq!(RecoveryCode::parse(&typed).expect("parses"), code);
        assert_eq!(RecoveryCode::parse(&shown).expect("parses"), code);
        let short = &shown[..shown.len() - 1];
        assert_eq!(
            RecoveryCode::parse(short).expect_err("short").code(),
            "invalid_input"
        );
        let with_zero = format!("0{}", &shown[1..]);
        assert!(RecoveryCode::parse(&with_zero).is_err());
    }

    #[test]
    fn different_randomness_gives_different_codes() {
        let a = RecoveryCode::generate(&mut StdRng::seed_from_u64(3));
        let b = RecoveryCode::generate(&mut StdRng::seed_from_u64(4));
        assert_ne!(a, b);
    }
}
