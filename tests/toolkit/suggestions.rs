use reqwest::Method;
use serde_json::{Value, json};

use crate::support;

#[tokio::test]
async fn the_facilitator_sees_suggestions_live_and_accepts_or_keeps_them() {
    let server = support::start().await;
    let (workshop, _, group) = server.scorable_workshop("Forslag").await;
    let mut facilitator =
        server.follow_as(&workshop.secret, &format!("/api/v1/workshops/{}/live/private", workshop.code)).await;
    let mut screen = server.follow(&format!("/api/v1/workshops/{}/live", workshop.code)).await;
    facilitator.next().await;
    screen.next().await;

    let suggest = |name: &str| {
        let body = json!({ "name": name, "description": "Felles vakt" });
        server.as_group(&workshop.code, group, Method::POST, "/suggestions", body)
    };
    let response = suggest("Legevakt").await;
    assert_eq!(response.status(), 201);
    let first: Value = response.json().await.unwrap();
    assert_eq!((&first["status"], &first["group_id"]), (&json!("pending"), &json!(group)));
    let second: Value = suggest("Barnevern").await.json().await.unwrap();

    let seen = facilitator.until("view", |e| e.data["suggestions"].as_array().is_some_and(|s| s.len() == 2)).await;
    assert_eq!(seen.data["suggestions"][0]["name"], "Legevakt");
    let public = screen.view_at(seen.id).await;
    assert_eq!(public.data["suggestions"], json!([]), "participants do not see suggestions");
    assert!(!screen.transcript.contains("Barnevern"));

    let area = server.add(&workshop, &format!("/suggestions/{}/accept", first["id"]), json!({})).await;
    assert_eq!(area["name"], "Legevakt");
    let again =
        server.facilitate(&workshop, Method::POST, &format!("/suggestions/{}/accept", first["id"]), json!({})).await;
    assert_eq!(again.status(), 409);
    let keep_accepted = format!("/suggestions/{}/keep", first["id"]);
    assert_eq!(server.facilitate(&workshop, Method::POST, &keep_accepted, json!({})).await.status(), 409);
    let kept =
        server.facilitate(&workshop, Method::POST, &format!("/suggestions/{}/keep", second["id"]), json!({})).await;
    assert_eq!(kept.status(), 204);

    // The accepted one is scorable; the kept one is listed as raised but not scored.
    let scores = json!([{ "area_id": area["id"], "axis": "potential", "value": 9 }]);
    server.score(&workshop.code, group, scores).await;
    let results = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    assert_eq!(results["raised"].as_array().unwrap().len(), 1);
    assert_eq!(results["raised"][0]["name"], "Barnevern");
    assert!(results["unscored"].as_array().unwrap().iter().any(|a| a["name"] == "Legevakt"));
}

#[tokio::test]
async fn bad_suggestions_are_refused() {
    let server = support::start().await;
    let (workshop, _, group) = server.scorable_workshop("Feil forslag").await;
    let response = server.as_group(&workshop.code, group, Method::POST, "/suggestions", json!({ "name": "  " })).await;
    assert_eq!(response.status(), 422);
    assert_eq!(response.json::<Value>().await.unwrap()["field"], "name");
    let anonymous = server.url(&format!("/api/v1/workshops/{}/groups/{group}/suggestions", workshop.code));
    let response = server.client.post(&anonymous).json(&json!({ "name": "Vei" })).send().await.unwrap();
    assert_eq!(response.status(), 401, "a suggestion needs the group's link");
    let key = server.group_key(&workshop.code, group).await;
    let unknown = server.url(&format!("/api/v1/workshops/{}/groups/999999/suggestions", workshop.code));
    let response = server.client.post(&unknown).bearer_auth(key).json(&json!({ "name": "Vei" })).send().await.unwrap();
    assert_eq!(response.status(), 404);
    let unknown = server.facilitate(&workshop, Method::POST, "/suggestions/999999/keep", json!({})).await;
    assert_eq!(unknown.status(), 404);
}
