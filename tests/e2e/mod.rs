//! Browser tests in headless Chromium: the built site (`cargo leptos build`), hydrated and
//! driven as a participant would; and every page checked from outside, by axe-core in the
//! browser and the Nu HTML checker on the server's markup.

mod accessibility;
mod browser;
mod live;
mod markup;
mod self_contained;
mod toolkit;
mod tour;
mod workspace;

use std::path::Path;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::json;

use self::browser::{Chromedriver, focused_id, open_hydrated, press, tab_to, wait_for, wait_for_hydration};
use crate::support::{self, TestServer};

/// The scores typed in; single digits, since typing "1" would pick 1 and never 10.
const POTENTIAL: u8 = 8;
const FEASIBILITY: u8 = 6;

/// What the set-up made that the test looks for.
struct Scenario {
    code: String,
    /// The first area of the first category: the first score on the sheet.
    area: i64,
    area_name: &'static str,
    /// The group that scores; the second, so following the right link matters.
    group: i64,
}

#[tokio::test(flavor = "multi_thread")]
async fn a_group_scores_by_keyboard_and_the_result_shows_it() {
    in_browser(score_and_check).await;
}

/// Runs `steps` on a fresh server in a fresh headless browser. The steps run in their own
/// task so that the browser is closed even when one fails.
pub(crate) async fn in_browser<Steps, Done>(steps: Steps)
where
    Steps: FnOnce(TestServer, Client) -> Done,
    Done: Future<Output = ()> + Send + 'static,
{
    assert_site_built();
    let server = support::start().await;
    assert_scripts_served(&server).await;
    let driver = Chromedriver::start().await;
    let browser = driver.connect().await;
    let outcome = tokio::spawn(steps(server, browser.clone())).await;
    browser.close().await.expect("the browser closes");
    if let Err(failure) = outcome {
        std::panic::resume_unwind(failure.into_panic());
    }
}

/// Without the script and WASM the pages never hydrate, and every step would time out.
fn assert_site_built() {
    let pkg = Path::new(&support::site_root()).join("pkg");
    for file in ["kvadrant.js", "kvadrant.wasm"] {
        assert!(
            pkg.join(file).is_file(),
            "{} is missing: run `LEPTOS_SITE_ROOT=target/test-site cargo leptos build --frontend-only --split` (scripts/test does) before the browser tests",
            pkg.join(file).display()
        );
    }
}

/// The page names the script and WASM it loads; a build whose file names differ would
/// otherwise show only as a hydration time-out.
async fn assert_scripts_served(server: &TestServer) {
    let page = server.client.get(server.url("/")).send().await.expect("the home page").text().await.unwrap();
    let assets: Vec<&str> =
        page.split('"').filter(|part| part.starts_with("/pkg/") && !part.ends_with(".css")).collect();
    assert!(assets.iter().any(|asset| asset.ends_with(".wasm")), "the home page loads no WASM: {page}");
    for asset in assets {
        let status = server.client.get(server.url(asset)).send().await.expect("an asset").status();
        assert!(
            status.is_success(),
            "the page loads {asset}, but the server answers {status}: cargo-leptos writes kvadrant.wasm, and \
             leptos asks for that name only if LEPTOS_OUTPUT_NAME (set in .cargo/config.toml) was set when it \
             was compiled"
        );
    }
}

async fn set_up_workshop(server: &TestServer) -> Scenario {
    let workshop = server.create_workshop("Interkommunalt samarbeid").await;
    let health = server.add(&workshop, "/categories", json!({ "name": "Helse og velferd" })).await["id"].clone();
    let business = server.add(&workshop, "/categories", json!({ "name": "Næring" })).await["id"].clone();
    let area_name = "Legevakt";
    let area = server.add(&workshop, "/areas", json!({ "name": area_name, "category_id": health })).await;
    server.add(&workshop, "/areas", json!({ "name": "Barnevern", "category_id": health })).await;
    server.add(&workshop, "/areas", json!({ "name": "Reiseliv", "category_id": business })).await;
    let groups = server.add(&workshop, "/groups", json!({ "count": 2 })).await;
    Scenario {
        code: workshop.code,
        area: area["id"].as_i64().expect("an area id"),
        area_name,
        group: groups[1]["id"].as_i64().expect("a group id"),
    }
}

async fn score_and_check(server: TestServer, browser: Client) {
    let Scenario { code, area, area_name, group } = set_up_workshop(&server).await;
    let potential = format!("area-{area}-potential");
    let feasibility = format!("area-{area}-feasibility");

    // Join like a participant: the workshop's page, then the group, which opens its sheet at
    // the group's own link and offers that link to bring the others in.
    open_hydrated(&browser, &server.url(&format!("/w/{code}"))).await;
    let pick = wait_for(&browser, &format!("form:has(input[name='group'][value='{group}']) button.group-link")).await;
    pick.click().await.expect("the group can be picked");
    let sheet_link = wait_for(&browser, ".group-invite .group-url a").await;
    let sheet_link = sheet_link.attr("href").await.unwrap().expect("the group's link");
    assert!(sheet_link.contains(&format!("/w/{code}/g/{group}/")), "{sheet_link}");
    assert!(browser.current_url().await.unwrap().as_str().ends_with(&sheet_link[sheet_link.find("/w/").unwrap()..]));
    wait_for_hydration(&browser).await;

    // Keyboard only: Tab to the first score, type it, Tab on to the next and type that.
    tab_to(&browser, &potential).await;
    press(&browser, digit(POTENTIAL)).await;
    press(&browser, Key::Tab).await;
    assert_eq!(focused_id(&browser).await.as_deref(), Some(feasibility.as_str()), "Tab goes on to feasibility");
    press(&browser, digit(FEASIBILITY)).await;
    for select in [&potential, &feasibility] {
        let status = wait_for(&browser, &format!("#{select}-status[data-state='saved']")).await;
        // The live region the score describes itself by says how the save ended, and only that.
        assert_eq!(status.attr("aria-live").await.unwrap().as_deref(), Some("polite"));
        assert_eq!(status.text().await.unwrap(), "Lagret");
    }

    // The group's sheet comes back as it was left.
    browser.refresh().await.expect("the sheet reloads");
    wait_for_hydration(&browser).await;
    for (select, value) in [(&potential, POTENTIAL), (&feasibility, FEASIBILITY)] {
        let shown = browser.find(Locator::Id(select)).await.expect("the score's select").prop("value").await;
        assert_eq!(shown.expect("a select's value").as_deref(), Some(value.to_string().as_str()), "#{select}");
    }

    // The results page ranks the area with its means in Norwegian, and marks it in the matrix.
    open_hydrated(&browser, &server.url(&format!("/w/{code}/results"))).await;
    let row = wait_for(&browser, "table.ranked tbody tr").await;
    assert_eq!(row.find(Locator::Css("th")).await.expect("the area's name").text().await.unwrap(), area_name);
    let cells = row.find_all(Locator::Css("td")).await.expect("the row's cells");
    let mut texts = Vec::new();
    for cell in &cells {
        texts.push(cell.text().await.expect("a cell's text"));
    }
    // Rank, category, the means of 8 and 6 and their product with decimal commas, quadrant, groups.
    let expected = ["1", "Helse og velferd", "8,00", "6,00", "48,0", "Lett å gjennomføre og høyt potensial", "1"];
    assert_eq!(texts[..7], expected, "the ranked row: {texts:?}");
    let marker = wait_for(&browser, "figure.matrix svg g.marker").await;
    let label = marker.attr("aria-label").await.unwrap().expect("the marker's label");
    assert!(label.contains(area_name), "the matrix marker is labelled {label:?}");

    // The JSON results agree exactly.
    let results = server.get_json(&format!("/api/v1/workshops/{code}/results")).await;
    let ranked = results["ranked"].as_array().expect("a ranked list");
    assert_eq!(ranked.len(), 1, "only one area is scored: {ranked:?}");
    assert_eq!(ranked[0]["area_id"], area);
    assert_eq!(ranked[0]["groups"], 1);
    assert_eq!(ranked[0]["potential"]["mean"], f64::from(POTENTIAL));
    assert_eq!(ranked[0]["feasibility"]["mean"], f64::from(FEASIBILITY));
}

fn digit(score: u8) -> char {
    char::from_digit(score.into(), 10).expect("a single-digit score")
}
