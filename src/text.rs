use serde::{Deserialize, Serialize};

use crate::{Error, Rule};

macro_rules! text {
    ($(#[$doc:meta])* $name:ident, max = $max:expr, required = $required:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub const MAX_CHARS: usize = $max;

            /// Trims surrounding whitespace, then checks presence and length.
            pub fn parse(field: &str, raw: &str) -> Result<Self, Error> {
                let text = raw.trim();
                if $required && text.is_empty() {
                    return Err(Error::invalid(field, Rule::Required));
                }
                if text.chars().count() > Self::MAX_CHARS {
                    return Err(Error::invalid(field, Rule::TooLong { max: Self::MAX_CHARS }));
                }
                Ok($name(text.to_owned()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_inner(self) -> String {
                self.0
            }
        }
    };
}

text!(
    /// A workshop's title.
    Title, max = 200, required = true
);
text!(
    /// The name of a category, an area or a group.
    Name, max = 200, required = true
);
text!(
    /// Optional longer text; empty means none.
    Description, max = 2000, required = false
);
text!(
    /// What the workshop calls one of its axes; empty means the usual name.
    AxisLabel, max = 40, required = false
);
text!(
    /// One side of a group's tag: the dimension ("Rolle") or its value ("Folkevalgte").
    TagText, max = 60, required = true
);
text!(
    /// A group's note on an area: why it scored as it did, or what stands in the way.
    Note, max = 1000, required = false
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_required() {
        assert_eq!(Name::parse("name", "  Jordmor ").unwrap().as_str(), "Jordmor");
        assert_eq!(Name::parse("name", "   "), Err(Error::invalid("name", Rule::Required)));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        let exactly = "ø".repeat(Name::MAX_CHARS);
        assert!(Name::parse("name", &exactly).is_ok());
        let over = "ø".repeat(Name::MAX_CHARS + 1);
        assert_eq!(Name::parse("name", &over), Err(Error::invalid("name", Rule::TooLong { max: 200 })));
    }

    #[test]
    fn descriptions_may_be_empty() {
        assert_eq!(Description::parse("description", "").unwrap().as_str(), "");
    }
}
