//! The facilitator's secret. It is random and long, so a fast hash suffices to store it:
//! there is no password to guess, only 192 random bits.

use rand::RngCore;
use sha2::{Digest, Sha256};

pub fn generate() -> String {
    let mut bytes = [0u8; 24];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub fn hash(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

pub fn verify(secret: &str, stored_hash: &[u8]) -> bool {
    // Comparing digests, not secrets: timing reveals nothing about the secret itself.
    hash(secret) == stored_hash
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
}
