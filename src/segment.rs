//! Segments: groups tagged along a dimension ("Rolle: Folkevalgte", "Kommune: Lierne"), so
//! that results can be read for one kind of group at a time.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Cell, Error, Format, GroupId, Rule, TagText};

/// The most tags one group may carry.
pub const MAX_TAGS: usize = 10;

/// One value along one dimension. A group has at most one value per dimension.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Tag {
    pub dimension: TagText,
    pub value: TagText,
}

impl Tag {
    pub fn parse(field: impl fmt::Display, dimension: &str, value: &str) -> Result<Tag, Error> {
        Ok(Tag {
            dimension: TagText::parse(format!("{field}.dimension"), dimension)?,
            value: TagText::parse(format!("{field}.value"), value)?,
        })
    }

    /// Whether this is the tag `dimension: value`, as a group's tags are shown and stored.
    pub fn is(&self, dimension: &str, value: &str) -> bool {
        self.dimension.as_str() == dimension && self.value.as_str() == value
    }

    /// `dimension=value`, as a segment is named in a query.
    pub fn parse_pair(field: impl fmt::Display, pair: &str) -> Result<Tag, Error> {
        let (dimension, value) = pair
            .split_once('=')
            .ok_or_else(|| Error::invalid(field.to_string(), Rule::Malformed { expected: Format::Segment }))?;
        Tag::parse(&field, dimension, value)
            .map_err(|_| Error::invalid(field.to_string(), Rule::Malformed { expected: Format::Segment }))
    }
}

/// A segment as a query names it, `dimension=value`, as a JSON Schema: each side is a
/// [`TagText`] once trimmed.
#[cfg(feature = "openapi")]
pub fn pair_schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use crate::text::{CONTROL, WHITESPACE};
    let inner = TagText::MAX_CHARS - 2;
    let side = |except: &str| {
        let (edge, middle) = (format!("[^{except}{WHITESPACE}{CONTROL}]"), format!("[^{except}{CONTROL}]"));
        format!("[{WHITESPACE}]*{edge}(?:{middle}{{0,{inner}}}{edge})?[{WHITESPACE}]*")
    };
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::Type::String)
        .pattern(Some(format!("^{}={}$", side("="), side(""))))
        .into()
}

/// Checks a group's tags: each valid, at most [`MAX_TAGS`], one value per dimension.
pub fn parse_tags<'a>(
    field: impl fmt::Display,
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Vec<Tag>, Error> {
    let mut tags: Vec<Tag> = Vec::new();
    for (i, (dimension, value)) in pairs.into_iter().enumerate() {
        let tag = Tag::parse(format!("{field}[{i}]"), dimension, value)?;
        if tags.iter().any(|other| other.dimension == tag.dimension) {
            return Err(Error::invalid(format!("{field}[{i}].dimension"), Rule::Duplicate));
        }
        tags.push(tag);
    }
    if tags.len() > MAX_TAGS {
        return Err(Error::invalid(field.to_string(), Rule::OutOfRange { min: 0, max: MAX_TAGS as i64 }));
    }
    Ok(tags)
}

/// The cells given by `groups` only: what a segment's ranking is computed from.
pub fn cells_of(cells: &[Cell], groups: &BTreeSet<GroupId>) -> Vec<Cell> {
    cells.iter().filter(|cell| groups.contains(&cell.group)).copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_is_named_dimension_equals_value() {
        let tag = Tag::parse_pair("segment", " Rolle = Folkevalgte ").unwrap();
        #[cfg(feature = "openapi")]
        {
            let pattern = match pair_schema() {
                utoipa::openapi::RefOr::T(utoipa::openapi::schema::Schema::Object(object)) => object.pattern.unwrap(),
                _ => panic!("a segment is a string with a pattern"),
            };
            let declared = regex::Regex::new(&pattern).unwrap();
            let long = "x".repeat(TagText::MAX_CHARS);
            for pair in [
                " Rolle = Folkevalgte ",
                "a=b=c",
                "Rolle=",
                "=x",
                "Folkevalgte",
                "a\u{1}=b",
                &format!("{long}=a"),
                &format!("{long}x=a"),
                &format!("a={long}"),
                &format!(" a  = {long}x"),
            ] {
                assert_eq!(declared.is_match(pair), Tag::parse_pair("segment", pair).is_ok(), "{pair:?}");
            }
        }
        assert_eq!((tag.dimension.as_str(), tag.value.as_str()), ("Rolle", "Folkevalgte"));
        let malformed = Err(Error::invalid("segment", Rule::Malformed { expected: Format::Segment }));
        assert_eq!(Tag::parse_pair("segment", "Folkevalgte"), malformed);
        assert_eq!(Tag::parse_pair("segment", "Rolle="), malformed);
    }

    #[test]
    fn a_group_has_one_value_per_dimension() {
        let tags = parse_tags("tags", [("Rolle", "Administrasjon"), ("Kommune", "Lierne")]).unwrap();
        assert_eq!(tags.len(), 2);
        assert_eq!(
            parse_tags("tags", [("Rolle", "Administrasjon"), ("Rolle", "Folkevalgte")]),
            Err(Error::invalid("tags[1].dimension", Rule::Duplicate))
        );
        assert_eq!(parse_tags("tags", [("", "x")]), Err(Error::invalid("tags[0].dimension", Rule::Required)));
    }

    #[test]
    fn a_tag_is_its_dimension_and_value_exactly() {
        let admin = Tag::parse("t", " Rolle ", "Administrasjon").unwrap();
        assert!(admin.is("Rolle", "Administrasjon"));
        assert!(!admin.is("Rolle", "Folkevalgte"));
        assert!(!admin.is("rolle", "Administrasjon"));
    }

    #[test]
    fn a_segments_cells_are_its_groups_cells() {
        let score = crate::Score::parse(5, crate::Scale::ONE_TO_TEN).unwrap();
        let cell = |group| Cell { group: GroupId(group), area: crate::AreaId(1), axis: crate::Axis::Potential, score };
        let cells = [cell(1), cell(2), cell(3)];
        assert_eq!(cells_of(&cells, &BTreeSet::from([GroupId(1), GroupId(3)])), [cell(1), cell(3)]);
    }
}
