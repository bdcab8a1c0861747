//! Starting a server for a test, and talking to it. Servers keep their workshops in a fresh
//! SQLite file, or, when `KVADRANT_TEST_POSTGRES` holds a PostgreSQL URL, in a fresh database
//! on that server.

mod events;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

pub use events::{Event, EventStream};

use kvadrant_server::{Application, Config, Serving};
use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};

/// A sheet's cells as the API answers them (`{"scores": [{area_id, axis, value}]}`), by area and axis.
pub fn cells(sheet: &Value) -> HashMap<(i64, String), i64> {
    let cell = |s: &Value| {
        ((s["area_id"].as_i64().unwrap(), s["axis"].as_str().unwrap().to_owned()), s["value"].as_i64().unwrap())
    };
    sheet["scores"].as_array().unwrap().iter().map(cell).collect()
}

/// A running server with its own database file, removed when dropped.
pub struct TestServer {
    pub base: String,
    pub client: Client,
    /// The database the server keeps its workshops in.
    pub database_url: String,
    /// Where the metrics are served, when on a listener of their own (`--metrics-addr`).
    pub metrics_base: Option<String>,
    dir: PathBuf,
    /// The link key of each group this test has joined, by join code and group.
    group_keys: tokio::sync::Mutex<HashMap<(String, i64), String>>,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Where scripts/test builds the tests' site, within the workspace.
const TEST_SITE: &str = "target/test-site";

/// The site scripts/test builds for the tests (styles, scripts, WASM), apart from the one a
/// release build takes in; pages render without it.
pub fn site_root() -> String {
    format!("{}/{TEST_SITE}", env!("CARGO_MANIFEST_DIR"))
}

pub async fn start() -> TestServer {
    start_with(false).await
}

pub async fn start_with(demo: bool) -> TestServer {
    let dir = fresh_dir();
    let database_url = fresh_database(&dir).await;
    start_on(&database_url, demo, dir, Serving::default()).await
}

/// A server on a SQLite file of its own whatever `KVADRANT_TEST_POSTGRES` says, for what only a
/// file can show (a backup, a restore); on a copy of `file` when given, else on a fresh one.
pub async fn start_sqlite(file: Option<&std::path::Path>) -> TestServer {
    let dir = fresh_dir();
    let database = dir.join("kvadrant.db");
    if let Some(file) = file {
        std::fs::copy(file, &database).expect("copy the database file");
    }
    start_on(&format!("sqlite://{}", database.display()), false, dir, Serving::default()).await
}

/// A server with its own timeouts and limits (see `Serving`), on a fresh database.
pub async fn start_serving(serving: Serving) -> TestServer {
    let dir = fresh_dir();
    let database_url = fresh_database(&dir).await;
    start_on(&database_url, false, dir, serving).await
}

/// Two servers sharing one fresh PostgreSQL database, and its URL. Only for the tests under
/// `live::instances`, which the PostgreSQL pass of `scripts/test` runs and the SQLite pass skips.
pub async fn start_pair() -> (TestServer, TestServer, String) {
    let admin = postgres_url().expect("KVADRANT_TEST_POSTGRES names the PostgreSQL server several instances share");
    let url = fresh_postgres(&admin).await;
    let (a, b) = (fresh_dir(), fresh_dir());
    let pair = (start_on(&url, false, a, Serving::default()).await, start_on(&url, false, b, Serving::default()).await);
    (pair.0, pair.1, url)
}

/// Ends every connection to the database at `url`, as a restart of its server does, without
/// touching other tests' databases on the same server.
pub async fn drop_connections(url: &str) {
    use sqlx::{Connection, PgConnection};
    let admin = postgres_url().expect("a PostgreSQL server");
    let name = url.rsplit_once('/').expect("a database name").1;
    let mut connection = PgConnection::connect(&admin).await.expect("the PostgreSQL server accepts connections");
    sqlx::query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
    )
    .bind(name)
    .execute(&mut connection)
    .await
    .expect("end the database's connections");
}

/// A server on a fresh database, configured as `configure` says (its operator's settings).
pub async fn start_configured_as(configure: impl FnOnce(&mut Config)) -> TestServer {
    let dir = fresh_dir();
    let mut config = config(&fresh_database(&dir).await, false);
    configure(&mut config);
    start_configured(config, dir, Serving::default()).await
}

/// A server whose operator gives `contact` for feedback and privacy questions.
pub async fn start_with_contact(contact: &str) -> TestServer {
    start_configured_as(|config| config.contact = Some(contact.to_owned())).await
}

/// A second server on `database_url` (another server's), keeping workshops `days` after their
/// last change: it deletes those past that as it starts.
pub async fn start_retaining(database_url: &str, days: u32) -> TestServer {
    let config = Config { retention_days: days, ..config(database_url, false) };
    start_configured(config, fresh_dir(), Serving::default()).await
}

/// A server that serves its metrics on a listener of their own (`--metrics-addr`), not on its address.
pub async fn start_with_metrics_addr() -> TestServer {
    start_configured_as(|config| config.metrics_addr = Some("127.0.0.1:0".parse().unwrap())).await
}

fn config(database_url: &str, demo: bool) -> Config {
    Config {
        addr: "127.0.0.1:0".parse().unwrap(),
        metrics_addr: None,
        database_url: database_url.to_owned(),
        demo,
        site_root: Some(site_root().into()),
        contact: None,
        retention_days: kvadrant_server::config::RETENTION_DAYS,
        public_url: None,
        admin_token: None,
    }
}

async fn start_on(database_url: &str, demo: bool, dir: PathBuf, serving: Serving) -> TestServer {
    start_configured(config(database_url, demo), dir, serving).await
}

async fn start_configured(config: Config, dir: PathBuf, serving: Serving) -> TestServer {
    let database_url = config.database_url.clone();
    let application = Application::build_with(config, serving).await.expect("the server starts");
    let base = format!("http://{}", application.address());
    let metrics_base = application.metrics_address().map(|address| format!("http://{address}"));
    tokio::spawn(application.run());
    TestServer { base, client: Client::new(), database_url, metrics_base, dir, group_keys: Default::default() }
}

/// A server running in a process of its own (the real binary), at `base`, on `database_url`:
/// talked to with the same helpers.
pub fn in_process_at(base: String, database_url: &str) -> TestServer {
    let database_url = database_url.to_owned();
    TestServer {
        base,
        client: Client::new(),
        database_url,
        metrics_base: None,
        dir: fresh_dir(),
        group_keys: Default::default(),
    }
}

fn fresh_dir() -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "kvadrant-test-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).expect("create a test directory");
    dir
}

/// The PostgreSQL server to test against (a URL naming a database to connect to first).
pub fn postgres_url() -> Option<String> {
    std::env::var("KVADRANT_TEST_POSTGRES").ok().filter(|url| !url.trim().is_empty())
}

/// Creates an empty database for one test and returns its URL. Databases of earlier runs
/// are dropped the first time, so they do not pile up.
async fn fresh_postgres(admin: &str) -> String {
    use sqlx::{Connection, PgConnection};
    static CLEARED: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let mut connection = PgConnection::connect(admin).await.expect("KVADRANT_TEST_POSTGRES accepts connections");
    CLEARED
        .get_or_init(|| async {
            let old: Vec<String> =
                sqlx::query_scalar("SELECT datname FROM pg_database WHERE datname LIKE 'kvadrant\\_test\\_%'")
                    .fetch_all(&mut connection)
                    .await
                    .expect("list test databases");
            let mine = format!("kvadrant_test_{}_", std::process::id());
            for name in old.iter().filter(|name| !name.starts_with(&mine)) {
                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                    .execute(&mut connection)
                    .await;
            }
        })
        .await;
    let name = format!("kvadrant_test_{}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
    sqlx::query(&format!("CREATE DATABASE \"{name}\"")).execute(&mut connection).await.expect("create a test database");
    let (server, _) = admin.rsplit_once('/').expect("a PostgreSQL URL ends in /database");
    format!("{server}/{name}")
}

/// A workshop made through the API, with the facilitator's secret to change it.
pub struct Workshop {
    pub code: String,
    pub secret: String,
}

impl TestServer {
    /// Runs one statement on the server's database behind its back, as an operator by hand would.
    pub async fn execute_sql(&self, sql: &str) {
        use sqlx::Connection;
        if self.database_url.starts_with("sqlite:") {
            let mut connection = sqlx::SqliteConnection::connect(&self.database_url).await.expect("the SQLite file");
            sqlx::query(sql).execute(&mut connection).await.expect("the statement runs");
        } else {
            let mut connection =
                sqlx::PgConnection::connect(&self.database_url).await.expect("the PostgreSQL database");
            sqlx::query(sql).execute(&mut connection).await.expect("the statement runs");
        }
    }

    /// A number the server's database answers `sql` with (a `COUNT(*)`, a `MAX(id)`).
    pub async fn query_number(&self, sql: &str) -> i64 {
        use sqlx::Connection;
        if self.database_url.starts_with("sqlite:") {
            let mut connection = sqlx::SqliteConnection::connect(&self.database_url).await.expect("the SQLite file");
            sqlx::query_scalar(sql).fetch_one(&mut connection).await.expect("the query runs")
        } else {
            let mut connection =
                sqlx::PgConnection::connect(&self.database_url).await.expect("the PostgreSQL database");
            sqlx::query_scalar(sql).fetch_one(&mut connection).await.expect("the query runs")
        }
    }

    /// Prepares each `(name, statement)` on the server's database without running it, and
    /// returns the failures as `name: error`.
    pub async fn prepare_each(&self, statements: &[(String, String)]) -> Vec<String> {
        use sqlx::{Connection, Executor};
        let mut failures = Vec::new();
        if self.database_url.starts_with("sqlite:") {
            let mut connection = sqlx::SqliteConnection::connect(&self.database_url).await.expect("the SQLite file");
            for (name, sql) in statements {
                if let Err(error) = connection.prepare(sql).await {
                    failures.push(format!("{name}: {error}"));
                }
            }
        } else {
            let mut connection =
                sqlx::PgConnection::connect(&self.database_url).await.expect("the PostgreSQL database");
            for (name, sql) in statements {
                if let Err(error) = connection.prepare(sql).await {
                    failures.push(format!("{name}: {error}"));
                }
            }
        }
        failures
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A new workshop, opened for scoring.
    pub async fn create_workshop(&self, title: &str) -> Workshop {
        let response = self
            .client
            .post(self.url("/api/v1/workshops"))
            .json(&json!({ "title": title, "description": "" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let body: Value = response.json().await.unwrap();
        let workshop = Workshop {
            code: body["code"].as_str().unwrap().to_owned(),
            secret: body["secret"].as_str().unwrap().to_owned(),
        };
        // A new workshop starts closed; the tests score in it as a facilitator would, once opened.
        let opened = self.facilitate(&workshop, reqwest::Method::PUT, "/scoring", json!({ "open": true })).await;
        assert_eq!(opened.status(), StatusCode::OK);
        workshop
    }

    /// Makes a workshop from a setup (`POST /api/v1/workshops/import`).
    pub async fn import(&self, setup: &Value) -> Response {
        self.client.post(self.url("/api/v1/workshops/import")).json(setup).send().await.unwrap()
    }

    /// A facilitator's request: `method` on `path` with a JSON body, carrying the secret.
    pub async fn facilitate(&self, workshop: &Workshop, method: reqwest::Method, path: &str, body: Value) -> Response {
        self.client
            .request(method, self.url(&format!("/api/v1/workshops/{}{path}", workshop.code)))
            .bearer_auth(&workshop.secret)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// A facilitator's POST that must create something: its JSON answer.
    pub async fn add(&self, workshop: &Workshop, path: &str, body: Value) -> Value {
        let response = self.facilitate(workshop, reqwest::Method::POST, path, body).await;
        assert_eq!(response.status(), StatusCode::CREATED, "POST {path}");
        response.json().await.unwrap()
    }

    /// The id of the one thing a facilitator's POST created.
    pub async fn add_id(&self, workshop: &Workshop, path: &str, body: Value) -> i64 {
        self.add(workshop, path, body).await["id"].as_i64().unwrap()
    }

    /// Adds areas of these names, in order; answers their ids.
    pub async fn add_areas(&self, workshop: &Workshop, names: &[&str]) -> Vec<i64> {
        let mut ids = Vec::new();
        for name in names {
            ids.push(self.add_id(workshop, "/areas", json!({ "name": name })).await);
        }
        ids
    }

    /// A workshop with one area and one group, ready for scores: (workshop, area, group).
    pub async fn scorable_workshop(&self, title: &str) -> (Workshop, i64, i64) {
        let workshop = self.create_workshop(title).await;
        let area = self.add_id(&workshop, "/areas", json!({ "name": "Innkjøp" })).await;
        let group = self.add(&workshop, "/groups", json!({ "count": 1 })).await[0]["id"].as_i64().unwrap();
        (workshop, area, group)
    }

    /// Each of `groups` (as the API added them) scores `areas` with its sheet of (potential, feasibility).
    pub async fn score_sheets<'a>(
        &self,
        workshop: &Workshop,
        areas: &[i64],
        groups: &Value,
        sheets: impl IntoIterator<Item = &'a [(i64, i64)]>,
    ) {
        for (group, sheet) in groups.as_array().unwrap().iter().zip(sheets) {
            let cells: Vec<Value> = areas
                .iter()
                .zip(sheet)
                .flat_map(|(area, (p, f))| {
                    [
                        json!({ "area_id": area, "axis": "potential", "value": p }),
                        json!({ "area_id": area, "axis": "feasibility", "value": f }),
                    ]
                })
                .collect();
            self.score(&workshop.code, group["id"].as_i64().unwrap(), json!(cells)).await;
        }
    }

    /// The leaders' read-only secret of `workshop`.
    pub async fn review_secret(&self, workshop: &Workshop) -> String {
        let response = self.facilitate(workshop, reqwest::Method::GET, "/review-link", Value::Null).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json::<Value>().await.unwrap()["secret"].as_str().unwrap().to_owned()
    }

    /// The page at `path` as the server renders it for a visitor who chose `lang`.
    pub async fn page_in(&self, path: &str, lang: kvadrant::Lang) -> String {
        let cookie = format!("{}={}", kvadrant_api::lang::LANGUAGE_COOKIE, lang.code());
        self.client.get(self.url(path)).header("cookie", cookie).send().await.unwrap().text().await.unwrap()
    }

    /// A GET carrying `secret` as a bearer token.
    pub async fn get_as(&self, secret: &str, path: &str) -> Response {
        self.client.get(self.url(path)).bearer_auth(secret).send().await.unwrap()
    }

    pub async fn get_json(&self, path: &str) -> Value {
        let response = self.client.get(self.url(path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        response.json().await.unwrap()
    }

    /// Follows `path` (server-sent events).
    pub async fn follow(&self, path: &str) -> EventStream {
        let response = self.client.get(self.url(path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        assert_eq!(response.headers()["content-type"], "text/event-stream");
        EventStream::new(response)
    }

    /// Follows `path` (server-sent events) with `secret` as a bearer token.
    pub async fn follow_as(&self, secret: &str, path: &str) -> EventStream {
        let response = self.client.get(self.url(path)).bearer_auth(secret).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        assert_eq!(response.headers()["content-type"], "text/event-stream");
        EventStream::new(response)
    }

    /// Takes `group` from the join page, as its first member does: the group's link key.
    pub async fn join(&self, code: &str, group: i64) -> String {
        let path = format!("/api/v1/workshops/{code}/groups/{group}/join");
        let response = self.client.post(self.url(&path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "POST {path}");
        response.json::<Value>().await.unwrap()["key"].as_str().expect("a key").to_owned()
    }

    /// The link key of `group`: joined the first time it is asked for (once, however many ask at once).
    pub async fn group_key(&self, code: &str, group: i64) -> String {
        let mut keys = self.group_keys.lock().await;
        match keys.get(&(code.to_owned(), group)) {
            Some(key) => key.clone(),
            None => {
                let key = self.join(code, group).await;
                keys.insert((code.to_owned(), group), key.clone());
                key
            }
        }
    }

    /// A request to one of `group`'s own routes (`/groups/{group}{path}`), with the group's key.
    pub async fn as_group(&self, code: &str, group: i64, method: reqwest::Method, path: &str, body: Value) -> Response {
        let key = self.group_key(code, group).await;
        let url = self.url(&format!("/api/v1/workshops/{code}/groups/{group}{path}"));
        let request = self.client.request(method, url).bearer_auth(key);
        let request = if body.is_null() { request } else { request.json(&body) };
        request.send().await.unwrap()
    }

    /// The group's sheet, read with its key.
    pub async fn sheet(&self, code: &str, group: i64) -> Value {
        let response = self.as_group(code, group, reqwest::Method::GET, "/scores", Value::Null).await;
        assert_eq!(response.status(), StatusCode::OK, "the sheet of group {group}");
        response.json().await.unwrap()
    }

    /// Follows the group's sheet live, with its key.
    pub async fn follow_sheet(&self, code: &str, group: i64) -> EventStream {
        let key = self.group_key(code, group).await;
        self.follow_as(&key, &format!("/api/v1/workshops/{code}/groups/{group}/live")).await
    }

    /// Writes scores that must be accepted: the version that includes them.
    pub async fn score(&self, code: &str, group: i64, scores: Value) -> i64 {
        let response = self.put_scores(code, group, scores).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json::<Value>().await.unwrap()["version"].as_i64().expect("a version")
    }

    /// Writes scores as the group, with its key.
    pub async fn put_scores(&self, code: &str, group: i64, scores: Value) -> Response {
        self.as_group(code, group, reqwest::Method::PUT, "/scores", json!({ "scores": scores })).await
    }
}

/// The `action` of the page's form with `class`.
pub fn form_action(page: &str, class: &str) -> String {
    page.split("<form")
        .skip(1)
        .map(|form| form.split('>').next().unwrap_or_default())
        .find(|tag| tag.contains(&format!("class=\"{class}\"")))
        .and_then(|tag| tag.split("action=\"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no form with class {class}"))
        .to_owned()
}

/// A fresh database's URL: a SQLite file in `dir`, or a new PostgreSQL database.
pub async fn fresh_database(dir: &std::path::Path) -> String {
    match postgres_url() {
        Some(admin) => fresh_postgres(&admin).await,
        None => format!("sqlite://{}", dir.join("kvadrant.db").display()),
    }
}

/// A directory of its own for a test, removed when the returned guard is dropped.
pub struct TestDir(pub PathBuf);

impl TestDir {
    pub fn new() -> TestDir {
        TestDir(fresh_dir())
    }
}

impl Drop for TestDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The server binary, built once per test run with the `cargo` running the tests, into the
/// target directory the test binary sits in.
pub fn server_binary() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let exe = std::env::current_exe().unwrap();
            // target/<profile>/deps/system-<hash>
            let profile_dir = exe.parent().and_then(|deps| deps.parent()).unwrap().to_owned();
            let profile = match profile_dir.file_name().and_then(|name| name.to_str()) {
                Some("debug") | None => "dev".to_owned(),
                Some(other) => other.to_owned(),
            };
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            let status = std::process::Command::new(cargo)
                .args(["build", "--locked", "--quiet", "-p", "kvadrant-server", "--bin", "kvadrant-server"])
                .args(["--profile", &profile])
                .env("CARGO_TARGET_DIR", profile_dir.parent().unwrap())
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .status()
                .expect("cargo runs");
            assert!(status.success(), "building kvadrant-server");
            profile_dir.join("kvadrant-server")
        })
        .clone()
}

/// `kvadrant-server` with the tests' site built into it (the `embedded-site` feature), in a
/// target folder of its own, so that it never replaces the binary the other tests run.
/// scripts/test builds it beforehand with the same command, which makes this a no-op there.
pub fn self_contained_binary() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let target = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("self-contained");
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            let status = std::process::Command::new(cargo)
                .args(["build", "--locked", "--quiet", "-p", "kvadrant-server", "--bin", "kvadrant-server"])
                .args(["--features", "embedded-site"])
                .env("CARGO_TARGET_DIR", &target)
                // As scripts/test passes it: a different value would build it again.
                .env("LEPTOS_SITE_ROOT", TEST_SITE)
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .status()
                .expect("cargo runs");
            assert!(status.success(), "building kvadrant-server with the site built in");
            target.join("debug").join("kvadrant-server")
        })
        .clone()
}

/// Waits (20 s at most) until the real server `child` logs where it listens, and returns that
/// base URL and its log, which goes on being read (a full pipe would block the server).
pub async fn listening(child: &mut tokio::process::Child) -> (String, Arc<Mutex<String>>) {
    use tokio::io::{AsyncBufReadExt, BufReader};
    let mut lines = BufReader::new(child.stdout.take().expect("the server's output is piped")).lines();
    let log = Arc::new(Mutex::new(String::new()));
    let base = tokio::time::timeout(std::time::Duration::from_secs(20), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            log.lock().unwrap().push_str(&line);
            log.lock().unwrap().push('\n');
            // The address ends the line, or (in JSON) the message's string.
            if let Some(address) = line.split("listening on ").nth(1) {
                return address.split('"').next().unwrap_or_default().trim().to_owned();
            }
        }
        panic!("the server exited before listening: {}", log.lock().unwrap());
    })
    .await
    .expect("the server listens in time");
    let kept = log.clone();
    tokio::spawn(async move {
        while let Ok(Some(line)) = lines.next_line().await {
            let mut kept = kept.lock().unwrap();
            kept.push_str(&line);
            kept.push('\n');
        }
    });
    (base, log)
}

/// The real binary with `args`, `DATABASE_URL` set to `database_url`.
pub async fn run_binary(args: &[&str], database_url: &str) -> std::process::Output {
    let output = tokio::process::Command::new(server_binary())
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("NO_COLOR", "1")
        .output();
    tokio::time::timeout(std::time::Duration::from_secs(60), output)
        .await
        .expect("the command ends")
        .expect("the command runs")
}
