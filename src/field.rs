//! The fields an error can point at, by the names the wire gives them. An error's `field` is a
//! path of these (`scores[3].value`, `setup.areas[2].category`); the pages name each in words,
//! matching on this enum, so a field added or renamed here must be named there too.

use std::fmt;

macro_rules! fields {
    ($($(#[$doc:meta])* $variant:ident = $name:literal),* $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Field {
            $($(#[$doc])* $variant),*
        }

        impl Field {
            pub const ALL: &'static [Field] = &[$(Field::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Field::$variant => $name),*
                }
            }

            pub fn parse(name: &str) -> Option<Field> {
                match name {
                    $($name => Some(Field::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

fields! {
    Title = "title",
    Description = "description",
    Name = "name",
    Names = "names",
    Count = "count",
    Code = "code",
    Value = "value",
    CategoryId = "category_id",
    Category = "category",
    /// The version of a pasted setup's format.
    KvadrantSetup = "kvadrant_setup",
    Setup = "setup",
    Scale = "scale",
    ScaleMin = "scale_min",
    ScaleMax = "scale_max",
    PotentialLabel = "potential_label",
    FeasibilityLabel = "feasibility_label",
    PotentialMidline = "potential_midline",
    FeasibilityMidline = "feasibility_midline",
    Language = "language",
    Aggregate = "aggregate",
    DissentPercent = "dissent_percent",
    TopPlaces = "top_places",
    MinSegmentGroups = "min_segment_groups",
    Tags = "tags",
    Dimension = "dimension",
    Rationale = "rationale",
    /// The box a facilitator ticks to say they mean to delete a workshop.
    Confirm = "confirm",
    Risks = "risks",
    Timeframe = "timeframe",
    Segment = "segment",
    /// The segment a results page compares with.
    Compare = "compare",
    Categories = "categories",
    Areas = "areas",
    Groups = "groups",
    Suggestions = "suggestions",
    Comments = "comments",
    /// The cells a group writes at once.
    Scores = "scores",
    AreaId = "area_id",
    Id = "id",
    Ids = "ids",
    Limit = "limit",
    Dialect = "dialect",
    /// Which ranking a results page shows.
    View = "view",
    /// A round of scoring: one to show, or the next to begin.
    Round = "round",
    /// A request's body, path or query that did not read at all.
    Body = "body",
    Path = "path",
    Query = "query",
}

impl Field {
    /// The field a path ends in: `category` for `setup.areas[2].category`, `tags` for `tags[1]`.
    pub fn of_path(path: &str) -> Option<Field> {
        let last = path.rsplit('.').next().unwrap_or(path);
        Field::parse(last.split('[').next().unwrap_or(last))
    }

    /// The `index`th item of this list: `names[3]`.
    pub fn at(self, index: usize) -> String {
        format!("{self}[{index}]")
    }
}

/// A field's path as a JSON Schema: list items and nested fields, ending in a known field.
#[cfg(feature = "openapi")]
pub fn path_schema() -> utoipa::openapi::Object {
    let names: Vec<&str> = Field::ALL.iter().map(|field| field.as_str()).collect();
    let pattern = format!("^(?:[a-z_]+(?:\\[[0-9]+\\])?\\.)*(?:{})(?:\\[[0-9]+\\])?$", names.join("|"));
    utoipa::openapi::ObjectBuilder::new().schema_type(utoipa::openapi::Type::String).pattern(Some(pattern)).build()
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<Field> for String {
    fn from(field: Field) -> String {
        field.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_and_paths_end_in_a_field() {
        for field in Field::ALL {
            assert_eq!(Field::parse(field.as_str()), Some(*field));
        }
        assert_eq!(Field::of_path("setup.areas[2].category"), Some(Field::Category));
        assert_eq!(Field::of_path(&Field::Tags.at(1)), Some(Field::Tags));
        assert_eq!(Field::of_path("scores[3].value"), Some(Field::Value));
        assert_eq!(Field::of_path("nonsense"), None);
    }

    #[cfg(feature = "openapi")]
    #[test]
    fn the_declared_pattern_takes_every_path_the_server_writes() {
        let pattern = regex::Regex::new(path_schema().pattern.as_deref().unwrap()).unwrap();
        for path in [
            "title",
            "names[2]",
            "scores[3].value",
            "scores[1]",
            "setup.areas[12].category",
            "tags[0].dimension",
            "body",
        ] {
            assert!(pattern.is_match(path), "{path}");
        }
        for path in ["nonsense", "scores[3].nonsense", "title.", "[3]"] {
            assert!(!pattern.is_match(path), "{path}");
        }
    }
}
