//! Comments follow live views in an event of their own, only when they change, and only to
//! those who may see the results.

use reqwest::Method;
use serde_json::{Value, json};

use crate::support;

#[tokio::test]
async fn comments_travel_once_per_change_and_not_while_hidden() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Kommentarer live").await;
    let code = &workshop.code;
    let comment = |text: &str| json!({ "rationale": text });
    let written = server.as_group(code, group, Method::PUT, &format!("/comments/{area}"), comment("Første")).await;
    assert_eq!(written.status(), 200);
    let mut screen = server.follow(&format!("/api/v1/workshops/{code}/live")).await;
    assert_eq!(screen.next().await.name, "view");
    let first = screen.next().await;
    assert_eq!(first.name, "comments", "the comments follow the first view");
    // A stream opened right after a change may start a version before it.
    let has_first = |event: &support::Event| event.data["comments"][0]["rationale"] == "Første";
    if !has_first(&first) {
        screen.until("comments", has_first).await;
    }
    let sent_before = screen.transcript.matches("event: comments").count();

    // A score changes the view, not the comments: no comments event, and none in the view.
    let version = server.score(code, group, json!([{ "area_id": area, "axis": "potential", "value": 7 }])).await;
    let view = screen.view_at(version).await;
    assert_eq!(view.data["standings"]["comments"], json!([]));
    let saved = server.as_group(code, group, Method::PUT, &format!("/comments/{area}"), comment("Andre")).await;
    let version = saved.json::<Value>().await.unwrap()["version"].as_i64().unwrap();
    let changed = screen.until("comments", |event| event.id >= version).await;
    assert_eq!(changed.data["comments"][0]["rationale"], "Andre");
    let sent = screen.transcript.matches("event: comments").count() - sent_before;
    assert_eq!(sent, 1, "one comments event for one change of comments: {}", screen.transcript);

    // Hidden: the facilitator's stream has them, the screen's and the group's do not.
    let hidden = server.facilitate(&workshop, Method::PUT, "/results-hidden", json!({ "hidden": true })).await;
    assert_eq!(hidden.status(), 200);
    let mut facilitator = server.follow_as(&workshop.secret, &format!("/api/v1/workshops/{code}/live/private")).await;
    let mut member = server.follow_sheet(code, group).await;
    let saved = server.as_group(code, group, Method::PUT, &format!("/comments/{area}"), comment("Tredje")).await;
    let version = saved.json::<Value>().await.unwrap()["version"].as_i64().unwrap();
    let seen = facilitator.until("comments", |event| event.id >= version).await;
    assert_eq!(seen.data["comments"][0]["rationale"], "Tredje");
    screen.view_at(version).await;
    member.until("sheet", |event| event.id >= version).await;
    for stream in [&screen, &member] {
        let after_hiding = stream.transcript.split("\"results_hidden\":true").nth(1).unwrap_or_default();
        assert!(!after_hiding.contains("event: comments"), "{}", stream.transcript);
    }
    assert!(!screen.transcript.contains("Tredje"));

    // Revealed: the screen catches up with the comments it missed.
    let shown = server.facilitate(&workshop, Method::PUT, "/results-hidden", json!({ "hidden": false })).await;
    assert_eq!(shown.status(), 200);
    let caught_up = screen.until("comments", |event| event.data["comments"][0]["rationale"] == "Tredje").await;
    assert!(caught_up.id > version);
}
