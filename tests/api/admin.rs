//! The instance administrator: every workshop listed and one deleted, over the API with the
//! admin token, and from the command line on the database.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{self, TestServer};

const TOKEN: &str = "3f9c2a7d1e8b4c6a0d5f7e9b2c4a6d8f-admin";
const WORKSHOPS: &str = "/api/v1/admin/workshops";

async fn as_admin(server: &TestServer, method: Method, path: &str, token: Option<&str>) -> reqwest::Response {
    let request = server.client.request(method, server.url(path));
    let request = match token {
        Some(token) => request.bearer_auth(token),
        None => request,
    };
    request.send().await.unwrap()
}

#[tokio::test]
async fn the_administrator_lists_every_workshop_and_deletes_one_with_the_token() {
    let server = support::start_configured_as(|config| config.admin_token = Some(TOKEN.parse().unwrap())).await;
    let (workshop, area, group) = server.scorable_workshop("Kommunesamarbeid").await;
    let cells = json!([
        { "area_id": area, "axis": "potential", "value": 8 },
        { "area_id": area, "axis": "feasibility", "value": 6 },
    ]);
    server.score(&workshop.code, group, cells).await;
    let other = server.create_workshop("Tom").await;

    // Without the token, or with another one, nothing is listed and nothing goes.
    assert_eq!(as_admin(&server, Method::GET, WORKSHOPS, None).await.status(), StatusCode::UNAUTHORIZED);
    let guessed = as_admin(&server, Method::GET, WORKSHOPS, Some(&workshop.secret)).await;
    assert_eq!(guessed.status(), StatusCode::FORBIDDEN);
    let path = format!("{WORKSHOPS}/{}", workshop.code);
    assert_eq!(as_admin(&server, Method::DELETE, &path, Some(&workshop.secret)).await.status(), StatusCode::FORBIDDEN);

    let listed: Value = as_admin(&server, Method::GET, WORKSHOPS, Some(TOKEN)).await.json().await.unwrap();
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 2);
    let first = &listed[0];
    assert_eq!(first["code"], workshop.code);
    assert_eq!(first["title"], "Kommunesamarbeid");
    assert_eq!(
        (first["areas"].as_i64(), first["groups"].as_i64(), first["scores"].as_i64()),
        (Some(1), Some(1), Some(2))
    );
    assert!(first["last_change"].as_str().unwrap() >= first["created_at"].as_str().unwrap());
    assert_eq!(listed[1]["code"], other.code);

    assert_eq!(as_admin(&server, Method::DELETE, &path, Some(TOKEN)).await.status(), StatusCode::NO_CONTENT);
    let gone = server.client.get(server.url(&format!("/api/v1/workshops/{}", workshop.code))).send().await.unwrap();
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    let listed: Value = as_admin(&server, Method::GET, WORKSHOPS, Some(TOKEN)).await.json().await.unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn without_a_token_configured_no_one_administers_over_the_api() {
    let server = support::start().await;
    let workshop = server.create_workshop("Ingen admin").await;
    assert_eq!(as_admin(&server, Method::GET, WORKSHOPS, Some(TOKEN)).await.status(), StatusCode::FORBIDDEN);
    let path = format!("{WORKSHOPS}/{}", workshop.code);
    assert_eq!(as_admin(&server, Method::DELETE, &path, Some(TOKEN)).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_command_line_lists_and_deletes_on_the_database() {
    let server = support::start_sqlite(None).await;
    let workshop = server.create_workshop("Fra kommandolinjen").await;
    let database = &server.database_url;

    let listed = support::run_binary(&["admin", "list"], database).await;
    assert!(listed.status.success(), "{}", String::from_utf8_lossy(&listed.stderr));
    let table = String::from_utf8(listed.stdout).unwrap();
    let line = table.lines().find(|line| line.starts_with(&workshop.code)).expect("the workshop is listed");
    assert!(line.ends_with("Fra kommandolinjen"), "{table}");

    let unknown = support::run_binary(&["admin", "delete", "ZZZZ99"], database).await;
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no workshop has the join code ZZZZ99"));

    let deleted = support::run_binary(&["admin", "delete", &workshop.code], database).await;
    assert!(deleted.status.success(), "{}", String::from_utf8_lossy(&deleted.stderr));
    assert!(String::from_utf8_lossy(&deleted.stdout).contains(&format!("deleted {}", workshop.code)));
    let gone = server.client.get(server.url(&format!("/api/v1/workshops/{}", workshop.code))).send().await.unwrap();
    assert_eq!(gone.status(), StatusCode::NOT_FOUND, "the running server reads it gone");
}
