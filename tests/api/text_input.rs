//! Control characters are refused wherever text enters, naming the field; nothing changes.
//! NUL used to end in a 500 on PostgreSQL, `\u{1}` in an invalid SVG and a failing PNG.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{self, TestServer};

/// Asserts `response` refuses a control character in `field`.
async fn refused(response: reqwest::Response, field: &str, what: &str) {
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{what}");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["field"], field, "{what}: {body}");
    assert_eq!(body["rule"], json!({ "rule": "control_character" }), "{what}");
}

async fn post(server: &TestServer, path: &str, body: Value) -> reqwest::Response {
    server.client.post(server.url(path)).json(&body).send().await.unwrap()
}

#[tokio::test]
async fn control_characters_are_refused_wherever_text_enters() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Tegn").await;
    let code = &workshop.code;
    let category = server.add_id(&workshop, "/categories", json!({ "name": "Helse" })).await;
    server.group_key(code, group).await;
    let before = server.get_json(&format!("/api/v1/workshops/{code}")).await;

    for bad in ["Nul\0l", "En\u{1}er"] {
        let what = |what: &str| format!("{what} with {bad:?}");
        let facilitate = |method, path: &str, body| {
            let path = path.to_owned();
            let workshop = &workshop;
            let server = &server;
            async move { server.facilitate(workshop, method, &path, body).await }
        };
        let title = post(&server, "/api/v1/workshops", json!({ "title": bad })).await;
        refused(title, "title", &what("new workshop's title")).await;
        let title = facilitate(Method::PATCH, "", json!({ "title": bad })).await;
        refused(title, "title", &what("title")).await;
        let description = facilitate(Method::PATCH, "", json!({ "title": "T", "description": bad })).await;
        refused(description, "description", &what("description")).await;
        let name = facilitate(Method::POST, "/categories", json!({ "name": bad })).await;
        refused(name, "name", &what("category name")).await;
        let name = facilitate(Method::PUT, &format!("/categories/{category}"), json!({ "name": bad })).await;
        refused(name, "name", &what("category rename")).await;
        let name = facilitate(Method::POST, "/areas", json!({ "name": bad })).await;
        refused(name, "name", &what("area name")).await;
        let description =
            facilitate(Method::PUT, &format!("/areas/{area}"), json!({ "name": "Innkjøp", "description": bad })).await;
        refused(description, "description", &what("area description")).await;
        let names = facilitate(Method::POST, "/groups", json!({ "names": ["Gruppe A", bad] })).await;
        refused(names, "names[1]", &what("group names")).await;
        let name = facilitate(Method::PUT, &format!("/groups/{group}"), json!({ "name": bad })).await;
        refused(name, "name", &what("group rename")).await;
        let tagged = json!({ "name": "Gruppe 1", "tags": [{ "dimension": "Rolle", "value": bad }] });
        let tag = facilitate(Method::PUT, &format!("/groups/{group}"), tagged).await;
        refused(tag, "tags[0].value", &what("group tag")).await;
        let settings = json!({ "scale_min": 1, "scale_max": 10, "potential_label": bad, "language": "nb" });
        let label = facilitate(Method::PUT, "/settings", settings).await;
        refused(label, "potential_label", &what("axis label")).await;

        let comment = json!({ "rationale": "Felles behov", "risks": bad });
        let comment = server.as_group(code, group, Method::PUT, &format!("/comments/{area}"), comment).await;
        refused(comment, "risks", &what("comment")).await;
        let suggestion = server.as_group(code, group, Method::POST, "/suggestions", json!({ "name": bad })).await;
        refused(suggestion, "name", &what("suggestion")).await;
        let setup = json!({ "kvadrant_setup": 1, "title": "Import", "areas": [{ "name": bad }] });
        refused(post(&server, "/api/v1/workshops/import", setup).await, "areas[0].name", &what("import")).await;
        let tags = json!([{ "dimension": bad, "value": "x" }]);
        let setup = json!({ "kvadrant_setup": 1, "title": "Import", "groups": [{ "name": "G", "tags": tags }] });
        let import = post(&server, "/api/v1/workshops/import", setup).await;
        refused(import, "groups[0].tags[0].dimension", &what("imported tag")).await;
    }

    assert_eq!(server.get_json(&format!("/api/v1/workshops/{code}")).await, before, "nothing changed");
    let results = server.get_json(&format!("/api/v1/workshops/{code}/results")).await;
    assert_eq!(results["raised"], json!([]), "no suggestion was kept");
    assert_eq!(results["comments"], json!([]), "no comment was kept");
    let png = server.client.get(server.url(&format!("/api/v1/workshops/{code}/matrix.png"))).send().await.unwrap();
    assert_eq!(png.status(), StatusCode::OK);
}

#[tokio::test]
async fn descriptions_and_comments_keep_line_breaks_and_tabs() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Linjer").await;
    let code = &workshop.code;
    let patch = json!({ "title": "Linjer", "description": "Første linje\r\n\tandre linje" });
    let response = server.facilitate(&workshop, Method::PATCH, "", patch).await;
    assert_eq!(response.status(), StatusCode::OK);
    let view = server.get_json(&format!("/api/v1/workshops/{code}")).await;
    assert_eq!(view["description"], "Første linje\n\tandre linje", "a browser's CRLF is kept as LF");

    let comment = json!({ "rationale": "Fordi:\n\t– felles behov" });
    let response = server.as_group(code, group, Method::PUT, &format!("/comments/{area}"), comment).await;
    assert_eq!(response.status(), StatusCode::OK);
    let svg = server.client.get(server.url(&format!("/api/v1/workshops/{code}/matrix.svg"))).send().await.unwrap();
    assert_eq!(svg.status(), StatusCode::OK);

    let titled = json!({ "title": "Linje\nskift" });
    refused(post(&server, "/api/v1/workshops", titled).await, "title", "a title is one line").await;
}
