//! The server-rendered pages: complete HTML without scripts, in the chosen language.

use kvadrant::Lang;
use reqwest::StatusCode;
use serde_json::json;

use crate::support;

#[tokio::test]
async fn results_page_is_complete_without_scripts_and_keeps_secrets() {
    let server = support::start().await;
    let workshop = server.create_workshop("Resultatside").await;
    let category = server.add_id(&workshop, "/categories", json!({ "name": "Helse" })).await;
    let area = server.add_id(&workshop, "/areas", json!({ "name": "Rus og psykiatri", "category_id": category })).await;
    server.add(&workshop, "/areas", json!({ "name": "Jordmor" })).await;
    let group = server.add(&workshop, "/groups", json!({ "count": 1 })).await[0]["id"].as_i64().unwrap();
    let cells = json!([
        { "area_id": area, "axis": "potential", "value": 9 },
        { "area_id": area, "axis": "feasibility", "value": 6 },
    ]);
    server.put_scores(&workshop.code, group, cells).await;

    let page = server.client.get(server.url(&format!("/w/{}/results", workshop.code))).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("<svg"), "the matrix is in the HTML");
    // The matrix's meaning in text: the ranked table names each area's quadrant.
    assert!(html.contains(r#"<td class="quadrant">Lett å gjennomføre og høyt potensial<!></td>"#));
    assert!(html.contains("Rus og psykiatri"));
    assert!(
        html.contains("9,00") && html.contains("6,00") && html.contains("54,0"),
        "means and product, bokmål format"
    );
    assert!(html.contains("Ikke vurdert ennå") && html.contains("Jordmor"), "unscored areas listed apart");
    assert!(!html.contains(&workshop.secret), "the facilitator's secret never appears");

    let english = server.page_in(&format!("/w/{}/results", workshop.code), Lang::En).await;
    assert!(english.contains("<html lang=\"en\""));
    // The workshop's own words stay marked as bokmål in the English page, for screen readers.
    assert!(english.contains(r#"<h1 lang="nb">Resultatside"#), "{english}");
    assert!(english.contains(r#"<th scope="row" lang="nb">Rus og psykiatri"#));
    assert!(english.contains(r#"<span lang="nb">Helse"#), "the category's name");
    assert!(!html.contains("<h1 lang=") && !html.contains(r#"<th scope="row" lang="#), "not where the page is bokmål");
    assert!(english.contains("Easy to carry out, high potential") && english.contains("54.0"));
}

#[tokio::test]
async fn the_facilitator_page_needs_the_secret() {
    let server = support::start().await;
    let workshop = server.create_workshop("Privat side").await;
    // Each of the three parts, at its own address.
    for (part, shows) in [("", "Legg til område"), ("/run", "Steng poenggivingen"), ("/review", "Lag kopi")] {
        let path = format!("/w/{}/manage/{}{part}", workshop.code, workshop.secret);
        let own = server.client.get(server.url(&path)).send().await.unwrap();
        assert_eq!(own.headers()["cache-control"], "no-store");
        let own = own.text().await.unwrap();
        assert!(own.contains(shows) && own.contains(&workshop.code), "{path}");
    }

    let guess = server.client.get(server.url(&format!("/w/{}/manage/{}", workshop.code, "f".repeat(48)))).send().await;
    let guess = guess.unwrap();
    assert_eq!(guess.status(), StatusCode::FORBIDDEN);
    let guess = guess.text().await.unwrap();
    assert!(guess.contains("Denne lenken gir ikke tilgang"));
    assert!(!guess.contains("Steng poenggivingen"));

    let unknown = server.client.get(server.url("/w/ZZZZZZ/results")).send().await.unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    // With a `/` at the end no route but the fallback answers: never with 200, so that guessing
    // codes there counts as anywhere else, and a wrong key is still refused as one.
    let code = &workshop.code;
    for (path, status) in [
        ("/w/ZZZZZZ/".to_owned(), StatusCode::NOT_FOUND),
        ("/w/ZZZZZZ/results/".to_owned(), StatusCode::NOT_FOUND),
        (format!("/w/{code}/"), StatusCode::NOT_FOUND),
        (format!("/w/{code}/manage/{}/", "f".repeat(48)), StatusCode::FORBIDDEN),
    ] {
        for _ in 0..3 {
            let answer = server.client.get(server.url(&path)).send().await.unwrap();
            assert_eq!(answer.status(), status, "{path}");
        }
    }
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

    let switch = no_redirects.post(server.url("/lang/en")).form(&[("to", "/w/ABCDEF")]).send().await.unwrap();
    assert_eq!(switch.headers()["location"], "/w/ABCDEF");
    assert!(switch.headers()["set-cookie"].to_str().unwrap().starts_with("kvadrant_lang=en"));
    for elsewhere in ["//evil.example", "/%5Cevil.example", "/%09/evil.example", "https://evil.example"] {
        let response = no_redirects.post(server.url("/lang/en")).form(&[("to", elsewhere)]).send().await.unwrap();
        assert_eq!(response.headers()["location"], "/", "never redirects off the site: {elsewhere}");
    }

    let missing = server.client.get(server.url("/no/such/page")).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_group_can_score_with_a_plain_form_before_scripts_load() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Uten skript").await;

    let key = server.group_key(&workshop.code, group).await;
    let sheet_path = format!("/w/{}/g/{group}/{key}", workshop.code);
    let sheet = server.client.get(server.url(&sheet_path)).send().await.unwrap().text().await.unwrap();
    let action = support::form_action(&sheet, "area-row");

    let no_redirects = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let code = workshop.code.as_str();
    let (group_text, area_text) = (group.to_string(), area.to_string());
    let form = [
        ("code", code),
        ("group", &group_text),
        ("key", &key),
        ("area", &area_text),
        ("potential", "7"),
        ("feasibility", ""),
    ];
    let posted = no_redirects
        .post(server.url(&action))
        .header("accept", "text/html")
        .header("referer", server.url(&sheet_path))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert!(posted.status().is_redirection(), "a plain form post returns to the sheet");
    // To the area just saved, which says so; the intro says how saving works without scripts.
    let back = posted.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(back, format!("{sheet_path}?saved={area}#area-{area}"));
    let returned = server.client.get(server.url(&back)).send().await.unwrap().text().await.unwrap();
    assert_eq!(returned.matches("saved-note").count(), 1, "one area says it was saved");
    assert!(returned.contains("trykk «Lagre» ved området"));
    let scores = server.sheet(code, group).await;
    assert_eq!(scores["scores"], json!([{ "area_id": area, "axis": "potential", "value": 7 }]));
}

#[tokio::test]
async fn every_page_links_the_accessibility_statement_and_the_privacy_page_with_the_operators_contact() {
    let server = support::start_with_contact("personvern@kommune.no").await;
    let home = server.client.get(server.url("/")).send().await.unwrap().text().await.unwrap();
    assert!(home.contains(r#"<a href="/tilgjengelighet">Tilgjengelighet"#), "{home}");
    assert!(home.contains(r#"<a href="/personvern">Personvern"#));
    for (path, heading) in [("/tilgjengelighet", "Tilgjengelighet"), ("/personvern", "Personvern")] {
        let page = server.client.get(server.url(path)).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::OK, "{path}");
        let html = page.text().await.unwrap();
        assert!(html.contains(&format!("<h1>{heading}")), "{html}");
        assert!(html.contains(r#"<a href="mailto:personvern@kommune.no">personvern@kommune.no"#), "{path}");
    }
    let privacy = server.client.get(server.url("/personvern")).send().await.unwrap().text().await.unwrap();
    let undo = format!("etter {} minutter", kvadrant::limits::UNDO_MINUTES);
    assert!(privacy.contains("kvadrant_lang") && privacy.contains(&undo), "cookies and undo named");
    let kept = format!("{} dager etter siste endring", kvadrant_server::config::RETENTION_DAYS);
    assert!(privacy.contains(&kept), "how long workshops are kept");

    // Without a contact, the reader is sent to whoever invited them; in English too.
    let plain = support::start().await;
    let english = plain.page_in("/tilgjengelighet", Lang::En).await;
    assert!(english.contains("<h1>Accessibility") && english.contains("the organisation that invited you"));
    assert!(!english.contains("mailto:"));
}

#[tokio::test]
async fn links_and_qr_codes_start_with_the_public_address_whatever_the_request_says() {
    let public = "https://kvadrant.example.no";
    let server = support::start_configured_as(|config| config.public_url = Some(public.to_owned())).await;
    let (workshop, _, group) = server.scorable_workshop("Offentlig adresse").await;
    let code = &workshop.code;
    let forged = |path: String| server.client.get(server.url(&path)).header("host", "angriper.example").send();
    let screen = forged(format!("/w/{code}/screen")).await.unwrap().text().await.unwrap();
    assert!(screen.contains(&format!("{public}/w/{code}")), "the big screen's join link");
    assert!(!screen.contains("angriper.example"));
    let cards = server.get_as(&workshop.secret, &format!("/w/{code}/manage/{}/cards", workshop.secret)).await;
    let cards = cards.text().await.unwrap();
    assert!(cards.contains(&format!("{public}/w/{code}/g/{group}/")), "a group card's link");

    // Without it, the address the request came to.
    let plain = support::start().await;
    let workshop = plain.create_workshop("Forespørselens adresse").await;
    let screen = plain.client.get(plain.url(&format!("/w/{}/screen", workshop.code))).send().await.unwrap();
    assert!(screen.text().await.unwrap().contains(&format!("{}/w/{}", plain.base, workshop.code)));
}
