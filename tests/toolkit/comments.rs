use reqwest::Method;
use serde_json::{Value, json};

use crate::support;

#[tokio::test]
async fn a_groups_comment_shows_under_its_area_in_results_and_exports() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Kommentarer").await;
    let path = format!("/comments/{area}");
    let comment = json!({ "rationale": " Felles behov på tvers ", "risks": "Avstander", "timeframe": "medium" });
    let response = server.as_group(&workshop.code, group, Method::PUT, &path, comment).await;
    assert_eq!(response.status(), 200);
    assert!(response.json::<Value>().await.unwrap()["version"].as_i64().is_some());

    let results = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    assert_eq!(
        results["comments"],
        json!([{ "group_id": group, "area_id": area, "rationale": "Felles behov på tvers", "risks": "Avstander",
            "timeframe": "medium" }])
    );
    let sheet = server.sheet(&workshop.code, group).await;
    assert_eq!(sheet["comments"][0]["risks"], "Avstander");

    let page = server.client.get(server.url(&format!("/w/{}/results", workshop.code))).send().await.unwrap();
    let html = page.text().await.unwrap();
    assert!(html.contains("Felles behov på tvers") && html.contains("Avstander"), "comments on the results page");

    let csv = server.client.get(server.url(&format!("/api/v1/workshops/{}/results.csv", workshop.code))).send();
    let csv = csv.await.unwrap().text().await.unwrap();
    assert!(
        csv.contains("Gruppe 1: Felles behov på tvers · Risiko og hindringer: Avstander · Tidsperspektiv: 1–3 år"),
        "{csv}"
    );

    // An empty comment removes it.
    let response = server.as_group(&workshop.code, group, Method::PUT, &path, json!({})).await;
    assert_eq!(response.status(), 200);
    let results = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    assert_eq!(results["comments"], json!([]));
}

#[tokio::test]
async fn bad_comments_are_refused_and_closed_scoring_closes_comments() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Feil kommentarer").await;
    let put = |path: String, body: Value| {
        let code = workshop.code.clone();
        let server = &server;
        async move { server.as_group(&code, group, Method::PUT, &path, body).await }
    };
    let path = format!("/comments/{area}");
    let response = put(path.clone(), json!({ "timeframe": "snart" })).await;
    assert_eq!(response.status(), 422);
    assert_eq!(response.json::<Value>().await.unwrap()["field"], "timeframe");
    let response = put(path.clone(), json!({ "risks": "x".repeat(1001) })).await;
    assert_eq!(response.json::<Value>().await.unwrap()["rule"]["rule"], "too_long");
    let foreign = format!("/comments/{}", area + 1000);
    assert_eq!(put(foreign, json!({ "rationale": "x" })).await.status(), 404);

    let closed = server.facilitate(&workshop, Method::PUT, "/scoring", json!({ "open": false })).await;
    assert_eq!(closed.status(), 200);
    assert_eq!(put(path, json!({ "rationale": "for sent" })).await.status(), 409);
    let results = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    assert_eq!(results["comments"], json!([]));
}
