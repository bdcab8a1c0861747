//! Whole numbers as JSON reads them: `2.0` is the integer 2 as much as `2` is (JSON Schema says
//! so, and some clients' JSON libraries write whole numbers that way), while serde reads only `2`
//! into an integer. Inputs read both with these, through `#[serde(deserialize_with)]`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Error, Unexpected, Visitor};
use serde::{Deserialize, Deserializer};

struct WholeNumber<T>(PhantomData<T>);

impl<T: TryFrom<i64>> Visitor<'_> for WholeNumber<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        write!(formatter, "a whole number from {} to {}", i64::MIN, i64::MAX)
    }

    fn visit_i64<E: Error>(self, value: i64) -> Result<T, E> {
        T::try_from(value).map_err(|_| E::invalid_value(Unexpected::Signed(value), &self))
    }

    fn visit_u64<E: Error>(self, value: u64) -> Result<T, E> {
        let signed = i64::try_from(value).map_err(|_| E::invalid_value(Unexpected::Unsigned(value), &self))?;
        self.visit_i64(signed)
    }

    fn visit_f64<E: Error>(self, value: f64) -> Result<T, E> {
        // i64::MAX as f64 rounds up to 2^63, which is out of range: hence the strict bound.
        if value.fract() == 0.0 && value >= i64::MIN as f64 && value < i64::MAX as f64 {
            self.visit_i64(value as i64)
        } else {
            Err(E::invalid_value(Unexpected::Float(value), &self))
        }
    }
}

/// Wraps a whole number for `Option` and `Vec` fields.
struct Whole<T>(T);

impl<'de, T: TryFrom<i64>> Deserialize<'de> for Whole<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer).map(Whole)
    }
}

/// Reads a whole number. Paths and queries, which hold text, parse it as before.
pub fn deserialize<'de, D: Deserializer<'de>, T: TryFrom<i64>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_i64(WholeNumber(PhantomData))
}

/// Reads a whole number inside an untagged enum, whose buffered values only say what they are
/// when asked for anything.
pub fn deserialize_any<'de, D: Deserializer<'de>, T: TryFrom<i64>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_any(WholeNumber(PhantomData))
}

pub fn optional<'de, D: Deserializer<'de>, T: TryFrom<i64>>(deserializer: D) -> Result<Option<T>, D::Error> {
    Option::<Whole<T>>::deserialize(deserializer).map(|number| number.map(|Whole(number)| number))
}

pub fn list<'de, D: Deserializer<'de>, T: TryFrom<i64>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    Vec::<Whole<T>>::deserialize(deserializer).map(|numbers| numbers.into_iter().map(|Whole(n)| n).collect())
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Input {
        #[serde(deserialize_with = "super::deserialize")]
        one: u32,
        #[serde(default, deserialize_with = "super::optional")]
        maybe: Option<i64>,
        #[serde(default, deserialize_with = "super::list")]
        many: Vec<i64>,
    }

    fn read(json: &str) -> Result<Input, String> {
        serde_json::from_str(json).map_err(|error| error.to_string())
    }

    #[test]
    fn whole_numbers_read_with_or_without_a_fraction_of_zero() {
        let read_back = read(r#"{"one": 3.0, "maybe": -2.0, "many": [1, 2.0, -0.0]}"#).unwrap();
        assert_eq!(read_back, Input { one: 3, maybe: Some(-2), many: vec![1, 2, 0] });
        assert_eq!(read(r#"{"one": 3, "maybe": null}"#).unwrap(), Input { one: 3, maybe: None, many: vec![] });
    }

    #[test]
    fn fractions_and_numbers_out_of_range_are_refused() {
        assert!(read(r#"{"one": 2.5}"#).unwrap_err().contains("2.5"));
        assert!(read(r#"{"one": -1}"#).is_err());
        assert!(read(r#"{"one": 1e300}"#).is_err());
        assert!(read(r#"{"one": 1, "maybe": 9223372036854775808.0}"#).is_err());
        assert!(read(r#"{"one": "1"}"#).is_err());
    }

    #[test]
    fn large_whole_numbers_read_exactly() {
        // Without exact float parsing, serde_json reads this as 2251799813685247.2.
        let read_back: Input = serde_json::from_str(r#"{"one": 1, "many": [2251799813685247.0]}"#).unwrap();
        assert_eq!(read_back.many, vec![2_251_799_813_685_247]);
    }
}
