//! Segments: groups tagged along a dimension ("Rolle: Folkevalgte", "Kommune: Lierne"), so
//! that results can be read for one kind of group at a time.

use std::collections::BTreeSet;

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
    pub fn parse(field: &str, dimension: &str, value: &str) -> Result<Tag, Error> {
        Ok(Tag {
            dimension: TagText::parse(&format!("{field}.dimension"), dimension)?,
            value: TagText::parse(&format!("{field}.value"), value)?,
        })
    }

    /// `dimension=value`, as a segment is named in a query.
    pub fn parse_pair(field: &str, pair: &str) -> Result<Tag, Error> {
        let (dimension, value) =
            pair.split_once('=').ok_or(Error::invalid(field, Rule::Malformed { expected: Format::Segment }))?;
        Tag::parse(field, dimension, value)
            .map_err(|_| Error::invalid(field, Rule::Malformed { expected: Format::Segment }))
    }
}

/// Checks a group's tags: each valid, at most [`MAX_TAGS`], one value per dimension.
pub fn parse_tags<'a>(field: &str, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Vec<Tag>, Error> {
    let mut tags: Vec<Tag> = Vec::new();
    for (i, (dimension, value)) in pairs.into_iter().enumerate() {
        let tag = Tag::parse(&format!("{field}[{i}]"), dimension, value)?;
        if tags.iter().any(|other| other.dimension == tag.dimension) {
            return Err(Error::invalid(format!("{field}[{i}].dimension"), Rule::Duplicate));
        }
        tags.push(tag);
    }
    if tags.len() > MAX_TAGS {
        return Err(Error::invalid(field, Rule::OutOfRange { min: 0, max: MAX_TAGS as i64 }));
    }
    Ok(tags)
}

/// The groups carrying `segment`, given each group's tags.
pub fn members<'a>(segment: &Tag, groups: impl IntoIterator<Item = (GroupId, &'a [Tag])>) -> BTreeSet<GroupId> {
    groups.into_iter().filter(|(_, tags)| tags.contains(segment)).map(|(id, _)| id).collect()
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
    fn members_are_the_groups_with_the_tag() {
        let admin = Tag::parse("t", "Rolle", "Administrasjon").unwrap();
        let elected = Tag::parse("t", "Rolle", "Folkevalgte").unwrap();
        let (one, two) = (vec![admin.clone()], vec![elected.clone()]);
        let groups = [(GroupId(1), one.as_slice()), (GroupId(2), two.as_slice()), (GroupId(3), &[][..])];
        assert_eq!(members(&admin, groups), BTreeSet::from([GroupId(1)]));
        assert_eq!(members(&elected, groups), BTreeSet::from([GroupId(2)]));
    }
}
