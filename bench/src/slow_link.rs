//! How long the participant's pages take to become interactive on a slow link: a real
//! Chromium, driven over WebDriver (plain HTTP to chromedriver), with the network emulated,
//! opens the join page and the sheet of a workshop made for the purpose and waits until the
//! page says it has hydrated (`body[data-hydrated]`). Each run starts with an empty cache.

use std::path::{Path, PathBuf};
use std::process::{ExitCode, Stdio};
use std::time::{Duration, Instant};

use clap::Args;
use reqwest::{Client, Method};
use serde_json::{Value, json};
use tokio::process::{Child, Command};

use crate::client::{self, url};
use crate::failure::Failure;
use crate::server::{ServerProcess, free_port};
use crate::workdir::WorkDir;
use crate::workshop::Workshop;

/// How long one page may take before the run counts as failed.
const PAGE_TIMEOUT: Duration = Duration::from_secs(120);
const POLL: Duration = Duration::from_millis(25);

#[derive(Debug, Args)]
pub struct SlowLinkArgs {
    /// The built site to serve (a release front end, e.g. `target/release-site`).
    #[arg(long, default_value = "target/site")]
    pub site_root: PathBuf,
    /// The link's speed, both ways, in kilobits per second.
    #[arg(long, default_value_t = 400)]
    pub kbit: u32,
    /// The link's round-trip latency in milliseconds.
    #[arg(long, default_value_t = 300)]
    pub latency_ms: u32,
    /// Times each path is measured, each in a fresh browser.
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
    /// The WebDriver server for Chromium.
    #[arg(long, default_value = "chromedriver")]
    pub chromedriver: PathBuf,
}

/// One way into the sheet: the pages a participant opens, in order.
struct Visit {
    name: &'static str,
    pages: Vec<String>,
}

pub async fn run(args: SlowLinkArgs) -> ExitCode {
    match measure(&args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("kvadrant-bench slow-link: {failure}");
            ExitCode::FAILURE
        }
    }
}

async fn measure(args: &SlowLinkArgs) -> Result<(), Failure> {
    let workdir = WorkDir::create()?;
    let database = format!("sqlite://{}", workdir.path().join("slow-link.db").display());
    let server = ServerProcess::kvadrant(&database, &args.site_root, &workdir, 1).await?;
    let client = client::requests(1)?;
    let workshop = Workshop::create(&client, server.addr(), 0, 9).await?;
    let (join, sheet) = (
        url(server.addr(), &format!("/w/{}", workshop.code)),
        url(server.addr(), &format!("/w/{}/g/{}/{}", workshop.code, workshop.groups[0].id, workshop.groups[0].key)),
    );
    let visits = [
        Visit { name: "join page", pages: vec![join.clone()] },
        Visit { name: "sheet, from its link", pages: vec![sheet.clone()] },
        Visit { name: "join page, then sheet", pages: vec![join, sheet] },
    ];
    println!(
        "link: {} kbit/s, {} ms round trip; time from navigation until the page is interactive",
        args.kbit, args.latency_ms
    );
    let driver = Chromedriver::start(&args.chromedriver, &workdir).await?;
    let mut sessions = 0;
    for visit in &visits {
        let mut times: Vec<Vec<f64>> = Vec::new();
        for _ in 0..args.runs {
            sessions += 1;
            let browser = driver.session(&workdir, sessions).await?;
            let outcome = browser.time_pages(args, &visit.pages).await;
            browser.quit().await;
            times.push(outcome?);
        }
        let shown: Vec<String> = times
            .iter()
            .map(|run| run.iter().map(|ms| format!("{:.2} s", ms / 1000.0)).collect::<Vec<_>>().join(" + "))
            .collect();
        println!("{:<24} {}", visit.name, shown.join(" | "));
    }
    server.stop().await;
    Ok(())
}

/// A chromedriver process on a free port, stopped on drop.
struct Chromedriver {
    process: Child,
    url: String,
    client: Client,
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.process.start_kill();
    }
}

impl Chromedriver {
    async fn start(program: &Path, workdir: &WorkDir) -> Result<Chromedriver, Failure> {
        let port = free_port()?.port();
        let process = Command::new(program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(workdir.path().join("chromedriver.log"))?)
            .spawn()
            .map_err(|error| {
                Failure::setup(format!("cannot start {} (Debian's chromium-driver): {error}", program.display()))
            })?;
        let driver = Chromedriver { process, url: format!("http://127.0.0.1:{port}"), client: client::requests(1)? };
        let deadline = Instant::now() + Duration::from_secs(30);
        while !driver.client.get(format!("{}/status", driver.url)).send().await.is_ok_and(|r| r.status().is_success()) {
            if Instant::now() > deadline {
                return Err(Failure::setup("chromedriver did not start within 30 s"));
            }
            tokio::time::sleep(POLL).await;
        }
        Ok(driver)
    }

    /// A headless browser with a profile of its own, so its cache starts empty.
    async fn session(&self, workdir: &WorkDir, number: usize) -> Result<Session<'_>, Failure> {
        let profile = workdir.path().join(format!("chromium-{number}"));
        let capabilities = json!({ "capabilities": { "alwaysMatch": { "goog:chromeOptions": { "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=390,844", format!("--user-data-dir={}", profile.display()),
        ] } } } });
        let created = command(&self.client, Method::POST, &format!("{}/session", self.url), capabilities).await?;
        let id = created["sessionId"]
            .as_str()
            .ok_or_else(|| Failure::setup(format!("chromedriver made no session: {created}")))?;
        Ok(Session { driver: self, path: format!("{}/session/{id}", self.url) })
    }
}

struct Session<'a> {
    driver: &'a Chromedriver,
    path: String,
}

impl Session<'_> {
    async fn call(&self, method: Method, path: &str, body: Value) -> Result<Value, Failure> {
        command(&self.driver.client, method, &format!("{}{path}", self.path), body).await
    }

    /// Opens each of `pages` in turn on the emulated link; for each, the milliseconds from
    /// navigation until the page is interactive.
    async fn time_pages(&self, args: &SlowLinkArgs, pages: &[String]) -> Result<Vec<f64>, Failure> {
        let bytes_per_second = args.kbit * 1000 / 8;
        let conditions = json!({ "network_conditions": {
            "offline": false,
            "latency": args.latency_ms,
            "download_throughput": bytes_per_second,
            "upload_throughput": bytes_per_second,
        } });
        self.call(Method::POST, "/chromium/network_conditions", conditions).await?;
        let mut times = Vec::with_capacity(pages.len());
        for page in pages {
            self.call(Method::POST, "/url", json!({ "url": page })).await?;
            times.push(self.interactive_at(page).await?);
        }
        Ok(times)
    }

    /// When, in the page's own clock (from navigation), it was first seen hydrated.
    async fn interactive_at(&self, page: &str) -> Result<f64, Failure> {
        let probe = json!({
            "script": "return document.body && document.body.dataset.hydrated === 'true' ? performance.now() : null",
            "args": [],
        });
        let deadline = Instant::now() + PAGE_TIMEOUT;
        loop {
            if let Some(ms) = self.call(Method::POST, "/execute/sync", probe.clone()).await?.as_f64() {
                return Ok(ms);
            }
            if Instant::now() > deadline {
                return Err(Failure::setup(format!("{page} was not interactive within {PAGE_TIMEOUT:?}")));
            }
            tokio::time::sleep(POLL).await;
        }
    }

    async fn quit(self) {
        let _ = self.call(Method::DELETE, "", Value::Null).await;
    }
}

/// One WebDriver command; its `value`, or what went wrong.
async fn command(client: &Client, method: Method, url: &str, body: Value) -> Result<Value, Failure> {
    let request = client.request(method.clone(), url);
    let request = if body.is_null() { request } else { request.json(&body) };
    let response = request.send().await?;
    let status = response.status();
    let mut answer: Value = response.json().await?;
    if !status.is_success() {
        return Err(Failure::setup(format!("WebDriver {method} {url}: HTTP {}: {}", status.as_u16(), answer["value"])));
    }
    Ok(answer["value"].take())
}
