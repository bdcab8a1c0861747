use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use crate::{Error, Field, Format, Rule};

/// The two questions every group answers about every area.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Axis {
    Potential,
    Feasibility,
}

impl Axis {
    pub const ALL: [Axis; 2] = [Axis::Potential, Axis::Feasibility];

    pub fn as_str(self) -> &'static str {
        match self {
            Axis::Potential => "potential",
            Axis::Feasibility => "feasibility",
        }
    }

    pub fn parse(text: &str) -> Result<Axis, Rule> {
        match text {
            "potential" => Ok(Axis::Potential),
            "feasibility" => Ok(Axis::Feasibility),
            _ => Err(Rule::Malformed { expected: Format::Axis }),
        }
    }
}

/// The integer range a workshop scores on (1–10 unless the facilitator says otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    min: u8,
    max: u8,
}

impl Default for Scale {
    fn default() -> Self {
        Scale::ONE_TO_TEN
    }
}

impl Scale {
    pub const ONE_TO_TEN: Scale = Scale { min: 1, max: 10 };
    /// Where a scale may start.
    pub const MINS: RangeInclusive<u8> = 0..=1;
    /// Where a scale may end.
    pub const MAXES: RangeInclusive<u8> = 5..=10;

    /// Starts at 0 or 1 and ends at 5 to 10: from 1–5 to 0–10, the ranges people read as scores.
    pub fn new(min: u8, max: u8) -> Result<Scale, Error> {
        let out_of = |field: Field, range: RangeInclusive<u8>| {
            Error::invalid(field, Rule::OutOfRange { min: (*range.start()).into(), max: (*range.end()).into() })
        };
        if !Self::MINS.contains(&min) {
            return Err(out_of(Field::ScaleMin, Self::MINS));
        }
        if !Self::MAXES.contains(&max) {
            return Err(out_of(Field::ScaleMax, Self::MAXES));
        }
        Ok(Scale { min, max })
    }

    pub fn min(self) -> u8 {
        self.min
    }

    pub fn max(self) -> u8 {
        self.max
    }

    pub fn values(self) -> impl Iterator<Item = u8> {
        self.min..=self.max
    }
}

/// One group's answer on one axis: a whole number inside the workshop's scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Score(u8);

/// Any value some scale allows; the workshop's own scale may allow fewer.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Score {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::Type::Integer)
            .minimum(Some(*Scale::MINS.start()))
            .maximum(Some(*Scale::MAXES.end()))
            .description(Some("A whole number within the workshop's scale (`settings.scale_min` to `scale_max`)."))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Score {}

impl Score {
    pub fn parse(value: i64, scale: Scale) -> Result<Score, Rule> {
        if (i64::from(scale.min)..=i64::from(scale.max)).contains(&value) {
            Ok(Score(value as u8))
        } else {
            Err(Rule::OutOfRange { min: scale.min.into(), max: scale.max.into() })
        }
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_outside_the_scale_cannot_be_built() {
        let scale = Scale::ONE_TO_TEN;
        assert_eq!(Score::parse(1, scale).map(Score::value), Ok(1));
        assert_eq!(Score::parse(10, scale).map(Score::value), Ok(10));
        for bad in [0, 11, -1, 256, i64::MAX] {
            assert_eq!(Score::parse(bad, scale), Err(Rule::OutOfRange { min: 1, max: 10 }));
        }
    }

    #[test]
    fn scales_range_from_one_to_five_up_to_zero_to_ten() {
        assert!(Scale::new(1, 5).is_ok());
        assert!(Scale::new(0, 10).is_ok());
        assert_eq!(Scale::new(1, 4), Err(Error::invalid("scale_max", Rule::OutOfRange { min: 5, max: 10 })));
        assert_eq!(Scale::new(2, 10), Err(Error::invalid("scale_min", Rule::OutOfRange { min: 0, max: 1 })));
        assert!(Scale::new(0, 11).is_err());
    }

    #[test]
    fn axes_parse_from_their_names_only() {
        assert_eq!(Axis::parse("potential"), Ok(Axis::Potential));
        assert_eq!(Axis::parse(Axis::Feasibility.as_str()), Ok(Axis::Feasibility));
        assert!(Axis::parse("Potential").is_err());
    }
}
