//! How a visitor's choice of language is remembered: in a cookie.

pub use kvadrant::Lang;

/// The cookie that holds a visitor's chosen language.
pub const LANGUAGE_COOKIE: &str = "kvadrant_lang";

/// The language a `Cookie` header says the visitor chose, if it names one.
pub fn chosen_in(cookie_header: &str) -> Option<Lang> {
    cookie_header.split(';').find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        (name == LANGUAGE_COOKIE).then(|| Lang::from_code(value)).flatten()
    })
}

/// The language a request's cookies say the visitor chose, if they name one.
#[cfg(feature = "server")]
pub fn chosen(headers: &http::HeaderMap) -> Option<Lang> {
    headers.get_all(http::header::COOKIE).iter().filter_map(|value| value.to_str().ok()).find_map(chosen_in)
}

/// The cookie that remembers `lang` for a year.
pub fn cookie(lang: Lang) -> String {
    format!("{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice_is_read_from_the_cookie_header() {
        assert_eq!(chosen_in("a=b; kvadrant_lang=en; c=d"), Some(Lang::En));
        let sent_back = cookie(Lang::En).split(';').next().unwrap().to_owned();
        assert_eq!(chosen_in(&sent_back), Some(Lang::En));
        assert_eq!(chosen_in("kvadrant_lang=nb"), Some(Lang::Nb));
        assert_eq!(chosen_in("kvadrant_lang=xx; other=en"), None);
        assert_eq!(chosen_in("x_kvadrant_lang=en"), None);
    }
}
