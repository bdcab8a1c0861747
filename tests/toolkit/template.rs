use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::tagged_workshop;
use crate::support;

async fn setup_of(server: &support::TestServer, workshop: &support::Workshop) -> Value {
    let response = server.get_as(&workshop.secret, &format!("/api/v1/workshops/{}/setup", workshop.code)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-disposition"].to_str().unwrap().contains("setup.json"));
    response.json().await.unwrap()
}

#[tokio::test]
async fn an_exported_setup_imports_to_an_identical_workshop() {
    let server = support::start().await;
    let (workshop, area, _) = tagged_workshop(&server).await;
    let category =
        server.add_id(&workshop, "/categories", json!({ "name": "Helse", "description": "Tjenester" })).await;
    let moved = json!({ "name": "Jordmortjeneste", "description": "Felles", "category_id": category });
    server.facilitate(&workshop, Method::PUT, &format!("/areas/{area}"), moved).await;
    server.add_id(&workshop, "/areas", json!({ "name": "Innkjøp" })).await;
    let settings = json!({ "scale_min": 1, "scale_max": 10, "potential_label": "Nytte", "potential_midline": 6,
        "language": "en" });
    assert_eq!(server.facilitate(&workshop, Method::PUT, "/settings", settings).await.status(), 200);

    let setup = setup_of(&server, &workshop).await;
    assert_eq!(setup["kvadrant_setup"], 1);
    assert_eq!(setup["areas"][0]["category"], "Helse");
    let response = server.import(&setup).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: Value = response.json().await.unwrap();
    let copy = support::Workshop {
        code: created["code"].as_str().unwrap().to_owned(),
        secret: created["secret"].as_str().unwrap().to_owned(),
    };
    assert_ne!(copy.code, workshop.code);
    assert_eq!(setup_of(&server, &copy).await, setup);

    // The same lists and settings, and none of the scores.
    let original = super::workshop_json(&server, &workshop).await;
    let imported = super::workshop_json(&server, &copy).await;
    assert_eq!(imported["settings"], original["settings"]);
    let names = |w: &Value, list: &str| -> Vec<Value> {
        w[list].as_array().unwrap().iter().map(|i| i["name"].clone()).collect()
    };
    for list in ["categories", "areas", "groups"] {
        assert_eq!(names(&imported, list), names(&original, list), "{list}");
    }
    let results = server.get_json(&format!("/api/v1/workshops/{}/results", copy.code)).await;
    assert_eq!(results["ranked"], json!([]));
}

#[tokio::test]
async fn a_duplicate_keeps_settings_categories_and_areas_without_groups_or_scores() {
    let server = support::start().await;
    let (workshop, _, _) = tagged_workshop(&server).await;
    server.add_id(&workshop, "/categories", json!({ "name": "Helse" })).await;
    let response = server.facilitate(&workshop, Method::POST, "/duplicate", Value::Null).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: Value = response.json().await.unwrap();
    assert!(
        created["manage_path"]
            .as_str()
            .unwrap()
            .starts_with(&format!("/w/{}/manage/", created["code"].as_str().unwrap()))
    );
    let copy = server.get_json(&format!("/api/v1/workshops/{}", created["code"].as_str().unwrap())).await;
    assert_eq!(copy["title"], "Segmenter");
    assert_eq!(copy["areas"].as_array().unwrap().len(), 1);
    assert_eq!(copy["categories"].as_array().unwrap().len(), 1);
    assert_eq!(copy["groups"], json!([]));
}

#[tokio::test]
async fn a_bad_setup_is_refused_with_the_path_of_the_field() {
    let server = support::start().await;
    let good = json!({ "kvadrant_setup": 1, "title": "Mal", "categories": [{ "name": "Helse" }],
        "areas": [{ "name": "Jordmor", "category": "Helse" }], "groups": [{ "name": "G1", "tags": [] }] });
    let cases = [
        (json!({ "areas": [{ "name": "Jordmor", "category": "Skole" }] }), "areas[0].category", "foreign"),
        (json!({ "categories": [{ "name": "Helse" }, { "name": "Helse" }] }), "categories[1].name", "duplicate"),
        (
            json!({ "groups": [{ "name": "G1", "tags": [{ "dimension": "Rolle", "value": "" }] }] }),
            "groups[0].tags[0].value",
            "required",
        ),
        (
            json!({ "settings": { "scale_min": 1, "scale_max": 12, "language": "nb" } }),
            "settings.scale_max",
            "out_of_range",
        ),
        (json!({ "kvadrant_setup": 7 }), "kvadrant_setup", "out_of_range"),
        (json!({ "title": "" }), "title", "required"),
    ];
    for (change, field, rule) in cases {
        let mut setup = good.clone();
        for (key, value) in change.as_object().unwrap() {
            setup[key] = value.clone();
        }
        let response = server.import(&setup).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{setup}");
        let body: Value = response.json().await.unwrap();
        assert_eq!((body["field"].as_str(), body["rule"]["rule"].as_str()), (Some(field), Some(rule)), "{setup}");
    }
    let mut unknown = good.clone();
    unknown["areas"][0]["kategori"] = json!("Helse");
    let response = server.import(&unknown).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.unwrap();
    assert!(body["message"].as_str().unwrap().contains("unknown field `kategori`"), "{body}");
    assert_eq!(server.import(&good).await.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn the_front_page_imports_a_pasted_setup_and_names_where_a_bad_one_is_wrong() {
    let server = support::start().await;
    let (workshop, _, _) = tagged_workshop(&server).await;
    let setup = setup_of(&server, &workshop).await;
    let page = server.client.get(server.url("/")).send().await.unwrap().text().await.unwrap();
    let action = support::form_action(&page, "import-form");
    let no_redirects = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let post = |text: String| {
        no_redirects.post(server.url(&action)).header("accept", "application/json").form(&[("setup", text)]).send()
    };
    let error = |response: reqwest::Response| async move {
        assert!(!response.status().is_success());
        response.json::<Value>().await.unwrap()["Domain"].clone()
    };

    // A name of the wrong type, an unknown category, and text that is not JSON at all.
    let mut wrong_type = setup.clone();
    wrong_type["areas"][0]["name"] = json!(7);
    let refused = error(post(wrong_type.to_string()).await.unwrap()).await;
    assert_eq!(refused["field"], "setup.areas[0].name", "{refused}");
    assert_eq!(refused["rule"]["rule"], "malformed");
    let mut unknown = setup.clone();
    unknown["areas"][0]["category"] = json!("Finnes ikke");
    let refused = error(post(unknown.to_string()).await.unwrap()).await;
    assert_eq!(refused["field"], "setup.areas[0].category", "{refused}");
    assert_eq!(refused["rule"]["rule"], "foreign");
    let refused = error(post("ikke json".to_owned()).await.unwrap()).await;
    assert_eq!(refused["field"], "setup", "{refused}");

    // The setup as downloaded makes a workshop, and the answer sends the browser to its facilitator page.
    let created = post(setup.to_string()).await.unwrap();
    assert!(created.status().is_success(), "{:?}", created.headers());
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let code = location.split('/').nth(2).expect("/w/CODE/manage/SECRET").to_owned();
    assert_ne!(code, workshop.code);
    let copy = server.get_json(&format!("/api/v1/workshops/{code}")).await;
    let original = server.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await;
    assert_eq!(copy["areas"].as_array().unwrap().len(), original["areas"].as_array().unwrap().len());
}
