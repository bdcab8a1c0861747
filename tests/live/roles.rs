use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{self, TestServer};

async fn hide(server: &TestServer, workshop: &support::Workshop, hidden: bool) {
    let response = server.facilitate(workshop, Method::PUT, "/results-hidden", json!({ "hidden": hidden })).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.json::<Value>().await.unwrap()["results_hidden"], hidden);
}

#[tokio::test]
async fn hidden_results_reach_the_facilitator_and_no_one_else_until_revealed() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Skjult").await;
    let other = server.add(&workshop, "/groups", json!({ "count": 1 })).await[0]["id"].as_i64().unwrap();
    hide(&server, &workshop, true).await;

    let code = &workshop.code;
    let mut facilitator = server.follow_as(&workshop.secret, &format!("/api/v1/workshops/{code}/live/private")).await;
    let mut screen = server.follow(&format!("/api/v1/workshops/{code}/live")).await;
    let mut member = server.follow_sheet(code, other).await;
    for participant in [&mut screen, &mut member] {
        let first = participant.next().await;
        assert_eq!(first.data["workshop"]["results_hidden"], true);
        assert_eq!(first.data["standings"], Value::Null);
    }

    let scores = json!([{ "area_id": area, "axis": "potential", "value": 9 },
                        { "area_id": area, "axis": "feasibility", "value": 3 }]);
    let version = server.score(code, group, scores).await;

    let seen = facilitator.view_at(version).await;
    assert_eq!(seen.data["standings"]["ranked"][0]["combined"], 27.0);
    for participant in [&mut screen, &mut member] {
        let seen = participant.view_at(version).await;
        assert_eq!(seen.data["standings"], Value::Null);
        // How many groups are done is shared, but no one else's scores, on any event.
        assert_eq!(seen.data["groups_done"], 1);
        assert!(!participant.transcript.contains("\"ranked\""), "{}", participant.transcript);
        assert!(!participant.transcript.contains("\"value\":9"), "{}", participant.transcript);
    }

    // Nor on any other channel.
    for path in ["/results", "/results.csv"] {
        let response = server.client.get(server.url(&format!("/api/v1/workshops/{code}{path}"))).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
        assert_eq!(response.json::<Value>().await.unwrap()["error"], "results_hidden");
    }
    let page = server.client.get(server.url(&format!("/w/{code}/results"))).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::FORBIDDEN);
    let page = page.text().await.unwrap();
    assert!(!page.contains("27.0") && !page.contains("27,0"), "{page}");
    let own = server.facilitate(&workshop, Method::GET, "/results", Value::Null).await;
    assert_eq!(own.json::<Value>().await.unwrap()["ranked"][0]["combined"], 27.0);

    hide(&server, &workshop, false).await;
    let revealed = screen.until("view", |event| event.data["standings"] != Value::Null).await;
    assert_eq!(revealed.data["standings"]["ranked"][0]["combined"], 27.0);
    member.until("view", |event| event.data["standings"] != Value::Null).await;
}

#[tokio::test]
async fn a_group_sees_only_its_own_sheet() {
    let server = support::start().await;
    let (workshop, area, first) = server.scorable_workshop("Egne ark").await;
    let second = server.add(&workshop, "/groups", json!({ "count": 1 })).await[0]["id"].as_i64().unwrap();
    let mut member = server.follow_sheet(&workshop.code, second).await;
    let version =
        server.score(&workshop.code, first, json!([{ "area_id": area, "axis": "potential", "value": 4 }])).await;
    let mine =
        server.score(&workshop.code, second, json!([{ "area_id": area, "axis": "potential", "value": 2 }])).await;
    assert!(mine > version);
    let sheet = member.until("sheet", |event| event.id >= mine).await;
    assert_eq!(sheet.data["group_id"], second);
    assert_eq!(sheet.data["scores"], json!([{ "area_id": area, "axis": "potential", "value": 2 }]));
    assert!(
        !member.transcript.contains(&format!("\"group_id\":{first},\"scores\"")),
        "another group's sheet was sent: {}",
        member.transcript
    );

    // The second group's key opens neither the first group's sheet nor its stream, and
    // changes nothing there.
    let key = server.group_key(&workshop.code, second).await;
    let first_sheet = format!("/api/v1/workshops/{}/groups/{first}", workshop.code);
    let read = server.get_as(&key, &format!("{first_sheet}/scores")).await;
    assert_eq!(read.status(), StatusCode::FORBIDDEN);
    let live = server.get_as(&key, &format!("{first_sheet}/live")).await;
    assert_eq!(live.status(), StatusCode::FORBIDDEN);
    let overwrite = json!({ "scores": [{ "area_id": area, "axis": "potential", "value": null }] });
    let url = server.url(&format!("{first_sheet}/scores"));
    let written = server.client.put(&url).bearer_auth(&key).json(&overwrite).send().await.unwrap();
    assert_eq!(written.status(), StatusCode::FORBIDDEN);
    let anonymous = server.client.put(&url).json(&overwrite).send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(server.sheet(&workshop.code, first).await["scores"][0]["value"], 4, "the first group's cell stands");
}

#[tokio::test]
async fn following_needs_a_real_workshop_group_and_secret() {
    let server = support::start().await;
    let (workshop, _, group) = server.scorable_workshop("Adgang").await;
    let code = &workshop.code;
    let status = |path: String| {
        let request = server.client.get(server.url(&path));
        async move { request.send().await.unwrap().status() }
    };
    let wrong = server.get_as("wrong", &format!("/api/v1/workshops/{code}/live/private")).await;
    assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
    assert_eq!(status(format!("/api/v1/workshops/{code}/live/private")).await, StatusCode::UNAUTHORIZED);
    // The facilitator's cookie, which its own browser sends along, never opens the public
    // stream's hidden results: a big screen on the facilitator's laptop shows what the room may see.
    let hide = server.facilitate(&workshop, Method::PUT, "/results-hidden", json!({ "hidden": true })).await;
    assert_eq!(hide.status(), StatusCode::OK);
    let screen = server.client.get(server.url(&format!("/api/v1/workshops/{code}/live")));
    let screen = screen.header("cookie", format!("kvadrant-facilitator={}", workshop.secret)).send().await.unwrap();
    let mut screen = support::EventStream::new(screen);
    assert_eq!(screen.next().await.data["standings"], Value::Null);
    let private = server.client.get(server.url(&format!("/api/v1/workshops/{code}/live/private")));
    let private = private.header("cookie", format!("kvadrant-facilitator={}", workshop.secret)).send().await.unwrap();
    let mut private = support::EventStream::new(private);
    assert!(private.next().await.data["standings"].is_object(), "the facilitator's page follows with its cookie");
    let unknown = server.get_as("0", &format!("/api/v1/workshops/{code}/groups/999999/live")).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let sheet = format!("/api/v1/workshops/{code}/groups/{group}/live");
    assert_eq!(status(sheet.clone()).await, StatusCode::UNAUTHORIZED, "a sheet's stream needs its key");
    let wrong =
        server.client.get(server.url(&sheet)).header("cookie", format!("kvadrant-group-key={}", "0".repeat(32)));
    assert_eq!(wrong.send().await.unwrap().status(), StatusCode::FORBIDDEN);
    let key = server.group_key(code, group).await;
    let right = server.client.get(server.url(&sheet)).header("cookie", format!("kvadrant-group-key={key}"));
    assert_eq!(right.send().await.unwrap().status(), StatusCode::OK, "the cookie the sheet page sets opens it");
    assert_eq!(status("/api/v1/workshops/ZZZZZZ/live".to_owned()).await, StatusCode::NOT_FOUND);
    let (_, _, foreign_group) = server.scorable_workshop("Annen").await;
    let foreign = server.get_as("0", &format!("/api/v1/workshops/{code}/groups/{foreign_group}/live")).await;
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);
}
