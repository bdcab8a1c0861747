//! The facilitator's secret. It is random and long, so a fast hash suffices to store it:
//! there is no password to guess, only 192 random bits.

use rand::RngCore;
use sha2::{Digest, Sha256};

pub fn generate() -> String {
    random_hex::<24>()
}

/// A group's link key: 128 random bits, short enough for a link printed on a card.
pub fn group_key() -> String {
    random_hex::<16>()
}

fn random_hex<const BYTES: usize>() -> String {
    let mut bytes = [0u8; BYTES];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The leaders' read-only secret, derived from the facilitator's so that the facilitator's
/// page can always show the link without it being stored; a new `generation` renews it.
pub fn review(facilitator_secret: &str, generation: i64) -> String {
    let digest = Sha256::digest(format!("kvadrant review link\0{generation}\0{facilitator_secret}").as_bytes());
    hex::encode(&digest[..24])
}

pub fn hash(secret: &str) -> Vec<u8> {
    digest(secret).to_vec()
}

/// A secret's digest, to compare and to keep without keeping the secret.
pub fn digest(secret: &str) -> [u8; 32] {
    Sha256::digest(secret.as_bytes()).into()
}

pub fn verify(secret: &str, stored_hash: &[u8]) -> bool {
    // Comparing digests, not secrets: timing reveals nothing about the secret itself.
    hash(secret) == stored_hash
}

/// Whether `given` is the stored `key`; comparing digests, so timing reveals nothing of the key.
pub fn matches(given: &str, key: &str) -> bool {
    !key.is_empty() && verify(given, &hash(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_same_secret_verifies() {
        let secret = generate();
        assert_eq!(secret.len(), 48);
        let stored = hash(&secret);
        assert!(verify(&secret, &stored));
        assert!(!verify(&generate(), &stored));
        assert!(!verify("", &stored));
    }

    #[test]
    fn group_keys_match_only_themselves() {
        let key = group_key();
        assert_eq!(key.len(), 32);
        assert!(matches(&key, &key));
        assert!(!matches(&group_key(), &key));
        assert!(!matches("", ""), "an empty stored key opens nothing");
    }

    #[test]
    fn review_secrets_differ_from_the_facilitators_and_by_generation() {
        let secret = generate();
        let first = review(&secret, 0);
        assert_eq!(first.len(), 48);
        assert_eq!(first, review(&secret, 0));
        assert_ne!(first, review(&secret, 1));
        assert_ne!(first, secret);
        assert!(!verify(&first, &hash(&secret)));
    }
}
