//! The server-rendered pages: complete HTML without scripts, in the chosen language.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support;

#[tokio::test]
async fn results_page_is_complete_without_scripts_and_keeps_secrets() {
    let server = support::start().await;
    let workshop = server.create_workshop("Resultatside").await;
    let category = server.facilitate(&workshop, Method::POST, "/categories", json!({ "name": "Helse" })).await;
    let category = category.json::<Value>().await.unwrap()["id"].clone();
    let area = server
        .facilitate(&workshop, Method::POST, "/areas", json!({ "name": "Rus og psykiatri", "category_id": category }))
        .await;
    let area = area.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    server.facilitate(&workshop, Method::POST, "/areas", json!({ "name": "Jordmor" })).await;
    let group = server.facilitate(&workshop, Method::POST, "/groups", json!({ "count": 1 })).await;
    let group = group.json::<Value>().await.unwrap()[0]["id"].as_i64().unwrap();
    let cells = json!([
        { "area_id": area, "axis": "potential", "value": 9 },
        { "area_id": area, "axis": "feasibility", "value": 6 },
    ]);
    server.put_scores(&workshop.code, group, cells).await;

    let page = server.client.get(server.url(&format!("/w/{}/results", workshop.code))).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("<svg"), "the matrix is in the HTML");
    assert!(html.contains("Lett å gjennomføre og høyt potensial"));
    assert!(html.contains("Rus og psykiatri"));
    assert!(
        html.contains("9,00") && html.contains("6,00") && html.contains("54,0"),
        "means and product, bokmål format"
    );
    assert!(html.contains("Ikke vurdert ennå") && html.contains("Jordmor"), "unscored areas listed apart");
    assert!(!html.contains(&workshop.secret), "the facilitator's secret never appears");

    let english = server
        .client
        .get(server.url(&format!("/w/{}/results", workshop.code)))
        .header("cookie", "kvadrant_lang=en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(english.contains("<html lang=\"en\""));
    assert!(english.contains("Easy to carry out, high potential") && english.contains("54.0"));
}

#[tokio::test]
async fn the_facilitator_page_needs_the_secret() {
    let server = support::start().await;
    let workshop = server.create_workshop("Privat side").await;
    let own = server.client.get(server.url(&format!("/w/{}/manage/{}", workshop.code, workshop.secret))).send().await;
    let own = own.unwrap().text().await.unwrap();
    assert!(own.contains("Steng poenggivingen") && own.contains(&workshop.code));

    let guess = server.client.get(server.url(&format!("/w/{}/manage/{}", workshop.code, "f".repeat(48)))).send().await;
    let guess = guess.unwrap().text().await.unwrap();
    assert!(guess.contains("Denne lenken gir ikke lov"));
    assert!(!guess.contains("Steng poenggivingen"));
}

#[tokio::test]
async fn joining_by_typed_code_and_switching_language_redirect() {
    let server = support::start().await;
    let workshop = server.create_workshop("Bli med").await;
    let no_redirects = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let typed = workshop.code.to_lowercase();
    let join =
        no_redirects.get(server.url(&format!("/join?code={}-{}", &typed[..3], &typed[3..]))).send().await.unwrap();
    assert_eq!(join.status(), StatusCode::SEE_OTHER);
    assert_eq!(join.headers()["location"], format!("/w/{}", workshop.code));

    let bad = no_redirects.get(server.url("/join?code=nope")).send().await.unwrap();
    assert_eq!(bad.headers()["location"], "/?join=invalid");

    let switch = no_redirects.get(server.url("/lang/en?to=/w/ABCDEF")).send().await.unwrap();
    assert_eq!(switch.headers()["location"], "/w/ABCDEF");
    assert!(switch.headers()["set-cookie"].to_str().unwrap().starts_with("kvadrant_lang=en"));
    let elsewhere = no_redirects.get(server.url("/lang/en?to=//evil.example")).send().await.unwrap();
    assert_eq!(elsewhere.headers()["location"], "/", "never redirects off the site");

    let missing = server.client.get(server.url("/no/such/page")).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}
