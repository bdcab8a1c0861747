//! Preparing a workshop: categories, areas and groups added, changed, reordered and removed.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{self, TestServer, Workshop};

async fn names(server: &TestServer, workshop: &Workshop, list: &str) -> Vec<String> {
    let view = server.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await;
    view[list].as_array().unwrap().iter().map(|item| item["name"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn categories_and_areas_are_edited_reordered_and_removed() {
    let server = support::start().await;
    let workshop = server.create_workshop("  Forberedelse  ").await;
    let view = server.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await;
    assert_eq!(view["title"], "Forberedelse", "titles are trimmed");

    let health = server.add_id(&workshop, "/categories", json!({ "name": "Helse" })).await;
    let business = server.add_id(&workshop, "/categories", json!({ "name": "Næring" })).await;
    let a = server.add_id(&workshop, "/areas", json!({ "name": "Jordmor", "category_id": health })).await;
    let b = server.add_id(&workshop, "/areas", json!({ "name": "Reiseliv", "category_id": business })).await;
    let c = server.add_id(&workshop, "/areas", json!({ "name": "Innkjøp", "description": "Felles avtaler" })).await;

    let edit = json!({ "name": "Jordmortjeneste", "description": "Hele døgnet", "category_id": health });
    let response = server.facilitate(&workshop, Method::PUT, &format!("/areas/{a}"), edit).await;
    assert_eq!(response.status(), StatusCode::OK);

    let reorder = server.facilitate(&workshop, Method::PUT, "/order/areas", json!({ "ids": [c, a, b] })).await;
    assert_eq!(reorder.status(), StatusCode::NO_CONTENT);
    assert_eq!(names(&server, &workshop, "areas").await, ["Innkjøp", "Jordmortjeneste", "Reiseliv"]);

    let incomplete = server.facilitate(&workshop, Method::PUT, "/order/areas", json!({ "ids": [c, a] })).await;
    assert_eq!(incomplete.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let twice = server.facilitate(&workshop, Method::PUT, "/order/areas", json!({ "ids": [c, a, a] })).await;
    assert_eq!(twice.json::<Value>().await.unwrap()["rule"]["rule"], "duplicate");
    assert_eq!(names(&server, &workshop, "areas").await, ["Innkjøp", "Jordmortjeneste", "Reiseliv"]);

    // Removing a category keeps its areas, without a category.
    let removed = server.facilitate(&workshop, Method::DELETE, &format!("/categories/{business}"), json!({})).await;
    assert_eq!(removed.status(), StatusCode::OK);
    let view = server.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await;
    assert_eq!(view["categories"].as_array().unwrap().len(), 1);
    assert_eq!(view["areas"][2]["category_id"], Value::Null);

    let foreign = json!({ "name": "X", "category_id": business });
    let response = server.facilitate(&workshop, Method::POST, "/areas", foreign).await;
    assert_eq!(response.json::<Value>().await.unwrap()["field"], "category_id");

    let gone = server.facilitate(&workshop, Method::DELETE, &format!("/areas/{b}"), json!({})).await;
    assert_eq!(gone.status(), StatusCode::OK);
    let again = server.facilitate(&workshop, Method::DELETE, &format!("/areas/{b}"), json!({})).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    assert_eq!(names(&server, &workshop, "areas").await, ["Innkjøp", "Jordmortjeneste"]);
}

#[tokio::test]
async fn groups_come_numbered_or_named_and_names_stay_unique() {
    let server = support::start().await;
    let workshop = server.create_workshop("Grupper").await;
    let response = server.facilitate(&workshop, Method::POST, "/groups", json!({ "count": 2 })).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let response =
        server.facilitate(&workshop, Method::POST, "/groups", json!({ "names": ["Folkevalgte", " Adm "] })).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let response = server.facilitate(&workshop, Method::POST, "/groups", json!({ "count": 1 })).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(names(&server, &workshop, "groups").await, ["Gruppe 1", "Gruppe 2", "Folkevalgte", "Adm", "Gruppe 3"]);

    // Numbering takes the lowest free numbers, also after a removal.
    let view = server.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await;
    let first = view["groups"][0]["id"].as_i64().unwrap();
    server.facilitate(&workshop, Method::DELETE, &format!("/groups/{first}"), json!({})).await;
    let response = server.facilitate(&workshop, Method::POST, "/groups", json!({ "count": 2 })).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let added: Vec<String> = response
        .json::<Value>()
        .await
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(added, ["Gruppe 1", "Gruppe 4"]);

    for (body, field, rule) in [
        (json!({ "count": 0 }), "count", "out_of_range"),
        (json!({ "count": 101 }), "count", "out_of_range"),
        (json!({ "names": ["Ny", "Folkevalgte"] }), "names[1]", "duplicate"),
        (json!({ "names": ["Ny", ""] }), "names[1]", "required"),
        (json!({ "names": [] }), "names", "out_of_range"),
    ] {
        let response = server.facilitate(&workshop, Method::POST, "/groups", body.clone()).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let error: Value = response.json().await.unwrap();
        assert_eq!((error["field"].as_str(), error["rule"]["rule"].as_str()), (Some(field), Some(rule)), "{body}");
    }
    assert_eq!(names(&server, &workshop, "groups").await.len(), 6, "refused batches add nothing");
}

#[tokio::test]
async fn removing_a_group_removes_its_scores_from_the_results() {
    let server = support::start().await;
    let workshop = server.create_workshop("Fjerning").await;
    let area = server.add_id(&workshop, "/areas", json!({ "name": "Beredskap" })).await;
    let response = server.facilitate(&workshop, Method::POST, "/groups", json!({ "count": 2 })).await;
    let groups: Vec<i64> =
        response.json::<Value>().await.unwrap().as_array().unwrap().iter().map(|g| g["id"].as_i64().unwrap()).collect();
    for (group, value) in groups.iter().zip([2, 8]) {
        let cells = json!([
            { "area_id": area, "axis": "potential", "value": value },
            { "area_id": area, "axis": "feasibility", "value": value },
        ]);
        assert_eq!(server.put_scores(&workshop.code, *group, cells).await.status(), StatusCode::OK);
    }
    let results = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    assert_eq!(results["ranked"][0]["potential"]["mean"], 5.0);

    let removed = server.facilitate(&workshop, Method::DELETE, &format!("/groups/{}", groups[0]), json!({})).await;
    assert_eq!(removed.status(), StatusCode::OK);
    let results = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    assert_eq!(results["ranked"][0]["potential"]["mean"], 8.0);
    assert_eq!(results["ranked"][0]["groups"], 1);
}

#[tokio::test]
async fn the_openapi_document_describes_the_routes() {
    let server = support::start().await;
    let document = server.get_json("/api/v1/openapi.json").await;
    assert!(document["openapi"].as_str().unwrap().starts_with("3."));
    for path in
        ["/api/v1/workshops", "/api/v1/workshops/{code}/groups/{id}/scores", "/api/v1/workshops/{code}/results.csv"]
    {
        assert!(document["paths"].get(path).is_some(), "{path} is documented");
    }
    assert!(document["components"]["schemas"].get("ErrorBody").is_some());
}

#[tokio::test]
async fn every_reference_in_the_openapi_document_resolves() {
    let server = support::start().await;
    let document = server.get_json("/api/v1/openapi.json").await;
    fn references(value: &Value, found: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get("$ref") {
                    found.push(target.clone());
                }
                map.values().for_each(|value| references(value, found));
            }
            Value::Array(items) => items.iter().for_each(|value| references(value, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    references(&document, &mut found);
    assert!(found.len() > 20, "the document refers to its schemas");
    for target in found {
        let name = target.strip_prefix("#/components/schemas/").unwrap_or_else(|| panic!("a local schema: {target}"));
        assert!(document["components"]["schemas"].get(name).is_some(), "{target} resolves");
    }
}

#[tokio::test]
async fn the_openapi_document_declares_the_domains_limits() {
    let server = support::start().await;
    let document = server.get_json("/api/v1/openapi.json").await;
    let schemas = &document["components"]["schemas"];
    let resolve = |schema: &Value| -> Value {
        match schema["$ref"].as_str() {
            Some(target) => schemas[target.trim_start_matches("#/components/schemas/")].clone(),
            None => schema.clone(),
        }
    };
    let name = resolve(&schemas["ItemInput"]["properties"]["name"]);
    assert_eq!(name["maxLength"], kvadrant::Name::MAX_CHARS);
    assert!(name["pattern"].is_string(), "names declare which characters they may hold");
    assert_eq!(resolve(&schemas["CommentInput"]["properties"]["rationale"])["maxLength"], kvadrant::Note::MAX_CHARS);
    assert_eq!(schemas["Setup"]["properties"]["areas"]["maxItems"], kvadrant::limits::MAX_AREAS);
    assert_eq!(schemas["SetupGroup"]["properties"]["tags"]["maxItems"], kvadrant::segment::MAX_TAGS);
    let score = &schemas["ScoreInput"]["properties"]["value"];
    let score = score["oneOf"].as_array().and_then(|choices| choices.iter().find(|c| c["$ref"].is_string()));
    let score = resolve(score.expect("a score or null"));
    assert_eq!((&score["minimum"], &score["maximum"]), (&json!(0), &json!(10)));
    assert_eq!(schemas["SettingsInput"]["properties"]["scale_max"]["minimum"], 5);
    let code = &document["paths"]["/api/v1/workshops/{code}"]["get"]["parameters"][0];
    assert_eq!(code["name"], "code");
    assert!(code["schema"]["pattern"].as_str().unwrap().contains("{6}"));
}

#[tokio::test]
async fn the_openapi_document_declares_every_refusal_a_route_can_answer() {
    let server = support::start().await;
    let document = server.get_json("/api/v1/openapi.json").await;
    let mut operations = 0;
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            operations += 1;
            let declares = |status: &str| operation["responses"].get(status).is_some();
            let route = format!("{method} {path}");
            for status in ["400", "503"] {
                assert!(declares(status), "{route} declares {status}");
            }
            if operation["requestBody"].is_object() {
                for status in ["413", "415", "422"] {
                    assert!(declares(status), "{route} declares {status}");
                }
            }
            if path.contains("{code}") {
                for status in ["404", "422", "429"] {
                    assert!(declares(status), "{route} declares {status}");
                }
            }
            let security = operation["security"].as_array();
            if security.is_some_and(|options| !options.iter().any(|option| option == &json!({}))) {
                for status in ["401", "403"] {
                    assert!(declares(status), "{route}, which needs a secret, declares {status}");
                }
            }
            for status in ["429", "503"] {
                if let Some(response) = operation["responses"].get(status) {
                    assert!(response["headers"]["Retry-After"].is_object(), "{route} says when to retry on {status}");
                }
            }
        }
    }
    assert!(operations > 40, "every operation was looked at: {operations}");
}

#[tokio::test]
async fn a_workshops_lists_stop_at_their_limits_even_when_added_to_at_once() {
    use kvadrant::limits::{MAX_AREAS, MAX_CATEGORIES};
    let server = support::start().await;
    let setup = json!({
        "kvadrant_setup": 1,
        "title": "Nesten full",
        "categories": (1..MAX_CATEGORIES).map(|n| json!({ "name": format!("Kategori {n}") })).collect::<Vec<_>>(),
        "areas": (1..MAX_AREAS).map(|n| json!({ "name": format!("Område {n}") })).collect::<Vec<_>>(),
    });
    let created: Value = server.import(&setup).await.json().await.unwrap();
    let workshop = Workshop {
        code: created["code"].as_str().unwrap().to_owned(),
        secret: created["secret"].as_str().unwrap().to_owned(),
    };
    for (list, limit) in [("areas", MAX_AREAS), ("categories", MAX_CATEGORIES)] {
        let path = format!("/{list}");
        let adding =
            (0..10).map(|n| server.facilitate(&workshop, Method::POST, &path, json!({ "name": format!("Ny {n}") })));
        let statuses: Vec<StatusCode> =
            futures_util::future::join_all(adding).await.into_iter().map(|response| response.status()).collect();
        let added = statuses.iter().filter(|status| **status == StatusCode::CREATED).count();
        assert_eq!(added, 1, "one more fits in {list}: {statuses:?}");
        assert!(statuses.iter().all(|s| *s == StatusCode::CREATED || *s == StatusCode::UNPROCESSABLE_ENTITY));
        let workshop = server.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await;
        assert_eq!(workshop[list].as_array().unwrap().len(), limit);
    }
}
