//! One workshop followed live in one browser: the facilitator's page, the big screen and three
//! laptops in two groups, each in its own window, all open at once.

use std::time::Instant;

use fantoccini::elements::Element;
use fantoccini::wd::WindowHandle;
use fantoccini::{Client, Locator};
use serde_json::json;

use super::browser::{Chromedriver, TIMEOUT, open_hydrated, wait_for};
use super::{assert_scripts_served, assert_site_built};
use crate::support::{self, TestServer};

#[tokio::test(flavor = "multi_thread")]
async fn a_facilitator_a_big_screen_and_three_laptops_follow_one_workshop() {
    assert_site_built();
    let server = support::start().await;
    assert_scripts_served(&server).await;
    let driver = Chromedriver::start().await;
    let browser = driver.connect().await;
    let steps = tokio::spawn(follow_live(server, browser.clone())).await;
    browser.close().await.expect("the browser closes");
    if let Err(failure) = steps {
        std::panic::resume_unwind(failure.into_panic());
    }
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

/// Waits until the first element matching `css` satisfies `accept`, which sees its text.
async fn wait_until_text(browser: &Client, css: &str, accept: impl Fn(&str) -> bool) -> Element {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let Ok(element) = browser.find(Locator::Css(css)).await
            && let Ok(text) = element.text().await
            && accept(&text)
        {
            return element;
        }
        assert!(Instant::now() < deadline, "{css} did not show what was expected within {TIMEOUT:?}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Waits until the element with `id` has the DOM property `name` equal to `expected`.
async fn wait_for_property(browser: &Client, id: &str, name: &str, expected: &str) {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let element = browser.find(Locator::Id(id)).await.expect("the element");
        let value = element.prop(name).await.expect("a property");
        if value.as_deref() == Some(expected) {
            return;
        }
        assert!(Instant::now() < deadline, "#{id}.{name} stayed {value:?}, not {expected:?}, for {TIMEOUT:?}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

async fn absent(browser: &Client, css: &str) {
    let deadline = Instant::now() + TIMEOUT;
    while browser.find(Locator::Css(css)).await.is_ok() {
        assert!(Instant::now() < deadline, "{css} is still shown after {TIMEOUT:?}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

async fn click_button(browser: &Client, text: &str) {
    let xpath = format!("//button[normalize-space()='{text}']");
    browser.find(Locator::XPath(&xpath)).await.expect("the button").click().await.expect("the button clicks");
}

async fn follow_live(server: TestServer, browser: Client) {
    let workshop = server.create_workshop("Regionalt samarbeid").await;
    let area = server.add_id(&workshop, "/areas", json!({ "name": "Legevakt" })).await;
    server.add_id(&workshop, "/areas", json!({ "name": "Barnevern" })).await;
    let groups = server.add(&workshop, "/groups", json!({ "count": 2 })).await;
    let (first, second) = (groups[0]["id"].as_i64().unwrap(), groups[1]["id"].as_i64().unwrap());
    let code = &workshop.code;
    let windows = Windows::open(
        browser,
        &server,
        [
            format!("/w/{code}/manage/{}", workshop.secret),
            format!("/w/{code}/screen"),
            format!("/w/{code}/g/{first}"),
            format!("/w/{code}/g/{first}"),
            format!("/w/{code}/g/{second}"),
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
    absent(windows.on(&windows.screen).await, ".big-screen .invite").await;
}
