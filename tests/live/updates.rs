use std::time::Duration;

use reqwest::StatusCode;
use serde_json::json;

use crate::support;

#[tokio::test]
async fn a_screen_gets_a_snapshot_at_once_then_every_change() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Live").await;
    server.group_key(&workshop.code, group).await;
    let mut screen = server.follow(&format!("/api/v1/workshops/{}/live", workshop.code)).await;

    let first = screen.next().await;
    assert_eq!(first.name, "view");
    assert_eq!(first.data["version"], first.id);
    assert_eq!(first.data["workshop"]["areas"][0]["name"], "Innkjøp");
    assert_eq!(first.data["standings"]["ranked"], json!([]));
    assert_eq!(first.data["groups_done"], 0);
    // Each group's progress is the facilitator's to follow.
    assert_eq!(first.data["progress"], json!([]));
    let mut facilitator =
        server.follow_as(&workshop.secret, &format!("/api/v1/workshops/{}/live/private", workshop.code)).await;
    let progress = facilitator.next().await.data["progress"].clone();
    assert_eq!(progress, json!([{ "group_id": group, "scored": 0, "last_activity": null }]));

    let scores = json!([
        { "area_id": area, "axis": "potential", "value": 8 },
        { "area_id": area, "axis": "feasibility", "value": 6 },
    ]);
    let version = server.score(&workshop.code, group, scores).await;
    assert!(version > first.id);
    let seen = screen.view_at(version).await;
    let ranked = &seen.data["standings"]["ranked"][0];
    assert_eq!(ranked["area"], "Innkjøp");
    assert_eq!(ranked["combined"], 48.0);
    assert_eq!(seen.data["groups_done"], 1);
    // The workshop did not change: the view leaves it out.
    assert_eq!(seen.data["workshop"], serde_json::Value::Null);
    let seen = facilitator.view_at(version).await;
    assert_eq!(seen.data["progress"][0]["scored"], 1);
    assert!(seen.data["progress"][0]["last_activity"].as_str().is_some_and(|at| at.ends_with('Z')));

    // Setup changes reach screens too.
    let area2 = server.add_id(&workshop, "/areas", json!({ "name": "Beredskap" })).await;
    let seen = screen
        .until("view", |event| event.data["workshop"]["areas"].as_array().is_some_and(|areas| areas.len() == 2))
        .await;
    assert_eq!(seen.data["standings"]["unscored"][0]["id"], area2);
}

#[tokio::test]
async fn members_sharing_a_sheet_see_each_others_cells_and_scoring_closing() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Deling").await;
    let mut laptop = server.follow_sheet(&workshop.code, group).await;
    let mut phone = server.follow_sheet(&workshop.code, group).await;
    for member in [&mut laptop, &mut phone] {
        assert_eq!(member.next().await.name, "view");
        assert_eq!(member.next().await.name, "comments", "the comments follow the first view");
        let sheet = member.next().await;
        assert_eq!(sheet.name, "sheet");
        assert_eq!(sheet.data["scores"], json!([]));
    }

    let version =
        server.score(&workshop.code, group, json!([{ "area_id": area, "axis": "potential", "value": 7 }])).await;
    for member in [&mut laptop, &mut phone] {
        let sheet = member.until("sheet", |event| event.id >= version).await;
        assert_eq!(sheet.data["group_id"], group);
        assert_eq!(sheet.data["scores"], json!([{ "area_id": area, "axis": "potential", "value": 7 }]));
    }

    let closed = server.facilitate(&workshop, reqwest::Method::PUT, "/scoring", json!({ "open": false })).await;
    assert_eq!(closed.status(), StatusCode::OK);
    for member in [&mut laptop, &mut phone] {
        member.until("view", |event| event.data["workshop"]["scoring_open"] == false).await;
    }
    let reopened = server.facilitate(&workshop, reqwest::Method::PUT, "/scoring", json!({ "open": true })).await;
    assert_eq!(reopened.status(), StatusCode::OK);
    laptop.until("view", |event| event.data["workshop"]["scoring_open"] == true).await;
}

#[tokio::test]
async fn a_burst_of_writes_converges_on_the_last_version() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Burst").await;
    let mut screen = server.follow(&format!("/api/v1/workshops/{}/live", workshop.code)).await;
    let before = screen.next().await.id;
    let writes = (1..=10).map(|value| {
        let scores = json!([{ "area_id": area, "axis": "potential", "value": value },
                            { "area_id": area, "axis": "feasibility", "value": value }]);
        let server = &server;
        let code = workshop.code.clone();
        async move { server.score(&code, group, scores).await }
    });
    let versions = futures_util::future::join_all(writes).await;
    // Writes committed together share their version: each is after what the screen saw first.
    assert!(versions.iter().all(|&version| version > before), "{versions:?} after {before}");
    let last = *versions.iter().max().unwrap();
    // The last version's view with its certainty: at once, or when its bands are drawn.
    let seen = screen.view_with_bands(last).await;
    let results = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    assert_eq!(seen.data["standings"]["ranked"], results["ranked"]);
}

#[tokio::test]
async fn a_stored_score_outside_the_scale_is_left_out_of_results_and_live_views_alike() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Uten skala").await;
    let scores = json!([
        { "area_id": area, "axis": "potential", "value": 8 },
        { "area_id": area, "axis": "feasibility", "value": 6 },
    ]);
    server.score(&workshop.code, group, scores).await;
    // Writes refuse it; only a database changed by hand holds a 0 on a scale from 1.
    server.execute_sql("UPDATE scores SET value = 0 WHERE axis = 'potential'").await;

    let results = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    assert_eq!(results["ranked"], json!([]), "the area has no valid potential left");
    assert_eq!(results["unscored"][0]["id"], area);
    let mut screen = server.follow(&format!("/api/v1/workshops/{}/live", workshop.code)).await;
    let view = screen.next().await;
    assert_eq!(view.data["standings"]["ranked"], results["ranked"]);
    assert_eq!(view.data["standings"]["unscored"], results["unscored"]);
}

#[tokio::test]
async fn each_stream_asks_for_its_own_reconnection_delay_so_screens_do_not_return_at_once() {
    let server = support::start().await;
    let workshop = server.create_workshop("Gjenoppkobling").await;
    let mut delays = Vec::new();
    for _ in 0..6 {
        // A browser keeps the delay to itself; it is the stream's first line.
        let mut stream = reqwest::get(server.url(&format!("/api/v1/workshops/{}/live", workshop.code))).await.unwrap();
        let first = stream.chunk().await.unwrap().expect("the stream sends something");
        let first = String::from_utf8_lossy(&first);
        let millis = first.lines().next().and_then(|line| line.strip_prefix("retry: ")).expect("a delay comes first");
        delays.push(Duration::from_millis(millis.parse().unwrap()));
    }
    let allowed = Duration::from_secs(1)..=Duration::from_secs(4);
    assert!(delays.iter().all(|delay| allowed.contains(delay)), "{delays:?}");
    assert!(delays.iter().any(|delay| *delay != delays[0]), "six streams drew the same delay: {delays:?}");
}

/// Rank bands are drawn off the live path: a view may come before them, and the bands of its
/// very scores follow at the same version, matching what a request for results gives.
#[tokio::test]
async fn rank_bands_follow_the_scores_they_belong_to() {
    let server = support::start().await;
    let workshop = server.create_workshop("Bånd").await;
    let areas = server.add_areas(&workshop, &["Legevakt", "Innkjøp", "Reiseliv"]).await;
    let groups = server.add(&workshop, "/groups", json!({ "count": 4 })).await;
    let mut screen = server.follow(&format!("/api/v1/workshops/{}/live", workshop.code)).await;
    let mut last = 0;
    for (g, group) in groups.as_array().unwrap().iter().enumerate() {
        let cells: Vec<serde_json::Value> = areas
            .iter()
            .enumerate()
            .flat_map(|(a, area)| {
                let value = 1 + (a * 3 + g * 2) % 10;
                [
                    json!({ "area_id": area, "axis": "potential", "value": value }),
                    json!({ "area_id": area, "axis": "feasibility", "value": 11 - value }),
                ]
            })
            .collect();
        last = server.score(&workshop.code, group["id"].as_i64().unwrap(), json!(cells)).await;
    }
    let drawn = screen.view_with_bands(last).await;
    assert_eq!(drawn.id, last, "no newer version was written");
    let results = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    assert_eq!(drawn.data["standings"]["ranked"], results["ranked"]);
    assert!(results["ranked"].as_array().unwrap().iter().all(|row| row["certainty"]["band"]["best"].is_u64()));
}

/// A new round reaches every screen at once: the sheets empty, the round named, and the
/// matrix's arrows from where each area stood in round 1.
#[tokio::test]
async fn a_new_round_empties_the_sheets_and_shows_where_areas_stood() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Ny runde").await;
    let scores = json!([
        { "area_id": area, "axis": "potential", "value": 8 },
        { "area_id": area, "axis": "feasibility", "value": 6 },
    ]);
    let scored = server.score(&workshop.code, group, scores).await;
    let mut screen = server.follow(&format!("/api/v1/workshops/{}/live", workshop.code)).await;
    let mut member = server.follow_sheet(&workshop.code, group).await;
    member.until("sheet", |event| event.id >= scored && event.data["scores"].as_array().unwrap().len() == 2).await;

    let started = server.facilitate(&workshop, reqwest::Method::POST, "/rounds", json!(null)).await;
    assert_eq!(started.status(), StatusCode::OK);
    let seen = screen.until("view", |event| event.data["workshop"]["round"] == 2).await;
    assert_eq!(seen.data["standings"]["ranked"], json!([]), "round 2 has no scores yet");
    let sheet = member.until("sheet", |event| event.id >= seen.id).await;
    assert_eq!(sheet.data["scores"], json!([]));

    let scores = json!([
        { "area_id": area, "axis": "potential", "value": 4 },
        { "area_id": area, "axis": "feasibility", "value": 5 },
    ]);
    let version = server.score(&workshop.code, group, scores).await;
    let seen = screen.view_at(version).await;
    let ranked = &seen.data["standings"]["ranked"][0];
    assert_eq!(ranked["combined"], 20.0);
    assert_eq!(
        ranked["earlier"],
        json!([{ "round": 1, "rank": 1, "potential": 8.0, "feasibility": 6.0, "combined": 48.0 }])
    );
}
