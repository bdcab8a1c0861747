//! Headless Chromium over WebDriver: a chromedriver of our own per test, and the few
//! browser steps the tests share.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// How long any one wait may take; generous for a loaded two-core CI machine.
pub const TIMEOUT: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(50);

/// A chromedriver process on a free port, killed (and its browser profile removed) on drop.
pub struct Chromedriver {
    process: Child,
    url: String,
    profile: PathBuf,
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

impl Chromedriver {
    pub async fn start() -> Chromedriver {
        let port = free_port();
        let process = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start {CHROMEDRIVER} (install Debian's chromium-driver): {error}"));
        let profile = std::env::temp_dir().join(format!("kvadrant-chromium-{}-{port}", std::process::id()));
        let mut driver = Chromedriver { process, url: format!("http://127.0.0.1:{port}"), profile };
        driver.wait_until_ready().await;
        driver
    }

    async fn wait_until_ready(&mut self) {
        let status = format!("{}/status", self.url);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Ok(response) = reqwest::get(&status).await
                && response.status().is_success()
            {
                return;
            }
            if let Some(exit) = self.process.try_wait().expect("chromedriver's state") {
                panic!("chromedriver exited before it was ready: {exit}");
            }
            assert!(Instant::now() < deadline, "chromedriver did not answer on {status} within {TIMEOUT:?}");
            tokio::time::sleep(POLL).await;
        }
    }

    /// A new headless browser session with a fresh profile.
    pub async fn connect(&self) -> Client {
        let mut capabilities = Capabilities::new();
        capabilities.insert(
            "goog:chromeOptions".to_owned(),
            json!({
                "binary": CHROMIUM,
                "args": [
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--window-size=1280,900",
                    format!("--user-data-dir={}", self.profile.display()),
                ],
            }),
        );
        ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&self.url)
            .await
            .unwrap_or_else(|error| panic!("cannot open {CHROMIUM} through chromedriver: {error}"))
    }
}

/// A port nothing listens on right now: bound by the system, then released for chromedriver.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|listener| listener.local_addr()).expect("a free port").port()
}

/// Loads `url` and waits until the app has hydrated, so its event handlers are attached.
pub async fn open_hydrated(browser: &Client, url: &str) {
    browser.goto(url).await.unwrap_or_else(|error| panic!("cannot open {url}: {error}"));
    wait_for_hydration(browser).await;
}

pub async fn wait_for_hydration(browser: &Client) {
    let hydrated = browser.wait().at_most(TIMEOUT).every(POLL).for_element(Locator::Css("body[data-hydrated='true']"));
    if let Err(error) = hydrated.await {
        panic!(
            "the page did not hydrate within {TIMEOUT:?} ({error}). The likely cause is a hydration error: \
             the WASM and this server must be built alike (see `disable-erase-components` in Cargo.toml)"
        );
    }
}

/// The first element matching `css`, waiting up to [`TIMEOUT`] for it to appear.
pub async fn wait_for(browser: &Client, css: &str) -> Element {
    browser
        .wait()
        .at_most(TIMEOUT)
        .every(POLL)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|error| panic!("no element matched {css} within {TIMEOUT:?}: {error}"))
}

/// Sets the page's viewport (not the window's outer size) to `width` × `height`.
pub async fn viewport(browser: &Client, width: u32, height: u32) {
    browser.set_window_size(width, height).await.unwrap();
    let inner = browser.execute("return [window.innerWidth, window.innerHeight]", vec![]).await.unwrap();
    let (inner_width, inner_height) = (inner[0].as_u64().unwrap() as u32, inner[1].as_u64().unwrap() as u32);
    if (inner_width, inner_height) != (width, height) {
        browser.set_window_size(2 * width - inner_width, 2 * height - inner_height).await.unwrap();
    }
}

/// Presses and releases one key on whatever has the focus, as a keyboard would.
pub async fn press(browser: &Client, key: impl Into<char>) {
    let key = key.into();
    let keystroke =
        KeyActions::new("keyboard".to_owned()).then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key });
    browser.perform_actions(keystroke).await.unwrap_or_else(|error| panic!("cannot press {key:?}: {error}"));
}

/// The `id` of the focused element, if it has one.
pub async fn focused_id(browser: &Client) -> Option<String> {
    let focused = browser.active_element().await.expect("the focused element");
    focused.attr("id").await.expect("the focused element's id")
}

/// Waits until the element with `id` has the focus.
pub async fn wait_for_focus(browser: &Client, id: &str) {
    eventually(
        &format!("#{id} focused"),
        || async move { (focused_id(browser).await.as_deref() == Some(id)).then_some(()) },
    )
    .await
}

/// Presses Tab until the element with `id` has the focus.
pub async fn tab_to(browser: &Client, id: &str) {
    const MAX_TABS: usize = 20;
    for _ in 0..MAX_TABS {
        press(browser, Key::Tab).await;
        if focused_id(browser).await.as_deref() == Some(id) {
            return;
        }
    }
    panic!("#{id} was not reached in {MAX_TABS} presses of Tab");
}

/// Asks `probe` every [`POLL`] until it answers, for at most [`TIMEOUT`]; `awaited` names what
/// it waits for in the failure.
pub async fn eventually<T, Answer>(awaited: &str, mut probe: impl FnMut() -> Answer) -> T
where
    Answer: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let Some(answer) = probe().await {
            return answer;
        }
        assert!(Instant::now() < deadline, "{awaited}: not within {TIMEOUT:?}");
        tokio::time::sleep(POLL).await;
    }
}

/// Waits until the first element matching `css` satisfies `accept`, which sees its text.
pub async fn wait_until_text(browser: &Client, css: &str, accept: impl Fn(&str) -> bool) -> Element {
    let accept = &accept;
    eventually(&format!("{css} showing what was expected"), || async move {
        let element = browser.find(Locator::Css(css)).await.ok()?;
        let text = element.text().await.ok()?;
        accept(&text).then_some(element)
    })
    .await
}

/// Waits for an element matching `css` with the attribute `name`, and answers its value; an
/// element a re-render replaces meanwhile is looked up again.
pub async fn wait_for_attr(browser: &Client, css: &str, name: &str) -> String {
    eventually(&format!("{css} with a {name}"), || async move {
        let element = browser.find(Locator::Css(css)).await.ok()?;
        element.attr(name).await.ok()?
    })
    .await
}

/// Waits until the element with `id` has the DOM property `name` equal to `expected`.
pub async fn wait_for_property(browser: &Client, id: &str, name: &str, expected: &str) {
    eventually(&format!("#{id}.{name} becoming {expected:?}"), || async move {
        let element = browser.find(Locator::Id(id)).await.ok()?;
        (element.prop(name).await.ok()?.as_deref() == Some(expected)).then_some(())
    })
    .await
}

pub async fn absent(browser: &Client, css: &str) {
    eventually(
        &format!("{css} going away"),
        || async move { browser.find(Locator::Css(css)).await.is_err().then_some(()) },
    )
    .await
}

pub async fn click_button(browser: &Client, text: &str) {
    let xpath = format!("//button[normalize-space()='{text}']");
    browser.find(Locator::XPath(&xpath)).await.expect("the button").click().await.expect("the button clicks");
}
