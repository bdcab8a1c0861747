//! How a workshop is scored and drawn: the scale, the names of the axes and where the
//! matrix is divided.

use serde::{Deserialize, Serialize};

use crate::{Error, Rule, Scale};

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
}
