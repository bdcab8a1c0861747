//! The facilitator's workspace and the big screen, as a first-time facilitator meets them:
//! preparing from a pasted list, a mistaken removal undone, the three parts by address, a
//! projector's screen that fits, and pages that never scroll sideways on a small phone.

use std::time::Duration;

use fantoccini::{Client, Locator};
use reqwest::Method;
use serde_json::{Value, json};

use super::browser::{
    click_button, eventually, open_hydrated, viewport, wait_for, wait_for_focus, wait_for_property, wait_until_text,
};
use super::in_browser;
use crate::support::{TestServer, Workshop};

#[tokio::test(flavor = "multi_thread")]
async fn a_facilitator_prepares_from_a_pasted_list_and_undoes_a_removal() {
    in_browser(prepare_and_undo).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_big_screen_fits_projectors_and_no_page_scrolls_sideways_on_a_phone() {
    in_browser(screens_and_phones).await;
}

/// A workshop made as the home page makes one: closed for scoring.
async fn new_workshop(server: &TestServer, title: &str) -> Workshop {
    let created = server.client.post(server.url("/api/v1/workshops")).json(&json!({ "title": title })).send().await;
    let created: Value = created.unwrap().json().await.unwrap();
    Workshop {
        code: created["code"].as_str().unwrap().to_owned(),
        secret: created["secret"].as_str().unwrap().to_owned(),
    }
}

async fn workshop_json(server: &TestServer, workshop: &Workshop) -> Value {
    server.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await
}

/// Waits until the server's view of the workshop passes `accept`.
async fn until_workshop(server: &TestServer, workshop: &Workshop, accept: impl Fn(&Value) -> bool) -> Value {
    let accept = &accept;
    eventually("the workshop as expected", || async move {
        let current = workshop_json(server, workshop).await;
        accept(&current).then_some(current)
    })
    .await
}

async fn prepare_and_undo(server: TestServer, browser: Client) {
    let workshop = new_workshop(&server, "Prioritering av samarbeidsområder").await;
    let manage = format!("/w/{}/manage/{}", workshop.code, workshop.secret);
    open_hydrated(&browser, &server.url(&manage)).await;
    // A new workshop says what is missing, and is closed.
    let missing = browser.find_all(Locator::Css(".checklist li[data-state='missing']")).await.unwrap();
    assert_eq!(missing.len(), 3);

    // A pasted list, some lines with their category.
    let pasted = "Helse: Jordmortjeneste\nHelse: Rus og psykiatri\nReiseliv";
    browser.find(Locator::Id("new-areas")).await.unwrap().send_keys(pasted).await.unwrap();
    click_button(&browser, "Legg til områdene").await;
    let prepared = until_workshop(&server, &workshop, |w| w["areas"].as_array().unwrap().len() == 3).await;
    assert_eq!(prepared["categories"][0]["name"], "Helse");
    assert_eq!(prepared["areas"][1]["category_id"], prepared["categories"][0]["id"]);
    wait_until_text(&browser, ".announcement", |text| text == "3 områder er lagt til.").await;
    wait_for_property(&browser, "new-areas", "value", "").await;
    // The workspace is drawn again after every change, and focus stays where it was.
    wait_for_focus(&browser, "new-areas-add").await;

    // One more with a description: the form clears and says so, and the next area does not
    // inherit the description.
    browser.find(Locator::Id("new-area-name")).await.unwrap().send_keys("Kultur").await.unwrap();
    browser
        .find(Locator::Id("new-area-description"))
        .await
        .unwrap()
        .send_keys("Bibliotek og kulturskole")
        .await
        .unwrap();
    click_button(&browser, "Legg til område").await;
    until_workshop(&server, &workshop, |w| w["areas"].as_array().unwrap().len() == 4).await;
    wait_until_text(&browser, ".announcement", |text| text == "«Kultur» er lagt til.").await;
    wait_for_property(&browser, "new-area-name", "value", "").await;
    wait_for_property(&browser, "new-area-description", "value", "").await;

    // A category name taken already is refused, and the field keeps what was typed.
    browser.find(Locator::Id("new-category-name")).await.unwrap().send_keys("Helse").await.unwrap();
    click_button(&browser, "Legg til kategori").await;
    wait_until_text(&browser, "#categories-heading ~ .error", |text| !text.is_empty()).await;
    wait_for_property(&browser, "new-category-name", "value", "Helse").await;
    assert_eq!(workshop_json(&server, &workshop).await["categories"].as_array().unwrap().len(), 1);

    // Two groups score "Rus og psykiatri"; one comments on it.
    let groups = server.add(&workshop, "/groups", json!({ "count": 2 })).await;
    let opened = server.facilitate(&workshop, Method::PUT, "/scoring", json!({ "open": true })).await;
    assert_eq!(opened.status(), 200);
    let area = prepared["areas"][1]["id"].as_i64().unwrap();
    for (group, value) in groups.as_array().unwrap().iter().zip([6, 9]) {
        let group = group["id"].as_i64().unwrap();
        let cells = json!([
            { "area_id": area, "axis": "potential", "value": value },
            { "area_id": area, "axis": "feasibility", "value": 7 },
        ]);
        server.score(&workshop.code, group, cells).await;
    }
    let first = groups[0]["id"].as_i64().unwrap();
    let comment = json!({ "rationale": "Felles tilbud trengs" });
    let said = server.as_group(&workshop.code, first, Method::PUT, &format!("/comments/{area}"), comment).await;
    assert_eq!(said.status(), 200);
    let before = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;

    // Removing asks first, and says what goes with it.
    open_hydrated(&browser, &server.url(&manage)).await;
    assert!(browser.find_all(Locator::Css(".checklist")).await.unwrap().is_empty(), "nothing is missing now");
    let remove = format!("li:has(#area-{area}-name) details.remove");
    browser.find(Locator::Css(&format!("{remove} summary"))).await.unwrap().click().await.unwrap();
    let warning = wait_for(&browser, &format!("{remove}[open] p")).await.text().await.unwrap();
    assert!(warning.starts_with("2 grupper har gitt poeng til dette området, og det har 1 kommentarer"), "{warning}");
    click_button(&browser, "Fjern «Rus og psykiatri»").await;
    until_workshop(&server, &workshop, |w| w["areas"].as_array().unwrap().len() == 3).await;
    wait_until_text(&browser, ".undo p", |text| {
        text.starts_with("«Rus og psykiatri» er fjernet, med poengene fra 2 grupper og 1 kommentarer")
    })
    .await;
    // The removed area's controls went with it: focus goes to the undo.
    wait_for_focus(&browser, "undo-removal").await;

    // Moving an area down keeps focus on its button, in its new place.
    let first = prepared["areas"][0]["id"].as_i64().unwrap();
    let down = format!("areas-{first}-down");
    browser.find(Locator::Id(&down)).await.unwrap().click().await.unwrap();
    until_workshop(&server, &workshop, |w| w["areas"][1]["id"] == first).await;
    wait_for_focus(&browser, &down).await;
    let moved_back = format!("areas-{first}-up");
    browser.find(Locator::Id(&moved_back)).await.unwrap().click().await.unwrap();
    until_workshop(&server, &workshop, |w| w["areas"][0]["id"] == first).await;
    wait_for_focus(&browser, &moved_back).await;

    // The undo is still there ten seconds later, and puts back the area, its scores and comment.
    tokio::time::sleep(Duration::from_secs(10)).await;
    click_button(&browser, "Angre fjerningen av «Rus og psykiatri»").await;
    let back = until_workshop(&server, &workshop, |w| w["areas"].as_array().unwrap().len() == 4).await;
    assert_eq!(back["areas"][1]["id"], area);
    let after = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    assert_eq!(after["ranked"], before["ranked"]);
    assert_eq!(after["comments"], before["comments"]);
    wait_until_text(&browser, ".announcement", |text| text.starts_with("Satt tilbake")).await;
    absent_undo(&browser).await;
    // The undo went with its use: focus goes to the workspace's heading.
    wait_for_focus(&browser, "workspace-heading").await;

    // Each part has its own address, and a reload stays in it.
    for (suffix, part, marker) in [("/run", "Gjennomfør", ".run-controls"), ("/review", "Etterarbeid", ".leaders")] {
        open_hydrated(&browser, &server.url(&format!("{manage}{suffix}"))).await;
        browser.refresh().await.unwrap();
        super::browser::wait_for_hydration(&browser).await;
        wait_until_text(&browser, "nav.parts a[aria-current='page']", |text| text == part).await;
        wait_for(&browser, marker).await;
    }
    // Review has the groups' comments under the results.
    wait_until_text(&browser, ".area-comments", |text| text.contains("Felles tilbud trengs")).await;

    // Deleting asks for a tick first; with it, the workshop goes and the home page opens.
    wait_until_text(&browser, ".delete", |text| text.contains("slettes automatisk")).await;
    click_button(&browser, "Slett workshopen").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let status = server.client.get(server.url(&format!("/api/v1/workshops/{}", workshop.code))).send().await;
    assert_eq!(status.unwrap().status(), reqwest::StatusCode::OK, "nothing is deleted without the tick");
    wait_for(&browser, ".delete input[name='confirm']").await.click().await.unwrap();
    click_button(&browser, "Slett workshopen").await;
    eventually("the home page", || async {
        let url = browser.current_url().await.ok()?;
        (url.path() == "/").then_some(())
    })
    .await;
    let status = server.client.get(server.url(&format!("/api/v1/workshops/{}", workshop.code))).send().await;
    assert_eq!(status.unwrap().status(), reqwest::StatusCode::NOT_FOUND);
    // Nor does the home page offer it among this browser's workshops any more.
    super::browser::wait_for_hydration(&browser).await;
    wait_for(&browser, ".my-workshops").await;
    let held = browser.find_all(Locator::Css(&format!(".held-workshop[data-code='{}']", workshop.code))).await;
    assert!(held.unwrap().is_empty(), "the deleted workshop is forgotten");
}

async fn absent_undo(browser: &Client) {
    super::browser::absent(browser, ".undo").await;
}

async fn measure(browser: &Client, script: &str) -> Value {
    browser.execute(script, vec![]).await.unwrap_or_else(|error| panic!("{script}: {error}"))
}

/// 16:9 projectors and a 4:3 one.
const PROJECTORS: [(u32, u32); 4] = [(1280, 720), (1366, 768), (1920, 1080), (1024, 768)];

/// The whole big screen in view at `width` × `height`: no scrolling, nothing cut off, the top
/// five whole with their combined score, text readable at 1080p, and while `inviting` a QR code
/// of at least a quarter of the height.
async fn assert_fits(browser: &Client, width: u32, height: u32, inviting: bool) {
    wait_for(browser, ".big-screen table.ranked tbody tr").await;
    let fit = measure(
        browser,
        "const screen = document.querySelector('.big-screen');
         const row = document.querySelector('.big-screen table.ranked tbody tr:last-child');
         const cells = [...row.children].filter(cell => cell.offsetParent !== null);
         const qr = document.querySelector('.big-screen .qr svg');
         return {
           page: document.documentElement.scrollHeight, inner: innerHeight, width: innerWidth,
           wide: document.documentElement.scrollWidth,
           inside: screen.scrollHeight <= screen.clientHeight && screen.scrollWidth <= screen.clientWidth,
           lastRight: cells[cells.length - 1].getBoundingClientRect().right,
           lastBottom: row.getBoundingClientRect().bottom,
           qr: qr ? qr.getBoundingClientRect().height : 0,
           rows: document.querySelectorAll('.big-screen table.ranked tbody tr').length,
           body: parseFloat(getComputedStyle(screen).fontSize)
         };",
    )
    .await;
    let at = format!("{width}×{height}: {fit}");
    assert!(fit["page"].as_f64() <= fit["inner"].as_f64(), "no vertical scroll at {at}");
    assert!(fit["wide"].as_f64() <= fit["width"].as_f64(), "no sideways scroll at {at}");
    assert_eq!(fit["inside"], true, "nothing cut off inside the screen at {at}");
    assert!(fit["lastRight"].as_f64().unwrap() <= width as f64, "the combined score is in view at {at}");
    assert!(fit["lastBottom"].as_f64().unwrap() <= height as f64, "the fifth row is in view at {at}");
    assert_eq!(fit["rows"], 5);
    if inviting {
        assert!(fit["qr"].as_f64().unwrap() >= height as f64 / 4.0, "the QR code is a quarter of the height at {at}");
    }
    if height == 1080 {
        assert!(fit["body"].as_f64().unwrap() >= 24.0, "body text readable from the back at {at}");
    }
}

async fn screens_and_phones(server: TestServer, browser: Client) {
    let workshop = server.create_workshop("Prioritering av samarbeidsområder i Vestlandsregionen").await;
    let description = "Ni grupper vurderer tretten områder på potensial og gjennomførbarhet.";
    let described =
        json!({ "title": "Prioritering av samarbeidsområder i Vestlandsregionen", "description": description });
    assert_eq!(server.facilitate(&workshop, Method::PATCH, "", described).await.status(), 200);
    let category = server.add_id(&workshop, "/categories", json!({ "name": "Helse og velferd" })).await;
    let mut areas = Vec::new();
    for name in ["Jordmortjeneste", "Rus og psykiatri", "Barnevern og familievern", "Innkjøp", "Reiseliv", "Kultur"] {
        areas.push(server.add_id(&workshop, "/areas", json!({ "name": name, "category_id": category })).await);
    }
    let groups = server.add(&workshop, "/groups", json!({ "count": 9 })).await;
    for (n, group) in groups.as_array().unwrap().iter().enumerate() {
        let group = group["id"].as_i64().unwrap();
        let cells: Vec<Value> = areas
            .iter()
            .enumerate()
            .flat_map(|(i, area)| {
                let value = (n + i) % 10 + 1;
                [
                    json!({ "area_id": area, "axis": "potential", "value": value }),
                    json!({ "area_id": area, "axis": "feasibility", "value": 11 - value }),
                ]
            })
            .collect();
        server.score(&workshop.code, group, json!(cells)).await;
    }
    let code = &workshop.code;
    let screen = server.url(&format!("/w/{code}/screen"));

    // Open, results shown: the way in and the top five share the screen, and all of it fits.
    for (width, height) in PROJECTORS {
        viewport(&browser, width, height).await;
        open_hydrated(&browser, &screen).await;
        assert_fits(&browser, width, height, true).await;
    }
    wait_until_text(&browser, ".big-screen .description", |text| text == description).await;

    // Closed: the screen says so, stops inviting, and the matrix joins the top five.
    let closed = server.facilitate(&workshop, Method::PUT, "/scoring", json!({ "open": false })).await;
    assert_eq!(closed.status(), 200);
    wait_until_text(&browser, ".big-screen .closed-note", |text| text == "Poenggivingen er stengt.").await;
    super::browser::absent(&browser, ".big-screen .invite").await;
    for (width, height) in PROJECTORS {
        viewport(&browser, width, height).await;
        open_hydrated(&browser, &screen).await;
        assert_fits(&browser, width, height, false).await;
        let matrix = measure(
            &browser,
            "return document.querySelector('.big-screen .matrix svg').getBoundingClientRect().height",
        )
        .await;
        assert!(matrix.as_f64().unwrap() >= height as f64 / 3.0, "the matrix is large at {width}×{height}: {matrix}");
    }

    // The results page (and so its print) carries the description too.
    open_hydrated(&browser, &server.url(&format!("/w/{code}/results"))).await;
    wait_until_text(&browser, ".results .description", |text| text == description).await;

    // On a 320 px phone no page scrolls sideways.
    let group = groups[0]["id"].as_i64().unwrap();
    let key = server.group_key(code, group).await;
    let review = server.review_secret(&workshop).await;
    let manage = format!("/w/{code}/manage/{}", workshop.secret);
    viewport(&browser, 320, 700).await;
    for path in [
        "/".to_owned(),
        format!("/w/{code}"),
        format!("/w/{code}/g/{group}/{key}"),
        format!("/w/{code}/results"),
        format!("/w/{code}/review/{review}"),
        format!("/w/{code}/screen"),
        manage.clone(),
        format!("{manage}/run"),
        format!("{manage}/review"),
        format!("{manage}/cards"),
    ] {
        open_hydrated(&browser, &server.url(&path)).await;
        let wide = measure(
            &browser,
            "const over = [...document.querySelectorAll('body *')]
               .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5 || e.scrollWidth > e.clientWidth + 1)
               .filter(e => e.className != 'visually-hidden' && !e.closest('.table-wrap'))
               .map(e => e.tagName + '.' + e.className).slice(0, 6);
             return [document.documentElement.scrollWidth, innerWidth, over]",
        )
        .await;
        assert!(wide[0].as_u64() <= wide[1].as_u64(), "{path} scrolls sideways at 320 px: {wide}");
    }
}
