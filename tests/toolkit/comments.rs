use reqwest::Method;
use serde_json::{Value, json};

use crate::support;

#[tokio::test]
async fn a_groups_comment_shows_under_its_area_in_results_and_exports() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Kommentarer").await;
    let path = format!("/comments/{area}");
    let comment = json!({ "rationale": " Felles behov på tvers ", "risks": "Avstander", "timeframe": "medium" });
    let response = server.as_group(&workshop.code, group, Method::PUT, &path, comment).await;
    assert_eq!(response.status(), 200);
    assert!(response.json::<Value>().await.unwrap()["version"].as_i64().is_some());

    let results = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    assert_eq!(
        results["comments"],
        json!([{ "group_id": group, "area_id": area, "rationale": "Felles behov på tvers", "risks": "Avstander",
            "timeframe": "medium" }])
    );
    let sheet = server.sheet(&workshop.code, group).await;
    assert_eq!(sheet["comments"][0]["risks"], "Avstander");

    let page = server.client.get(server.url(&format!("/w/{}/results", workshop.code))).send().await.unwrap();
    let html = page.text().await.unwrap();
    assert!(html.contains("Felles behov på tvers") && html.contains("Avstander"), "comments on the results page");

    let csv = server.client.get(server.url(&format!("/api/v1/workshops/{}/results.csv", workshop.code))).send();
    let csv = csv.await.unwrap().text().await.unwrap();
    assert!(
        csv.contains("Gruppe 1: Felles behov på tvers · Risiko og hindringer: Avstander · Tidsperspektiv: 1–3 år"),
        "{csv}"
    );

    // An empty comment removes it.
    let response = server.as_group(&workshop.code, group, Method::PUT, &path, json!({})).await;
    assert_eq!(response.status(), 200);
    let results = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    assert_eq!(results["comments"], json!([]));
}

#[tokio::test]
async fn bad_comments_are_refused_and_closed_scoring_closes_comments() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Feil kommentarer").await;
    let put = |path: String, body: Value| {
        let code = workshop.code.clone();
        let server = &server;
        async move { server.as_group(&code, group, Method::PUT, &path, body).await }
    };
    let path = format!("/comments/{area}");
    let response = put(path.clone(), json!({ "timeframe": "snart" })).await;
    assert_eq!(response.status(), 422);
    assert_eq!(response.json::<Value>().await.unwrap()["field"], "timeframe");
    let response = put(path.clone(), json!({ "risks": "x".repeat(1001) })).await;
    assert_eq!(response.json::<Value>().await.unwrap()["rule"]["rule"], "too_long");
    let foreign = format!("/comments/{}", area + 1000);
    assert_eq!(put(foreign, json!({ "rationale": "x" })).await.status(), 404);

    let closed = server.facilitate(&workshop, Method::PUT, "/scoring", json!({ "open": false })).await;
    assert_eq!(closed.status(), 200);
    assert_eq!(put(path, json!({ "rationale": "for sent" })).await.status(), 409);
    let results = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    assert_eq!(results["comments"], json!([]));
}

/// The most characters a workshop's comments hold together.
const MAX_COMMENT_CHARS: usize = kvadrant::Comment::MAX_CHARS_PER_WORKSHOP;

#[tokio::test]
async fn a_workshops_comments_stay_within_their_limit_even_when_written_at_once() {
    let server = support::start().await;
    let (groups, areas) = (15, 14);
    let setup = json!({
        "kvadrant_setup": 1,
        "title": "Mange kommentarer",
        "areas": (1..=areas).map(|n| json!({ "name": format!("Område {n}") })).collect::<Vec<_>>(),
        "groups": (1..=groups).map(|n| json!({ "name": format!("Gruppe {n}") })).collect::<Vec<_>>(),
    });
    let created = server.client.post(server.url("/api/v1/workshops/import")).json(&setup).send().await.unwrap();
    let created: Value = created.json().await.unwrap();
    let workshop = support::Workshop {
        code: created["code"].as_str().unwrap().to_owned(),
        secret: created["secret"].as_str().unwrap().to_owned(),
    };
    let opened = server.facilitate(&workshop, Method::PUT, "/scoring", json!({ "open": true })).await;
    assert_eq!(opened.status(), 200);
    let content = server.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await;
    let ids = |list: &str| -> Vec<i64> {
        content[list].as_array().unwrap().iter().map(|item| item["id"].as_i64().unwrap()).collect()
    };
    let (group_ids, area_ids) = (ids("groups"), ids("areas"));

    // Each comment holds 2,000 characters: the limit allows 200 of these 210.
    let long = json!({ "rationale": "r".repeat(1000), "risks": "s".repeat(1000) });
    let writes = group_ids.iter().flat_map(|&group| area_ids.iter().map(move |&area| (group, area)));
    let mut statuses = Vec::new();
    let writes: Vec<(i64, i64)> = writes.collect();
    for batch in writes.chunks(16) {
        let sent = batch.iter().map(|&(group, area)| {
            let (server, code, long) = (&server, &workshop.code, long.clone());
            async move { server.as_group(code, group, Method::PUT, &format!("/comments/{area}"), long).await }
        });
        for response in futures_util::future::join_all(sent).await {
            let status = response.status();
            if status == 422 {
                let body: Value = response.json().await.unwrap();
                assert_eq!((&body["field"], &body["rule"]["rule"]), (&json!("comments"), &json!("too_long")), "{body}");
                assert_eq!(body["rule"]["max"], MAX_COMMENT_CHARS);
            }
            statuses.push(status.as_u16());
        }
    }
    let accepted = statuses.iter().filter(|&&status| status == 200).count();
    assert_eq!(accepted, MAX_COMMENT_CHARS / 2000, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|&&status| status == 422).count(), writes.len() - accepted);
    let results = server.facilitate(&workshop, Method::GET, "/results", Value::Null).await;
    let results: Value = results.json().await.unwrap();
    assert_eq!(results["comments"].as_array().unwrap().len(), accepted, "only what was acknowledged is kept");

    // Shorter comments still fit where room was made.
    let (group, area) = writes[0];
    let path = format!("/comments/{area}");
    assert_eq!(server.as_group(&workshop.code, group, Method::PUT, &path, json!({})).await.status(), 200);
    let short = json!({ "rationale": "Kort" });
    assert_eq!(server.as_group(&workshop.code, group, Method::PUT, &path, short).await.status(), 200);
}
