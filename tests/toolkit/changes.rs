//! The change log: every change with who made it (a role and a group's name, never a person),
//! what and when; for the facilitator alone, and in the workbook.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::exports::{HEADER_ROW, rows, string, workbook};
use crate::support::{self, TestServer, Workshop};

/// The log as the API gives it, of one area if given.
async fn changes(server: &TestServer, workshop: &Workshop, query: &str) -> Vec<Value> {
    let response = server.facilitate(workshop, Method::GET, &format!("/changes{query}"), Value::Null).await;
    assert_eq!(response.status(), StatusCode::OK, "GET /changes{query}");
    response.json().await.unwrap()
}

/// What an entry says, without its time: action, actor, group, area or subject, field, from, to.
fn line(entry: &Value) -> [Value; 7] {
    let about = if entry["area_name"].is_null() { &entry["subject"] } else { &entry["area_name"] };
    [&entry["action"], &entry["actor"], &entry["group_name"], about, &entry["field"], &entry["old"], &entry["new"]]
        .map(Value::clone)
}

fn expected(
    action: &str,
    actor: &str,
    group: Option<&str>,
    about: Option<&str>,
    field: Option<&str>,
    old: Option<&str>,
    new: Option<&str>,
) -> [Value; 7] {
    [json!(action), json!(actor), json!(group), json!(about), json!(field), json!(old), json!(new)]
}

/// A workshop with one area and one group, and the changes every test here looks for: the
/// group's scores, the facilitator's on its behalf, a comment, an area renamed and a setting.
async fn logged_workshop(server: &TestServer) -> (Workshop, i64, i64) {
    let (workshop, area, group) = server.scorable_workshop("Logg").await;
    let code = workshop.code.clone();
    server.score(&code, group, json!([{ "area_id": area, "axis": "potential", "value": 3 }])).await;
    server.score(&code, group, json!([{ "area_id": area, "axis": "potential", "value": 7 }])).await;
    // The same value again changes nothing, and logs nothing.
    server.score(&code, group, json!([{ "area_id": area, "axis": "potential", "value": 7 }])).await;
    let on_behalf = json!({ "scores": [{ "area_id": area, "axis": "feasibility", "value": 5 }] });
    let response = server.facilitate(&workshop, Method::PUT, &format!("/groups/{group}/scores"), on_behalf).await;
    assert_eq!(response.status(), StatusCode::OK);
    let comment = json!({ "rationale": "Viktig for alle", "risks": "", "timeframe": null });
    let response = server.as_group(&code, group, Method::PUT, &format!("/comments/{area}"), comment).await;
    assert_eq!(response.status(), StatusCode::OK);
    let renamed = json!({ "name": "Innkjøp og anskaffelser" });
    assert_eq!(server.facilitate(&workshop, Method::PUT, &format!("/areas/{area}"), renamed).await.status(), 200);
    let settings = json!({ "scale_min": 1, "scale_max": 10, "potential_label": "Gevinst", "language": "nb" });
    assert_eq!(server.facilitate(&workshop, Method::PUT, "/settings", settings).await.status(), 200);
    (workshop, area, group)
}

#[tokio::test]
async fn every_change_is_logged_in_order_with_who_made_it() {
    let server = support::start().await;
    let (workshop, area, _) = logged_workshop(&server).await;
    let (innkjop, renamed) = (Some("Innkjøp"), Some("Innkjøp og anskaffelser"));
    let (group, facilitator, on_behalf) = ("group", "facilitator", "facilitator_for_group");
    let gruppe = Some("Gruppe 1");
    let log = changes(&server, &workshop, "").await;
    let lines: Vec<_> = log.iter().map(line).collect();
    assert_eq!(
        lines,
        [
            expected("scoring_opened", facilitator, None, None, None, None, None),
            expected("area_added", facilitator, None, innkjop, None, None, None),
            expected("group_added", facilitator, None, gruppe, None, None, None),
            expected("group_joined", group, gruppe, None, None, None, None),
            expected("score_set", group, gruppe, innkjop, Some("potential"), None, Some("3")),
            expected("score_set", group, gruppe, innkjop, Some("potential"), Some("3"), Some("7")),
            expected("score_set", on_behalf, gruppe, innkjop, Some("feasibility"), None, Some("5")),
            expected("comment_saved", group, gruppe, innkjop, None, None, None),
            expected("area_changed", facilitator, None, renamed, Some("name"), innkjop, renamed),
            expected("settings_changed", facilitator, None, None, Some("potential_label"), Some(""), Some("Gevinst")),
        ]
    );
    let times: Vec<&str> = log.iter().map(|entry| entry["at"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|pair| pair[0] <= pair[1]), "in time order: {times:?}");
    assert!(times.iter().all(|at| at.len() == 24 && at.ends_with('Z')), "UTC to the millisecond: {times:?}");
    for entry in &log {
        let keys: Vec<&String> = entry.as_object().unwrap().keys().collect();
        let people = ["ip", "address", "user_agent", "agent", "person"];
        assert!(keys.iter().all(|key| !people.contains(&key.as_str())), "nothing names a person: {keys:?}");
    }

    let of_area = changes(&server, &workshop, &format!("?area={area}")).await;
    let about_the_workshop = ["scoring_opened", "group_added", "group_joined", "settings_changed"];
    let expected_of_area: Vec<_> =
        lines.iter().filter(|line| !about_the_workshop.iter().any(|action| line[0] == *action)).cloned().collect();
    assert_eq!(of_area.iter().map(line).collect::<Vec<_>>(), expected_of_area);
    let last_two = changes(&server, &workshop, "?limit=2").await;
    assert_eq!(last_two, log[log.len() - 2..]);
    let too_many = server.facilitate(&workshop, Method::GET, "/changes?limit=501", Value::Null).await;
    assert_eq!(too_many.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_refused_write_logs_nothing() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Avvist").await;
    let code = workshop.code.clone();
    server.score(&code, group, json!([{ "area_id": area, "axis": "potential", "value": 4 }])).await;
    let before = changes(&server, &workshop, "").await;

    let invalid = json!([
        { "area_id": area, "axis": "feasibility", "value": 6 },
        { "area_id": area, "axis": "potential", "value": 11 },
    ]);
    assert_eq!(server.put_scores(&code, group, invalid).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let unknown_area = server.facilitate(&workshop, Method::PUT, "/areas/999999", json!({ "name": "Ingen" })).await;
    assert_eq!(unknown_area.status(), StatusCode::NOT_FOUND);
    assert_eq!(changes(&server, &workshop, "").await, before, "nothing logged for refused writes");

    let closed = server.facilitate(&workshop, Method::PUT, "/scoring", json!({ "open": false })).await;
    assert_eq!(closed.status(), StatusCode::OK);
    let after_closing = changes(&server, &workshop, "").await;
    assert_eq!(after_closing.len(), before.len() + 1);
    assert_eq!(after_closing.last().unwrap()["action"], "scoring_closed");
    let late = json!([{ "area_id": area, "axis": "potential", "value": 9 }]);
    assert_eq!(server.put_scores(&code, group, late).await.status(), StatusCode::CONFLICT);
    let comment = json!({ "rationale": "For sent" });
    let late_comment = server.as_group(&code, group, Method::PUT, &format!("/comments/{area}"), comment).await;
    assert_eq!(late_comment.status(), StatusCode::CONFLICT);
    // Closing again changes nothing.
    let again = server.facilitate(&workshop, Method::PUT, "/scoring", json!({ "open": false })).await;
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(changes(&server, &workshop, "").await, after_closing);
}

#[tokio::test]
async fn the_log_is_the_facilitators_alone() {
    let server = support::start().await;
    let (workshop, _, group) = logged_workshop(&server).await;
    let path = format!("/api/v1/workshops/{}/changes", workshop.code);
    let nobody = server.client.get(server.url(&path)).send().await.unwrap();
    assert_eq!(nobody.status(), StatusCode::UNAUTHORIZED);
    let leaders = server.review_secret(&workshop).await;
    let group_key = server.group_key(&workshop.code, group).await;
    for hidden in [false, true] {
        let visibility =
            server.facilitate(&workshop, Method::PUT, "/results-hidden", json!({ "hidden": hidden })).await;
        assert_eq!(visibility.status(), StatusCode::OK);
        for (who, secret) in [("the leaders", &leaders), ("a group", &group_key)] {
            let response = server.get_as(secret, &path).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{who}, hidden: {hidden}");
            let text = response.text().await.unwrap();
            assert!(!text.contains("score_set"), "{who} reads no change: {text}");
        }
    }
}

#[tokio::test]
async fn the_workbook_carries_the_whole_log() {
    let server = support::start().await;
    let (workshop, _, _) = logged_workshop(&server).await;
    let log = changes(&server, &workshop, "").await;
    let mut book = workbook(&server, &workshop, "").await;
    let sheet = rows(&mut book, "Endringslogg");
    let header: Vec<String> = sheet[HEADER_ROW].iter().map(string).collect();
    assert_eq!(header, ["Tid (UTC)", "Hvem", "Hva", "Område eller gjelder", "Felt", "Fra", "Til"]);
    let lines: Vec<Vec<String>> = sheet[HEADER_ROW + 1..].iter().map(|row| row.iter().map(string).collect()).collect();
    assert_eq!(lines.len(), log.len());
    let text = |value: &Value| value.as_str().unwrap_or_default().to_owned();
    for (line, entry) in lines.iter().zip(&log) {
        assert_eq!(line[0], text(&entry["at"]));
        let about = if entry["area_name"].is_null() { &entry["subject"] } else { &entry["area_name"] };
        assert_eq!(line[3], text(about));
        assert_eq!(line[5], text(&entry["old"]));
        assert_eq!(line[6], text(&entry["new"]));
    }
    let described: Vec<[&str; 3]> =
        lines.iter().map(|line| [line[1].as_str(), line[2].as_str(), line[4].as_str()]).collect();
    assert_eq!(
        described,
        [
            ["Fasilitator", "Scoring åpnet", ""],
            ["Fasilitator", "Område lagt til", ""],
            ["Fasilitator", "Gruppe lagt til", ""],
            ["Gruppe 1", "Gruppe tatt", ""],
            ["Gruppe 1", "Poeng satt", "Gevinst"],
            ["Gruppe 1", "Poeng satt", "Gevinst"],
            ["Fasilitator for Gruppe 1", "Poeng satt", "Gjennomførbarhet"],
            ["Gruppe 1", "Kommentar lagret", ""],
            ["Fasilitator", "Område endret", "Navn"],
            ["Fasilitator", "Innstilling endret", "Navn på potensial"],
        ]
    );
}

#[tokio::test]
async fn the_facilitator_page_shows_each_areas_history() {
    let server = support::start().await;
    let (workshop, area, _) = logged_workshop(&server).await;
    let page = format!("/w/{}/manage/{}", workshop.code, workshop.secret);
    let page = server.client.get(server.url(&page)).send().await.unwrap().text().await.unwrap();
    // Hydration markers (`<!>`) between text nodes are no part of what a reader sees.
    let page = page.replace("<!>", "");
    let history = page.split("<details class=\"area-history\"").nth(1).expect("the area has a history");
    let history = history.split("</details>").next().unwrap();
    assert!(page.contains(&format!("id=\"area-{area}-name\"")));
    for (who, what) in [
        ("Fasilitator", "Område endret · Navn: Innkjøp → Innkjøp og anskaffelser"),
        ("Fasilitator for Gruppe 1", "Poeng satt · Gjennomførbarhet: – → 5"),
        ("Gruppe 1", "Poeng satt · Gevinst: 3 → 7"),
    ] {
        let who = format!("<span class=\"who\">{who}</span>");
        assert!(history.contains(&who) && history.contains(what), "{who} {what} in {history}");
    }
    let newest_first = history.find("Område endret").unwrap() < history.find("Poeng satt").unwrap();
    assert!(newest_first, "the latest change comes first");
}

#[tokio::test]
async fn one_submission_logs_each_cell_it_changes_and_no_other() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Flere celler").await;
    let second = server.add_id(&workshop, "/areas", json!({ "name": "Renovasjon" })).await;
    let code = workshop.code.clone();
    let cell = |area: i64, axis: &str, value: Value| json!({ "area_id": area, "axis": axis, "value": value });
    let first =
        [cell(area, "potential", json!(2)), cell(area, "feasibility", json!(4)), cell(second, "potential", json!(6))];
    server.score(&code, group, json!(first)).await;
    let before = changes(&server, &workshop, "").await.len();
    let second_round = [
        cell(area, "potential", json!(2)),
        cell(area, "feasibility", Value::Null),
        cell(second, "potential", json!(8)),
        cell(second, "feasibility", json!(1)),
        cell(second, "feasibility", json!(1)),
    ];
    let duplicate = server.put_scores(&code, group, json!(second_round)).await;
    assert_eq!(duplicate.status(), StatusCode::UNPROCESSABLE_ENTITY, "a cell twice is refused");
    server.score(&code, group, json!(second_round[..4])).await;

    let log = changes(&server, &workshop, "").await;
    let lines: Vec<_> = log[before..].iter().map(line).collect();
    let gruppe = Some("Gruppe 1");
    assert_eq!(
        lines,
        [
            expected("score_cleared", "group", gruppe, Some("Innkjøp"), Some("feasibility"), Some("4"), None),
            expected("score_set", "group", gruppe, Some("Renovasjon"), Some("potential"), Some("6"), Some("8")),
            expected("score_set", "group", gruppe, Some("Renovasjon"), Some("feasibility"), None, Some("1")),
        ]
    );
    let sheet = server.sheet(&code, group).await;
    let mut cells: Vec<(i64, String, i64)> = sheet["scores"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["area_id"].as_i64().unwrap(), s["axis"].as_str().unwrap().to_owned(), s["value"].as_i64().unwrap()))
        .collect();
    cells.sort();
    let mut expected_cells = vec![
        (area, "potential".to_owned(), 2),
        (second, "feasibility".to_owned(), 1),
        (second, "potential".to_owned(), 8),
    ];
    expected_cells.sort();
    assert_eq!(cells, expected_cells);
}
