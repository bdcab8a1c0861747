//! axe-core (from npm, `scripts/tools.sh`) run in the browser on every page of a workshop, in
//! every language, on a desktop and a phone, in each state the workshop passes through: any
//! violation of a WCAG 2.0 or 2.1 A or AA rule fails.

use std::path::PathBuf;

use fantoccini::Client;
use kvadrant::Lang;
use kvadrant_api::lang::LANGUAGE_COOKIE;
use serde_json::{Value, json};

use super::browser::{open_hydrated, viewport, wait_for_hydration};
use super::in_browser;
use super::tour::{STAGES, Tour};
use crate::support::TestServer;

/// The rules checked: WCAG 2.0 and 2.1, levels A and AA.
const RULES: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

#[tokio::test(flavor = "multi_thread")]
async fn every_page_passes_axe_on_a_desktop() {
    in_browser(|server, browser| check_every_page(server, browser, (1280, 800))).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_passes_axe_on_a_phone() {
    in_browser(|server, browser| check_every_page(server, browser, (390, 844))).await;
}

async fn check_every_page(server: TestServer, browser: Client, (width, height): (u32, u32)) {
    let axe = std::fs::read_to_string(axe_script()).unwrap_or_else(|error| {
        panic!("{} cannot be read ({error}): scripts/test installs axe-core", axe_script().display())
    });
    let tour = Tour::set_up(&server).await;
    // First, that axe runs and would report: an image without a text alternative.
    open_hydrated(&browser, &server.url("/")).await;
    viewport(&browser, width, height).await;
    browser
        .execute("document.body.insertAdjacentHTML('beforeend', '<img src=\"/favicon.svg\">')", Vec::new())
        .await
        .unwrap();
    let found = violations(&browser, &axe).await;
    assert!(
        found.iter().any(|violation| violation.starts_with("image-alt")),
        "axe missed an image without alt: {found:?}"
    );
    let mut failures = Vec::new();
    for stage in STAGES {
        tour.enter(&server, stage).await;
        for lang in Lang::ALL {
            choose_language(&browser, &server, lang).await;
            for stop in tour.stops(stage) {
                open_hydrated(&browser, &server.url(&stop.path)).await;
                let place = format!("{}, {}, {width}×{height}", stop.name, lang.code());
                failures.extend(violations(&browser, &axe).await.into_iter().map(|v| format!("{place}: {v}")));
            }
        }
    }
    assert!(failures.is_empty(), "axe found {} violations:\n{}", failures.len(), failures.join("\n"));
}

fn axe_script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".tools/node_modules/axe-core/axe.min.js")
}

/// The visitor's choice of language, as the language switch stores it.
async fn choose_language(browser: &Client, server: &TestServer, lang: Lang) {
    // A cookie is set for the page open at the time: the server's.
    open_hydrated(browser, &server.url("/")).await;
    let cookie = format!("{LANGUAGE_COOKIE}={}; path=/", lang.code());
    browser.execute("document.cookie = arguments[0]", vec![json!(cookie)]).await.expect("the language cookie is set");
}

/// What axe finds wrong with the page open now, one line per rule and element.
async fn violations(browser: &Client, axe: &str) -> Vec<String> {
    wait_for_hydration(browser).await;
    browser.execute(axe, Vec::new()).await.expect("axe-core loads into the page");
    let run = r#"
        const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: "tag", values: arguments[0] }, resultTypes: ["violations"] })
            .then(results => done(results.violations.map(v => ({
                id: v.id,
                help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + " — " + n.failureSummary.replace(/\s+/g, " ")),
            }))))
            .catch(error => done([{ id: "axe-error", help: String(error), nodes: [] }]));
    "#;
    let found = browser.execute_async(run, vec![json!(RULES)]).await.expect("axe runs");
    found
        .as_array()
        .expect("axe's violations")
        .iter()
        .flat_map(|violation: &Value| {
            let rule =
                format!("{} ({})", violation["id"].as_str().unwrap_or("?"), violation["help"].as_str().unwrap_or(""));
            let nodes: Vec<String> = violation["nodes"]
                .as_array()
                .map(|nodes| nodes.iter().filter_map(|node| node.as_str().map(str::to_owned)).collect())
                .unwrap_or_default();
            if nodes.is_empty() {
                vec![rule]
            } else {
                nodes.into_iter().map(|node| format!("{rule}: {node}")).collect()
            }
        })
        .collect()
}
