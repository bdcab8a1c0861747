//! How a workshop is scored and drawn: the scale, the names of the axes and where the
//! matrix is divided.

use serde::{Deserialize, Serialize};

use crate::certainty::{DISSENT_PERCENT, TOP};
use crate::limits::MAX_AREAS;
use crate::{Error, Field, Rule, Scale};

/// Where a matrix midline crosses its axis, in half steps of the scale: 11 is 5.5.
/// Half steps keep quadrants exact: a mean is compared with it in whole numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Midline(u8);

/// Any midline some scale allows; the workshop's own scale may allow fewer.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Midline {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::Type::Number)
            .minimum(Some(*Scale::MINS.start()))
            .maximum(Some(*Scale::MAXES.end()))
            .multiple_of(Some(0.5))
            .description(Some("On the scale, whole or half: 5.5 on 1–10. Absent: the scale's centre."))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Midline {}

impl Midline {
    /// The middle of the scale, where a midline is unless the facilitator moves it.
    pub fn centre(scale: Scale) -> Midline {
        Midline(scale.min() + scale.max())
    }

    /// A value on the scale, whole or half: 5, 5.5 or 6 on 1–10, not 5.25 or 11.
    pub fn parse(field: impl std::fmt::Display, value: f64, scale: Scale) -> Result<Midline, Error> {
        let doubled = value * 2.0;
        let (low, high) = (f64::from(scale.min()) * 2.0, f64::from(scale.max()) * 2.0);
        if doubled.fract() != 0.0 || !(low..=high).contains(&doubled) {
            let rule = Rule::HalfStep { min: scale.min().into(), max: scale.max().into() };
            return Err(Error::invalid(field.to_string(), rule));
        }
        Ok(Midline(doubled as u8))
    }

    pub fn doubled(self) -> u32 {
        u32::from(self.0)
    }

    pub fn value(self) -> f64 {
        f64::from(self.0) / 2.0
    }
}

/// Both midlines of the matrix: what divides high potential from low, and easy from hard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Midlines {
    pub potential: Midline,
    pub feasibility: Midline,
}

impl Midlines {
    pub fn centre(scale: Scale) -> Midlines {
        Midlines { potential: Midline::centre(scale), feasibility: Midline::centre(scale) }
    }
}

impl Default for Midlines {
    fn default() -> Self {
        Midlines::centre(Scale::default())
    }
}

/// How the groups' scores of an area are brought together on each axis: their mean, or their
/// median (which one group far from the rest cannot move).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregate {
    #[default]
    Mean,
    Median,
}

impl Aggregate {
    pub fn as_str(self) -> &'static str {
        match self {
            Aggregate::Mean => "mean",
            Aggregate::Median => "median",
        }
    }

    pub fn parse(text: &str) -> Result<Aggregate, Error> {
        match text {
            "mean" => Ok(Aggregate::Mean),
            "median" => Ok(Aggregate::Median),
            _ => Err(Error::invalid(Field::Aggregate, Rule::Malformed { expected: crate::Format::Aggregate })),
        }
    }
}

/// How a workshop reads the certainty of its ranking: how wide a spread counts as dissent,
/// which top places bands give odds for, and how few groups a segment may have and still be
/// shown on its own.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertaintySettings {
    /// Dissent: a standard deviation above this share of the scale's range, in per cent.
    pub dissent_percent: u8,
    /// The top places whose odds are given, ascending.
    pub top_places: Vec<u32>,
    /// Smaller segments are not shown: their groups could be told apart.
    pub min_segment_groups: u8,
}

impl Default for CertaintySettings {
    fn default() -> Self {
        CertaintySettings { dissent_percent: DISSENT_PERCENT, top_places: TOP.to_vec(), min_segment_groups: 2 }
    }
}

impl CertaintySettings {
    pub const DISSENT_PERCENTS: std::ops::RangeInclusive<u8> = 10..=50;
    pub const MOST_TOP_PLACES: usize = 3;
    pub const MIN_SEGMENT_GROUPS: std::ops::RangeInclusive<u8> = 1..=20;

    /// Checks each value; top places may come in any order, and are kept ascending.
    pub fn parse(dissent_percent: i64, top_places: &[i64], min_segment_groups: i64) -> Result<Self, Error> {
        let within = |field: Field, value: i64, range: std::ops::RangeInclusive<u8>| {
            u8::try_from(value).ok().filter(|v| range.contains(v)).ok_or(Error::invalid(
                field,
                Rule::OutOfRange { min: i64::from(*range.start()), max: i64::from(*range.end()) },
            ))
        };
        let most = Self::MOST_TOP_PLACES as i64;
        if !(1..=most).contains(&(top_places.len() as i64)) {
            return Err(Error::invalid(Field::TopPlaces, Rule::OutOfRange { min: 1, max: most }));
        }
        let mut places = Vec::with_capacity(top_places.len());
        for (i, &k) in top_places.iter().enumerate() {
            let place = u32::try_from(k)
                .ok()
                .filter(|k| (1..=MAX_AREAS as u32).contains(k))
                .ok_or(Error::invalid(Field::TopPlaces.at(i), Rule::OutOfRange { min: 1, max: MAX_AREAS as i64 }))?;
            if places.contains(&place) {
                return Err(Error::invalid(Field::TopPlaces.at(i), Rule::Duplicate));
            }
            places.push(place);
        }
        places.sort_unstable();
        Ok(CertaintySettings {
            dissent_percent: within(Field::DissentPercent, dissent_percent, Self::DISSENT_PERCENTS)?,
            top_places: places,
            min_segment_groups: within(Field::MinSegmentGroups, min_segment_groups, Self::MIN_SEGMENT_GROUPS)?,
        })
    }

    /// The dissent threshold as a share of the scale's range.
    pub fn dissent_threshold(&self) -> f64 {
        f64::from(self.dissent_percent) / 100.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_midline_is_the_middle_of_the_scale() {
        assert_eq!(Midline::centre(Scale::ONE_TO_TEN).value(), 5.5);
        assert_eq!(Midline::centre(Scale::new(0, 10).unwrap()).value(), 5.0);
        assert_eq!(Midline::centre(Scale::new(1, 5).unwrap()).value(), 3.0);
    }

    #[test]
    fn midlines_sit_on_whole_or_half_steps_inside_the_scale() {
        let scale = Scale::ONE_TO_TEN;
        assert_eq!(Midline::parse("m", 6.0, scale).map(Midline::value), Ok(6.0));
        assert_eq!(Midline::parse("m", 1.0, scale).map(Midline::value), Ok(1.0));
        assert_eq!(Midline::parse("m", 7.5, scale).map(Midline::doubled), Ok(15));
        let refused = Err(Error::invalid("m", Rule::HalfStep { min: 1, max: 10 }));
        for bad in [5.25, 0.5, 10.5, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(Midline::parse("m", bad, scale), refused, "{bad}");
        }
    }

    #[test]
    fn certainty_settings_are_checked_field_by_field() {
        let parsed = CertaintySettings::parse(25, &[5, 1], 3).unwrap();
        assert_eq!(parsed, CertaintySettings { dissent_percent: 25, top_places: vec![1, 5], min_segment_groups: 3 });
        let range = |min, max| Rule::OutOfRange { min, max };
        assert_eq!(CertaintySettings::parse(5, &[3], 2), Err(Error::invalid(Field::DissentPercent, range(10, 50))));
        assert_eq!(CertaintySettings::parse(30, &[], 2), Err(Error::invalid(Field::TopPlaces, range(1, 3))));
        assert_eq!(CertaintySettings::parse(30, &[1, 2, 3, 4], 2), Err(Error::invalid(Field::TopPlaces, range(1, 3))));
        assert_eq!(CertaintySettings::parse(30, &[3, 0], 2), Err(Error::invalid("top_places[1]", range(1, 200))));
        assert_eq!(CertaintySettings::parse(30, &[3, 3], 2), Err(Error::invalid("top_places[1]", Rule::Duplicate)));
        assert_eq!(CertaintySettings::parse(30, &[3], 0), Err(Error::invalid(Field::MinSegmentGroups, range(1, 20))));
        assert_eq!(CertaintySettings::default().dissent_threshold(), 0.3);
    }
}
