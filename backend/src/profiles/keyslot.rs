//! Keyslots: a small secret (the database key) sealed with XChaCha20-Poly1305 under a key
//! derived from a passphrase or recovery code.
//!
//! Invariants: each slot carries its own Argon2id parameters and salt, and each seal uses a fresh
//! random nonce; the associated data names the slot's purpose, so a slot cannot be swapped for
//! one made for another purpose. A profile's slots made by this app are also *bound*
//! (`binding: 2`): their associated data adds the profile's id, its name and the slot's own
//! Argon2id settings and salt (see `meta.rs`), so none of those can be changed in the file
//! without the slot failing to open. A wrong secret and a tampered slot both fail
//! authentication.

use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};
use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::kdf::{KdfParams, WrappingKey, SALT_LEN};

const NONCE_LEN: usize = 24;
const ALGORITHM: &str = "argon2id";
const ARGON2_VERSION: u32 = 0x13;

/// Why a keyslot could not be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SlotError {
    /// The slot is not well formed (bad hex, wrong lengths, unknown algorithm, parameters out of
    /// bounds).
    Malformed,
    /// The secret does not open it (or the slot was tampered with).
    WrongSecret,
}

/// How a slot's wrapping key is derived: Argon2id with these parameters and salt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct KdfSpec {
    pub algorithm: String,
    pub version: u32,
    #[serde(flatten)]
    pub params: KdfParams,
    /// 16 bytes, hex.
    pub salt: String,
}

impl KdfSpec {
    /// Argon2id with `params` and a fresh random salt.
    pub fn fresh<R: CryptoRng + ?Sized>(params: KdfParams, rng: &mut R) -> KdfSpec {
        let mut salt = [0u8; SALT_LEN];
        rng.fill_bytes(&mut salt);
        KdfSpec {
            algorithm: ALGORITHM.into(),
            version: ARGON2_VERSION,
            params,
            salt: hex::encode(salt),
        }
    }

    /// The parameters, if the spec is one this app understands and within bounds.
    pub fn checked_params(&self) -> Result<KdfParams, SlotError> {
        if self.algorithm != ALGORITHM || self.version != ARGON2_VERSION {
            return Err(SlotError::Malformed);
        }
        self.params.check().map_err(|_| SlotError::Malformed)
    }

    /// Derives this slot's wrapping key from `secret`, with the stored parameters and salt.
    pub fn derive(&self, secret: &[u8]) -> Result<WrappingKey, SlotError> {
        let params = self.checked_params()?;
        let salt: [u8; SALT_LEN] = decode_fixed(&self.salt)?;
        params
            .derive(secret, &salt)
            .map_err(|_| SlotError::Malformed)
    }
}

/// A sealed secret and how to derive the key that opens it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Keyslot {
    pub kdf: KdfSpec,
    /// 24 bytes, hex.
    pub nonce: String,
    /// The sealed secret followed by its 16-byte tag, hex.
    pub sealed: String,
    /// What the associated data covers: absent for slots made by earlier apps (the purpose
    /// only), [`BOUND`] for the purpose, the profile's id and name, and this slot's settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binding: Option<u32>,
}

/// The binding of slots whose associated data covers the profile's id and name and the slot's
/// own key settings.
pub(crate) const BOUND: u32 = 2;

impl KdfSpec {
    /// The spec as bytes for associated data: every field, each with its length.
    pub fn aad_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        push_field(&mut out, self.algorithm.as_bytes());
        push_field(&mut out, &self.version.to_le_bytes());
        push_field(&mut out, &self.params.m_cost_kib.to_le_bytes());
        push_field(&mut out, &self.params.t_cost.to_le_bytes());
        push_field(&mut out, &self.params.p_cost.to_le_bytes());
        push_field(&mut out, self.salt.as_bytes());
        out
    }
}

/// Appends `bytes` with its length first, so fields cannot run into each other.
pub(crate) fn push_field(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
}

fn decode_fixed<const N: usize>(text: &str) -> Result<[u8; N], SlotError> {
    let mut out = [0u8; N];
    hex::decode_to_slice(text, &mut out).map_err(|_| SlotError::Malformed)?;
    Ok(out)
}

fn cipher(key: &WrappingKey) -> XChaCha20Poly1305 {
    XChaCha20Poly1305::new(&(**key).into())
}

impl Keyslot {
    /// What stands in for a slot that could not be read at all: it opens with nothing
    /// ([`SlotError::Malformed`], as its algorithm is none the app knows).
    pub fn damaged() -> Keyslot {
        Keyslot {
            kdf: KdfSpec {
                algorithm: "damaged".into(),
                version: 0,
                params: KdfParams::RECOMMENDED,
                salt: String::new(),
            },
            nonce: String::new(),
            sealed: String::new(),
            binding: None,
        }
    }

    /// Seals `secret` under `key` (derived with `kdf`), with a fresh nonce.
    pub fn seal<R: CryptoRng + ?Sized>(
        kdf: KdfSpec,
        key: &WrappingKey,
        purpose: &[u8],
        secret: &[u8],
        rng: &mut R,
    ) -> Keyslot {
        let mut nonce = [0u8; NONCE_LEN];
        rng.fill_bytes(&mut nonce);
        let sealed = cipher(key)
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: secret,
                    aad: purpose,
                },
            )
            // Encryption fails only for messages of gigabytes; a keyslot holds a few bytes.
            .unwrap_or_default();
        Keyslot {
            kdf,
            nonce: hex::encode(nonce),
            sealed: hex::encode(sealed),
            binding: None,
        }
    }

    /// Opens the slot with `key`. Fails with [`SlotError::WrongSecret`] if the key (so the
    /// passphrase or code it came from) is not the one it was sealed with.
    pub fn open(&self, key: &WrappingKey, purpose: &[u8]) -> Result<Zeroizing<Vec<u8>>, SlotError> {
        let nonce: [u8; NONCE_LEN] = decode_fixed(&self.nonce)?;
        let sealed = hex::decode(&self.sealed).map_err(|_| SlotError::Malformed)?;
        if sealed.len() < 16 {
            return Err(SlotError::Malformed);
        }
        cipher(key)
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: &sealed,
                    aad: purpose,
                },
            )
            .map(Zeroizing::new)
            .map_err(|_| SlotError::WrongSecret)
    }

    /// Derives the key from `secret` and opens the slot.
    pub fn open_with_secret(
        &self,
        secret: &[u8],
        purpose: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, SlotError> {
        let key = self.kdf.derive(secret)?;
        self.open(&key, purpose)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{rngs::StdRng, SeedableRng};

    fn slot(secret: &[u8], purpose: &[u8]) -> Keyslot {
        let mut rng = StdRng::seed_from_u64(9);
        let kdf = KdfSpec::fresh(KdfParams::INSECURE_FOR_TESTS, &mut rng);
        let key = kdf.derive(secret).expect("derives");
        Keyslot::seal(
            kdf,
            &key,
            purpose,
            b"the database key, 32 bytes long!",
            &mut rng,
        )
    }

    #[test]
    fn the_right_secret_opens_and_a_wrong_one_does_not() {
        let s = slot(b"passphrase", b"purpose-a");
        assert_eq!(
            s.open_with_secret(b"passphrase", b"purpose-a")
                .expect("opens")
                .as_slice(),
            b"the database key, 32 bytes long!"
        );
        assert_eq!(
            s.open_with_secret(b"Passphrase", b"purpose-a"),
            Err(SlotError::WrongSecret)
        );
        assert_eq!(
            s.open_with_secret(b"passphrase", b"purpose-b"),
            Err(SlotError::WrongSecret),
            "bound to its purpose"
        );
    }

    #[test]
    fn tampering_is_detected() {
        let mut s = slot(b"passphrase", b"p");
        let mut bytes = hex::decode(&s.sealed).expect("hex");
        bytes[3] ^= 1;
        s.sealed = hex::encode(bytes);
        assert_eq!(
            s.open_with_secret(b"passphrase", b"p"),
            Err(SlotError::WrongSecret)
        );
        let mut s = slot(b"passphrase", b"p");
        s.nonce = "zz".into();
        assert_eq!(
            s.open_with_secret(b"passphrase", b"p"),
            Err(SlotError::Malformed)
        );
        let mut s = slot(b"passphrase", b"p");
        s.kdf.algorithm = "pbkdf2".into();
        assert_eq!(
            s.open_with_secret(b"passphrase", b"p"),
            Err(SlotError::Malformed)
        );
    }

    #[test]
    fn the_plaintext_is_not_in_the_slot() {
        let s = slot(b"passphrase", b"p");
        let json = serde_json::to_string(&s).expect("json");
        assert!(!json.contains(&hex::encode(b"the database key")));
        assert!(json.contains("\"m_cost_kib\":64"), "{json}");
    }
}
