//! Schemas for the API's document that carry the domain's limits, so that each limit is written
//! once, where the domain enforces it.

use std::ops::RangeInclusive;

use kvadrant::limits::{MAX_AREAS, MAX_CATEGORIES, MAX_GROUPS, MAX_GROUPS_PER_REQUEST};
use kvadrant::segment::MAX_TAGS;
use kvadrant::{CertaintySettings, Name, Scale};
use utoipa::ToSchema;
use utoipa::openapi::schema::SchemaType;
use utoipa::openapi::{Array, ArrayBuilder, Object, ObjectBuilder, Ref, Type};

use super::{GroupTag, SETUP_FORMAT, SetupArea, SetupCategory, SetupGroup};

fn whole_numbers<N: Into<i64>>(range: RangeInclusive<N>) -> Object {
    let (min, max) = range.into_inner();
    ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(min.into())).maximum(Some(max.into())).build()
}

fn at_most<T: ToSchema>(max: usize) -> ArrayBuilder {
    ArrayBuilder::new().items(Ref::from_schema_name(T::name())).max_items(Some(max))
}

pub fn scale_min() -> Object {
    whole_numbers(Scale::MINS)
}

pub fn scale_max() -> Object {
    whole_numbers(Scale::MAXES)
}

pub fn dissent_percent() -> Object {
    whole_numbers(CertaintySettings::DISSENT_PERCENTS)
}

pub fn top_places() -> Array {
    ArrayBuilder::new()
        .items(whole_numbers(1..=MAX_AREAS as i64))
        .min_items(Some(1))
        .max_items(Some(CertaintySettings::MOST_TOP_PLACES))
        .unique_items(true)
        .build()
}

pub fn min_segment_groups() -> Object {
    whole_numbers(CertaintySettings::MIN_SEGMENT_GROUPS)
}

pub fn setup_format() -> Object {
    whole_numbers(SETUP_FORMAT..=SETUP_FORMAT)
}

pub fn setup_categories() -> Array {
    at_most::<SetupCategory>(MAX_CATEGORIES).build()
}

pub fn setup_areas() -> Array {
    at_most::<SetupArea>(MAX_AREAS).build()
}

pub fn setup_groups() -> Array {
    at_most::<SetupGroup>(MAX_GROUPS).build()
}

pub fn tags() -> Array {
    at_most::<GroupTag>(MAX_TAGS).build()
}

/// Absent or `null` keeps the group's tags.
pub fn optional_tags() -> Array {
    at_most::<GroupTag>(MAX_TAGS).schema_type(SchemaType::from_iter([Type::Array, Type::Null])).build()
}

pub fn group_count() -> Object {
    whole_numbers(1..=MAX_GROUPS_PER_REQUEST as i64)
}

pub fn group_names() -> Array {
    at_most::<Name>(MAX_GROUPS_PER_REQUEST).min_items(Some(1)).build()
}
