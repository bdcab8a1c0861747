//! The public results page is rendered once per workshop version: what a reader gets is the
//! page of the version it asked at, in its language and for its address, with a nonce of its own.

use std::io::Read;

use kvadrant::Lang;
use reqwest::{Method, StatusCode};
use serde_json::json;

use super::metrics;
use crate::support::{self, TestServer};

/// A results page and the nonce its policy names.
struct Page {
    status: StatusCode,
    nonce: String,
    html: String,
}

impl Page {
    /// The page with its nonce taken out, to compare with another answer's.
    fn without_nonce(&self) -> String {
        self.html.replace(&self.nonce, "NONCE")
    }
}

async fn results_page(server: &TestServer, path: &str, cookie: Option<String>) -> Page {
    fetch(server, path, cookie, false).await
}

/// The page as a reader gets it: gzipped if it asks so (and then unpacked here).
async fn fetch(server: &TestServer, path: &str, cookie: Option<String>, gzip: bool) -> Page {
    let mut request = server.client.get(server.url(path));
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    if gzip {
        request = request.header("accept-encoding", "gzip");
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let policy = response.headers()["content-security-policy"].to_str().unwrap().to_owned();
    let nonce = policy.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("a nonce").to_owned();
    let encoding = response.headers().get("content-encoding").map(|value| value.to_str().unwrap().to_owned());
    assert_eq!(encoding.as_deref(), gzip.then_some("gzip"), "{path}");
    let body = response.bytes().await.unwrap();
    let html = if gzip {
        let mut html = String::new();
        flate2::read::GzDecoder::new(&body[..]).read_to_string(&mut html).expect("one whole gzip member");
        html
    } else {
        String::from_utf8(body.to_vec()).unwrap()
    };
    Page { status, nonce, html }
}

/// How many public results pages the server (the process's, which the tests share) has answered `how`.
async fn answered(server: &TestServer, how: &str) -> f64 {
    let samples = metrics::samples(&metrics::scrape(server, &server.base).await);
    metrics::value(&samples, "kvadrant_results_pages_total", &[("answer", how)]).expect("the results pages' count")
}

#[tokio::test]
async fn each_reader_gets_the_page_of_the_version_it_asked_at_with_a_nonce_of_its_own() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Sider per versjon").await;
    let path = format!("/w/{}/results", workshop.code);
    let first = results_page(&server, &path, None).await;
    let second = results_page(&server, &path, None).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_ne!(first.nonce, second.nonce, "a nonce is used once");
    assert_eq!(first.without_nonce(), second.without_nonce(), "the same version, the same page");
    for page in [&first, &second] {
        let scripts = page.html.matches("<script").count();
        assert!(scripts > 0 && page.html.matches(&format!("nonce=\"{}\"", page.nonce)).count() >= scripts);
    }
    assert!(first.html.contains("Innkjøp") && !first.html.contains("54,0"));
    for _ in 0..2 {
        let gzipped = fetch(&server, &path, None, true).await;
        assert_ne!(gzipped.nonce, first.nonce);
        assert_eq!(gzipped.without_nonce(), first.without_nonce(), "the same page, compressed");
    }

    // Kept, not rendered again, as the server counts its answers.
    let kept = answered(&server, "kept").await;
    for _ in 0..2 {
        assert_eq!(results_page(&server, &path, None).await.without_nonce(), first.without_nonce());
    }
    assert!(answered(&server, "kept").await >= kept + 2.0, "both answered from the page kept");

    // The page speaks the language of the read its version comes from, even one changed
    // behind the version's back (by hand, in the workshop's row).
    let code = &workshop.code;
    server.execute_sql(&format!("UPDATE workshops SET language = 'en' WHERE code = '{code}'")).await;
    let english = results_page(&server, &path, None).await;
    assert!(english.html.contains("<html lang=\"en\""));

    // A score: the next reader sees it.
    let cells = json!([
        { "area_id": area, "axis": "potential", "value": 9 },
        { "area_id": area, "axis": "feasibility", "value": 6 },
    ]);
    assert_eq!(server.put_scores(&workshop.code, group, cells).await.status(), StatusCode::OK);
    let scored = results_page(&server, &path, None).await;
    assert!(
        scored.html.contains("<html lang=\"en\"") && scored.html.contains("54.0"),
        "the score, in the row's language"
    );
    server.execute_sql(&format!("UPDATE workshops SET language = 'nb' WHERE code = '{code}'")).await;

    // A renamed area: the next reader sees the new name only.
    let renamed = json!({ "name": "Felles innkjøp" });
    let response = server.facilitate(&workshop, Method::PUT, &format!("/areas/{area}"), renamed).await;
    assert_eq!(response.status(), StatusCode::OK);
    let renamed = results_page(&server, &path, None).await;
    assert!(renamed.html.contains("Felles innkjøp") && renamed.html.contains("9,00") && renamed.html.contains("54,0"));

    // The language the visitor chose, and the address's own view, are pages of their own.
    let cookie = |lang: Lang| Some(format!("{}={}", kvadrant_api::lang::LANGUAGE_COOKIE, lang.code()));
    let chosen = results_page(&server, &path, cookie(Lang::En)).await;
    assert!(chosen.html.contains("<html lang=\"en\"") && chosen.html.contains("54.0"));
    let bokmal = results_page(&server, &path, None).await;
    assert!(bokmal.html.contains("<html lang=\"nb\"") && bokmal.html.contains("54,0"));
    assert_eq!(bokmal.without_nonce(), renamed.without_nonce());
    let normalised = results_page(&server, &format!("{path}?view=normalised"), None).await;
    assert_ne!(normalised.without_nonce(), bokmal.without_nonce());
    assert_eq!(results_page(&server, &path, None).await.without_nonce(), bokmal.without_nonce());
    // Anything else in the address is rendered as ever.
    let other = results_page(&server, &format!("{path}?utm_source=mail"), None).await;
    assert!(other.status == StatusCode::OK && other.html.contains("Felles innkjøp") && other.html.contains("54,0"));

    // Hidden: no reader gets the page kept from before.
    let hidden = server.facilitate(&workshop, Method::PUT, "/results-hidden", json!({ "hidden": true })).await;
    assert_eq!(hidden.status(), StatusCode::OK);
    for cookie in [None, cookie(Lang::En)] {
        let page = results_page(&server, &path, cookie).await;
        assert_ne!(page.status, StatusCode::OK);
        assert!(!page.html.contains("54,0") && !page.html.contains("54.0") && !page.html.contains("Felles innkjøp"));
    }
}
