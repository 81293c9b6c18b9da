//! The key a case database is encrypted with.
//!
//! Invariants: the key lives only in memory, is zeroed when dropped, and never appears in a log,
//! an error message or a `Debug` string.

use rand_core::CryptoRng;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

/// Length of a database key in bytes (256 bits).
pub const DATABASE_KEY_LEN: usize = 32;

/// The 32 random bytes a profile's database is encrypted with (SQLCipher raw key).
///
/// It is made once, when a profile is created, and stored on disk only wrapped (encrypted) by a
/// key derived from the passphrase and, separately, by the recovery code. Zeroed on drop.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct DatabaseKey([u8; DATABASE_KEY_LEN]);

impl DatabaseKey {
    /// A new random key, from the randomness passed in (the app passes the operating system's).
    pub fn generate<R: CryptoRng + ?Sized>(rng: &mut R) -> DatabaseKey {
        let mut bytes = [0u8; DATABASE_KEY_LEN];
        rng.fill_bytes(&mut bytes);
        let key = DatabaseKey(bytes);
        bytes.zeroize();
        key
    }

    /// Takes ownership of key bytes (for example just unwrapped from a keyslot).
    pub(crate) fn from_bytes(bytes: &Zeroizing<[u8; DATABASE_KEY_LEN]>) -> DatabaseKey {
        DatabaseKey(**bytes)
    }

    /// The raw bytes, for wrapping the key in a keyslot.
    pub(crate) fn as_bytes(&self) -> &[u8; DATABASE_KEY_LEN] {
        &self.0
    }

    /// The key as SQLCipher's raw-key text `x'<64 hex digits>'` (used as is, with no SQLCipher
    /// key derivation), for `ATTACH ... KEY ?`. Zeroed when dropped.
    pub(crate) fn sqlcipher_raw_key(&self) -> Zeroizing<String> {
        let hex = Zeroizing::new(hex::encode(self.0));
        let mut text = Zeroizing::new(String::with_capacity(DATABASE_KEY_LEN * 2 + 3));
        text.push_str("x'");
        text.push_str(&hex);
        text.push('\'');
        text
    }

    /// The SQL that gives this key to SQLCipher: `PRAGMA key = "x'<64 hex digits>'"`. Zeroed
    /// when dropped. (A pragma takes no bound parameters, so the key is in the SQL text.)
    pub(crate) fn pragma_key_sql(&self) -> Zeroizing<String> {
        let raw = self.sqlcipher_raw_key();
        let mut sql = Zeroizing::new(String::with_capacity(raw.len() + 16));
        sql.push_str("PRAGMA key = \"");
        sql.push_str(&raw);
        sql.push('"');
        sql
    }

    /// The raw key as 64 hex digits, so tests can read a database with an independent SQLCipher
    /// (for example Python's `sqlcipher3`). Never call this in the app.
    #[doc(hidden)]
    #[cfg(any(test, feature = "test-support"))]
    pub fn raw_key_hex_for_tests(&self) -> String {
        hex::encode(self.0)
    }
}

impl std::fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DatabaseKey(<hidden>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{rngs::StdRng, SeedableRng};

    #[test]
    fn debug_hides_the_key() {
        let key = DatabaseKey::generate(&mut StdRng::seed_from_u64(1));
        let shown = format!("{key:?}");
        assert_eq!(shown, "DatabaseKey(<hidden>)");
        assert!(!shown.contains(&key.raw_key_hex_for_tests()[..8]));
    }

    #[test]
    fn pragma_sql_is_a_raw_key() {
        let key = DatabaseKey::generate(&mut StdRng::seed_from_u64(2));
        let hex = key.raw_key_hex_for_tests();
        assert_eq!(hex.len(), 64);
        assert_eq!(*key.sqlcipher_raw_key(), format!("x'{hex}'"));
        assert_eq!(*key.pragma_key_sql(), format!("PRAGMA key = \"x'{hex}'\""));
    }

    #[test]
    fn keys_from_different_randomness_differ() {
        let a = DatabaseKey::generate(&mut StdRng::seed_from_u64(3));
        let b = DatabaseKey::generate(&mut StdRng::seed_from_u64(4));
        assert_ne!(a.as_bytes(), b.as_bytes());
    }
}
