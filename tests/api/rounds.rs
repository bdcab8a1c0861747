//! Rounds: the groups score again after discussing; each round's results stay as they were.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{self, TestServer, Workshop};

const AREAS: [&str; 3] = ["Legevakt", "Innkjøp", "Reiseliv"];
/// Four groups' (potential, feasibility) for the three areas, in the first round and the second.
const FIRST: [[(i64, i64); 3]; 4] =
    [[(9, 8), (5, 5), (2, 6)], [(8, 8), (6, 4), (3, 6)], [(9, 7), (5, 6), (2, 5)], [(10, 9), (4, 5), (3, 6)]];
const SECOND: [[(i64, i64); 3]; 4] =
    [[(6, 6), (8, 8), (7, 7)], [(5, 6), (9, 8), (8, 6)], [(6, 5), (8, 9), (7, 7)], [(5, 6), (9, 9), (6, 8)]];

/// Each area's (rank, combined) in a results body, by area id.
fn places(results: &Value) -> Vec<(i64, u64, f64)> {
    let mut places: Vec<(i64, u64, f64)> = results["ranked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| (row["area_id"].as_i64().unwrap(), row["rank"].as_u64().unwrap(), row["combined"].as_f64().unwrap()))
        .collect();
    places.sort_by_key(|place| place.0);
    places
}

/// Each area's combined score from `sheets`, computed here: mean potential × mean feasibility.
fn combined(sheets: &[[(i64, i64); 3]], area: usize) -> f64 {
    let n = sheets.len() as f64;
    let potential: f64 = sheets.iter().map(|sheet| sheet[area].0 as f64).sum::<f64>() / n;
    let feasibility: f64 = sheets.iter().map(|sheet| sheet[area].1 as f64).sum::<f64>() / n;
    potential * feasibility
}

async fn start_round(server: &TestServer, workshop: &Workshop) -> reqwest::Response {
    server.facilitate(workshop, Method::POST, "/rounds", Value::Null).await
}

async fn refusal(response: reqwest::Response) -> (StatusCode, Value) {
    (response.status(), response.json().await.unwrap())
}

#[tokio::test]
async fn a_second_round_keeps_the_first_as_it_was_and_shows_how_areas_moved() {
    let server = support::start().await;
    let workshop = server.create_workshop("To runder").await;
    let areas = server.add_areas(&workshop, &AREAS).await;
    let groups = server.add(&workshop, "/groups", json!({ "count": FIRST.len() })).await;

    // Nothing to keep yet: refused, and the workshop stays in its first round.
    let (status, body) = refusal(start_round(&server, &workshop).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!((body["field"].as_str(), body["rule"]["rule"].as_str()), (Some("round"), Some("nothing_scored")));

    server.score_sheets(&workshop, &areas, &groups, FIRST.iter().map(|s| &s[..])).await;
    let results_path = format!("/api/v1/workshops/{}/results", workshop.code);
    let first = server.get_json(&results_path).await;
    assert_eq!(first["round"], 1);
    let first_places = places(&first);

    // Only the facilitator begins a round.
    let group = groups[0]["id"].as_i64().unwrap();
    let key = server.group_key(&workshop.code, group).await;
    let response = server
        .client
        .post(server.url(&format!("/api/v1/workshops/{}/rounds", workshop.code)))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // Scoring was closed for the discussion; the next round opens it again.
    let closed = server.facilitate(&workshop, Method::PUT, "/scoring", json!({ "open": false })).await;
    assert_eq!(closed.status(), StatusCode::OK);
    let response = start_round(&server, &workshop).await;
    assert_eq!(response.status(), StatusCode::OK);
    let started: Value = response.json().await.unwrap();
    assert_eq!((started["round"].as_u64(), started["scoring_open"].as_bool()), (Some(2), Some(true)));

    // The sheets start empty, each showing the group's own scores of the round before.
    let sheet = server.sheet(&workshop.code, group).await;
    assert_eq!(sheet["scores"], json!([]));
    let mut previous: Vec<(i64, String, i64)> = sheet["previous"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["area_id"].as_i64().unwrap(), s["axis"].as_str().unwrap().to_owned(), s["value"].as_i64().unwrap()))
        .collect();
    previous.sort();
    let mut expected: Vec<(i64, String, i64)> = areas
        .iter()
        .zip(FIRST[0])
        .flat_map(|(area, (p, f))| [(*area, "feasibility".to_owned(), f), (*area, "potential".to_owned(), p)])
        .collect();
    expected.sort();
    assert_eq!(previous, expected);

    // The sheet's page says them beside each area.
    let page = server.client.get(server.url(&format!("/w/{}/g/{group}/{key}", workshop.code))).send().await.unwrap();
    let page = page.text().await.unwrap();
    let (p, f) = FIRST[0][0];
    assert!(page.contains(&format!("Forrige runde: P {p} · G {f}")), "{page}");

    // The scale was used in round 1: it is locked even while round 2 has no scores.
    let scale = json!({ "scale_min": 0, "scale_max": 10, "language": "nb" });
    let (status, body) = refusal(server.facilitate(&workshop, Method::PUT, "/settings", scale).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

    let second_empty = server.get_json(&results_path).await;
    assert_eq!((second_empty["round"].as_u64(), second_empty["ranked"].as_array().map(Vec::len)), (Some(2), Some(0)));

    server.score_sheets(&workshop, &areas, &groups, SECOND.iter().map(|s| &s[..])).await;

    // Round 1 is untouched by round 2's scores.
    let again = server.get_json(&format!("{results_path}?round=1")).await;
    assert_eq!(again["round"], 1);
    assert_eq!(places(&again), first_places);

    // Round 2 from its own scores, each area with where it stood in round 1.
    let second = server.get_json(&results_path).await;
    assert_eq!(second["round"], 2);
    for row in second["ranked"].as_array().unwrap() {
        let index = areas.iter().position(|a| *a == row["area_id"]).unwrap();
        assert!((row["combined"].as_f64().unwrap() - combined(&SECOND, index)).abs() < 1e-9);
        let (_, rank, score) = first_places.iter().find(|place| place.0 == areas[index]).unwrap();
        let earlier = &row["earlier"][0];
        assert_eq!((earlier["round"].as_u64(), earlier["rank"].as_u64()), (Some(1), Some(*rank)));
        assert!((earlier["combined"].as_f64().unwrap() - combined(&FIRST, index)).abs() < 1e-9);
        assert!((earlier["combined"].as_f64().unwrap() - score).abs() < 1e-9);
    }

    // The CSV has a column per earlier round.
    let csv = server.client.get(server.url(&format!("{results_path}.csv"))).send().await.unwrap();
    let csv = csv.text().await.unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let (rank_column, combined_column) = (
        header.iter().position(|h| *h == "round1_rank").expect("a rank column for round 1"),
        header.iter().position(|h| *h == "round1_combined").expect("a combined column for round 1"),
    );
    for line in lines.take(areas.len()) {
        let cells: Vec<&str> = line.split(',').collect();
        let name = cells[1];
        let index = AREAS.iter().position(|n| *n == name).unwrap();
        let (_, rank, _) = first_places.iter().find(|place| place.0 == areas[index]).unwrap();
        assert_eq!(cells[rank_column], rank.to_string());
        assert_eq!(cells[combined_column], format!("{:.3}", combined(&FIRST, index)));
    }

    // Rounds that are not there are refused by name.
    for wrong in ["0", "3"] {
        let response = server.client.get(server.url(&format!("{results_path}?round={wrong}"))).send().await.unwrap();
        let (status, body) = refusal(response).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["field"], "round");
        assert_eq!(body["rule"], json!({ "rule": "out_of_range", "min": 1, "max": 2 }));
    }

    // The current round's page draws where each area moved from.
    let page = server.client.get(server.url(&format!("/w/{}/results", workshop.code))).send().await.unwrap();
    let page = page.text().await.unwrap();
    assert!(page.contains(r#"class="moves""#) && page.contains("runde 1: "), "arrows and earlier places");

    // The results page offers each round, and shows round 1 as it was.
    let page = server.client.get(server.url(&format!("/w/{}/results?round=1", workshop.code))).send().await.unwrap();
    let page = page.text().await.unwrap();
    assert!(page.contains(r#"class="rounds no-print""#), "a link to each round");
    assert!(page.contains(r#"href="?round=1" aria-current="page""#), "round 1 marked as the one shown");
}

#[tokio::test]
async fn an_area_removed_and_put_back_brings_its_earlier_rounds_back() {
    let server = support::start().await;
    let workshop = server.create_workshop("Angre runder").await;
    let areas = server.add_areas(&workshop, &AREAS).await;
    let groups = server.add(&workshop, "/groups", json!({ "count": FIRST.len() })).await;
    server.score_sheets(&workshop, &areas, &groups, FIRST.iter().map(|s| &s[..])).await;
    assert_eq!(start_round(&server, &workshop).await.status(), StatusCode::OK);
    let results_path = format!("/api/v1/workshops/{}/results?round=1", workshop.code);
    let first = places(&server.get_json(&results_path).await);

    let removal = server.facilitate(&workshop, Method::DELETE, &format!("/areas/{}", areas[1]), Value::Null).await;
    assert_eq!(removal.status(), StatusCode::OK);
    let removal: Value = removal.json().await.unwrap();
    let without = places(&server.get_json(&results_path).await);
    assert!(without.iter().all(|place| place.0 != areas[1]), "the removed area is gone from round 1 too");

    let path = format!("/removals/{}/restore", removal["id"]);
    let restored = server.facilitate(&workshop, Method::POST, &path, Value::Null).await;
    assert_eq!(restored.status(), StatusCode::NO_CONTENT);
    assert_eq!(places(&server.get_json(&results_path).await), first);
}
