//! What a request's method and path say about it, for the layers that treat requests alike
//! whatever their handler: the abuse limits and the security headers.

use axum::http::Method;
use kvadrant_app::actions::{CreateWorkshop, DuplicateWorkshop, ImportWorkshop};
use leptos::server_fn::ServerFn;

/// One request, classified.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Route {
    /// Names a workshop by its code: a failure here may be a guess.
    pub lookup: bool,
    /// A page whose address carries a secret: the facilitator's, the leaders' or a group's.
    pub secret_page: bool,
    /// Makes a workshop: anew, from a setup, or as a copy.
    pub creates: bool,
    /// Answers with a secret: a new workshop's, the leaders' link or a group's.
    pub answers_secret: bool,
    /// A live stream of server-sent events.
    pub live: bool,
    /// A server function, called by the pages' forms and scripts.
    pub server_function: bool,
}

impl Route {
    pub fn of(method: &Method, path: &str) -> Route {
        let post = *method == Method::POST;
        if let Some(rest) = path.strip_prefix("/api/v1/workshops") {
            let parts: Vec<&str> = rest.split('/').skip(1).collect();
            let creates = post && matches!(parts[..], [] | ["import"] | [_, "duplicate"]);
            Route {
                lookup: !matches!(parts[..], [] | ["" | "import"]),
                creates,
                answers_secret: creates
                    || matches!(
                        parts[..],
                        [_, "review-link" | "group-links" | "secret" | "code"] | [_, "groups", _, "join" | "link"]
                    ),
                live: *method == Method::GET && matches!(parts[..], [_, "live"] | [_, "groups", _, "live"]),
                ..Route::default()
            }
        } else if let Some(rest) = path.strip_prefix("/w/") {
            let parts: Vec<&str> = rest.split('/').collect();
            let secret_page = matches!(parts[..], [_, "manage" | "review", ..] | [_, "g", _, _]);
            Route { lookup: true, secret_page, ..Route::default() }
        } else if path.starts_with("/api/") && !path.starts_with("/api/v1/") {
            let creating = [CreateWorkshop::PATH, ImportWorkshop::PATH, DuplicateWorkshop::PATH];
            let creates = post && creating.contains(&path);
            // Every server function the pages call with a secret may answer with it too.
            Route { lookup: true, creates, answers_secret: true, server_function: true, ..Route::default() }
        } else {
            Route::default()
        }
    }
}

/// The big screen, which may be framed by the site itself.
pub fn is_screen(path: &str) -> bool {
    path.strip_prefix("/w/").is_some_and(|rest| matches!(rest.split('/').collect::<Vec<_>>()[..], [_, "screen"]))
}

/// The workshop code of a request for the public results page (`GET /w/CODE/results`, any query).
pub fn public_results<'a>(method: &Method, path: &'a str) -> Option<&'a str> {
    let (code, page) = path.strip_prefix("/w/")?.split_once('/')?;
    (*method == Method::GET && page == "results").then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_are_told_apart() {
        let get = |path| Route::of(&Method::GET, path);
        let post = |path| Route::of(&Method::POST, path);
        let create = post("/api/v1/workshops");
        assert!(create.creates && create.answers_secret && !create.lookup);
        let import = post("/api/v1/workshops/import");
        assert!(import.creates && !import.lookup);
        assert!(post("/api/v1/workshops/ABCDEF/duplicate").creates);
        assert!(get("/api/v1/workshops/ABCDEF").lookup && !get("/api/v1/workshops/ABCDEF").creates);
        assert!(get("/api/v1/workshops/ABCDEF/review-link").answers_secret);
        assert!(get("/api/v1/workshops/ABCDEF/group-links").answers_secret);
        assert!(post("/api/v1/workshops/ABCDEF/groups/3/join").answers_secret);
        assert!(post("/api/v1/workshops/ABCDEF/groups/3/link").answers_secret);
        assert!(get("/w/ABCDEF/g/3/key").secret_page);
        assert!(get("/api/v1/workshops/ABCDEF/live").live && get("/api/v1/workshops/ABCDEF/groups/3/live").live);
        assert!(!get("/api/v1/workshops/ABCDEF/results").live);
        assert!(get("/w/ABCDEF/manage/secret").secret_page && get("/w/ABCDEF/review/secret").secret_page);
        assert!(get("/w/ABCDEF").lookup && !get("/w/ABCDEF/results").secret_page);
        let server_function = post(CreateWorkshop::PATH);
        assert!(server_function.creates && server_function.server_function && server_function.answers_secret);
        assert!(!post("/api/load_workshop123").creates);
        for elsewhere in ["/", "/pkg/kvadrant.js", "/api/v1/openapi.json", "/join"] {
            assert_eq!(get(elsewhere), Route::default(), "{elsewhere}");
        }
        assert!(is_screen("/w/ABCDEF/screen") && !is_screen("/w/ABCDEF/results") && !is_screen("/screen"));
    }

    #[test]
    fn only_the_public_results_page_is_kept() {
        assert_eq!(public_results(&Method::GET, "/w/ABCDEF/results"), Some("ABCDEF"));
        assert_eq!(public_results(&Method::POST, "/w/ABCDEF/results"), None);
        for other in ["/w/ABCDEF", "/w/ABCDEF/results/", "/w/ABCDEF/review/s3cret", "/w/ABCDEF/screen", "/results"] {
            assert_eq!(public_results(&Method::GET, other), None, "{other}");
        }
    }
}
