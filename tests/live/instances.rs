use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support;

/// A score written through one instance reaches a screen connected to the other, through
/// the database they share. Runs where `KVADRANT_TEST_POSTGRES` is set (`.ci/run` sets it).
#[tokio::test]
async fn a_score_written_on_one_instance_reaches_screens_on_another() {
    let Some((a, b)) = support::start_pair().await else {
        eprintln!("KVADRANT_TEST_POSTGRES is not set: several instances need PostgreSQL");
        return;
    };
    let (workshop, area, group) = a.scorable_workshop("To instanser").await;
    let code = &workshop.code;
    let mut screen = b.follow(&format!("/api/v1/workshops/{code}/live")).await;
    let key = a.group_key(code, group).await;
    let mut sheet = b.follow_as(&key, &format!("/api/v1/workshops/{code}/groups/{group}/live")).await;
    let first = screen.next().await;
    assert_eq!(first.data["workshop"]["areas"][0]["id"], area);

    let scores = json!([{ "area_id": area, "axis": "potential", "value": 10 },
                        { "area_id": area, "axis": "feasibility", "value": 5 }]);
    let version = a.score(code, group, scores).await;
    let seen = screen.view_at(version).await;
    assert_eq!(seen.data["standings"]["ranked"][0]["combined"], 50.0);
    let seen = sheet.until("sheet", |event| event.id >= version).await;
    assert_eq!(seen.data["scores"].as_array().unwrap().len(), 2);

    // And the other way round, for a facilitator's change.
    let mut screen_on_a = a.follow(&format!("/api/v1/workshops/{code}/live")).await;
    screen_on_a.next().await;
    let closed = b.facilitate(&workshop, Method::PUT, "/scoring", json!({ "open": false })).await;
    assert_eq!(closed.status(), StatusCode::OK);
    screen_on_a.until("view", |event| event.data["workshop"]["scoring_open"] == false).await;
    let refused = a.put_scores(code, group, json!([{ "area_id": area, "axis": "potential", "value": 1 }])).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
}
