//! Two plain redirects that work without scripts: joining by typed code, and switching language.

use axum::Form;
use axum::extract::{Path, Query};
use axum::http::header;
use axum::response::{IntoResponse, Redirect};
use kvadrant::JoinCode;
use kvadrant_api::lang::Lang;
use serde::Deserialize;

pub const JOIN_PATH: &str = "/join";
pub const LANGUAGE_PATH: &str = "/lang/{lang}";

#[derive(Deserialize)]
pub struct JoinQuery {
    #[serde(default)]
    code: String,
}

/// `/join?code=abc-def` → the workshop's join page; a malformed code goes back home to say so.
pub async fn join(Query(query): Query<JoinQuery>) -> Redirect {
    match JoinCode::parse(&query.code) {
        Ok(code) => Redirect::to(&format!("/w/{code}")),
        Err(_) => Redirect::to("/?join=invalid"),
    }
}

#[derive(Deserialize)]
pub struct BackTo {
    to: Option<String>,
}

/// Only plain paths of this site: browsers read `/\\host` or `/%09/host` as another site.
fn is_site_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && path.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_'))
}

/// Remembers the language in a cookie and returns to the page the switch was on, named in the
/// form's body so that a secret in its address stays out of query strings.
pub async fn set_language(Path(lang): Path<String>, Form(back): Form<BackTo>) -> impl IntoResponse {
    let lang = Lang::from_code(&lang).unwrap_or_default();
    let to = back.to.filter(|to| is_site_path(to)).unwrap_or_else(|| "/".to_owned());
    ([(header::SET_COOKIE, kvadrant_api::lang::cookie(lang))], Redirect::to(&to))
}
