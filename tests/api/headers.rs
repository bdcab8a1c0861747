//! Security headers: what pages may load and run, who may frame them, and that nothing reached
//! with or carrying a secret is stored by a cache.

use reqwest::{Response, StatusCode};
use serde_json::json;

use crate::support::{self, TestServer};

fn header<'a>(response: &'a Response, name: &str) -> &'a str {
    response.headers().get(name).unwrap_or_else(|| panic!("{name} on {}", response.url())).to_str().unwrap()
}

/// Checks the headers every response carries; the page's policy's nonce.
fn common(response: &Response, frame_ancestors: &str) -> String {
    assert_eq!(header(response, "x-content-type-options"), "nosniff");
    assert_eq!(header(response, "referrer-policy"), "same-origin");
    let policy = header(response, "content-security-policy");
    for directive in [
        "default-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        &format!("frame-ancestors {frame_ancestors}"),
    ] {
        assert!(policy.split(';').any(|d| d.trim() == directive), "{directive} in {policy}");
    }
    let scripts = policy.split(';').map(str::trim).find(|d| d.starts_with("script-src ")).expect("script-src");
    assert!(scripts.starts_with("script-src 'self' 'wasm-unsafe-eval' 'nonce-"), "{scripts}");
    scripts.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("a nonce").to_owned()
}

/// Every inline or loaded script of `page` carries `nonce`, and nothing is styled inline.
fn scripts_carry(page: &str, nonce: &str) {
    let scripts: Vec<&str> = page.split("<script").skip(1).map(|tag| tag.split('>').next().unwrap()).collect();
    assert!(!scripts.is_empty(), "the page has its hydration script");
    for tag in scripts {
        assert!(tag.contains(&format!("nonce=\"{nonce}\"")), "<script{tag}> without the nonce");
    }
    assert!(!page.contains("<style") && !page.contains(" style=\""), "no inline style");
}

async fn page(server: &TestServer, path: &str, frame_ancestors: &str, cache: &str) -> String {
    let response = server.client.get(server.url(path)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let nonce = common(&response, frame_ancestors);
    assert_eq!(header(&response, "cache-control"), cache, "{path}");
    let html = response.text().await.unwrap();
    scripts_carry(&html, &nonce);
    nonce
}

#[tokio::test]
async fn pages_and_the_api_carry_the_security_headers() {
    let server = support::start().await;
    let (workshop, _, group) = server.scorable_workshop("Hoder").await;
    let code = &workshop.code;
    let join = page(&server, &format!("/w/{code}"), "'none'", "no-cache").await;
    let again = page(&server, &format!("/w/{code}"), "'none'", "no-cache").await;
    assert_ne!(join, again, "a nonce is used once");
    page(&server, "/", "'none'", "no-cache").await;
    let key = server.group_key(code, group).await;
    page(&server, &format!("/w/{code}/g/{group}/{key}"), "'none'", "no-store").await;
    page(&server, &format!("/w/{code}/results"), "'none'", "no-cache").await;
    page(&server, &format!("/w/{code}/screen"), "'self'", "no-cache").await;
    page(&server, &format!("/w/{code}/manage/{}", workshop.secret), "'none'", "no-store").await;
    let review = server.review_secret(&workshop).await;
    page(&server, &format!("/w/{code}/review/{review}"), "'none'", "no-store").await;

    let missing = server.client.get(server.url("/w/ZZZZZZ")).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let nonce = common(&missing, "'none'");
    scripts_carry(&missing.text().await.unwrap(), &nonce);

    let join = server.client.get(server.url(&format!("/api/v1/workshops/{code}"))).send().await.unwrap();
    common(&join, "'none'");
    assert_eq!(header(&join, "cache-control"), "no-cache");

    let secret_bearing = [
        server.get_as(&workshop.secret, &format!("/api/v1/workshops/{code}/setup")).await,
        server.get_as(&review, &format!("/api/v1/workshops/{code}/scores")).await,
        server
            .client
            .get(server.url(&format!("/api/v1/workshops/{code}/scores")))
            .header("cookie", format!("kvadrant-leaders={review}"))
            .send()
            .await
            .unwrap(),
        server.get_as(&workshop.secret, &format!("/api/v1/workshops/{code}/review-link")).await,
        server.client.post(server.url("/api/v1/workshops")).json(&json!({ "title": "Ny" })).send().await.unwrap(),
        server.facilitate(&workshop, reqwest::Method::POST, "/duplicate", json!(null)).await,
    ];
    for response in secret_bearing {
        assert!(response.status().is_success(), "{}: {}", response.url(), response.status());
        common(&response, "'none'");
        assert_eq!(header(&response, "cache-control"), "no-store", "{}", response.url());
    }
}
