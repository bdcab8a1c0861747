use serde::{Deserialize, Serialize};

use crate::{Error, Rule};

/// Control characters (Unicode category Cc) are refused: NUL breaks PostgreSQL's text, others
/// make exported XML invalid, and none of them shows. Multi-line text keeps its line breaks and
/// tabs, with a browser's CRLF stored as LF.
fn check_characters(field: &str, text: &str, multiline: bool) -> Result<(), Error> {
    let allowed = |c: char| multiline && matches!(c, '\n' | '\t');
    if text.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err(Error::invalid(field, Rule::ControlCharacter));
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

            /// Trims surrounding whitespace, then checks presence, characters and length.
            pub fn parse(field: &str, raw: &str) -> Result<Self, Error> {
                let text = if $multiline { raw.trim().replace("\r\n", "\n") } else { raw.trim().to_owned() };
                if $required && text.is_empty() {
                    return Err(Error::invalid(field, Rule::Required));
                }
                check_characters(field, &text, $multiline)?;
                if text.chars().count() > Self::MAX_CHARS {
                    return Err(Error::invalid(field, Rule::TooLong { max: Self::MAX_CHARS }));
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
    };
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
