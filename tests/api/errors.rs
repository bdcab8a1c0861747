//! Bad requests get a specific error and change nothing.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{self, TestServer, Workshop};

async fn error_of(response: reqwest::Response, status: StatusCode) -> Value {
    assert_eq!(response.status(), status);
    response.json().await.unwrap()
}

async fn sheet_scores(server: &TestServer, code: &str, group: i64) -> Value {
    server.sheet(code, group).await["scores"].clone()
}

#[tokio::test]
async fn unknown_workshops_are_not_found_and_malformed_codes_are_invalid() {
    let server = support::start().await;
    let response = server.client.get(server.url("/api/v1/workshops/ZZZZZZ")).send().await.unwrap();
    let body = error_of(response, StatusCode::NOT_FOUND).await;
    assert_eq!(body["error"], "not_found");
    assert_eq!(body["entity"], "workshop");

    let response = server.client.get(server.url("/api/v1/workshops/not-a-code")).send().await.unwrap();
    let body = error_of(response, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(body["field"], "code");
    assert_eq!(body["rule"], json!({ "rule": "malformed", "expected": "join_code" }));
}

#[tokio::test]
async fn only_the_facilitator_secret_can_change_a_workshop() {
    let server = support::start().await;
    let workshop = server.create_workshop("Hemmelig").await;
    let wrong = Workshop { code: workshop.code.clone(), secret: "0".repeat(48) };
    let changes = [
        (Method::PATCH, "", json!({ "title": "Kapret" })),
        (Method::PUT, "/scoring", json!({ "open": false })),
        (Method::POST, "/categories", json!({ "name": "X" })),
        (Method::POST, "/areas", json!({ "name": "X" })),
        (Method::POST, "/groups", json!({ "count": 2 })),
    ];
    for (method, path, body) in changes {
        let response = server.facilitate(&wrong, method.clone(), path, body.clone()).await;
        assert_eq!(error_of(response, StatusCode::FORBIDDEN).await["error"], "forbidden", "{method} {path}");
        let anonymous = server
            .client
            .request(method.clone(), server.url(&format!("/api/v1/workshops/{}{path}", workshop.code)))
            .json(&body)
            .send()
            .await
            .unwrap();
        let body = error_of(anonymous, StatusCode::UNAUTHORIZED).await;
        assert_eq!(body["error"], "credentials_required", "{method} {path} without a secret");
    }
    let unchanged = server.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await;
    assert_eq!(unchanged["title"], "Hemmelig");
    assert_eq!(unchanged["scoring_open"], true);
    assert_eq!(unchanged["areas"], json!([]));
    assert_eq!(unchanged["groups"], json!([]));
}

#[tokio::test]
async fn scores_are_refused_while_scoring_is_closed() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Feil og mangler").await;
    let close = server.facilitate(&workshop, Method::PUT, "/scoring", json!({ "open": false })).await;
    assert_eq!(close.status(), StatusCode::OK);

    let cell = json!([{ "area_id": area, "axis": "potential", "value": 7 }]);
    let body = error_of(server.put_scores(&workshop.code, group, cell.clone()).await, StatusCode::CONFLICT).await;
    assert_eq!(body["error"], "scoring_closed");
    assert_eq!(sheet_scores(&server, &workshop.code, group).await, json!([]));

    server.facilitate(&workshop, Method::PUT, "/scoring", json!({ "open": true })).await;
    assert_eq!(server.put_scores(&workshop.code, group, cell).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn out_of_range_scores_name_the_field_and_reject_the_whole_batch() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Feil og mangler").await;
    for bad in [0, 11, -3] {
        let batch = json!([
            { "area_id": area, "axis": "potential", "value": 8 },
            { "area_id": area, "axis": "feasibility", "value": bad },
        ]);
        let response = server.put_scores(&workshop.code, group, batch).await;
        let body = error_of(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(body["field"], "scores[1].value");
        assert_eq!(body["rule"], json!({ "rule": "out_of_range", "min": 1, "max": 10 }));
        assert!(body["message"].as_str().unwrap().contains("from 1 to 10"));
    }
    assert_eq!(sheet_scores(&server, &workshop.code, group).await, json!([]), "nothing half-written");
}

#[tokio::test]
async fn malformed_input_is_rejected_with_the_reason() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Feil og mangler").await;
    let url = server.url(&format!("/api/v1/workshops/{}/groups/{group}/scores", workshop.code));
    let key = server.group_key(&workshop.code, group).await;
    let put = || server.client.put(&url).bearer_auth(&key);

    let not_json = put().header("content-type", "application/json").body("{scores: [").send().await;
    let body = error_of(not_json.unwrap(), StatusCode::BAD_REQUEST).await;
    assert_eq!(body["field"], "body");

    let wrong_type = json!({ "scores": [{ "area_id": area, "axis": "potential", "value": "high" }] });
    let body = error_of(put().json(&wrong_type).send().await.unwrap(), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(body["rule"]["expected"], "json");
    assert!(body["message"].as_str().unwrap().contains("scores[0].value"), "{body}");

    let wrong_axis = json!({ "scores": [{ "area_id": area, "axis": "beauty", "value": 5 }] });
    let response = put().json(&wrong_axis).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let bad_path = server.client.get(server.url(&format!("/api/v1/workshops/{}/groups/abc/scores", workshop.code)));
    assert_eq!(error_of(bad_path.send().await.unwrap(), StatusCode::BAD_REQUEST).await["field"], "path");

    let blank_title = server.client.post(server.url("/api/v1/workshops")).json(&json!({ "title": "   " }));
    let body = error_of(blank_title.send().await.unwrap(), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!((body["field"].as_str(), body["rule"]["rule"].as_str()), (Some("title"), Some("required")));
    assert_eq!(sheet_scores(&server, &workshop.code, group).await, json!([]));
}

#[tokio::test]
async fn areas_and_groups_of_another_workshop_are_refused() {
    let server = support::start().await;
    let (workshop, _, group) = server.scorable_workshop("Feil og mangler").await;
    let (other, foreign_area, foreign_group) = server.scorable_workshop("Feil og mangler").await;

    let cell = json!([{ "area_id": foreign_area, "axis": "potential", "value": 5 }]);
    let body = error_of(server.put_scores(&workshop.code, group, cell).await, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!((body["field"].as_str(), body["rule"]["rule"].as_str()), (Some("scores[0].area_id"), Some("foreign")));

    let cell = json!({ "scores": [{ "area_id": foreign_area, "axis": "potential", "value": 5 }] });
    let key = server.group_key(&other.code, foreign_group).await;
    let url = server.url(&format!("/api/v1/workshops/{}/groups/{foreign_group}/scores", workshop.code));
    let response = server.client.put(url).bearer_auth(key).json(&cell).send().await.unwrap();
    let body = error_of(response, StatusCode::NOT_FOUND).await;
    assert_eq!(body["entity"], "group");

    let rename =
        server.facilitate(&workshop, Method::PUT, &format!("/areas/{foreign_area}"), json!({ "name": "Mine" })).await;
    assert_eq!(error_of(rename, StatusCode::NOT_FOUND).await["entity"], "area");
    let sheet = server.get_json(&format!("/api/v1/workshops/{}", other.code)).await;
    assert_eq!(sheet["areas"][0]["name"], "Innkjøp");
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let server = support::start().await;
    let (workshop, _, _) = server.scorable_workshop("Feil og mangler").await;
    let huge = json!({ "title": "x".repeat(400 * 1024) });
    let response = server.facilitate(&workshop, Method::PATCH, "", huge).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let long = json!({ "title": "x".repeat(201) });
    let body =
        error_of(server.facilitate(&workshop, Method::PATCH, "", long).await, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(body["rule"], json!({ "rule": "too_long", "max": 200 }));
}
