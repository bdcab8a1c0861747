//! The languages Kvadrant speaks: a workshop's, and a visitor's.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Norwegian bokmål.
    #[default]
    Nb,
    /// Norwegian nynorsk.
    Nn,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "nb" | "no" => Some(Lang::Nb),
            "nn" => Some(Lang::Nn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's name in itself: what a switch to it says, whatever the page's language.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Nb => "Bokmål",
            Lang::Nn => "Nynorsk",
            Lang::En => "English",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("no"), Some(Lang::Nb));
        assert_eq!(Lang::from_code("nno"), None);
    }
}
