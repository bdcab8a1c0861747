//! The languages Kvadrant speaks, and how a visitor's choice is remembered.

use serde::{Deserialize, Serialize};

/// The cookie that holds a visitor's chosen language.
pub const LANGUAGE_COOKIE: &str = "kvadrant_lang";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nb,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "nb" | "no" => Some(Lang::Nb),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Nb => Lang::En,
            Lang::En => Lang::Nb,
        }
    }

    /// The language a `Cookie` header says the visitor chose, if it names one.
    pub fn chosen_in(cookie_header: &str) -> Option<Lang> {
        cookie_header.split(';').find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == LANGUAGE_COOKIE).then(|| Lang::from_code(value)).flatten()
        })
    }

    /// The cookie that remembers this choice for a year.
    pub fn cookie(self) -> String {
        format!("{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for lang in [Lang::Nb, Lang::En] {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_ne!(lang.other(), lang);
        }
    }

    #[test]
    fn the_choice_is_read_from_the_cookie_header() {
        assert_eq!(Lang::chosen_in("a=b; kvadrant_lang=en; c=d"), Some(Lang::En));
        let sent_back = Lang::En.cookie().split(';').next().unwrap().to_owned();
        assert_eq!(Lang::chosen_in(&sent_back), Some(Lang::En));
        assert_eq!(Lang::chosen_in("kvadrant_lang=nb"), Some(Lang::Nb));
        assert_eq!(Lang::chosen_in("kvadrant_lang=xx; other=en"), None);
        assert_eq!(Lang::chosen_in("x_kvadrant_lang=en"), None);
    }
}
