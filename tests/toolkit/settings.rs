use reqwest::Method;
use serde_json::{Value, json};

use crate::support;

fn settings(min: i64, max: i64) -> Value {
    json!({ "scale_min": min, "scale_max": max, "language": "nb" })
}

#[tokio::test]
async fn settings_change_the_scale_names_midlines_and_language() {
    let server = support::start().await;
    let workshop = server.create_workshop("Innstillinger").await;
    let defaults = super::workshop_json(&server, &workshop).await["settings"].clone();
    assert_eq!(
        defaults,
        json!({ "scale_min": 1, "scale_max": 10, "potential_label": "", "feasibility_label": "",
        "potential_midline": 5.5, "feasibility_midline": 5.5, "language": "nb", "aggregate": "mean",
        "certainty": { "dissent_percent": 30, "top_places": [3, 5], "min_segment_groups": 2 } })
    );

    let input = json!({ "scale_min": 0, "scale_max": 5, "potential_label": " Nytte ", "feasibility_label": "Kostnad",
        "feasibility_midline": 2.0, "language": "en",
        "certainty": { "dissent_percent": 20, "top_places": [10, 1], "min_segment_groups": 3 } });
    let response = server.facilitate(&workshop, Method::PUT, "/settings", input).await;
    assert_eq!(response.status(), 200);
    let shown: Value = response.json().await.unwrap();
    assert_eq!(
        shown["settings"],
        json!({ "scale_min": 0, "scale_max": 5, "potential_label": "Nytte",
        "feasibility_label": "Kostnad", "potential_midline": 2.5, "feasibility_midline": 2.0, "language": "en",
        "aggregate": "mean", "certainty": { "dissent_percent": 20, "top_places": [1, 10], "min_segment_groups": 3 } })
    );
    // A bad reading of certainty is named to the field and changes nothing.
    let bad = json!({ "scale_min": 0, "scale_max": 5, "language": "en",
        "certainty": { "dissent_percent": 20, "top_places": [3, 3], "min_segment_groups": 3 } });
    let refused = server.facilitate(&workshop, Method::PUT, "/settings", bad).await;
    assert_eq!(refused.status(), 422);
    let error: Value = refused.json().await.unwrap();
    assert_eq!(
        (error["field"].as_str(), error["rule"]["rule"].as_str()),
        (Some("certainty.top_places[1]"), Some("duplicate"))
    );
    let kept = super::workshop_json(&server, &workshop).await["settings"]["certainty"].clone();
    assert_eq!(kept["top_places"], json!([1, 10]));

    // The workshop's pages speak its language unless the visitor chose another.
    let page = server.client.get(server.url(&format!("/w/{}", workshop.code))).send().await.unwrap();
    assert!(page.text().await.unwrap().contains("<html lang=\"en\""));
    let chosen = server.page_in(&format!("/w/{}", workshop.code), kvadrant::Lang::Nb).await;
    assert!(chosen.contains("<html lang=\"nb\""));

    // A nynorsk workshop speaks nynorsk to visitors who chose no language.
    let nynorsk = json!({ "scale_min": 0, "scale_max": 5, "language": "nn" });
    assert_eq!(server.facilitate(&workshop, Method::PUT, "/settings", nynorsk).await.status(), 200);
    assert_eq!(super::workshop_json(&server, &workshop).await["settings"]["language"], "nn");
    let page = server.client.get(server.url(&format!("/w/{}", workshop.code))).send().await.unwrap();
    let page = page.text().await.unwrap();
    assert!(page.contains("<html lang=\"nn\"") && page.contains("Vel gruppa di"), "{page}");
}

#[tokio::test]
async fn bad_settings_name_the_field_and_change_nothing() {
    let server = support::start().await;
    let workshop = server.create_workshop("Feil innstillinger").await;
    let cases = [
        (settings(1, 4), "scale_max", "out_of_range"),
        (settings(2, 10), "scale_min", "out_of_range"),
        (
            json!({ "scale_min": 1, "scale_max": 10, "potential_midline": 5.25, "language": "nb" }),
            "potential_midline",
            "half_step",
        ),
        (
            json!({ "scale_min": 1, "scale_max": 5, "feasibility_midline": 5.5, "language": "nb" }),
            "feasibility_midline",
            "half_step",
        ),
        (json!({ "scale_min": 1, "scale_max": 10, "language": "sv" }), "language", "malformed"),
        (
            json!({ "scale_min": 1, "scale_max": 10, "potential_label": "x".repeat(41), "language": "nb" }),
            "potential_label",
            "too_long",
        ),
    ];
    for (input, field, rule) in cases {
        let response = server.facilitate(&workshop, Method::PUT, "/settings", input.clone()).await;
        assert_eq!(response.status(), 422, "{input}");
        let body: Value = response.json().await.unwrap();
        assert_eq!((body["field"].as_str(), body["rule"]["rule"].as_str()), (Some(field), Some(rule)), "{input}");
    }
    assert_eq!(super::workshop_json(&server, &workshop).await["settings"]["scale_max"], 10);
}

#[tokio::test]
async fn the_scale_is_locked_once_groups_have_scored_but_midlines_still_move() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Låst skala").await;
    let scores = json!([{ "area_id": area, "axis": "potential", "value": 7 }, { "area_id": area, "axis": "feasibility", "value": 4 }]);
    server.score(&workshop.code, group, scores).await;

    let response = server.facilitate(&workshop, Method::PUT, "/settings", settings(1, 5)).await;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    assert_eq!((body["field"].as_str(), body["rule"]["rule"].as_str()), (Some("scale"), Some("locked")));

    let results = format!("/api/v1/workshops/{}/results", workshop.code);
    assert_eq!(server.get_json(&results).await["ranked"][0]["quadrant"], "high_potential_hard");
    let moved =
        json!({ "scale_min": 1, "scale_max": 10, "potential_midline": 8, "feasibility_midline": 4, "language": "nb" });
    assert_eq!(server.facilitate(&workshop, Method::PUT, "/settings", moved).await.status(), 200);
    assert_eq!(server.get_json(&results).await["ranked"][0]["quadrant"], "low_potential_easy");

    // Scores outside a narrower scale are refused once it is set, on a workshop without scores.
    let (fresh, area, group) = server.scorable_workshop("Fem trinn").await;
    assert_eq!(server.facilitate(&fresh, Method::PUT, "/settings", settings(1, 5)).await.status(), 200);
    let response =
        server.put_scores(&fresh.code, group, json!([{ "area_id": area, "axis": "potential", "value": 6 }])).await;
    assert_eq!(response.status(), 422);
}

#[tokio::test]
async fn the_settings_form_works_before_scripts_load_and_reads_decimal_commas() {
    let server = support::start().await;
    let workshop = server.create_workshop("Skjema").await;
    let manage = format!("/w/{}/manage/{}", workshop.code, workshop.secret);
    let page = server.client.get(server.url(&manage)).send().await.unwrap().text().await.unwrap();
    let action = support::form_action(&page, "settings-form");
    let post = |midline: &'static str| {
        let form = [
            ("code", workshop.code.as_str()),
            ("secret", workshop.secret.as_str()),
            ("settings[scale_min]", "1"),
            ("settings[scale_max]", "10"),
            ("settings[potential_label]", "Nytte"),
            ("settings[feasibility_label]", ""),
            ("settings[potential_midline]", midline),
            ("settings[feasibility_midline]", ""),
            ("settings[language]", "en"),
            ("settings[aggregate]", "median"),
            ("settings[dissent_percent]", "25"),
            ("settings[top_places]", "5, 3"),
            ("settings[min_segment_groups]", "1"),
        ];
        server.client.post(server.url(&action)).header("accept", "application/json").form(&form).send()
    };

    let refused = post("6,3").await.unwrap();
    assert!(!refused.status().is_success());
    let error: Value = refused.json().await.unwrap();
    assert_eq!(error["Domain"]["field"], "potential_midline", "{error}");
    assert_eq!(error["Domain"]["rule"]["rule"], "half_step", "{error}");
    assert_eq!(super::workshop_json(&server, &workshop).await["settings"]["potential_label"], "");

    let saved = post("6,5").await.unwrap();
    assert!(saved.status().is_success(), "{}", saved.text().await.unwrap());
    let settings = super::workshop_json(&server, &workshop).await["settings"].clone();
    assert_eq!(
        settings,
        json!({ "scale_min": 1, "scale_max": 10, "potential_label": "Nytte", "feasibility_label": "",
        "potential_midline": 6.5, "feasibility_midline": 5.5, "language": "en", "aggregate": "median",
        "certainty": { "dissent_percent": 25, "top_places": [3, 5], "min_segment_groups": 1 } })
    );
}
