//! Each group's own link: taken once from the join page, shown to the facilitator, renewed or
//! released by the facilitator, printed on cards, and carried to the sheet's live stream.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{self, TestServer, Workshop};

async fn links(server: &TestServer, workshop: &Workshop) -> Vec<Value> {
    let response = server.facilitate(workshop, Method::GET, "/group-links", Value::Null).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json::<Value>().await.unwrap().as_array().unwrap().clone()
}

async fn join_page(server: &TestServer, code: &str) -> String {
    server.client.get(server.url(&format!("/w/{code}"))).send().await.unwrap().text().await.unwrap()
}

/// Whether the join page offers `group` to be taken.
fn offers(page: &str, group: i64) -> bool {
    page.contains(&format!("name=\"group\" value=\"{group}\""))
}

#[tokio::test]
async fn a_group_is_taken_once_and_its_link_opens_its_sheet() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Bli med").await;
    assert!(offers(&join_page(&server, &workshop.code).await, group));

    let path = format!("/api/v1/workshops/{}/groups/{group}/join", workshop.code);
    let first = server.client.post(server.url(&path)).send().await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let link: Value = first.json().await.unwrap();
    let key = link["key"].as_str().unwrap();
    assert_eq!(link["path"], format!("/w/{}/g/{group}/{key}", workshop.code));
    assert_eq!(link["joined"], true);

    let again = server.client.post(server.url(&path)).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(again.json::<Value>().await.unwrap()["error"], "already_joined");
    let page = join_page(&server, &workshop.code).await;
    assert!(!offers(&page, group), "a joined group is not offered again");
    assert!(page.contains("Gruppe 1") && page.contains("med"), "but it is listed as joined");

    let sheet = server.client.get(server.url(link["path"].as_str().unwrap())).send().await.unwrap();
    assert_eq!(sheet.status(), StatusCode::OK);
    assert_eq!(sheet.headers()["cache-control"], "no-store");
    let cookie = sheet.headers()["set-cookie"].to_str().unwrap().to_owned();
    let live = format!("/api/v1/workshops/{}/groups/{group}/live", workshop.code);
    for part in
        [format!("kvadrant-group-key={key}"), format!("Path={live}"), "HttpOnly".into(), "SameSite=Strict".into()]
    {
        assert!(cookie.contains(&part), "the sheet's stream cookie has {part}: {cookie}");
    }
    let html = sheet.text().await.unwrap();
    assert!(html.contains("Innkjøp"), "the sheet lists the areas");

    let scores = json!({ "scores": [{ "area_id": area, "axis": "potential", "value": 6 }] });
    let url = server.url(&format!("/api/v1/workshops/{}/groups/{group}/scores", workshop.code));
    let written = server.client.put(&url).bearer_auth(key).json(&scores).send().await.unwrap();
    assert_eq!(written.status(), StatusCode::OK);

    let wrong = server.client.get(server.url(&format!("/w/{}/g/{group}/{}", workshop.code, "0".repeat(32))));
    assert_eq!(wrong.send().await.unwrap().status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_facilitator_renews_and_releases_a_groups_link() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Nye lenker").await;
    let old = server.group_key(&workshop.code, group).await;
    let listed = links(&server, &workshop).await;
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (&listed[0]["group_id"], &listed[0]["key"], &listed[0]["joined"]),
        (&json!(group), &json!(old), &json!(true))
    );

    let sheet = format!("/api/v1/workshops/{}/groups/{group}/scores", workshop.code);
    let renewed = server.facilitate(&workshop, Method::POST, &format!("/groups/{group}/link"), json!({})).await;
    assert_eq!(renewed.status(), StatusCode::OK);
    let renewed: Value = renewed.json().await.unwrap();
    let new = renewed["key"].as_str().unwrap();
    assert_ne!(new, old);
    assert_eq!(renewed["joined"], true, "a new link keeps the group joined");
    assert_eq!(server.get_as(&old, &sheet).await.status(), StatusCode::FORBIDDEN, "the old link stops working");
    assert_eq!(server.get_as(new, &sheet).await.status(), StatusCode::OK);
    assert!(!offers(&join_page(&server, &workshop.code).await, group));

    let released =
        server.facilitate(&workshop, Method::POST, &format!("/groups/{group}/link"), json!({ "release": true })).await;
    let released: Value = released.json().await.unwrap();
    assert_eq!(released["joined"], false);
    assert_eq!(server.get_as(new, &sheet).await.status(), StatusCode::FORBIDDEN);
    assert!(offers(&join_page(&server, &workshop.code).await, group), "a released group is offered again");
    let rejoined = server.join(&workshop.code, group).await;
    assert_eq!(rejoined, released["key"].as_str().unwrap());

    // The facilitator enters scores on the group's behalf with its own secret.
    let on_behalf = json!({ "scores": [{ "area_id": area, "axis": "feasibility", "value": 2 }] });
    let url = server.url(&sheet);
    let written = server.client.put(&url).bearer_auth(&workshop.secret).json(&on_behalf).send().await.unwrap();
    assert_eq!(written.status(), StatusCode::OK);
    let read = server.get_as(&rejoined, &sheet).await.json::<Value>().await.unwrap();
    assert_eq!(read["scores"], json!([{ "area_id": area, "axis": "feasibility", "value": 2 }]));

    let unknown = server.facilitate(&workshop, Method::POST, "/groups/999999/link", json!({})).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let leaders = Workshop { code: workshop.code.clone(), secret: server.review_secret(&workshop).await };
    let refused = server.facilitate(&leaders, Method::GET, "/group-links", Value::Null).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn group_cards_carry_every_groups_link_for_the_facilitator_only() {
    let server = support::start().await;
    let workshop = server.create_workshop("Gruppekort").await;
    server.add(&workshop, "/groups", json!({ "names": ["Lierne", "Røyrvik", "Namsskogan"] })).await;
    let cards = server.client.get(server.url(&format!("/w/{}/manage/{}/cards", workshop.code, workshop.secret)));
    let cards = cards.send().await.unwrap();
    assert_eq!(cards.status(), StatusCode::OK);
    assert_eq!(cards.headers()["cache-control"], "no-store");
    let html = cards.text().await.unwrap();
    assert_eq!(html.matches("class=\"group-card\"").count(), 3);
    for link in links(&server, &workshop).await {
        assert!(html.contains(link["path"].as_str().unwrap()), "a card shows {}", link["path"]);
    }
    assert_eq!(html.matches("<svg").count(), 3, "one QR code per card");
    for name in ["Lierne", "Røyrvik", "Namsskogan"] {
        assert!(html.contains(name));
    }

    let guess = server.client.get(server.url(&format!("/w/{}/manage/{}/cards", workshop.code, "f".repeat(48))));
    let guess = guess.send().await.unwrap();
    assert_eq!(guess.status(), StatusCode::FORBIDDEN);
    assert!(!guess.text().await.unwrap().contains("group-card"));
}

#[tokio::test]
async fn a_renewed_link_ends_the_old_links_live_sheet() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Gammel lenke").await;
    let old = server.group_key(&workshop.code, group).await;
    let mut stale = server.follow_sheet(&workshop.code, group).await;
    let mut on_behalf =
        server.follow_as(&workshop.secret, &format!("/api/v1/workshops/{}/groups/{group}/live", workshop.code)).await;
    stale.next().await;
    on_behalf.next().await;

    let renewed = server.facilitate(&workshop, Method::POST, &format!("/groups/{group}/link"), json!({})).await;
    assert_eq!(renewed.status(), StatusCode::OK);
    assert!(stale.ends().await, "the stream of the old link ends");
    let live = format!("/api/v1/workshops/{}/groups/{group}/live", workshop.code);
    assert_eq!(server.get_as(&old, &live).await.status(), StatusCode::FORBIDDEN, "and does not come back");

    // The facilitator's stream of the same sheet goes on.
    let scores = json!({ "scores": [{ "area_id": area, "axis": "potential", "value": 3 }] });
    let url = server.url(&format!("/api/v1/workshops/{}/groups/{group}/scores", workshop.code));
    let written = server.client.put(&url).bearer_auth(&workshop.secret).json(&scores).send().await.unwrap();
    let version = written.json::<Value>().await.unwrap()["version"].as_i64().unwrap();
    let sheet = on_behalf.until("sheet", |event| event.id >= version).await;
    assert_eq!(sheet.data["scores"][0]["value"], 3);
}

#[tokio::test]
async fn secret_cookies_are_secure_behind_https() {
    let server = support::start().await;
    let (workshop, _, group) = server.scorable_workshop("Bak proxy").await;
    let key = server.group_key(&workshop.code, group).await;
    for (proto, secure) in [("https", true), ("http", false)] {
        let sheet = server.client.get(server.url(&format!("/w/{}/g/{group}/{key}", workshop.code)));
        let sheet = sheet.header("x-forwarded-proto", proto).send().await.unwrap();
        let cookie = sheet.headers()["set-cookie"].to_str().unwrap().to_owned();
        assert_eq!(cookie.contains("; Secure"), secure, "{proto}: {cookie}");
    }
}
