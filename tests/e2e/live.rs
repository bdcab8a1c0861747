//! One workshop followed live in one browser: the facilitator's page, the big screen and three
//! laptops in two groups, each in its own window, all open at once.

use fantoccini::wd::WindowHandle;
use fantoccini::{Client, Locator};
use serde_json::json;

use super::browser::{absent, click_button, eventually, open_hydrated, wait_for, wait_for_property, wait_until_text};
use super::in_browser;
use crate::support::TestServer;

#[tokio::test(flavor = "multi_thread")]
async fn a_facilitator_a_big_screen_and_three_laptops_follow_one_workshop() {
    in_browser(follow_live).await;
}

/// The windows, by who is looking at them.
struct Windows {
    browser: Client,
    facilitator: WindowHandle,
    screen: WindowHandle,
    laptop_a: WindowHandle,
    laptop_b: WindowHandle,
    laptop_c: WindowHandle,
}

impl Windows {
    async fn open(browser: Client, server: &TestServer, urls: [String; 5]) -> Windows {
        let mut handles = Vec::new();
        for (i, url) in urls.iter().enumerate() {
            if i > 0 {
                let window = browser.new_window(false).await.expect("a new window").handle;
                browser.switch_to_window(window).await.expect("switch to the new window");
            }
            open_hydrated(&browser, &server.url(url)).await;
            handles.push(browser.window().await.expect("the window's handle"));
        }
        let [facilitator, screen, laptop_a, laptop_b, laptop_c] = handles.try_into().expect("five windows");
        Windows { browser, facilitator, screen, laptop_a, laptop_b, laptop_c }
    }

    async fn on(&self, window: &WindowHandle) -> &Client {
        self.browser.switch_to_window(window.clone()).await.expect("switch windows");
        &self.browser
    }
}

async fn follow_live(server: TestServer, browser: Client) {
    let workshop = server.create_workshop("Regionalt samarbeid").await;
    let area = server.add_id(&workshop, "/areas", json!({ "name": "Legevakt" })).await;
    server.add_id(&workshop, "/areas", json!({ "name": "Barnevern" })).await;
    let groups = server.add(&workshop, "/groups", json!({ "count": 2 })).await;
    let (first, second) = (groups[0]["id"].as_i64().unwrap(), groups[1]["id"].as_i64().unwrap());
    let code = &workshop.code;
    let (first_key, second_key) = (server.group_key(code, first).await, server.group_key(code, second).await);
    let windows = Windows::open(
        browser,
        &server,
        [
            format!("/w/{code}/manage/{}/run", workshop.secret),
            format!("/w/{code}/screen"),
            format!("/w/{code}/g/{first}/{first_key}"),
            format!("/w/{code}/g/{first}/{first_key}"),
            format!("/w/{code}/g/{second}/{second_key}"),
        ],
    )
    .await;
    let potential = format!("area-{area}-potential");
    let feasibility = format!("area-{area}-feasibility");

    // The big screen invites people in while scoring is open.
    let screen = windows.on(&windows.screen).await;
    wait_until_text(screen, ".big-screen .join-code", |text| text == code).await;
    wait_for(screen, ".big-screen .qr svg").await;
    wait_until_text(screen, ".big-screen .summary", |text| text == "0 av 2 grupper er ferdige").await;

    // Two laptops share the first group's sheet: a score set on one appears on the other.
    let laptop_a = windows.on(&windows.laptop_a).await;
    let select = laptop_a.find(Locator::Id(&potential)).await.expect("the potential select");
    select.select_by_value("8").await.expect("choose 8");
    wait_for(laptop_a, &format!("#{potential}-status[data-state='saved']")).await;
    let laptop_b = windows.on(&windows.laptop_b).await;
    wait_for_property(laptop_b, &potential, "value", "8").await;
    wait_until_text(laptop_b, ".progress", |text| text.starts_with("0 av 2")).await;

    // The third laptop scores both axes for the second group.
    let laptop_c = windows.on(&windows.laptop_c).await;
    for (id, value) in [(&potential, "9"), (&feasibility, "4")] {
        laptop_c.find(Locator::Id(id)).await.expect("a select").select_by_value(value).await.expect("choose");
        wait_for(laptop_c, &format!("#{id}-status[data-state='saved']")).await;
    }

    // The facilitator sees each group's progress and the ranking as it forms.
    let facilitator = windows.on(&windows.facilitator).await;
    wait_until_text(facilitator, ".progress-table", |text| text.contains("1 / 2") && text.contains("0 / 2")).await;
    wait_until_text(facilitator, ".dashboard table.ranked tbody", |text| text.contains("Legevakt")).await;

    // So does the big screen, until the facilitator hides the results.
    let screen = windows.on(&windows.screen).await;
    wait_until_text(screen, ".big-screen table.ranked tbody", |text| text.contains("Legevakt")).await;
    let facilitator = windows.on(&windows.facilitator).await;
    click_button(facilitator, "Skjul resultatene").await;
    let screen = windows.on(&windows.screen).await;
    wait_until_text(screen, ".big-screen .notice", |text| text.contains("skjult")).await;
    absent(screen, ".big-screen table.ranked").await;
    let facilitator = windows.on(&windows.facilitator).await;
    wait_until_text(facilitator, ".dashboard table.ranked tbody", |text| text.contains("Legevakt")).await;

    // Closing scoring reaches every sheet at once, and the screen stops inviting.
    click_button(facilitator, "Steng poenggivingen").await;
    for laptop in [&windows.laptop_a, &windows.laptop_b, &windows.laptop_c] {
        let laptop = windows.on(laptop).await;
        wait_for_property(laptop, &potential, "disabled", "true").await;
        wait_for(laptop, ".notice.closed").await;
    }
    // Closed, the scores read as plain text.
    let laptop = windows.on(&windows.laptop_a).await;
    wait_until_text(laptop, &format!("output.score-value[for='{potential}']"), |text| text == "8").await;
    absent(windows.on(&windows.screen).await, ".big-screen .invite").await;

    // A new join code: the big screen and the sheets move to it, the group's key unchanged.
    let renewed = server.facilitate(&workshop, reqwest::Method::POST, "/code", serde_json::Value::Null).await;
    let path = renewed.json::<serde_json::Value>().await.unwrap()["path"].as_str().unwrap().to_owned();
    let new = path.split('/').nth(2).unwrap().to_owned();
    for (window, moved) in [
        (&windows.screen, format!("/w/{new}/screen")),
        (&windows.laptop_c, format!("/w/{new}/g/{second}/{second_key}")),
    ] {
        let window = windows.on(window).await;
        let moved = moved.as_str();
        eventually("the page moves to the new code", || async move {
            window.current_url().await.ok().filter(|url| url.path() == moved)
        })
        .await;
    }
}
