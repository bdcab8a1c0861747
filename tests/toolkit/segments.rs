use reqwest::Method;
use serde_json::{Value, json};

use super::tagged_workshop;
use crate::support;

fn only_row(results: &Value) -> &Value {
    let ranked = results["ranked"].as_array().unwrap();
    assert_eq!(ranked.len(), 1);
    &ranked[0]
}

#[tokio::test]
async fn a_segment_counts_only_its_groups_means_by_hand() {
    let server = support::start().await;
    let (workshop, _, _) = tagged_workshop(&server).await;
    let path = |segment: &str| format!("/api/v1/workshops/{}/results?segment={segment}", workshop.code);

    let all = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    assert_eq!(all["segment"]["groups"], 4);
    assert_eq!(all["segment"]["tag"], Value::Null);
    let row = only_row(&all);
    // (8 + 6 + 3 + 5) / 4 = 5.5 and (6 + 4 + 9 + 7) / 4 = 6.5.
    assert_eq!((row["potential"]["mean"].as_f64(), row["feasibility"]["mean"].as_f64()), (Some(5.5), Some(6.5)));
    assert_eq!(row["combined"].as_f64(), Some(35.75));

    let admin = server.get_json(&path("Rolle%3DAdministrasjon")).await;
    assert_eq!(admin["segment"]["groups"], 2);
    assert_eq!(admin["segment"]["tag"]["value"], "Administrasjon");
    let row = only_row(&admin);
    assert_eq!((row["potential"]["mean"].as_f64(), row["feasibility"]["mean"].as_f64()), (Some(7.0), Some(5.0)));
    assert_eq!((row["combined"].as_f64(), row["groups"].as_i64()), (Some(35.0), Some(2)));
    assert_eq!(row["quadrant"], "high_potential_hard");

    let elected = server.get_json(&path("Rolle%3DFolkevalgte")).await;
    let row = only_row(&elected);
    assert_eq!((row["potential"]["mean"].as_f64(), row["feasibility"]["mean"].as_f64()), (Some(4.0), Some(8.0)));
    assert_eq!(row["combined"].as_f64(), Some(32.0));
    assert_eq!(row["quadrant"], "low_potential_easy");

    // Lierne: groups 1 and 3, potential (8 + 3) / 2 = 5.5, feasibility (6 + 9) / 2 = 7.5.
    let lierne = server.get_json(&path("Kommune%3DLierne")).await;
    let row = only_row(&lierne);
    assert_eq!((row["potential"]["mean"].as_f64(), row["feasibility"]["mean"].as_f64()), (Some(5.5), Some(7.5)));
}

#[tokio::test]
async fn a_segment_too_small_to_stay_anonymous_and_a_malformed_one_are_refused() {
    let server = support::start().await;
    let (workshop, _, groups) = tagged_workshop(&server).await;
    let alone = json!({ "name": "Gruppe 1", "tags": [
        { "dimension": "Rolle", "value": "Administrasjon" }, { "dimension": "Kommune", "value": "Grong" }
    ]});
    let response = server.facilitate(&workshop, Method::PUT, &format!("/groups/{}", groups[0]), alone).await;
    assert_eq!(response.status(), 200);
    // Fewer groups than the workshop's minimum (2 unless chosen): not shown on its own.
    for small in ["Rolle%3DRektor", "Kommune%3DGrong"] {
        let path = format!("/api/v1/workshops/{}/results?segment={small}", workshop.code);
        let response = server.client.get(server.url(&path)).send().await.unwrap();
        assert_eq!(response.status(), 422, "{small}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["field"], "segment");
        assert_eq!(body["rule"], json!({ "rule": "too_few_groups", "min": 2 }));
    }
    // The results page lists it, as too small to choose.
    let page = server.client.get(server.url(&format!("/w/{}/results", workshop.code))).send().await.unwrap();
    let page = page.text().await.unwrap();
    assert!(page.contains("Kommune: Grong (for få grupper til å vises)"), "listed as too small");
    assert!(page.contains("Kommune: Snåsa (n = 2)"));

    let response = server
        .client
        .get(server.url(&format!("/api/v1/workshops/{}/results?segment=Folkevalgte", workshop.code)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    assert_eq!((body["field"].as_str(), body["rule"]["rule"].as_str()), (Some("segment"), Some("malformed")));
}

#[tokio::test]
async fn tags_are_checked_and_a_bad_set_changes_nothing() {
    let server = support::start().await;
    let (workshop, _, groups) = tagged_workshop(&server).await;
    let path = format!("/groups/{}", groups[0]);
    let twice = serde_json::json!({ "name": "Gruppe 1", "tags": [
        { "dimension": "Rolle", "value": "A" }, { "dimension": "Rolle", "value": "B" }
    ]});
    let response = server.facilitate(&workshop, reqwest::Method::PUT, &path, twice).await;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    assert_eq!((body["field"].as_str(), body["rule"]["rule"].as_str()), (Some("tags[1].dimension"), Some("duplicate")));

    let shown = super::workshop_json(&server, &workshop).await;
    let tags = &shown["groups"][0]["tags"];
    assert_eq!(tags[0]["dimension"], "Rolle");
    assert_eq!(tags[0]["value"], "Administrasjon");

    // A rename without tags keeps them.
    let rename = serde_json::json!({ "name": "Lierne adm." });
    let response = server.facilitate(&workshop, reqwest::Method::PUT, &path, rename).await;
    assert_eq!(response.status(), 200);
    let group: Value = response.json().await.unwrap();
    assert_eq!(group["tags"].as_array().unwrap().len(), 2);
}
