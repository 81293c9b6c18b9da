//! Key derivation: a passphrase or recovery code becomes a 256-bit wrapping key with Argon2id.
//!
//! The parameters are stored with each keyslot and always used as stored, so a profile made with
//! other parameters (an older app, a test) still unlocks. Parameters read from a file are checked
//! against bounds first: a floor near today's settings (so a file edited to ask for cheap ones is
//! refused, never used or copied into a new seal) and a ceiling (so it cannot make the app
//! allocate or compute without limit). Parameters below today's are raised on the next seal.

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

    /// The least memory accepted, in KiB (128 MiB): near [`KdfParams::RECOMMENDED`], so a
    /// profile or export file edited to ask for cheap settings is refused rather than used (and
    /// a new passphrase is never sealed with them).
    pub const MIN_M_COST_KIB: u32 = 128 * 1024;
    /// The fewest passes accepted.
    pub const MIN_T_COST: u32 = 2;
    /// The most memory accepted, in KiB (1 GiB): more would stall or exhaust an ordinary
    /// computer (4 GiB took 26 s and 4.2 GB in the review).
    pub const MAX_M_COST_KIB: u32 = 1024 * 1024;
    /// The most passes accepted.
    pub const MAX_T_COST: u32 = 8;
    /// The most lanes accepted.
    pub const MAX_P_COST: u32 = 8;
    /// The most work accepted, memory times passes, in KiB (about 2 s here).
    pub const MAX_WORK_KIB: u64 = 2 * 1024 * 1024;

    /// Tiny, fast parameters for tests only. They exist only in the backend's own tests
    /// (`cfg(test)`) and in builds with the `test-support` feature, which only the
    /// backend's dev-dependency on itself turns on: a release build of the app has neither,
    /// so nothing in a file can make it accept them.
    #[cfg(any(test, feature = "test-support"))]
    #[doc(hidden)]
    pub const INSECURE_FOR_TESTS: KdfParams = KdfParams {
        m_cost_kib: 64,
        t_cost: 1,
        p_cost: 1,
    };

    /// Whether these are the test parameters in a build that allows them.
    fn is_test_params(self) -> bool {
        #[cfg(any(test, feature = "test-support"))]
        {
            self == Self::INSECURE_FOR_TESTS
        }
        #[cfg(not(any(test, feature = "test-support")))]
        {
            false
        }
    }

    /// Checks the parameters are within bounds (also for parameters read from a file): not
    /// below the floor, not so heavy that deriving would stall the computer.
    pub fn check(self) -> Result<KdfParams> {
        if self.is_test_params() {
            return Ok(self);
        }
        let ok = (Self::MIN_M_COST_KIB..=Self::MAX_M_COST_KIB).contains(&self.m_cost_kib)
            && (Self::MIN_T_COST..=Self::MAX_T_COST).contains(&self.t_cost)
            && (1..=Self::MAX_P_COST).contains(&self.p_cost)
            && u64::from(self.m_cost_kib) * u64::from(self.t_cost) <= Self::MAX_WORK_KIB;
        if ok {
            Ok(self)
        } else {
            Err(Error::KeySettingsRefused)
        }
    }

    /// The parameters to seal with next time: these, raised to at least
    /// [`KdfParams::RECOMMENDED`] in each part (the test parameters stay as they are).
    pub fn upgraded(self) -> KdfParams {
        if self.is_test_params() {
            return self;
        }
        let r = Self::RECOMMENDED;
        KdfParams {
            m_cost_kib: self.m_cost_kib.max(r.m_cost_kib),
            t_cost: self.t_cost.max(r.t_cost),
            p_cost: self.p_cost.max(r.p_cost),
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
        .map_err(|_| Error::KeySettingsRefused)?;
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
            m_cost_kib: KdfParams::MIN_M_COST_KIB,
            t_cost: KdfParams::MIN_T_COST,
            p_cost: 1,
        };
        assert_ne!(
            *a,
            *more.derive(b"correct horse", &salt).expect("other params")
        );
    }

    #[test]
    fn out_of_bounds_parameters_are_refused() {
        let r = KdfParams::RECOMMENDED;
        for bad in [
            // What the review forced: 64 KiB, one pass (not the test parameters: two lanes).
            KdfParams {
                m_cost_kib: 64,
                t_cost: 1,
                p_cost: 2,
            },
            KdfParams { t_cost: 1, ..r },
            KdfParams {
                m_cost_kib: 64 * 1024,
                ..r
            },
            KdfParams {
                m_cost_kib: 4 * 1024 * 1024,
                ..r
            },
            KdfParams {
                m_cost_kib: u32::MAX,
                ..r
            },
            KdfParams {
                m_cost_kib: 1024 * 1024,
                t_cost: 8,
                p_cost: 1,
            },
            KdfParams { t_cost: 0, ..r },
            KdfParams { p_cost: 0, ..r },
            KdfParams { p_cost: 1000, ..r },
        ] {
            let err = bad.check().expect_err("refused");
            assert_eq!(err.code(), "key_settings_refused", "{bad:?}");
            assert!(bad.derive(b"x", &[0; SALT_LEN]).is_err());
        }
        assert!(r.check().is_ok());
        assert_eq!(r.upgraded(), r);
        let old = KdfParams {
            m_cost_kib: 128 * 1024,
            ..r
        };
        assert!(old.check().is_ok());
        assert_eq!(old.upgraded(), r);
        assert_eq!(
            KdfParams::INSECURE_FOR_TESTS.upgraded(),
            KdfParams::INSECURE_FOR_TESTS
        );
    }
}
