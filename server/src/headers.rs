//! Security headers on every response: what the browser may load and run on our pages, who may
//! frame them, and that nothing reached with or carrying a secret is ever stored by a cache.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context};

use kvadrant_api::model::{FACILITATOR_COOKIE, GROUP_KEY_COOKIE, LEADERS_COOKIE};

use crate::paths::{self, Route};

/// Pages may use no inline style: the matrix draws with presentation attributes, the rest with
/// the one style sheet.
const POLICY: &str = "default-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; \
    object-src 'none'; base-uri 'none'; form-action 'self'";

/// The content security policy for a response whose inline scripts carry `nonce`: no other
/// inline script or handler runs. The big
/// screen may be framed by the site itself (a facilitator's own preview); nothing else may.
fn policy(nonce: &Nonce, framed_by_self: bool) -> String {
    let ancestors = if framed_by_self { "'self'" } else { "'none'" };
    format!("{POLICY}; script-src 'self' 'wasm-unsafe-eval' 'nonce-{nonce}'; frame-ancestors {ancestors}")
}

/// Whether a request brings a secret (in its address, a header or one of the pages' secret
/// cookies) or its answer holds one.
fn carries_secret(route: &Route, headers: &HeaderMap) -> bool {
    let secret_cookie = headers.get_all(header::COOKIE).iter().filter_map(|value| value.to_str().ok()).any(|cookies| {
        [GROUP_KEY_COOKIE, FACILITATOR_COOKIE, LEADERS_COOKIE].iter().any(|name| cookies.contains(&format!("{name}=")))
    });
    route.secret_page || route.answers_secret || secret_cookie || headers.contains_key(header::AUTHORIZATION)
}

/// Adds the headers; pages render their inline scripts with the nonce the policy names.
pub async fn security_headers(mut request: Request, next: Next) -> Response {
    let nonce = Nonce::new();
    let path = request.uri().path();
    let route = Route::of(request.method(), path);
    let secret = carries_secret(&route, request.headers());
    let screen = paths::is_screen(path);
    request.extensions_mut().insert(nonce.clone());

    let mut response = next.run(request).await;

    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    if let Ok(policy) = HeaderValue::from_str(&policy(&nonce, screen)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    if secret {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    } else if !headers.contains_key(header::CACHE_CONTROL) && !headers.contains_key(header::LAST_MODIFIED) {
        // Everything but the built files changes as the workshop does: ask each time.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    response
}

/// Gives the page being rendered the nonce of its response's policy, in place of the one the
/// renderer made up. Call it in the pages' context.
pub fn provide_nonce() {
    let nonce = use_context::<axum::http::request::Parts>().and_then(|parts| parts.extensions.get::<Nonce>().cloned());
    if let Some(nonce) = nonce {
        provide_context(nonce);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_recognised_wherever_they_travel() {
        use axum::http::Method;
        let none = HeaderMap::new();
        let carries = |method, path, headers| carries_secret(&Route::of(&method, path), headers);
        let get = |path| carries(Method::GET, path, &none);
        assert!(get("/w/ABCDEF/manage/s3cret") && get("/w/ABCDEF/review/s3cret") && get("/w/ABCDEF/g/3/k3y"));
        assert!(get("/api/v1/workshops/ABCDEF/review-link"));
        assert!(carries(Method::POST, "/api/v1/workshops", &none));
        assert!(carries(Method::POST, "/api/v1/workshops/ABCDEF/duplicate", &none));
        let mut bearer = HeaderMap::new();
        bearer.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer s"));
        assert!(carries(Method::GET, "/api/v1/workshops/ABCDEF/setup", &bearer));
        let mut cookie = HeaderMap::new();
        cookie.insert(header::COOKIE, HeaderValue::from_static("kvadrant_lang=en; kvadrant-leaders=s"));
        assert!(carries(Method::GET, "/api/v1/workshops/ABCDEF/results.xlsx", &cookie));
        let mut language = HeaderMap::new();
        language.insert(header::COOKIE, HeaderValue::from_static("kvadrant_lang=en"));
        assert!(!carries(Method::GET, "/w/ABCDEF/results", &language));
        assert!(!get("/w/ABCDEF") && !get("/api/v1/workshops/ABCDEF") && !get("/"));
    }

    #[test]
    fn only_the_big_screen_may_be_framed_and_only_by_the_site() {
        let nonce = Nonce::new();
        assert!(policy(&nonce, false).contains("frame-ancestors 'none'"));
        assert!(policy(&nonce, true).contains("frame-ancestors 'self'"));
        assert!(policy(&nonce, false).contains(&format!("'nonce-{nonce}'")));
    }
}
