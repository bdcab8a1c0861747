use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support;

/// A score written through one instance reaches a screen connected to the other, through
/// the database they share.
#[tokio::test]
async fn a_score_written_on_one_instance_reaches_screens_on_another() {
    let (a, b, _) = support::start_pair().await;
    // Both instances hear each other: ready.
    for instance in [&a, &b] {
        let ready = instance.client.get(instance.url("/health/ready")).send().await.unwrap();
        assert_eq!(ready.status(), 200);
        assert_eq!(ready.json::<Value>().await.unwrap()["live"], "ok");
    }
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

/// The database drops every connection, as when its server restarts: both instances reconnect,
/// and a screen on one follows every change made through the other, the first write after the
/// break included.
#[tokio::test]
async fn screens_on_two_instances_converge_after_the_database_drops_every_connection() {
    let (a, b, url) = support::start_pair().await;
    let (workshop, area, group) = a.scorable_workshop("Omstart").await;
    let code = &workshop.code;
    let key = a.group_key(code, group).await;
    let mut screen = b.follow(&format!("/api/v1/workshops/{code}/live")).await;
    screen.next().await;

    support::drop_connections(&url).await;
    // The first writes after the break may find their connection gone: a client tries again.
    let mut version = None;
    for value in 1..=20 {
        let scores = json!({ "scores": [{ "area_id": area, "axis": "potential", "value": value % 10 + 1 },
                                        { "area_id": area, "axis": "feasibility", "value": 4 }] });
        let url = a.url(&format!("/api/v1/workshops/{code}/groups/{group}/scores"));
        let response = a.client.put(url).bearer_auth(&key).json(&scores).send().await.unwrap();
        if response.status() == StatusCode::OK {
            version = response.json::<serde_json::Value>().await.unwrap()["version"].as_i64();
            break;
        }
        assert!(
            response.status().is_server_error(),
            "a lost connection is never the client's fault: {}",
            response.status()
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let version = version.expect("the instance writes again once the database is back");
    let seen = screen.view_at(version).await;
    assert_eq!(seen.data["standings"]["ranked"][0]["groups"], 1, "the screen on the other instance follows");
}
