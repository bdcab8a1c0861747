//! What a group writes beside its scores for one area.

use serde::{Deserialize, Serialize};

use crate::{Error, Field, Format, Note, Rule};

/// When a group thinks the area should be taken on.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Timeframe {
    /// Within a year.
    Short,
    /// One to three years.
    Medium,
    /// More than three years.
    Long,
}

impl Timeframe {
    pub const ALL: [Timeframe; 3] = [Timeframe::Short, Timeframe::Medium, Timeframe::Long];

    pub fn as_str(self) -> &'static str {
        match self {
            Timeframe::Short => "short",
            Timeframe::Medium => "medium",
            Timeframe::Long => "long",
        }
    }

    pub fn parse(field: impl std::fmt::Display, text: &str) -> Result<Timeframe, Error> {
        Timeframe::ALL
            .into_iter()
            .find(|timeframe| timeframe.as_str() == text)
            .ok_or_else(|| Error::invalid(field.to_string(), Rule::Malformed { expected: Format::Timeframe }))
    }
}

/// A group's rationale, risks and barriers, and suggested timeframe for one area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub rationale: Note,
    pub risks: Note,
    pub timeframe: Option<Timeframe>,
}

impl Comment {
    /// Comments one workshop holds at most: a comment from every group on every area of a
    /// large workshop, and few enough that a workshop's pages and exports stay small.
    pub const MAX_PER_WORKSHOP: usize = 2_000;
    /// Characters all of a workshop's comments hold together at most.
    pub const MAX_CHARS_PER_WORKSHOP: usize = 400_000;

    pub fn parse(rationale: &str, risks: &str, timeframe: Option<&str>) -> Result<Comment, Error> {
        Ok(Comment {
            rationale: Note::parse(Field::Rationale, rationale)?,
            risks: Note::parse(Field::Risks, risks)?,
            timeframe: timeframe
                .filter(|text| !text.is_empty())
                .map(|text| Timeframe::parse(Field::Timeframe, text))
                .transpose()?,
        })
    }

    /// A comment with nothing in it is no comment: saving it removes the group's comment.
    pub fn is_empty(&self) -> bool {
        self.rationale.as_str().is_empty() && self.risks.as_str().is_empty() && self.timeframe.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_trimmed_and_timeframes_named() {
        let comment = Comment::parse(" Felles behov ", "", Some("medium")).unwrap();
        assert_eq!(comment.rationale.as_str(), "Felles behov");
        assert_eq!(comment.timeframe, Some(Timeframe::Medium));
        assert!(!comment.is_empty());
        assert!(Comment::parse("  ", "", Some("")).unwrap().is_empty());
        assert_eq!(
            Comment::parse("", "", Some("soon")),
            Err(Error::invalid("timeframe", Rule::Malformed { expected: Format::Timeframe }))
        );
        assert_eq!(
            Comment::parse("", &"x".repeat(Note::MAX_CHARS + 1), None),
            Err(Error::invalid("risks", Rule::TooLong { max: Note::MAX_CHARS }))
        );
    }
}
