//! What an operator installs is one file: `kvadrant-server` built with the site inside
//! (`embedded-site`), copied alone into an empty folder and started there, serves the whole
//! product. Its pages hydrate in a real browser, every script and WASM file they load comes from
//! the binary under the build's address, kept by browsers for a year, and the database is the
//! only file it makes.

use std::process::Stdio;

use reqwest::StatusCode;
use tokio::process::Command;

use super::browser::{Chromedriver, open_hydrated};
use crate::support::{self, TestDir};

#[tokio::test(flavor = "multi_thread")]
async fn the_binary_alone_in_an_empty_folder_serves_pages_that_hydrate() {
    super::assert_site_built();
    let dir = TestDir::new();
    std::fs::create_dir_all(&dir.0).unwrap();
    let binary = dir.0.join("kvadrant-server");
    std::fs::copy(support::self_contained_binary(), &binary).expect("the binary copies");
    let mut child = start_alone(&binary, &dir.0).await;
    let (base, log) = support::listening(&mut child).await;

    let client = reqwest::Client::new();
    let home = client.get(format!("{base}/")).send().await.unwrap().text().await.unwrap();
    let built: Vec<&str> = home.split(['"', '`']).filter(|part| part.starts_with("/pkg/")).collect();
    for kind in [".js", ".wasm", ".css"] {
        assert!(built.iter().any(|path| path.ends_with(kind)), "the home page loads no {kind}: {home}");
    }
    for path in &built {
        let answer = client.get(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::OK, "{path}");
        assert_eq!(answer.headers()["cache-control"], "public, max-age=31536000, immutable", "{path}");
        let file = path.rsplit('/').next().unwrap();
        let on_disk = std::path::Path::new(&support::site_root()).join("pkg").join(file);
        assert_eq!(answer.bytes().await.unwrap(), std::fs::read(&on_disk).unwrap(), "{path} is the built file");
    }
    let icon = client.get(format!("{base}/favicon.svg")).send().await.unwrap();
    assert_eq!(icon.status(), StatusCode::OK);

    let demo = log.lock().unwrap().split("facilitator page is ").nth(1).map(|rest| rest.trim().to_owned());
    let demo =
        demo.unwrap_or_else(|| panic!("the demo workshop is made on an empty database: {}", log.lock().unwrap()));
    let code = demo.split('/').nth(2).expect("/w/CODE/manage/SECRET").to_owned();
    let driver = Chromedriver::start().await;
    let browser = driver.connect().await;
    // In a task of their own, so that the browser is closed even when a page fails.
    let pages = tokio::spawn({
        let browser = browser.clone();
        async move {
            for page in ["/".to_owned(), format!("/w/{code}/results"), demo] {
                open_hydrated(&browser, &format!("{base}{page}")).await;
            }
        }
    });
    let hydrated = pages.await;
    browser.close().await.expect("the browser closes");
    if let Err(failure) = hydrated {
        std::panic::resume_unwind(failure.into_panic());
    }

    let mut made: Vec<String> =
        std::fs::read_dir(&dir.0).unwrap().map(|entry| entry.unwrap().file_name().into_string().unwrap()).collect();
    made.sort();
    assert!(
        made.iter().all(|name| name == "kvadrant-server" || name.starts_with("kvadrant.db")),
        "the binary makes its database and nothing else: {made:?}"
    );
}

/// Starts the binary in `folder` with nothing of the build's environment: no site folder, no
/// settings. A copy just written may be busy for a moment while another test's process starts
/// (it inherits the open file until it runs its own program): then it tries again.
async fn start_alone(binary: &std::path::Path, folder: &std::path::Path) -> tokio::process::Child {
    for _ in 0..50 {
        let started = Command::new(binary)
            .env_clear()
            .env("KVADRANT_ADDR", "127.0.0.1:0")
            .env("NO_COLOR", "1")
            .current_dir(folder)
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn();
        match started {
            Err(error) if error.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            started => return started.expect("the binary starts"),
        }
    }
    panic!("{} stayed busy", binary.display());
}
