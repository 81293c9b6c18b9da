//! Key derivation: a passphrase or recovery code becomes a 256-bit wrapping key with Argon2id.
//!
//! The parameters are stored with each keyslot and always used as stored, so a profile made with
//! other parameters (an older app, a test) still unlocks. Parameters read from a file are checked
//! against bounds first, so a tampered or damaged file cannot make the app allocate without limit.

use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// Length of a wrapping key in bytes.
pub(crate) const WRAPPING_KEY_LEN: usize = 32;
/// Length of a salt in bytes.
pub(crate) const SALT_LEN: usize = 16;

/// A key derived from a passphrase or recovery code, used only to wrap the database key.
pub(crate) type WrappingKey = Zeroizing<[u8; WRAPPING_KEY_LEN]>;

/// Argon2id's cost parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory, in KiB.
    pub m_cost_kib: u32,
    /// Passes over the memory.
    pub t_cost: u32,
    /// Lanes (parallelism).
    pub p_cost: u32,
}

impl KdfParams {
    /// What the app uses for new profiles: 192 MiB, 2 passes, 1 lane. Measured at about 0.4 s
    /// of CPU per derive in a release build here (see `benches/profiles.rs`); slow enough that
    /// guessing passphrases from a copied profile folder costs real time and memory per guess,
    /// quick enough for a person waiting to be let in.
    pub const RECOMMENDED: KdfParams = KdfParams {
        m_cost_kib: 192 * 1024,
        t_cost: 2,
        p_cost: 1,
    };

    /// The smallest memory accepted, in KiB (Argon2's own minimum for one lane is 8 KiB).
    pub const MIN_M_COST_KIB: u32 = 64;
    /// The largest memory accepted, in KiB (4 GiB).
    pub const MAX_M_COST_KIB: u32 = 4 * 1024 * 1024;
    /// The most passes accepted.
    pub const MAX_T_COST: u32 = 64;
    /// The most lanes accepted.
    pub const MAX_P_COST: u32 = 16;

    /// Tiny, fast parameters for tests only. Never use them for a real profile.
    #[doc(hidden)]
    pub const INSECURE_FOR_TESTS: KdfParams = KdfParams {
        m_cost_kib: 64,
        t_cost: 1,
        p_cost: 1,
    };

    /// Checks the parameters are within bounds (also for parameters read from a file).
    pub fn check(self) -> Result<KdfParams> {
        let ok = (Self::MIN_M_COST_KIB..=Self::MAX_M_COST_KIB).contains(&self.m_cost_kib)
            && (1..=Self::MAX_T_COST).contains(&self.t_cost)
            && (1..=Self::MAX_P_COST).contains(&self.p_cost)
            && self.m_cost_kib >= 8 * self.p_cost;
        if ok {
            Ok(self)
        } else {
            Err(Error::InvalidInput(
                "These key settings are outside what the app supports.".into(),
            ))
        }
    }

    /// Derives the wrapping key for `secret` with `salt`.
    pub(crate) fn derive(self, secret: &[u8], salt: &[u8; SALT_LEN]) -> Result<WrappingKey> {
        let params = self.check()?;
        let argon_params = Params::new(
            params.m_cost_kib,
            params.t_cost,
            params.p_cost,
            Some(WRAPPING_KEY_LEN),
        )
        .map_err(|_| Error::InvalidInput("These key settings cannot be used.".into()))?;
        let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params);
        let mut out = Zeroizing::new([0u8; WRAPPING_KEY_LEN]);
        argon
            .hash_password_into(secret, salt, out.as_mut())
            .map_err(|_| Error::Storage("key derivation failed".into()))?;
        Ok(out)
    }
}

impl Default for KdfParams {
    fn default() -> Self {
        KdfParams::RECOMMENDED
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_inputs_give_the_same_key_and_any_change_another() {
        let p = KdfParams::INSECURE_FOR_TESTS;
        let salt = [7u8; SALT_LEN];
        let a = p.derive(b"correct horse", &salt).expect("derives");
        assert_eq!(*a, *p.derive(b"correct horse", &salt).expect("again"));
        assert_ne!(
            *a,
            *p.derive(b"correct horsf", &salt).expect("other secret")
        );
        assert_ne!(
            *a,
            *p.derive(b"correct horse", &[8u8; SALT_LEN])
                .expect("other salt")
        );
        let more = KdfParams {
            t_cost: 2,
            ..KdfParams::INSECURE_FOR_TESTS
        };
        assert_ne!(
            *a,
            *more.derive(b"correct horse", &salt).expect("other params")
        );
    }

    #[test]
    fn out_of_bounds_parameters_are_refused() {
        for bad in [
            KdfParams {
                m_cost_kib: 8,
                ..KdfParams::INSECURE_FOR_TESTS
            },
            KdfParams {
                m_cost_kib: u32::MAX,
                ..KdfParams::INSECURE_FOR_TESTS
            },
            KdfParams {
                t_cost: 0,
                ..KdfParams::INSECURE_FOR_TESTS
            },
            KdfParams {
                p_cost: 1000,
                ..KdfParams::INSECURE_FOR_TESTS
            },
        ] {
            assert!(bad.check().is_err(), "{bad:?}");
            assert!(bad.derive(b"x", &[0; SALT_LEN]).is_err());
        }
        assert!(KdfParams::RECOMMENDED.check().is_ok());
    }
}
