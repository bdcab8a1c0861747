//! Deleting a workshop: by its facilitator, with everything in it, and by the server once the
//! workshop is past the retention time.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::{self, TestServer, Workshop};

/// A workshop with two groups that scored, commented and suggested: (workshop, a group).
async fn used_workshop(server: &TestServer) -> (Workshop, i64) {
    let (workshop, area, group) = server.scorable_workshop("Slettes").await;
    let cells = json!([
        { "area_id": area, "axis": "potential", "value": 7 },
        { "area_id": area, "axis": "feasibility", "value": 4 },
    ]);
    server.score(&workshop.code, group, cells).await;
    let comment = json!({ "rationale": "Ola Nordmann sa noe", "risks": "", "timeframe": "short" });
    let commented = server.as_group(&workshop.code, group, Method::PUT, &format!("/comments/{area}"), comment).await;
    assert_eq!(commented.status(), StatusCode::OK);
    let suggested =
        server.as_group(&workshop.code, group, Method::POST, "/suggestions", json!({ "name": "Nytt" })).await;
    assert_eq!(suggested.status(), StatusCode::CREATED);
    (workshop, group)
}

/// Rows the database holds in `table`.
async fn rows(server: &TestServer, table: &str) -> i64 {
    server.query_number(&format!("SELECT COUNT(*) FROM {table}")).await
}

#[tokio::test]
async fn a_facilitator_deletes_a_workshop_with_everything_in_it() {
    let server = support::start().await;
    let kept = server.create_workshop("Blir").await;
    let kept_areas = server.add_areas(&kept, &["Beholdes"]).await;
    let (workshop, group) = used_workshop(&server).await;
    let mut screen = server.follow(&format!("/api/v1/workshops/{}/live", workshop.code)).await;
    let mut sheet = server.follow_sheet(&workshop.code, group).await;
    let workshops = server.url(&format!("/api/v1/workshops/{}", workshop.code));

    // Without the facilitator's secret nothing goes.
    let anonymous = server.client.delete(&workshops).send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let key = server.group_key(&workshop.code, group).await;
    let as_group = server.client.delete(&workshops).bearer_auth(&key).send().await.unwrap();
    assert_eq!(as_group.status(), StatusCode::FORBIDDEN);
    assert_eq!(server.client.get(&workshops).send().await.unwrap().status(), StatusCode::OK);

    let deleted = server.client.delete(&workshops).bearer_auth(&workshop.secret).send().await.unwrap();
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);

    // Its screens and sheets end, and nothing of it answers any more.
    assert!(screen.ends().await, "the big screen's stream ends");
    assert!(sheet.ends().await, "the group's sheet stream ends");
    for path in ["", "/results", &format!("/groups/{group}/sheet")] {
        let response = server.get_as(&key, &format!("/api/v1/workshops/{}{path}", workshop.code)).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "GET {path}");
    }
    let again = server.client.delete(&workshops).bearer_auth(&workshop.secret).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    let page = server.client.get(server.url(&format!("/w/{}", workshop.code))).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::NOT_FOUND);

    // In the database only the other workshop is left: its one area, and nothing else.
    assert_eq!(rows(&server, "workshops").await, 1);
    assert_eq!(rows(&server, "areas").await, kept_areas.len() as i64);
    for table in ["groups", "scores", "comments", "suggestions", "removals"] {
        assert_eq!(rows(&server, table).await, 0, "{table}");
    }
    let logged =
        server.query_number("SELECT COUNT(*) FROM changes WHERE workshop_id NOT IN (SELECT id FROM workshops)").await;
    assert_eq!(logged, 0, "the change log goes too");
    assert_eq!(
        server.client.get(server.url(&format!("/api/v1/workshops/{}", kept.code))).send().await.unwrap().status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_deleted_workshops_number_is_never_given_again() {
    let server = support::start().await;
    server.create_workshop("Første").await;
    let newest = server.create_workshop("Nyeste").await;
    let newest_id = server.query_number("SELECT MAX(id) FROM workshops").await;
    let deleted = server.facilitate(&newest, Method::DELETE, "", json!({})).await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    server.create_workshop("Etterpå").await;
    // What the server keeps in memory by a workshop's number must never reach another one.
    assert!(server.query_number("SELECT MAX(id) FROM workshops").await > newest_id);
}

#[tokio::test]
async fn the_server_deletes_workshops_past_the_retention_time_and_says_when() {
    let server = support::start().await;
    let (stale, _) = used_workshop(&server).await;
    let fresh = server.create_workshop("Fersk").await;
    let code = &stale.code;
    let aged = "'2020-01-01T00:00:00.000Z'";
    server.execute_sql(&format!("UPDATE workshops SET created_at = {aged} WHERE code = '{code}'")).await;
    server
        .execute_sql(&format!(
            "UPDATE changes SET at = {aged} WHERE workshop_id = (SELECT id FROM workshops WHERE code = '{code}')"
        ))
        .await;

    // The facilitator is told the day, a year (the default) after the last change.
    let review = format!("/w/{code}/manage/{}/review", stale.secret);
    let page = server.get_as(&stale.secret, &review).await.text().await.unwrap();
    assert!(page.contains("slettes automatisk 31.12.2020"), "the day is on the facilitator's page");

    // A server keeping workshops for 30 days deletes the stale one as it starts, not the fresh one.
    let retaining = support::start_retaining(&server.database_url, 30).await;
    let gone = async {
        loop {
            let status = retaining
                .client
                .get(retaining.url(&format!("/api/v1/workshops/{code}")))
                .send()
                .await
                .unwrap()
                .status();
            if status == StatusCode::NOT_FOUND {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    };
    tokio::time::timeout(std::time::Duration::from_secs(10), gone).await.expect("the stale workshop is deleted");
    let fresh_status =
        retaining.client.get(retaining.url(&format!("/api/v1/workshops/{}", fresh.code))).send().await.unwrap();
    assert_eq!(fresh_status.status(), StatusCode::OK);
    assert_eq!(rows(&server, "comments").await, 0, "the stale workshop's comments go with it");

    // With retention off nothing is said.
    let keeping = support::start_retaining(&server.database_url, 0).await;
    let page = keeping.get_as(&fresh.secret, &format!("/w/{}/manage/{}/review", fresh.code, fresh.secret)).await;
    let page = page.text().await.unwrap();
    assert!(page.contains(&fresh.code) && !page.contains("slettes automatisk"));
}
