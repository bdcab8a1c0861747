use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Error, Rule};

/// Control characters (Unicode category Cc) are refused: NUL breaks PostgreSQL's text, others
/// make exported XML invalid, and none of them shows. Multi-line text keeps its line breaks and
/// tabs, with a browser's CRLF stored as LF.
fn check_characters(field: &impl fmt::Display, text: &str, multiline: bool) -> Result<(), Error> {
    let allowed = |c: char| multiline && matches!(c, '\n' | '\t');
    if text.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err(Error::invalid(field.to_string(), Rule::ControlCharacter));
    }
    Ok(())
}

macro_rules! text {
    ($(#[$doc:meta])* $name:ident, max = $max:expr, required = $required:expr, multiline = $multiline:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub const MAX_CHARS: usize = $max;
            pub const REQUIRED: bool = $required;
            pub const MULTILINE: bool = $multiline;

            /// Trims surrounding whitespace, then checks presence, characters and length.
            pub fn parse(field: impl fmt::Display, raw: &str) -> Result<Self, Error> {
                let text = if $multiline { raw.trim().replace("\r\n", "\n") } else { raw.trim().to_owned() };
                if $required && text.is_empty() {
                    return Err(Error::invalid(field.to_string(), Rule::Required));
                }
                check_characters(&field, &text, $multiline)?;
                if text.chars().count() > Self::MAX_CHARS {
                    return Err(Error::invalid(field.to_string(), Rule::TooLong { max: Self::MAX_CHARS }));
                }
                Ok($name(text))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_inner(self) -> String {
                self.0
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                text_schema(Self::MAX_CHARS, Self::REQUIRED, Self::MULTILINE)
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $name {}
    };
}

/// Control characters (category Cc), as the inside of a JSON Schema character class.
#[cfg(feature = "openapi")]
pub(crate) const CONTROL: &str = "\\u0000-\\u001f\\u007f-\\u009f";
/// The characters trimming removes (Unicode White_Space), as the inside of a character class:
/// spelled out, since `\\s` differs between regular expression dialects.
#[cfg(feature = "openapi")]
pub(crate) const WHITESPACE: &str =
    "\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

/// What [`check_characters`] and the presence check allow, as a JSON Schema pattern: no
/// control character (multi-line text keeps tabs and line breaks), and, when required, something
/// besides whitespace.
#[cfg(feature = "openapi")]
fn text_pattern(required: bool, multiline: bool) -> String {
    let allowed = match multiline {
        true => "(?:[^\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]|\\r\\n)".to_owned(),
        false => format!("[^{CONTROL}]"),
    };
    match required {
        true => format!("^{allowed}*[^{WHITESPACE}{CONTROL}]{allowed}*$"),
        false => format!("^{allowed}*$"),
    }
}

#[cfg(feature = "openapi")]
fn text_schema(
    max_chars: usize,
    required: bool,
    multiline: bool,
) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    let description = match (required, multiline) {
        (true, _) => "Required: surrounding whitespace is trimmed, and something must remain.",
        (false, true) => "Optional; may hold line breaks and tabs. Surrounding whitespace is trimmed.",
        (false, false) => "Optional; surrounding whitespace is trimmed.",
    };
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::Type::String)
        .max_length(Some(max_chars))
        .pattern(Some(text_pattern(required, multiline)))
        .description(Some(description))
        .into()
}

text!(
    /// A workshop's title.
    Title, max = 200, required = true, multiline = false
);
text!(
    /// The name of a category, an area or a group.
    Name, max = 200, required = true, multiline = false
);
text!(
    /// Optional longer text; empty means none.
    Description, max = 2000, required = false, multiline = true
);
text!(
    /// What the workshop calls one of its axes; empty means the usual name.
    AxisLabel, max = 40, required = false, multiline = false
);
text!(
    /// One side of a group's tag: the dimension ("Rolle") or its value ("Folkevalgte").
    TagText, max = 60, required = true, multiline = false
);
text!(
    /// A group's note on an area: why it scored as it did, or what stands in the way.
    Note, max = 1000, required = false, multiline = true
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
    fn control_characters_are_refused() {
        let refused = |field: &str| Error::invalid(field, Rule::ControlCharacter);
        for bad in ["Jord\0mor", "Jord\u{1}mor", "a\u{7f}b", "a\u{85}b", "a\u{9b}b", "a\tb", "a\nb", "a\rb"] {
            assert_eq!(Name::parse("name", bad).unwrap_err(), refused("name"), "{bad:?}");
            assert_eq!(Title::parse("title", bad).unwrap_err(), refused("title"), "{bad:?}");
            assert_eq!(AxisLabel::parse("label", bad).unwrap_err(), refused("label"), "{bad:?}");
            assert_eq!(TagText::parse("tag", bad).unwrap_err(), refused("tag"), "{bad:?}");
        }
        for bad in ["Jord\0mor", "Jord\u{1}mor", "a\u{7f}b", "a\u{9b}b", "a\rb"] {
            assert_eq!(Description::parse("description", bad).unwrap_err(), refused("description"), "{bad:?}");
            assert_eq!(Note::parse("risks", bad).unwrap_err(), refused("risks"), "{bad:?}");
        }
    }

    #[test]
    fn multi_line_text_keeps_line_breaks_and_tabs() {
        let text = Description::parse("description", " Første\r\n\tandre\ntredje ").unwrap();
        assert_eq!(text.as_str(), "Første\n\tandre\ntredje");
        assert_eq!(Note::parse("rationale", "a\n\tb").unwrap().as_str(), "a\n\tb");
    }

    #[test]
    fn whitespace_around_single_line_text_is_trimmed_not_refused() {
        assert_eq!(Title::parse("title", "\tTittel\r\n").unwrap().as_str(), "Tittel");
        assert_eq!(Name::parse("name", "Lyd, bilde og «tekst» – ✓").unwrap().as_str(), "Lyd, bilde og «tekst» – ✓");
    }

    #[test]
    fn descriptions_may_be_empty() {
        assert_eq!(Description::parse("description", "").unwrap().as_str(), "");
    }
}

/// The pattern the API declares allows exactly what parsing allows, for text that needs no trimming.
#[cfg(all(test, feature = "openapi"))]
mod declared {
    use proptest::prelude::*;

    use super::*;

    fn agrees<T>(text: &str, parse: impl Fn(&str) -> Result<T, Error>, required: bool, multiline: bool) {
        let pattern = regex::Regex::new(&text_pattern(required, multiline)).expect("a valid pattern");
        assert_eq!(pattern.is_match(text), parse(text).is_ok(), "{text:?}, required {required}, multiline {multiline}");
    }

    proptest! {
        #[test]
        fn the_pattern_allows_what_parsing_allows(
            text in proptest::collection::vec(
                prop_oneof![Just('a'), Just('ø'), Just(' '), Just('\t'), Just('\n'), Just('\r'), Just('\u{0}'),
                    Just('\u{1}'), Just('\u{7f}'), Just('\u{85}'), Just('\u{a0}'), Just('\u{3000}')],
                0..8,
            ).prop_map(|chars| chars.into_iter().collect::<String>())
            .prop_filter("text that trimming leaves alone", |text| text.trim() == text)
        ) {
            agrees(&text, |t| Name::parse("name", t), Name::REQUIRED, Name::MULTILINE);
            agrees(&text, |t| AxisLabel::parse("label", t), AxisLabel::REQUIRED, AxisLabel::MULTILINE);
            agrees(&text, |t| Note::parse("note", t), Note::REQUIRED, Note::MULTILINE);
        }
    }
}
