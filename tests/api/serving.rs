//! Serving: a client gets a bounded time to send its request, an answer a bounded time to start,
//! and the server stops cleanly on SIGTERM and SIGINT, ending its live streams.
//!
//! The stopping tests run the real `kvadrant-server` binary. They build it first with the
//! `cargo` running the tests (a no-op when `cargo test --workspace` built it already), into the
//! target directory this test binary sits in.

use std::io::Read;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use kvadrant_server::Serving;
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::process::{Child, Command};

use crate::support::{self, TestDir, TestServer};

/// What the server promises: stopped within ten seconds, whatever happens.
const STOPPED_WITHIN: Duration = Duration::from_secs(10);
/// Far longer than any timeout under test: only a server that never acts runs into it.
const PATIENCE: Duration = Duration::from_secs(20);

async fn connect(server: &TestServer) -> TcpStream {
    TcpStream::connect(server.base.trim_start_matches("http://")).await.unwrap()
}

/// Reads until the server closes the connection: what it sent, and how long it took.
async fn read_until_closed(stream: &mut TcpStream) -> (String, Duration) {
    let started = Instant::now();
    let mut received = Vec::new();
    let read = tokio::time::timeout(PATIENCE, async {
        let mut buffer = [0u8; 4096];
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received.extend_from_slice(&buffer[..n]),
            }
        }
    })
    .await;
    assert!(read.is_ok(), "the server closes the connection");
    (String::from_utf8_lossy(&received).into_owned(), started.elapsed())
}

#[tokio::test]
async fn a_half_sent_header_and_an_idle_connection_are_closed_after_the_header_timeout() {
    let header_timeout = Duration::from_millis(500);
    let server = support::start_serving(Serving { header_timeout, ..Serving::default() }).await;
    let (workshop, area, group) = server.scorable_workshop("Tidsfrist").await;
    let mut live = server.follow(&format!("/api/v1/workshops/{}/live", workshop.code)).await;
    let first = live.next().await;

    let mut half = connect(&server).await;
    half.write_all(b"GET /api/v1/openapi.json HTTP/1.1\r\nHost: kvadrant\r\nX-Slow: ").await.unwrap();
    let (answer, waited) = read_until_closed(&mut half).await;
    assert!(waited >= header_timeout, "closed after {waited:?}, before the timeout");
    assert!(!answer.contains("200 OK"), "{answer}");

    let mut idle = connect(&server).await;
    idle.write_all(b"GET /api/v1/openapi.json HTTP/1.1\r\nHost: kvadrant\r\n\r\n").await.unwrap();
    let (answer, waited) = read_until_closed(&mut idle).await;
    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
    assert!(waited >= header_timeout, "an idle connection stays until the timeout: {waited:?}");

    // A live stream is an answer still being sent, not a connection waiting for a header.
    let version =
        server.score(&workshop.code, group, json!([{ "area_id": area, "axis": "potential", "value": 4 }])).await;
    let event = live.until("view", |event| event.id >= version).await;
    assert!(event.id > first.id);
}

#[tokio::test]
async fn an_answer_that_takes_too_long_is_refused_and_live_streams_run_on() {
    let request_timeout = Duration::from_millis(300);
    let server = support::start_serving(Serving { request_timeout, ..Serving::default() }).await;
    let (workshop, area, group) = server.scorable_workshop("Tålmodighet").await;
    let mut live = server.follow(&format!("/api/v1/workshops/{}/live", workshop.code)).await;
    let first = live.next().await;

    // A body announced and never sent keeps the handler waiting.
    let mut slow = connect(&server).await;
    let head = "POST /api/v1/workshops HTTP/1.1\r\nHost: kvadrant\r\nContent-Type: application/json\r\n\
        Content-Length: 100\r\n\r\n{\"title\": ";
    slow.write_all(head.as_bytes()).await.unwrap();
    let (answer, _) = read_until_closed(&mut slow).await;
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.to_lowercase().contains("retry-after: "), "{answer}");
    let body: Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert_eq!(body["error"], "busy");

    // The stream has outlived the request timeout, and still follows the workshop.
    let version =
        server.score(&workshop.code, group, json!([{ "area_id": area, "axis": "potential", "value": 4 }])).await;
    let event = live.until("view", |event| event.id >= version).await;
    assert!(event.id > first.id);
}

/// The real server in a process of its own, and where it listens.
async fn spawn_server(dir: &TestDir) -> (Child, String) {
    let (child, base, _) = spawn_logging_server(dir, "info").await;
    (child, base)
}

/// The real server logging at `level`, where it listens, and everything it has logged so far.
async fn spawn_logging_server(dir: &TestDir, level: &str) -> (Child, String, Arc<Mutex<String>>) {
    spawn_on(&support::fresh_database(&dir.0).await, level).await
}

/// The real server on the database at `database_url`, logging at `level`.
pub(super) async fn spawn_on(database_url: &str, level: &str) -> (Child, String, Arc<Mutex<String>>) {
    spawn_with(database_url, level, "text").await
}

/// The real server on the database at `database_url`, logging at `level` in `format`.
async fn spawn_with(database_url: &str, level: &str, format: &str) -> (Child, String, Arc<Mutex<String>>) {
    let binary = support::server_binary();
    let mut child = Command::new(binary)
        .env("KVADRANT_LOG_FORMAT", format)
        .env("KVADRANT_ADDR", "127.0.0.1:0")
        .env("DATABASE_URL", database_url)
        .env("KVADRANT_DEMO", "false")
        .env("KVADRANT_SITE_ROOT", support::site_root())
        .env("RUST_LOG", level)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("the server starts");
    let (base, log) = support::listening(&mut child).await;
    (child, base, log)
}

async fn stops_cleanly_on(signal: Signal) {
    let dir = TestDir::new();
    let (mut child, base) = spawn_server(&dir).await;
    let client = reqwest::Client::new();
    let created = client.post(format!("{base}/api/v1/workshops")).json(&json!({ "title": "Stopp" })).send();
    let created: Value = created.await.unwrap().json().await.unwrap();
    let live = client.get(format!("{base}/api/v1/workshops/{}/live", created["code"].as_str().unwrap())).send();
    let live = live.await.unwrap();
    assert_eq!(live.status(), StatusCode::OK);
    let mut live = live.bytes_stream();
    let first = tokio::time::timeout(PATIENCE, live.next()).await.expect("the first event").unwrap().unwrap();
    assert!(!first.is_empty());

    let stopping = Instant::now();
    kill(Pid::from_raw(child.id().unwrap() as i32), signal).unwrap();
    let ended = tokio::time::timeout(STOPPED_WITHIN, async {
        while let Some(chunk) = live.next().await {
            if chunk.is_err() {
                break;
            }
        }
    })
    .await;
    assert!(ended.is_ok(), "the live stream ends on {signal}");
    let status = tokio::time::timeout(STOPPED_WITHIN.saturating_sub(stopping.elapsed()), child.wait()).await;
    let status = status.unwrap_or_else(|_| panic!("the server exits within {STOPPED_WITHIN:?} of {signal}")).unwrap();
    assert!(status.success(), "{signal}: {status}");
}

#[tokio::test]
async fn sigterm_ends_live_streams_and_exits_cleanly() {
    stops_cleanly_on(Signal::SIGTERM).await;
}

#[tokio::test]
async fn sigint_ends_live_streams_and_exits_cleanly() {
    stops_cleanly_on(Signal::SIGINT).await;
}

/// A whole workshop, every role and every way a secret travels, logged at `trace`: no secret
/// appears in the log.
#[tokio::test]
async fn json_logs_name_each_request_by_the_id_its_answer_carries() {
    let dir = TestDir::new();
    let (mut child, base, log) = spawn_with(&support::fresh_database(&dir.0).await, "debug", "json").await;
    let client = reqwest::Client::new();
    let answered = client.get(format!("{base}/health/live")).send().await.unwrap();
    let id = answered.headers()["x-request-id"].to_str().unwrap().to_owned();
    // A proxy's id is kept, and answered with.
    let proxied = client.get(format!("{base}/health/live")).header("x-request-id", "proxy-7").send().await.unwrap();
    assert_eq!(proxied.headers()["x-request-id"], "proxy-7");
    kill(Pid::from_raw(child.id().unwrap() as i32), Signal::SIGTERM).unwrap();
    tokio::time::timeout(STOPPED_WITHIN, child.wait()).await.expect("the server stops").unwrap();

    let log = log.lock().unwrap().clone();
    let lines: Vec<Value> = log
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|error| panic!("not JSON ({error}): {line}")))
        .collect();
    for id in [id.as_str(), "proxy-7"] {
        let of_request = lines.iter().filter(|line| line["span"]["request_id"] == id).collect::<Vec<_>>();
        assert!(!of_request.is_empty(), "no line names request {id}: {log}");
        assert!(of_request.iter().all(|line| line["span"]["route"] == "/health/live"), "{of_request:?}");
    }
}

#[tokio::test]
async fn no_secret_reaches_the_log_even_at_trace() {
    let dir = TestDir::new();
    let (mut child, base, log) = spawn_logging_server(&dir, "trace").await;
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let api = |path: &str| format!("{base}/api/v1/workshops{path}");
    let created: Value =
        client.post(api("")).json(&json!({ "title": "Logg" })).send().await.unwrap().json().await.unwrap();
    let (code, secret) = (created["code"].as_str().unwrap(), created["secret"].as_str().unwrap());
    let open = client.put(api(&format!("/{code}/scoring"))).bearer_auth(secret).json(&json!({ "open": true }));
    assert_eq!(open.send().await.unwrap().status(), StatusCode::OK);
    let area = client.post(api(&format!("/{code}/areas"))).bearer_auth(secret).json(&json!({ "name": "Vei" }));
    let area = area.send().await.unwrap().json::<Value>().await.unwrap()["id"].clone();
    let groups = client.post(api(&format!("/{code}/groups"))).bearer_auth(secret).json(&json!({ "count": 1 }));
    let group = groups.send().await.unwrap().json::<Value>().await.unwrap()[0]["id"].clone();
    let link: Value =
        client.post(api(&format!("/{code}/groups/{group}/join"))).send().await.unwrap().json().await.unwrap();
    let key = link["key"].as_str().unwrap();
    let scores = json!({ "scores": [{ "area_id": area, "axis": "potential", "value": 5 }] });
    let written = client.put(api(&format!("/{code}/groups/{group}/scores"))).bearer_auth(key).json(&scores).send();
    assert_eq!(written.await.unwrap().status(), StatusCode::OK);
    let review: Value = client
        .get(api(&format!("/{code}/review-link")))
        .bearer_auth(secret)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let leaders = review["secret"].as_str().unwrap();
    for page in [
        format!("/w/{code}/manage/{secret}"),
        format!("/w/{code}/manage/{secret}/cards"),
        format!("/w/{code}/review/{leaders}"),
        format!("/w/{code}/g/{group}/{key}"),
        format!("/w/{code}/g/{group}/{}", "0".repeat(32)),
    ] {
        client.get(format!("{base}{page}")).send().await.unwrap();
    }
    let download =
        client.get(api(&format!("/{code}/results.xlsx"))).header("cookie", format!("kvadrant-leaders={leaders}"));
    assert_eq!(download.send().await.unwrap().status(), StatusCode::OK);
    let back = client.post(format!("{base}/lang/en")).form(&[("to", format!("/w/{code}/manage/{secret}"))]).send();
    assert_eq!(back.await.unwrap().status(), StatusCode::SEE_OTHER);
    let private =
        client.get(api(&format!("/{code}/live/private"))).header("cookie", format!("kvadrant-facilitator={secret}"));
    let mut private = private.send().await.unwrap().bytes_stream();
    tokio::time::timeout(PATIENCE, private.next()).await.expect("the facilitator's first view").unwrap().unwrap();
    drop(private);

    kill(Pid::from_raw(child.id().unwrap() as i32), Signal::SIGTERM).unwrap();
    tokio::time::timeout(STOPPED_WITHIN, child.wait()).await.expect("the server stops").unwrap();
    let log = log.lock().unwrap().clone();
    assert!(log.contains("TRACE") || log.contains("trace"), "the log is at trace level");
    assert!(log.contains("/w/{code}/manage/{secret}"), "requests are logged by their route: {log}");
    for (what, secret) in [("facilitator", secret), ("leaders", leaders), ("group", key)] {
        assert!(!log.contains(secret), "the {what}'s secret is in the log");
    }
}

#[tokio::test]
async fn built_files_go_out_compressed_once_and_whole_under_the_builds_address() {
    let server = support::start().await;
    let path = std::path::Path::new(&support::site_root()).join("pkg").join("kvadrant.js");
    let built = std::fs::read(&path).unwrap_or_else(|_| panic!("{} is built by scripts/test", path.display()));
    let home = server.client.get(server.url("/")).send().await.unwrap().text().await.unwrap();
    let script = home.split(['"', '`']).find(|part| part.starts_with("/pkg/") && part.ends_with("/kvadrant.js"));
    let script = script.unwrap_or_else(|| panic!("the home page loads the script: {home}"));
    let build = script.strip_prefix("/pkg/").and_then(|rest| rest.strip_suffix("/kvadrant.js")).unwrap();
    assert!(build.len() == 16 && build.bytes().all(|b| b.is_ascii_hexdigit()), "a digest names the build: {script}");
    let url = server.url(script);

    let compressed = server.client.get(&url).header("accept-encoding", "gzip, br").send().await.unwrap();
    assert_eq!(compressed.status(), StatusCode::OK);
    assert_eq!(compressed.headers()["content-encoding"], "gzip");
    assert_eq!(compressed.headers()["vary"], "accept-encoding");
    assert_eq!(compressed.headers()["cache-control"], "public, max-age=31536000, immutable");
    let etag = compressed.headers()["etag"].clone();
    let mut unpacked = Vec::new();
    flate2::read::GzDecoder::new(&compressed.bytes().await.unwrap()[..]).read_to_end(&mut unpacked).unwrap();
    assert_eq!(unpacked, built, "the file whole, once unpacked");

    let again = server.client.get(&url).header("accept-encoding", "gzip").header("if-none-match", etag);
    assert_eq!(again.send().await.unwrap().status(), StatusCode::NOT_MODIFIED);

    let plain = server.client.get(&url).send().await.unwrap();
    assert_eq!(plain.status(), StatusCode::OK);
    assert!(!plain.headers().contains_key("content-encoding"), "a client that takes no gzip gets the file as it is");
    assert_eq!(plain.bytes().await.unwrap(), built);

    let icon = server.client.get(server.url("/favicon.svg")).send().await.unwrap();
    assert_eq!(icon.status(), StatusCode::OK);
    assert_eq!(icon.headers()["content-type"], "image/svg+xml");
    // The icon keeps its address across builds: asked again each time, answered from the tag.
    let tag = icon.headers()["etag"].clone();
    let again = server.client.get(server.url("/favicon.svg")).header("if-none-match", tag).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);

    // Another build's address, or none, is no file (an old page never gets a new script), nor is
    // a way out of the folder or a built file of no kind the site serves.
    let (escaping, declarations) =
        (format!("/pkg/{build}/..%2f..%2fCargo.toml"), format!("/pkg/{build}/kvadrant.d.ts"));
    for elsewhere in ["/pkg/kvadrant.js", "/pkg/0123456789abcdef/kvadrant.js", &escaping, &declarations] {
        let answer = server.client.get(server.url(elsewhere)).header("accept-encoding", "gzip").send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::NOT_FOUND, "{elsewhere}");
    }
}
