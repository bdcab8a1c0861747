use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Error, Format, Rule};

/// The short code participants type to find a workshop. Drawn from letters and digits that
/// cannot be mistaken for one another when read off a projector (no 0/O, 1/I/L).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JoinCode(String);

impl JoinCode {
    pub const ALPHABET: &'static [u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    pub const LEN: usize = 6;

    /// Accepts what people type: any case, with spaces or dashes between characters.
    pub fn parse(raw: &str) -> Result<JoinCode, Error> {
        let code: String =
            raw.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
        let valid = code.len() == Self::LEN && code.bytes().all(|b| Self::ALPHABET.contains(&b));
        if valid {
            Ok(JoinCode(code))
        } else {
            Err(Error::invalid("code", Rule::Malformed { expected: Format::JoinCode }))
        }
    }

    /// Builds a code from random bytes (one character per byte).
    pub fn from_random(bytes: [u8; Self::LEN]) -> JoinCode {
        let code = bytes.iter().map(|b| char::from(Self::ALPHABET[usize::from(*b) % Self::ALPHABET.len()])).collect();
        JoinCode(code)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for JoinCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_codes_are_normalised() {
        assert_eq!(JoinCode::parse(" abc-def ").unwrap().as_str(), "ABCDEF");
        assert_eq!(JoinCode::parse("k7m 2p9").unwrap().as_str(), "K7M2P9");
    }

    #[test]
    fn ambiguous_or_wrong_length_codes_are_rejected() {
        for bad in ["ABCDE", "ABCDEFG", "ABCDE0", "ABCDEO", "ABCDE1", "ÆØÅABC", ""] {
            assert!(JoinCode::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn random_codes_parse_back() {
        let code = JoinCode::from_random([0, 30, 31, 200, 255, 17]);
        assert_eq!(JoinCode::parse(code.as_str()), Ok(code));
    }
}
