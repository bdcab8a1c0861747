//! The facilitator's toolkit in a browser: a workshop made from another's setup, tagged
//! groups, a comment and a proposed area from a sheet, the leaders' link with its segments
//! and workbook, a copy for next time, and the results printed to an A4 PDF.

use std::io::Cursor;
use std::process::Command;

use calamine::{Reader, Xlsx};
use fantoccini::wd::{PrintConfiguration, PrintSize};
use fantoccini::{Client, Locator};
use reqwest::Method;
use serde_json::{Value, json};

use super::browser::{
    click_button, eventually, open_hydrated, wait_for, wait_for_attr, wait_for_hydration, wait_for_property,
    wait_until_text,
};
use super::in_browser;
use crate::support::{TestServer, Workshop};
use crate::toolkit::exports::{rows, string};

#[tokio::test(flavor = "multi_thread")]
async fn a_workshop_from_a_template_runs_with_tagged_groups_and_reaches_its_leaders() {
    in_browser(template_to_leaders).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_results_page_prints_to_an_a4_report_with_the_matrix_and_the_list() {
    in_browser(print_report).await;
}

/// Last year's workshop: its categories and areas are the template.
async fn template(server: &TestServer) -> Workshop {
    let template = server.create_workshop("Samarbeidsområder 2025").await;
    let health = server.add_id(&template, "/categories", json!({ "name": "Helse og velferd" })).await;
    let business = server.add_id(&template, "/categories", json!({ "name": "Næring" })).await;
    for (name, category) in [("Legevakt", health), ("Barnevern", health), ("Reiseliv", business)] {
        server.add(&template, "/areas", json!({ "name": name, "category_id": category })).await;
    }
    template
}

async fn template_to_leaders(server: TestServer, browser: Client) {
    let template = template(&server).await;
    let setup = server.get_as(&template.secret, &format!("/api/v1/workshops/{}/setup", template.code)).await;
    let setup = setup.text().await.expect("the setup");

    // The home page takes the pasted setup and opens the new workshop's facilitator page.
    open_hydrated(&browser, &server.url("/")).await;
    wait_until_text(&browser, ".my-workshops .empty", |text| text.starts_with("Ingen ennå")).await;
    let field = browser.find(Locator::Id("setup")).await.expect("the setup field");
    browser
        .execute(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
            vec![serde_json::to_value(&field).expect("an element reference"), json!(setup)],
        )
        .await
        .expect("the setup is pasted");
    click_button(&browser, "Lag workshop fra oppsettet").await;
    let workshop = wait_for_manage_page(&browser, |_| true).await;
    let code = workshop.code.clone();
    assert_ne!(code, template.code);
    let imported = server.get_json(&format!("/api/v1/workshops/{code}")).await;
    let names = |workshop: &Value| -> Vec<String> {
        workshop["areas"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(names(&imported), ["Legevakt", "Barnevern", "Reiseliv"]);
    assert_eq!(imported["categories"].as_array().unwrap().len(), 2);

    // Two groups, tagged by role.
    browser.find(Locator::Id("group-names")).await.unwrap().send_keys("Gruppe 1\nGruppe 2").await.unwrap();
    click_button(&browser, "Legg til grupper").await;
    let groups =
        wait_for_json(&server, &format!("/api/v1/workshops/{code}"), |w| w["groups"].as_array().unwrap().len() == 2)
            .await["groups"]
            .clone();
    let group_ids: Vec<i64> = groups.as_array().unwrap().iter().map(|g| g["id"].as_i64().unwrap()).collect();
    for (group, role) in group_ids.iter().zip(["Administrasjon", "Folkevalgte"]) {
        // Tags sit folded under each group's line.
        let fold = format!("details:has(#group-{group}-tags) summary");
        wait_for(&browser, &fold).await.click().await.unwrap();
        let tags = wait_for(&browser, &format!("#group-{group}-tags")).await;
        tags.send_keys(&format!("Rolle: {role}")).await.unwrap();
        let save = format!("form:has(#group-{group}-tags) button[type='submit']");
        browser.find(Locator::Css(&save)).await.unwrap().click().await.unwrap();
        wait_for_json(&server, &format!("/api/v1/workshops/{code}"), |w| {
            w["groups"].as_array().unwrap().iter().any(|g| g["id"] == *group && g["tags"][0]["value"] == role)
        })
        .await;
        // The page reloads the workshop after each change; the next step waits for it to settle.
        wait_for_property(&browser, &format!("group-{group}-tags"), "value", &format!("Rolle: {role}")).await;
    }

    // The settings form: the vertical axis renamed and its midline moved, with a decimal comma;
    // segments of one group shown, as this workshop's groups each stand for a role.
    browser.find(Locator::Id("potential-label")).await.unwrap().send_keys("Nytte").await.unwrap();
    browser.find(Locator::Id("potential-midline")).await.unwrap().send_keys("6,5").await.unwrap();
    let fewest = browser.find(Locator::Id("min-segment-groups")).await.unwrap();
    fewest.clear().await.unwrap();
    fewest.send_keys("1").await.unwrap();
    browser.find(Locator::Css(".settings-form button[type='submit']")).await.unwrap().click().await.unwrap();
    wait_for_json(&server, &format!("/api/v1/workshops/{code}"), |w| {
        w["settings"]["potential_label"] == "Nytte"
            && w["settings"]["potential_midline"] == 6.5
            && w["settings"]["certainty"]["min_segment_groups"] == 1
    })
    .await;

    // An imported workshop starts closed: the checklist says so, and Run opens it.
    wait_until_text(&browser, ".checklist li[data-state='missing']", |text| text.starts_with("Åpne poenggivingen"))
        .await;
    open_hydrated(&browser, &server.url(&format!("/w/{code}/manage/{}/run", workshop.secret))).await;
    click_button(&browser, "Åpne poenggivingen").await;
    wait_for_json(&server, &format!("/api/v1/workshops/{code}"), |w| w["scoring_open"] == true).await;

    // The home page now lists the workshop this browser facilitates, and not the template.
    open_hydrated(&browser, &server.url("/")).await;
    let held = wait_until_text(&browser, &format!(".held-workshop[data-code='{code}']"), |text| {
        text.contains("Poenggivingen er åpen") && text.contains("2 grupper")
    })
    .await;
    assert!(browser.find(Locator::Css(&format!(".held-workshop[data-code='{}']", template.code))).await.is_err());

    // A group scores, comments and proposes an area from its sheet.
    held.find(Locator::Css("a.button")).await.unwrap().click().await.unwrap();
    wait_for_manage_page(&browser, |shown| shown == code).await;
    let area = |name: &str| {
        imported["areas"].as_array().unwrap().iter().find(|a| a["name"] == name).unwrap()["id"].as_i64().unwrap()
    };
    let (legevakt, barnevern) = (area("Legevakt"), area("Barnevern"));
    let key = server.group_key(&code, group_ids[0]).await;
    open_hydrated(&browser, &server.url(&format!("/w/{code}/g/{}/{key}", group_ids[0]))).await;
    for (axis, value) in [("potential", "8"), ("feasibility", "6")] {
        let id = format!("area-{legevakt}-{axis}");
        browser.find(Locator::Id(&id)).await.unwrap().select_by_value(value).await.unwrap();
        wait_for(&browser, &format!("#{id}-status[data-state='saved']")).await;
    }
    browser
        .find(Locator::Css(&format!("details:has(#comment-{legevakt}-rationale) summary")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let rationale = "Felles vaktordning gir bedre dekning";
    browser
        .find(Locator::Id(&format!("comment-{legevakt}-rationale")))
        .await
        .unwrap()
        .send_keys(rationale)
        .await
        .unwrap();
    browser
        .find(Locator::Id(&format!("comment-{legevakt}-risks")))
        .await
        .unwrap()
        .send_keys("Lang reisevei")
        .await
        .unwrap();
    browser
        .find(Locator::Id(&format!("comment-{legevakt}-timeframe")))
        .await
        .unwrap()
        .select_by_value("short")
        .await
        .unwrap();
    let comment_form = format!("form:has(#comment-{legevakt}-rationale)");
    browser.find(Locator::Css(&format!("{comment_form} button[type='submit']"))).await.unwrap().click().await.unwrap();
    wait_until_text(&browser, &format!("{comment_form} .save-state"), |text| text == "Kommentaren er lagret.").await;
    browser.find(Locator::Id("suggest-name")).await.unwrap().send_keys("Felles innkjøp").await.unwrap();
    click_button(&browser, "Send forslag").await;
    wait_until_text(&browser, ".suggest [role='status']", |text| text.starts_with("Takk!")).await;
    let results = server.get_json(&format!("/api/v1/workshops/{code}/results")).await;
    assert_eq!(results["comments"][0]["rationale"], rationale);
    assert_eq!(results["comments"][0]["timeframe"], "short");
    server
        .score(
            &code,
            group_ids[1],
            json!([
                { "area_id": legevakt, "axis": "potential", "value": 4 },
                { "area_id": legevakt, "axis": "feasibility", "value": 8 },
                { "area_id": barnevern, "axis": "potential", "value": 7 },
                { "area_id": barnevern, "axis": "feasibility", "value": 7 },
            ]),
        )
        .await;

    // The facilitator sees the proposal live and puts it on the list under Næring.
    open_hydrated(&browser, &server.url(&format!("/w/{code}/manage/{}/run", workshop.secret))).await;
    let proposal =
        wait_until_text(&browser, ".suggestions li.suggestion", |text| text.contains("Felles innkjøp")).await;
    let business =
        imported["categories"].as_array().unwrap().iter().find(|c| c["name"] == "Næring").unwrap()["id"].to_string();
    proposal.find(Locator::Css("select")).await.unwrap().select_by_value(&business).await.unwrap();
    proposal.find(Locator::Css("button[type='submit']")).await.unwrap().click().await.unwrap();
    let listed =
        wait_for_json(&server, &format!("/api/v1/workshops/{code}"), |w| w["areas"].as_array().unwrap().len() == 4)
            .await;
    assert_eq!(names(&listed)[3], "Felles innkjøp");
    assert_eq!(listed["areas"][3]["category_id"].to_string(), business);
    wait_for(&browser, ".suggestions li.suggestion[data-status='accepted']").await;

    // The leaders' link, under Review: both roles side by side, each with n = 1.
    open_hydrated(&browser, &server.url(&format!("/w/{code}/manage/{}/review", workshop.secret))).await;
    let review = wait_for_attr(&browser, "a.review-link", "href").await;
    open_hydrated(&browser, &server.url(&review)).await;
    wait_until_text(&browser, ".badge", |text| text == "Lesetilgang for ledere").await;
    browser.find(Locator::Id("segment")).await.unwrap().select_by_value("Rolle=Administrasjon").await.unwrap();
    browser.find(Locator::Id("compare")).await.unwrap().select_by_value("Rolle=Folkevalgte").await.unwrap();
    click_button(&browser, "Vis").await;
    wait_for(&browser, ".segments.side-by-side").await;
    let segments = browser.find_all(Locator::Css(".segments .segment")).await.unwrap();
    assert_eq!(segments.len(), 2);
    for (segment, (label, potential)) in
        segments.iter().zip([("Rolle: Administrasjon", "8,00"), ("Rolle: Folkevalgte", "4,00")])
    {
        let heading = segment.find(Locator::Css("h2")).await.unwrap().text().await.unwrap();
        assert_eq!(heading, format!("{label} (n = 1)"));
        let table = segment.find(Locator::Css("table.ranked tbody")).await.unwrap().text().await.unwrap();
        let row = table.lines().find(|row| row.contains("Legevakt")).unwrap_or_default();
        assert!(row.contains(&format!("Helse og velferd {potential}")), "{label}: {table}");
    }

    // The workbook behind the leaders' link has the ranking and the group's comment.
    let xlsx =
        browser.find(Locator::Css("a[href*='/results.xlsx']")).await.unwrap().attr("href").await.unwrap().unwrap();
    assert!(!xlsx.contains("secret"), "the link carries no secret: {xlsx}");
    // The browser holds the leaders' secret for the downloads in an HttpOnly cookie under the
    // workshop's API: the raw scores, which need it, open there.
    browser.goto(&server.url(&format!("/api/v1/workshops/{code}/scores"))).await.unwrap();
    let raw = browser.find(Locator::Css("body")).await.unwrap().text().await.unwrap();
    assert!(raw.contains("\"scores\""), "the leaders' cookie opens the raw scores: {raw}");
    let cookies = browser.get_all_cookies().await.unwrap();
    let leaders = cookies.iter().find(|cookie| cookie.name() == "kvadrant-leaders").expect("the leaders' cookie");
    assert_eq!(leaders.http_only(), Some(true));
    let cookie = format!("kvadrant-leaders={}", leaders.value());
    let response = server.client.get(server.url(&xlsx)).header("cookie", cookie).send().await.unwrap();
    assert_eq!(response.status(), 200, "{xlsx}");
    let mut workbook = Xlsx::new(Cursor::new(response.bytes().await.unwrap().to_vec())).expect("a workbook");
    let ranking: Vec<String> = rows(&mut workbook, "Rangering").iter().flatten().map(|cell| cell.to_string()).collect();
    assert!(ranking.iter().any(|cell| cell == "Legevakt"), "{ranking:?}");
    assert!(ranking.iter().any(|cell| cell == "Nytte (snitt)"), "the axis has the workshop's name: {ranking:?}");
    let comments = rows(&mut workbook, "Kommentarer");
    assert!(comments.iter().flatten().any(|cell| string(cell) == rationale), "{comments:?}");

    // A copy for next year: the same areas, no groups.
    open_hydrated(&browser, &server.url(&format!("/w/{code}/manage/{}/review", workshop.secret))).await;
    click_button(&browser, "Lag kopi").await;
    // The copy's page, whenever the browser got there: not the one it was on.
    let copy = wait_for_manage_page(&browser, |shown| shown != code).await;
    let copied = server.get_json(&format!("/api/v1/workshops/{}", copy.code)).await;
    assert_eq!(names(&copied), names(&listed));
    assert_eq!(copied["groups"].as_array().unwrap().len(), 0);
}

/// Waits until the browser shows a facilitator page whose join code passes `accept`, and reads
/// its code and secret from the address.
async fn wait_for_manage_page(browser: &Client, accept: impl Fn(&str) -> bool) -> Workshop {
    let accept = &accept;
    let workshop = eventually("a facilitator page", || async move {
        let url = browser.current_url().await.ok()?;
        let parts: Vec<&str> = url.path().split('/').collect();
        let ["", "w", code, "manage", secret] = parts[..] else { return None };
        accept(code).then(|| Workshop { code: code.to_owned(), secret: secret.to_owned() })
    })
    .await;
    wait_for_hydration(browser).await;
    workshop
}

/// Polls `path` until its JSON satisfies `accept`, and returns it.
async fn wait_for_json(server: &TestServer, path: &str, accept: impl Fn(&Value) -> bool) -> Value {
    let accept = &accept;
    eventually(&format!("GET {path} changing as expected"), || async move {
        Some(server.get_json(path).await).filter(|value| accept(value))
    })
    .await
}

async fn print_report(server: TestServer, browser: Client) {
    let workshop = template(&server).await;
    let code = workshop.code.clone();
    let areas = server.get_json(&format!("/api/v1/workshops/{code}")).await["areas"].clone();
    let id = |i: usize| areas[i]["id"].as_i64().unwrap();
    let groups = server.add(&workshop, "/groups", json!({ "names": ["Indre", "Ytre"] })).await;
    for (group, values) in groups.as_array().unwrap().iter().zip([[8, 6, 3, 9], [6, 8, 5, 5]]) {
        let group = group["id"].as_i64().unwrap();
        let [p0, f0, p1, f1] = values;
        server
            .score(
                &code,
                group,
                json!([
                    { "area_id": id(0), "axis": "potential", "value": p0 },
                    { "area_id": id(0), "axis": "feasibility", "value": f0 },
                    { "area_id": id(1), "axis": "potential", "value": p1 },
                    { "area_id": id(1), "axis": "feasibility", "value": f1 },
                ]),
            )
            .await;
    }
    let group = groups[0]["id"].as_i64().unwrap();
    let comment = json!({ "rationale": "Felles vaktordning", "risks": "Lang reisevei", "timeframe": "short" });
    let response = server.as_group(&code, group, Method::PUT, &format!("/comments/{}", id(0)), comment).await;
    assert_eq!(response.status(), 200);

    open_hydrated(&browser, &server.url(&format!("/w/{code}/results"))).await;
    wait_for(&browser, "figure.matrix svg g.marker").await;
    let a4 = PrintConfiguration::builder().size(PrintSize::A4).background(true).build().expect("a print setup");
    let pdf = browser.print(a4).await.expect("Chromium prints the page");
    let file = std::env::temp_dir().join(format!("kvadrant-report-{code}.pdf"));
    std::fs::write(&file, &pdf).expect("the PDF is written");

    let info = poppler("pdfinfo", &[file.to_str().unwrap()]);
    assert!(info.contains("(A4)"), "an A4 page: {info}");
    let pages: usize = info.lines().find_map(|line| line.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!((1..=3).contains(&pages), "a short report, not {pages} pages: {info}");
    let text = poppler("pdftotext", &["-layout", file.to_str().unwrap(), "-"]);
    let _ = std::fs::remove_file(&file);

    // Title, date and groups; the matrix with its axes and markers; the ranked list; the comment.
    assert!(text.contains("Samarbeidsområder 2025"), "the title: {text}");
    assert!(text.contains("Utskrift "), "the date: {text}");
    assert!(text.contains("Grupper: Indre, Ytre"), "the groups: {text}");
    assert!(text.contains("Prioriteringsmatrise"), "the matrix: {text}");
    assert!(text.contains("Gjennomførbarhet"), "the matrix's axis: {text}");
    assert!(text.contains("Rangering"), "the list: {text}");
    // Legevakt 7 × 7 = 49 ranks above Barnevern 4 × 7 = 28.
    let (first, second) = (text.find("49,0").expect("Legevakt's score"), text.find("28,0").expect("Barnevern's score"));
    assert!(first < second, "ranked in order: {text}");
    assert!(text.contains("Felles vaktordning"), "the comment: {text}");
    let unscored = text.find("Ikke vurdert ennå").expect("the unscored areas' heading");
    assert!(text[unscored..].contains("Reiseliv"), "Reiseliv is listed as not scored: {text}");
    // The screen's controls stay off paper.
    for control in ["Skriv ut", "Last ned", "Vis"] {
        assert!(!text.lines().any(|line| line.trim() == control), "{control:?} is printed: {text}");
    }
}

/// Runs a poppler tool and returns what it printed.
fn poppler(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {tool} (install Debian's poppler-utils): {error}"));
    assert!(output.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 text")
}
