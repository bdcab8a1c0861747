//! Removing a category, area or group, and undoing it: nothing the groups gave is lost.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{self, TestServer, Workshop};

async fn remove(server: &TestServer, workshop: &Workshop, path: &str) -> Value {
    let response = server.facilitate(workshop, Method::DELETE, path, Value::Null).await;
    assert_eq!(response.status(), StatusCode::OK, "DELETE {path}");
    response.json().await.unwrap()
}

async fn restore(server: &TestServer, workshop: &Workshop, removal: &Value) -> reqwest::Response {
    let path = format!("/removals/{}/restore", removal["id"]);
    server.facilitate(workshop, Method::POST, &path, Value::Null).await
}

fn names(workshop: &Value, list: &str) -> Vec<String> {
    workshop[list].as_array().unwrap().iter().map(|item| item["name"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn a_removed_scored_area_comes_back_whole_where_it_was() {
    let server = support::start().await;
    let workshop = server.create_workshop("Angre").await;
    let first = server.add_id(&workshop, "/areas", json!({ "name": "Innkjøp" })).await;
    let scored =
        server.add_id(&workshop, "/areas", json!({ "name": "Rus og psykiatri", "description": "Felles" })).await;
    let last = server.add_id(&workshop, "/areas", json!({ "name": "Reiseliv" })).await;
    let groups: Vec<i64> = server
        .add(&workshop, "/groups", json!({ "count": 3 }))
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_i64().unwrap())
        .collect();
    for (group, value) in groups.iter().zip([4, 6, 8]) {
        let cells = json!([
            { "area_id": scored, "axis": "potential", "value": value },
            { "area_id": scored, "axis": "feasibility", "value": 10 - value },
            { "area_id": first, "axis": "potential", "value": 5 },
        ]);
        server.score(&workshop.code, *group, cells).await;
    }
    let comment = json!({ "rationale": "Viktig for alle", "risks": "", "timeframe": "short" });
    let path = format!("/comments/{scored}");
    assert_eq!(server.as_group(&workshop.code, groups[0], Method::PUT, &path, comment).await.status(), StatusCode::OK);
    let before = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    let history = server.facilitate(&workshop, Method::GET, &format!("/changes?area={scored}"), Value::Null).await;
    let history_before = history.json::<Value>().await.unwrap().as_array().unwrap().len();

    let usage = server.facilitate(&workshop, Method::GET, "/usage", Value::Null).await.json::<Value>().await.unwrap();
    let area_use = usage["areas"].as_array().unwrap().iter().find(|a| a["id"] == scored).unwrap().clone();
    assert_eq!((area_use["scored"].as_i64(), area_use["comments"].as_i64()), (Some(3), Some(1)));
    let group_use = &usage["groups"][0];
    assert_eq!((group_use["scored"].as_i64(), group_use["comments"].as_i64()), (Some(2), Some(1)));

    let removal = remove(&server, &workshop, &format!("/areas/{scored}")).await;
    assert_eq!(removal["list"], "areas");
    assert_eq!(removal["item_id"], scored);
    assert_eq!(removal["name"], "Rus og psykiatri");
    assert_eq!((removal["scored"].as_i64(), removal["comments"].as_i64()), (Some(3), Some(1)));
    assert!(removal["undo_until"].as_str().unwrap().ends_with('Z'));
    let view = server.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await;
    assert_eq!(names(&view, "areas"), ["Innkjøp", "Reiseliv"]);
    let gone = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    let ranked = |results: &Value| -> Vec<Value> {
        results["ranked"].as_array().unwrap().iter().map(|row| row["area_id"].clone()).collect()
    };
    assert_eq!(ranked(&before), [json!(scored)]);
    assert!(ranked(&gone).is_empty());

    assert_eq!(restore(&server, &workshop, &removal).await.status(), StatusCode::NO_CONTENT);
    let view = server.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await;
    assert_eq!(names(&view, "areas"), ["Innkjøp", "Rus og psykiatri", "Reiseliv"]);
    assert_eq!(view["areas"][1]["id"], scored);
    assert_eq!(view["areas"][1]["description"], "Felles");
    assert_eq!(view["areas"][2]["id"], last);
    let after = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    assert_eq!(after["ranked"], before["ranked"], "the same scores, means and ranks as before the removal");
    let sheet = server.sheet(&workshop.code, groups[0]).await;
    let comments = sheet["comments"].as_array().unwrap();
    assert!(comments.iter().any(|c| c["area_id"] == scored && c["rationale"] == "Viktig for alle"), "{sheet}");
    // The area's history reads on, with its removal and return.
    let history = server.facilitate(&workshop, Method::GET, &format!("/changes?area={scored}"), Value::Null).await;
    let history: Value = history.json().await.unwrap();
    let actions: Vec<&str> = history.as_array().unwrap().iter().map(|c| c["action"].as_str().unwrap()).collect();
    assert_eq!(actions.len(), history_before + 2, "{actions:?}");
    assert!(actions.ends_with(&["area_removed", "area_restored"]), "{actions:?}");

    // Undone once: a second undo finds nothing to put back.
    let again = restore(&server, &workshop, &removal).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_removed_group_returns_with_its_link_scores_and_tags() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Gruppe tilbake").await;
    let tagged = json!({ "name": "Gruppe 1", "tags": [{ "dimension": "Rolle", "value": "Folkevalgte" }] });
    let path = format!("/groups/{group}");
    assert_eq!(server.facilitate(&workshop, Method::PUT, &path, tagged).await.status(), StatusCode::OK);
    let key = server.group_key(&workshop.code, group).await;
    server.score(&workshop.code, group, json!([{ "area_id": area, "axis": "potential", "value": 7 }])).await;

    let removal = remove(&server, &workshop, &format!("/groups/{group}")).await;
    assert_eq!(removal["scored"], 1);
    let sheet_path = format!("/api/v1/workshops/{}/groups/{group}/scores", workshop.code);
    assert_eq!(server.get_as(&key, &sheet_path).await.status(), StatusCode::NOT_FOUND);

    assert_eq!(restore(&server, &workshop, &removal).await.status(), StatusCode::NO_CONTENT);
    let sheet: Value = server.get_as(&key, &sheet_path).await.json().await.unwrap();
    assert_eq!(sheet["scores"][0]["value"], 7, "{sheet}");
    let view = server.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await;
    assert_eq!(view["groups"][0]["tags"][0]["value"], "Folkevalgte");
}

#[tokio::test]
async fn a_removed_category_gives_its_areas_back_their_category() {
    let server = support::start().await;
    let workshop = server.create_workshop("Kategori tilbake").await;
    let health = server.add_id(&workshop, "/categories", json!({ "name": "Helse" })).await;
    let kept = server.add_id(&workshop, "/areas", json!({ "name": "Jordmor", "category_id": health })).await;
    let moved = server.add_id(&workshop, "/areas", json!({ "name": "Legevakt", "category_id": health })).await;

    let removal = remove(&server, &workshop, &format!("/categories/{health}")).await;
    assert_eq!(removal["areas"], 2);
    // Given another category meanwhile, an area keeps that one.
    let other = server.add_id(&workshop, "/categories", json!({ "name": "Beredskap" })).await;
    let path = format!("/areas/{moved}");
    let change = json!({ "name": "Legevakt", "category_id": other });
    assert_eq!(server.facilitate(&workshop, Method::PUT, &path, change).await.status(), StatusCode::OK);

    assert_eq!(restore(&server, &workshop, &removal).await.status(), StatusCode::NO_CONTENT);
    let view = server.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await;
    assert_eq!(names(&view, "categories"), ["Helse", "Beredskap"]);
    // Under SQLite a category added meanwhile may have taken the removed one's id: the
    // category comes back under another, its areas with it.
    let category_named =
        |name: &str| view["categories"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap()["id"].clone();
    let category_of =
        |id: i64| view["areas"].as_array().unwrap().iter().find(|a| a["id"] == id).unwrap()["category_id"].clone();
    assert_eq!(category_of(kept), category_named("Helse"));
    assert_eq!(category_of(moved), category_named("Beredskap"));
    assert_eq!(category_named("Beredskap"), other);
}

#[tokio::test]
async fn names_of_categories_and_groups_stay_unique_even_when_sent_twice() {
    let server = support::start().await;
    let workshop = server.create_workshop("Unike navn").await;
    let twice = (0..2).map(|_| server.facilitate(&workshop, Method::POST, "/categories", json!({ "name": "Kultur" })));
    let responses = futures_util::future::join_all(twice).await;
    let mut statuses: Vec<StatusCode> = responses.iter().map(|r| r.status()).collect();
    statuses.sort();
    assert_eq!(statuses, [StatusCode::CREATED, StatusCode::UNPROCESSABLE_ENTITY]);
    let refused = responses.into_iter().find(|r| r.status() == StatusCode::UNPROCESSABLE_ENTITY).unwrap();
    let body: Value = refused.json().await.unwrap();
    assert_eq!((body["field"].as_str(), body["rule"]["rule"].as_str()), (Some("name"), Some("duplicate")));

    let culture = server.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await["categories"][0]["id"].clone();
    let sport = server.add_id(&workshop, "/categories", json!({ "name": "Idrett" })).await;
    let renamed =
        server.facilitate(&workshop, Method::PUT, &format!("/categories/{sport}"), json!({ "name": "Kultur" })).await;
    assert_eq!(renamed.json::<Value>().await.unwrap()["field"], "name");
    // Keeping its own name is no clash.
    let same =
        server.facilitate(&workshop, Method::PUT, &format!("/categories/{culture}"), json!({ "name": "Kultur" })).await;
    assert_eq!(same.status(), StatusCode::OK);

    // A removed category whose name was taken since cannot come back under it.
    let removal = remove(&server, &workshop, &format!("/categories/{culture}")).await;
    server.add_id(&workshop, "/categories", json!({ "name": "Kultur" })).await;
    let clash = restore(&server, &workshop, &removal).await;
    assert_eq!(clash.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(clash.json::<Value>().await.unwrap()["field"], "name");
    let view = server.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await;
    assert_eq!(names(&view, "categories"), ["Idrett", "Kultur"]);
}

#[tokio::test]
async fn a_new_workshop_starts_with_scoring_closed() {
    let server = support::start().await;
    let response = server.client.post(server.url("/api/v1/workshops")).json(&json!({ "title": "Ny" })).send().await;
    let created: Value = response.unwrap().json().await.unwrap();
    let view = server.get_json(&format!("/api/v1/workshops/{}", created["code"].as_str().unwrap())).await;
    assert_eq!(view["scoring_open"], false);
}

#[tokio::test]
async fn only_the_last_removal_can_be_undone_and_only_on_the_same_scale() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Én angring").await;
    let other = server.add_id(&workshop, "/areas", json!({ "name": "Reiseliv" })).await;
    server.score(&workshop.code, group, json!([{ "area_id": area, "axis": "potential", "value": 7 }])).await;

    let first = remove(&server, &workshop, &format!("/areas/{other}")).await;
    let second = remove(&server, &workshop, &format!("/areas/{area}")).await;
    assert_eq!(restore(&server, &workshop, &first).await.status(), StatusCode::NOT_FOUND, "a later removal came");

    // The scale changed meanwhile: the scores would mean something else, so nothing comes back.
    let scale = json!({ "scale_min": 1, "scale_max": 5, "language": "nb" });
    assert_eq!(server.facilitate(&workshop, Method::PUT, "/settings", scale).await.status(), StatusCode::OK);
    let refused = restore(&server, &workshop, &second).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.json::<Value>().await.unwrap()["field"], "scale");
    let view = server.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await;
    assert!(view["areas"].as_array().unwrap().is_empty());
}
