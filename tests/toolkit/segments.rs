use serde_json::Value;

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
async fn a_segment_no_group_has_is_empty_and_a_malformed_one_is_refused() {
    let server = support::start().await;
    let (workshop, _, _) = tagged_workshop(&server).await;
    let none = server.get_json(&format!("/api/v1/workshops/{}/results?segment=Rolle%3DRektor", workshop.code)).await;
    assert_eq!(none["segment"]["groups"], 0);
    assert!(none["ranked"].as_array().unwrap().is_empty());
    assert_eq!(none["unscored"].as_array().unwrap().len(), 1);

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
