use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Error, Field, Format, Rule};

/// The short code participants type to find a workshop. Drawn from letters and digits that
/// cannot be mistaken for one another when read off a projector (no 0/O, 1/I/L).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JoinCode(String);

impl JoinCode {
    pub const ALPHABET: &'static [u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    pub const LEN: usize = 6;
    /// The most a person may type for one: the code with spaces or dashes between its characters.
    pub const MAX_TYPED: usize = 2 * Self::LEN;

    /// Accepts what people type: any case, with spaces or dashes between characters.
    pub fn parse(raw: &str) -> Result<JoinCode, Error> {
        let code: String =
            raw.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
        let valid = code.len() == Self::LEN && code.bytes().all(|b| Self::ALPHABET.contains(&b));
        if valid {
            Ok(JoinCode(code))
        } else {
            Err(Error::invalid(Field::Code, Rule::Malformed { expected: Format::JoinCode }))
        }
    }

    /// Builds a code from uniformly random bytes, drawing as many as it needs. Bytes at or above
    /// the largest multiple of the alphabet's length are skipped: taking them modulo the length
    /// would make the first letters likelier than the rest, and codes easier to guess.
    pub fn from_random(mut random_byte: impl FnMut() -> u8) -> JoinCode {
        let letters = Self::ALPHABET.len();
        let unbiased_below = 256 - 256 % letters;
        let code = std::iter::repeat_with(|| usize::from(random_byte()))
            .filter(|&byte| byte < unbiased_below)
            .take(Self::LEN)
            .map(|byte| char::from(Self::ALPHABET[byte % letters]))
            .collect();
        JoinCode(code)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The canonical form: what the server hands out. Typed codes may also come in lower case, with
/// spaces or dashes.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for JoinCode {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        let alphabet = std::str::from_utf8(Self::ALPHABET).expect("an ASCII alphabet");
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::Type::String)
            .pattern(Some(format!("^[{alphabet}]{{{}}}$", Self::LEN)))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for JoinCode {}

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
        let mut bytes = [0, 30, 31, 200, 255, 17, 3].into_iter();
        let code = JoinCode::from_random(|| bytes.next().unwrap());
        assert_eq!(JoinCode::parse(code.as_str()), Ok(code));
    }

    #[test]
    fn every_letter_is_drawn_equally_often() {
        // Every byte value once per round: each letter must come from exactly as many bytes.
        let rounds = JoinCode::LEN;
        let mut bytes = (0..=255u8).cycle();
        let mut counts = [0usize; 31];
        for _ in 0..256 - 256 % 31 {
            for letter in JoinCode::from_random(|| bytes.next().unwrap()).as_str().bytes() {
                counts[JoinCode::ALPHABET.iter().position(|&a| a == letter).unwrap()] += 1;
            }
        }
        assert_eq!(counts, [(256 - 256 % 31) / 31 * rounds; 31]);
    }

    #[test]
    fn bytes_that_would_bias_the_draw_are_skipped() {
        let mut bytes = [248, 249, 255, 0, 1, 2, 3, 4, 5].into_iter();
        assert_eq!(JoinCode::from_random(|| bytes.next().unwrap()).as_str(), "ABCDEF");
    }
}
