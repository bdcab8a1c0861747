use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::tagged_workshop;
use crate::support;

#[tokio::test]
async fn the_leaders_link_reads_results_comments_and_exports() {
    let server = support::start().await;
    let (workshop, _, _) = tagged_workshop(&server).await;
    let secret = server.review_secret(&workshop).await;
    assert_ne!(secret, workshop.secret);
    let code = &workshop.code;
    for path in ["/results", "/results.csv", "/results.xlsx", "/setup", "/scores", "/matrix.svg"] {
        let response = server.get_as(&secret, &format!("/api/v1/workshops/{code}{path}")).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
    }
    // A secret in the query opens nothing: addresses end up in logs and histories.
    let xlsx = server.client.get(server.url(&format!("/api/v1/workshops/{code}/results.xlsx?secret={secret}")));
    assert_eq!(xlsx.send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
    // The join code alone does not open the raw scores or the workbook.
    for path in ["/results.xlsx", "/scores", "/setup"] {
        let response = server.client.get(server.url(&format!("/api/v1/workshops/{code}{path}"))).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{path}");
    }
    let page = server.client.get(server.url(&format!("/w/{code}/review/{secret}"))).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    // The leaders' page hands its secret to the downloads in a cookie for the workshop's API alone.
    let cookie = page.headers()["set-cookie"].to_str().unwrap().to_owned();
    for part in [format!("kvadrant-leaders={secret}"), format!("Path=/api/v1/workshops/{code}"), "HttpOnly".into()] {
        assert!(cookie.contains(&part), "{cookie} has {part}");
    }
    let html = page.text().await.unwrap();
    assert!(html.contains(&format!("/api/v1/workshops/{code}/results.xlsx\"")), "the page offers the workbook");
    assert!(!html.contains("?secret="), "no link carries a secret");
    let xlsx = server.client.get(server.url(&format!("/api/v1/workshops/{code}/results.xlsx")));
    let xlsx = xlsx.header("cookie", format!("kvadrant-leaders={secret}")).send().await.unwrap();
    assert_eq!(xlsx.status(), StatusCode::OK, "the cookie opens the workbook");
    assert!(!html.contains(&workshop.secret), "the page never shows the facilitator's secret");
    let wrong = server.client.get(server.url(&format!("/w/{code}/review/{}", "0".repeat(48)))).send().await.unwrap();
    assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
}

/// Every route that changes a workshop, with a body it would accept from the facilitator.
fn changing_routes(area: i64, group: i64) -> Vec<(Method, String, Value)> {
    vec![
        (Method::PATCH, String::new(), json!({ "title": "Kapret" })),
        (Method::PUT, "/scoring".into(), json!({ "open": false })),
        (Method::PUT, "/results-hidden".into(), json!({ "hidden": true })),
        (Method::PUT, "/settings".into(), json!({ "scale_min": 1, "scale_max": 10, "language": "en" })),
        (Method::POST, "/categories".into(), json!({ "name": "Ny" })),
        (Method::PUT, "/categories/1".into(), json!({ "name": "Ny" })),
        (Method::DELETE, "/categories/1".into(), Value::Null),
        (Method::POST, "/areas".into(), json!({ "name": "Ny" })),
        (Method::PUT, format!("/areas/{area}"), json!({ "name": "Ny" })),
        (Method::DELETE, format!("/areas/{area}"), Value::Null),
        (Method::POST, "/groups".into(), json!({ "count": 1 })),
        (Method::PUT, format!("/groups/{group}"), json!({ "name": "Ny", "tags": [] })),
        (Method::DELETE, format!("/groups/{group}"), Value::Null),
        (Method::POST, "/removals/1/restore".into(), Value::Null),
        (Method::GET, "/usage".into(), Value::Null),
        (Method::PUT, format!("/groups/{group}/scores"), json!({ "scores": [] })),
        (Method::PUT, format!("/groups/{group}/comments/{area}"), json!({ "rationale": "Kapret" })),
        (Method::POST, format!("/groups/{group}/suggestions"), json!({ "name": "Kapret" })),
        (Method::POST, format!("/groups/{group}/link"), json!({ "release": true })),
        (Method::GET, "/group-links".into(), Value::Null),
        (Method::GET, "/changes".into(), Value::Null),
        (Method::PUT, "/order/areas".into(), json!({ "ids": [area] })),
        (Method::POST, "/suggestions/1/accept".into(), json!({})),
        (Method::POST, "/suggestions/1/keep".into(), json!({})),
        (Method::GET, "/review-link".into(), Value::Null),
        (Method::POST, "/review-link".into(), Value::Null),
        (Method::POST, "/duplicate".into(), Value::Null),
        (Method::POST, "/secret".into(), Value::Null),
    ]
}

#[tokio::test]
async fn the_leaders_link_is_refused_on_every_changing_route_and_changes_nothing() {
    let server = support::start().await;
    let (workshop, area, groups) = tagged_workshop(&server).await;
    let suggestion = json!({ "name": "Legevakt" });
    let suggested = server.as_group(&workshop.code, groups[0], Method::POST, "/suggestions", suggestion).await;
    assert_eq!(suggested.status(), 201);
    let secret = server.review_secret(&workshop).await;
    let before = super::workshop_json(&server, &workshop).await;
    let results_before = server.get_as(&secret, &format!("/api/v1/workshops/{}/results", workshop.code)).await;
    let results_before: Value = results_before.json().await.unwrap();

    let routes = changing_routes(area, groups[0]);
    let leader = support::Workshop { code: workshop.code.clone(), secret: secret.clone() };
    for (method, path, body) in &routes {
        let response = server.facilitate(&leader, method.clone(), path, body.clone()).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{method} {path}");
        let error: Value = response.json().await.unwrap();
        assert_eq!(error["error"], "forbidden", "{method} {path}");
    }
    assert_eq!(super::workshop_json(&server, &workshop).await, before);
    let results_after = server.get_as(&secret, &format!("/api/v1/workshops/{}/results", workshop.code)).await;
    assert_eq!(results_after.json::<Value>().await.unwrap(), results_before);

    // The facilitator's secret passes every one of them (some find nothing to change): the
    // refusals above were the leaders' secret's doing, not missing routes.
    for (method, path, body) in &routes {
        let response = server.facilitate(&workshop, method.clone(), path, body.clone()).await;
        assert!(
            ![StatusCode::FORBIDDEN, StatusCode::METHOD_NOT_ALLOWED].contains(&response.status()),
            "{method} {path}"
        );
        assert!(response.status() != StatusCode::NOT_FOUND || path.contains("/1"), "{method} {path} exists");
    }
}

#[tokio::test]
async fn a_renewed_link_replaces_the_old_and_hidden_results_stay_hidden_from_leaders() {
    let server = support::start().await;
    let (workshop, _, _) = tagged_workshop(&server).await;
    let old = server.review_secret(&workshop).await;
    assert_eq!(server.review_secret(&workshop).await, old, "the link is stable until renewed");
    let renewed = server.facilitate(&workshop, Method::POST, "/review-link", Value::Null).await;
    let renewed: Value = renewed.json().await.unwrap();
    let new = renewed["secret"].as_str().unwrap();
    assert_ne!(new, old);
    assert_eq!(renewed["path"], format!("/w/{}/review/{new}", workshop.code));
    let results = format!("/api/v1/workshops/{}/results", workshop.code);
    assert_eq!(server.get_as(&old, &results).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(server.get_as(new, &results).await.status(), StatusCode::OK);

    server.facilitate(&workshop, Method::PUT, "/results-hidden", json!({ "hidden": true })).await;
    for path in ["/results", "/results.csv", "/results.xlsx", "/scores", "/matrix.svg", "/matrix.png"] {
        let response = server.get_as(new, &format!("/api/v1/workshops/{}{path}", workshop.code)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path} while hidden");
        assert_eq!(response.json::<Value>().await.unwrap()["error"], "results_hidden", "{path}");
    }
    let workbook = format!("/api/v1/workshops/{}/results.xlsx", workshop.code);
    assert_eq!(server.get_as(&workshop.secret, &workbook).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_renewed_facilitator_link_retires_the_old_one_the_leaders_link_and_their_streams() {
    let server = support::start().await;
    let workshop = server.create_workshop("Lenke på avveie").await;
    let leaders = server.review_secret(&workshop).await;
    let code = &workshop.code;
    let mut old_stream = server.follow_as(&workshop.secret, &format!("/api/v1/workshops/{code}/live/private")).await;
    old_stream.next().await;

    let renewed = server.facilitate(&workshop, Method::POST, "/secret", Value::Null).await;
    assert_eq!(renewed.status(), StatusCode::OK);
    assert_eq!(renewed.headers()["cache-control"], "no-store");
    let renewed: Value = renewed.json().await.unwrap();
    let new = support::Workshop { code: code.clone(), secret: renewed["secret"].as_str().unwrap().to_owned() };
    assert_eq!(renewed["path"], format!("/w/{code}/manage/{}", new.secret));
    assert_ne!(new.secret, workshop.secret);

    assert!(old_stream.ends().await, "the old secret's live stream ends");
    let title = json!({ "title": "Kapret" });
    assert_eq!(server.facilitate(&workshop, Method::PATCH, "", title.clone()).await.status(), StatusCode::FORBIDDEN);
    let old_page = server.client.get(server.url(&format!("/w/{code}/manage/{}", workshop.secret))).send().await;
    assert_eq!(old_page.unwrap().status(), StatusCode::FORBIDDEN);
    let old_leaders = server.get_as(&leaders, &format!("/api/v1/workshops/{code}/results.xlsx")).await;
    assert_eq!(old_leaders.status(), StatusCode::FORBIDDEN, "the leaders' link derived from the old secret goes too");

    assert_eq!(server.facilitate(&new, Method::PATCH, "", json!({ "title": "Ny" })).await.status(), StatusCode::OK);
    let new_leaders = server.review_secret(&new).await;
    assert_ne!(new_leaders, leaders);
    let workbook = server.get_as(&new_leaders, &format!("/api/v1/workshops/{code}/results.xlsx")).await;
    assert_eq!(workbook.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_renewed_join_code_retires_the_old_one_and_open_screens_are_told_the_new_one() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Ny kode").await;
    let old = workshop.code.clone();
    let key = server.group_key(&old, group).await;
    let mut sheet = server.follow_sheet(&old, group).await;
    let mut screen = server.follow(&format!("/api/v1/workshops/{old}/live")).await;
    sheet.next().await;
    screen.next().await;

    let renewed = server.facilitate(&workshop, Method::POST, "/code", Value::Null).await;
    assert_eq!(renewed.status(), StatusCode::OK);
    let path = renewed.json::<Value>().await.unwrap()["path"].as_str().unwrap().to_owned();
    let new = path.split('/').nth(2).unwrap().to_owned();
    assert_ne!(new, old);
    assert_eq!(path, format!("/w/{new}/manage/{}", workshop.secret), "the facilitator keeps the secret");

    for stream in [&mut sheet, &mut screen] {
        let told = stream.until("view", |event| event.data["workshop"]["code"] == new.as_str()).await;
        assert_eq!(told.data["workshop"]["title"], "Ny kode");
    }
    let gone = server.client.get(server.url(&format!("/api/v1/workshops/{old}"))).send().await.unwrap();
    assert_eq!(gone.status(), StatusCode::NOT_FOUND, "the old code finds nothing");
    let scores = json!({ "scores": [{ "area_id": area, "axis": "potential", "value": 5 }] });
    let url = server.url(&format!("/api/v1/workshops/{new}/groups/{group}/scores"));
    let written = server.client.put(url).bearer_auth(&key).json(&scores).send().await.unwrap();
    assert_eq!(written.status(), StatusCode::OK, "the group's key works under the new code");
    let moved = support::Workshop { code: new.clone(), secret: workshop.secret.clone() };
    assert_eq!(server.facilitate(&moved, Method::GET, "/results", Value::Null).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_stale_secret_cookie_reads_the_public_results_and_a_stale_header_is_refused() {
    let server = support::start().await;
    let (workshop, _, _) = tagged_workshop(&server).await;
    let renewed = server.facilitate(&workshop, Method::POST, "/secret", json!({})).await;
    assert_eq!(renewed.status(), StatusCode::OK);
    let new_secret = renewed.json::<Value>().await.unwrap()["secret"].as_str().unwrap().to_owned();
    let code = &workshop.code;
    for path in ["results", "results.csv", "matrix.svg"] {
        let url = server.url(&format!("/api/v1/workshops/{code}/{path}"));
        let stale_cookie = format!("kvadrant-facilitator={}", workshop.secret);
        let with_cookie = server.client.get(&url).header("cookie", stale_cookie).send().await.unwrap();
        assert_eq!(with_cookie.status(), StatusCode::OK, "{path}: a browser's old cookie reads what anyone reads");
        let with_header = server.client.get(&url).bearer_auth(&workshop.secret).send().await.unwrap();
        assert_eq!(with_header.status(), StatusCode::FORBIDDEN, "{path}: an old secret sent on purpose is refused");
    }
    // Hidden results stay hidden from a stale cookie: it reads as no secret at all.
    let renewed = support::Workshop { code: code.clone(), secret: new_secret };
    let hidden = server.facilitate(&renewed, Method::PUT, "/results-hidden", json!({ "hidden": true })).await;
    assert_eq!(hidden.status(), StatusCode::OK);
    let url = server.url(&format!("/api/v1/workshops/{code}/results"));
    let stale_cookie = format!("kvadrant-facilitator={}", workshop.secret);
    let with_cookie = server.client.get(&url).header("cookie", stale_cookie).send().await.unwrap();
    assert_eq!(with_cookie.status(), StatusCode::FORBIDDEN);
    assert_eq!(with_cookie.json::<Value>().await.unwrap()["error"], "results_hidden");
}
