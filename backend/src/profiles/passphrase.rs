//! New passphrases: how strong they must be, and the passphrase the app suggests.
//!
//! Length alone let `password` and `12345678` through. A new passphrase (for a profile, after
//! recovery, or for a backup file) must also be hard to guess by Dropbox's zxcvbn estimator:
//! a score of at least [`MIN_PASSPHRASE_SCORE`] (out of 4), which refuses common passwords,
//! keyboard patterns, dates, repeats and words from the person's own name. The suggestion is
//! four words drawn at random from the EFF's long word list (7,776 words, so about 52 bits),
//! which is easy to write down and to type.

use rand_core::CryptoRng;
use zeroize::Zeroizing;

use super::{MAX_PASSPHRASE_CHARS, MIN_PASSPHRASE_CHARS};
use crate::error::{Error, Result};

/// The lowest zxcvbn score (0 to 4) accepted: "safely unguessable" against an attacker who
/// has a copy of the files, given the slow key derivation.
pub const MIN_PASSPHRASE_SCORE: u8 = 3;
/// How many words a suggested passphrase has.
pub const SUGGESTED_WORDS: usize = 4;

/// Checks a new passphrase: long enough, not absurdly long, and hard to guess. `related` are
/// words a guesser would try first (the profile's name).
pub(crate) fn check_new_passphrase(passphrase: &str, related: &[&str]) -> Result<()> {
    let len = passphrase.chars().count();
    if len < MIN_PASSPHRASE_CHARS {
        return Err(Error::InvalidInput(format!(
            "Please choose a passphrase of at least {MIN_PASSPHRASE_CHARS} characters. Four or more words that have nothing to do with you work well, like the one suggested."
        )));
    }
    if len > MAX_PASSPHRASE_CHARS {
        return Err(Error::InvalidInput(format!(
            "Please choose a passphrase of at most {MAX_PASSPHRASE_CHARS} characters."
        )));
    }
    if strength(passphrase, related) < MIN_PASSPHRASE_SCORE {
        return Err(Error::InvalidInput(
            "This passphrase would be easy to guess: it is one many people use, a simple pattern, or too like a name. Please use four or more words that have nothing to do with you, or take the one suggested."
                .into(),
        ));
    }
    Ok(())
}

/// zxcvbn's score, 0 (guessed at once) to 4 (very hard to guess). Each related name counts
/// whole and word by word, so "Gwenllian" is as weak as "Gwenllian Rhiannon" for that profile.
fn strength(passphrase: &str, related: &[&str]) -> u8 {
    let words: Vec<&str> = related
        .iter()
        .flat_map(|name| std::iter::once(*name).chain(name.split_whitespace()))
        .collect();
    zxcvbn::zxcvbn(passphrase, &words).score().into()
}

/// A passphrase of [`SUGGESTED_WORDS`] random words, from the randomness passed in.
pub fn suggest_passphrase<R: CryptoRng + ?Sized>(rng: &mut R) -> Zeroizing<String> {
    let words = diceware_wordlists::Wordlist::EffLong.get_list();
    let count = u32::try_from(words.len()).unwrap_or(u32::MAX);
    // Draws above the largest multiple of `count` are thrown back, so every word is equally
    // likely.
    let limit = u32::MAX - u32::MAX % count;
    let mut out = Zeroizing::new(String::new());
    let mut chosen = 0;
    while chosen < SUGGESTED_WORDS {
        let mut bytes = Zeroizing::new([0u8; 4]);
        rng.fill_bytes(bytes.as_mut());
        let draw = u32::from_le_bytes(*bytes);
        if draw >= limit {
            continue;
        }
        if chosen > 0 {
            out.push(' ');
        }
        out.push_str(words[(draw % count) as usize]);
        chosen += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{rngs::StdRng, SeedableRng};

    #[test]
    fn common_passwords_and_patterns_are_refused_in_plain_words() {
        for weak in [
            "password",
            "12345678",
            "password1",
            "qwertyuiop",
            "iloveyou",
            "aaaaaaaaaa",
            "Margaret1950",
            "letmein123",
        ] {
            let err = check_new_passphrase(weak, &["Margaret"]).expect_err(weak);
            assert_eq!(err.code(), "invalid_input", "{weak}");
            assert!(err.to_string().contains("easy to guess"), "{weak}: {err}");
            assert!(
                !err.to_string().contains(weak),
                "the message never quotes it"
            );
        }
        let err = check_new_passphrase("short", &[]).expect_err("short");
        assert!(err.to_string().contains("at least 8 characters"));
        for strong in [
            "river candle tuesday orange",
            "lighthouse pebble autumn tea",
            "correct horse battery staple",
        ] {
            check_new_passphrase(strong, &["Margaret"]).expect(strong);
        }
    }

    #[test]
    fn a_passphrase_made_of_the_profiles_name_is_refused() {
        for (passphrase, name) in [
            ("Gwenllian Rhiannon", "Gwenllian Rhiannon"),
            ("gwenllianrhiannon", "Gwenllian Rhiannon"),
            ("Blodwen Blodwen 1950", "Blodwen"),
        ] {
            // Strong enough for anyone else...
            check_new_passphrase(passphrase, &["Someone Else"]).expect(passphrase);
            // ...but the first guess against this profile.
            let err = check_new_passphrase(passphrase, &[name]).expect_err(passphrase);
            assert!(err.to_string().contains("nothing to do with you"), "{err}");
        }
    }

    #[test]
    fn suggestions_are_four_words_from_the_list_and_pass_the_check() {
        let words = diceware_wordlists::Wordlist::EffLong.get_list();
        assert_eq!(words.len(), 7776);
        let a = suggest_passphrase(&mut StdRng::seed_from_u64(1));
        let b = suggest_passphrase(&mut StdRng::seed_from_u64(2));
        assert_ne!(a, b);
        for seed in 0..50 {
            let s = suggest_passphrase(&mut StdRng::seed_from_u64(seed));
            let parts: Vec<&str> = s.split(' ').collect();
            assert_eq!(parts.len(), SUGGESTED_WORDS, "{}", s.as_str());
            assert!(parts.iter().all(|w| words.contains(w)));
            check_new_passphrase(&s, &["Margaret"]).expect("a suggestion is strong enough");
        }
    }
}
