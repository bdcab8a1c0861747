//! What each page makes the browser download in scripts and WASM, compressed as the server
//! sends them, against the front end's budgets. It reads the pages a real server renders from
//! a built site: the scripts and WASM a page names, the scripts those import, and the WASM
//! chunks its islands load when they hydrate (from the split build's manifest).

use std::collections::{BTreeSet, HashMap};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use kvadrant_api::model::{self, ReviewLink};
use reqwest::header::{ACCEPT_ENCODING, CONTENT_ENCODING};
use reqwest::{Client, StatusCode};

use crate::client::{self, url};
use crate::failure::Failure;
use crate::server::ServerProcess;
use crate::workdir::WorkDir;
use crate::workshop::{Workshop, expect};

/// What the participant's path (the join page, then the sheet) may load in all. The goal is
/// 200 KiB (docs/BENCHMARKS.md); until the front end gets there, the budgets hold it to what it
/// weighs now (the words compiled from the locale files, only those its islands show), so that
/// it can only shrink.
const PARTICIPANT_BUDGET: u64 = 256 * 1024;
/// What any one page may load: the goal.
const PAGE_BUDGET: u64 = 350 * 1024;
/// The results page and the leaders' review, until they meet [`PAGE_BUDGET`]: their spread,
/// dissent, rank bands, rounds, the ranked table's caption and quadrant column, the categories'
/// shapes and nynorsk took them to 373 KiB; 365 since the words are compiled from the locale
/// files and the tab's title is the page's rather than the islands'.
const RESULTS_BUDGET: u64 = 365 * 1024;
/// The facilitator's page, until it meets [`PAGE_BUDGET`]: what it weighs now (its three parts,
/// safe removal, pasted lists, rounds, focus kept across changes and deleting the workshop
/// included), so that it can only shrink.
const FACILITATOR_BUDGET: u64 = 561 * 1024;

#[derive(Debug, Args)]
pub struct WeightArgs {
    /// The built site to serve (`cargo leptos build --release` writes `target/site`).
    #[arg(long, default_value = "target/site")]
    pub site_root: PathBuf,
}

/// One page and the scripts and WASM it loads.
struct Page {
    name: &'static str,
    budget: u64,
    assets: BTreeSet<String>,
}

pub async fn run(args: WeightArgs) -> ExitCode {
    match weigh(&args).await {
        Ok(within) if within => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(failure) => {
            eprintln!("kvadrant-bench weight: {failure}");
            ExitCode::from(2)
        }
    }
}

/// Prints every page's weight; true when every budget holds.
async fn weigh(args: &WeightArgs) -> Result<bool, Failure> {
    let workdir = WorkDir::create()?;
    let database = format!("sqlite://{}", workdir.path().join("weight.db").display());
    let server = ServerProcess::kvadrant(&database, &args.site_root, &workdir, 1).await?;
    let client = client::requests(1)?;
    let manifest = split_manifest(&args.site_root)?;
    let mut pages = pages(&client, server.addr(), &manifest).await?;
    for page in &mut pages {
        let imported = imports(&client, server.addr(), &page.assets).await?;
        page.assets.extend(imported);
    }
    let mut sizes = std::collections::BTreeMap::new();
    for asset in pages.iter().flat_map(|page| page.assets.iter()) {
        if !sizes.contains_key(asset) {
            sizes.insert(asset.clone(), compressed_size(&client, server.addr(), asset).await?);
        }
    }
    server.stop().await;

    let weight = |assets: &BTreeSet<String>| assets.iter().map(|asset| sizes[asset]).sum::<u64>();
    let mut within = true;
    println!("{:<12} {:>10}  {:>8}  assets", "page", "KiB", "budget");
    for page in &pages {
        let bytes = weight(&page.assets);
        within &= report(page.name, bytes, page.budget, &page.assets);
    }
    let participant: BTreeSet<String> = pages
        .iter()
        .filter(|page| matches!(page.name, "join" | "sheet"))
        .flat_map(|page| page.assets.iter().cloned())
        .collect();
    within &= report("participant", weight(&participant), PARTICIPANT_BUDGET, &participant);
    for (asset, bytes) in &sizes {
        println!("  {asset}: {bytes} bytes");
    }
    Ok(within)
}

fn report(name: &str, bytes: u64, budget: u64, assets: &BTreeSet<String>) -> bool {
    let within = bytes <= budget;
    let verdict = if within { "" } else { "  OVER BUDGET" };
    let names: Vec<&str> = assets.iter().map(String::as_str).collect();
    println!("{name:<12} {:>10.1}  {:>8}  {}{verdict}", bytes as f64 / 1024.0, budget / 1024, names.join(" "));
    within
}

/// Every kind of page, rendered for a workshop made for the purpose.
async fn pages(client: &Client, addr: SocketAddr, manifest: &SplitManifest) -> Result<Vec<Page>, Failure> {
    let workshop = Workshop::create(client, addr, 0, 1).await?;
    let (code, secret) = (&workshop.code, &workshop.secret);
    let group = &workshop.groups[0];
    let api = url(addr, &model::workshop_api_path(code));
    let review: ReviewLink =
        expect(client.get(format!("{api}/review-link")).bearer_auth(secret), StatusCode::OK, "reading the review link")
            .await?;
    let paths = [
        ("home", "/".to_owned(), PAGE_BUDGET),
        ("join", format!("/w/{code}"), PAGE_BUDGET),
        ("sheet", model::sheet_path(code, group.id, &group.key), PAGE_BUDGET),
        ("results", model::results_path(code), RESULTS_BUDGET),
        ("screen", format!("/w/{code}/screen"), PAGE_BUDGET),
        ("review", review.path, RESULTS_BUDGET),
        ("manage", model::manage_path(code, secret), FACILITATOR_BUDGET),
        ("cards", format!("{}/cards", model::manage_path(code, secret)), PAGE_BUDGET),
    ];
    let mut pages = Vec::with_capacity(paths.len());
    for (name, path, budget) in paths {
        let response = client.get(url(addr, &path)).send().await?;
        if response.status() != StatusCode::OK {
            return Err(Failure::setup(format!("the {name} page answered HTTP {}", response.status().as_u16())));
        }
        let html = response.text().await?;
        let mut assets = scripts_and_wasm(&html);
        // The build's folder (`/pkg/<build>`), where the page's own script is.
        let folder = assets.iter().find(|asset| asset.ends_with(".js")).and_then(|script| script.rsplit_once('/'));
        let folder = folder.map(|(folder, _)| folder.to_owned()).unwrap_or_default();
        assets.extend(island_chunks(&html, manifest, &folder));
        pages.push(Page { name, budget, assets });
    }
    Ok(pages)
}

/// The site's scripts and WASM a page names: what it preloads and what its loader imports.
fn scripts_and_wasm(html: &str) -> BTreeSet<String> {
    html.split(['"', '`'])
        .filter(|value| value.starts_with("/pkg/") && (value.ends_with(".js") || value.ends_with(".wasm")))
        .map(str::to_owned)
        .collect()
}

/// Each lazily loaded function of the split build and the WASM files it needs.
type SplitManifest = HashMap<String, Vec<String>>;

fn split_manifest(site_root: &Path) -> Result<SplitManifest, Failure> {
    let path = site_root.join("pkg").join("__wasm_split_manifest.json");
    match std::fs::read(&path) {
        Ok(bytes) => {
            serde_json::from_slice(&bytes).map_err(|error| Failure::setup(format!("{}: {error}", path.display())))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(SplitManifest::new()),
        Err(error) => Err(error.into()),
    }
}

/// The chunks the page's lazy islands fetch from the build's `folder`: an island
/// `ManageWorkshop_123…` is loaded by the split function `manage_workshop_loader_…`.
fn island_chunks(html: &str, manifest: &SplitManifest, folder: &str) -> BTreeSet<String> {
    let islands = html.split("data-component=\"").skip(1).filter_map(|rest| rest.split('"').next());
    islands
        .flat_map(|island| {
            let name = island.rsplit_once('_').map_or(island, |(name, _)| name);
            let loader = format!("{}_loader_", snake_case(name));
            manifest.iter().filter(move |(function, _)| function.starts_with(&loader)).flat_map(|(_, files)| files)
        })
        .map(|file| format!("{folder}/{file}.wasm"))
        .collect()
}

fn snake_case(name: &str) -> String {
    let mut snake = String::with_capacity(name.len() + 4);
    for (index, c) in name.chars().enumerate() {
        if c.is_uppercase() && index > 0 {
            snake.push('_');
        }
        snake.extend(c.to_lowercase());
    }
    snake
}

/// The site's scripts that `scripts` import, directly or through one another.
async fn imports(client: &Client, addr: SocketAddr, scripts: &BTreeSet<String>) -> Result<BTreeSet<String>, Failure> {
    let mut found = BTreeSet::new();
    let mut queue: Vec<String> = scripts.iter().filter(|asset| asset.ends_with(".js")).cloned().collect();
    while let Some(script) = queue.pop() {
        let text = client.get(url(addr, &script)).send().await?.text().await?;
        let folder = script.rsplit_once('/').map_or("", |(folder, _)| folder);
        for imported in imported_modules(&text) {
            let path = format!("{folder}/{imported}");
            if !scripts.contains(&path) && found.insert(path.clone()) {
                queue.push(path);
            }
        }
    }
    Ok(found)
}

/// The modules beside it that a script imports, statically (`from "./x.js"`) or when it runs
/// (`import("./x.js")`).
fn imported_modules(script: &str) -> Vec<&str> {
    ["from", "import("]
        .iter()
        .flat_map(|keyword| script.split(keyword).skip(1).filter_map(quoted_start))
        .filter_map(|module| module.strip_prefix("./"))
        .filter(|module| module.ends_with(".js"))
        .collect()
}

/// The string in quotes that `text` starts with, spaces aside.
fn quoted_start(text: &str) -> Option<&str> {
    text.trim_start().strip_prefix(['"', '\'']).and_then(|rest| rest.split(['"', '\'']).next())
}

/// The bytes that cross the wire for `path` when the browser accepts gzip.
async fn compressed_size(client: &Client, addr: SocketAddr, path: &str) -> Result<u64, Failure> {
    let response = client.get(url(addr, path)).header(ACCEPT_ENCODING, "gzip").send().await?;
    if response.status() != StatusCode::OK {
        return Err(Failure::setup(format!("{path} answered HTTP {}", response.status().as_u16())));
    }
    let compressed = response.headers().get(CONTENT_ENCODING).is_some();
    let bytes = response.bytes().await?.len() as u64;
    if !compressed {
        eprintln!("kvadrant-bench weight: {path} was sent uncompressed");
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::{SplitManifest, imported_modules, island_chunks, scripts_and_wasm};

    #[test]
    fn a_script_imports_the_modules_it_names_in_imports_only() {
        let script =
            r#"import*as n from"./split.js";import{a}from './b.js';const m=import("./lazy.js");x['./kvadrant_bg.js']"#;
        assert_eq!(imported_modules(script), ["split.js", "b.js", "lazy.js"]);
    }

    #[test]
    fn an_island_brings_the_chunks_its_loader_needs() {
        let manifest: SplitManifest = [
            ("manage_workshop_loader_11".to_owned(), vec!["chunk_1".to_owned(), "split_manage".to_owned()]),
            ("manage_loader_12".to_owned(), vec!["chunk_9".to_owned()]),
        ]
        .into();
        let html = r#"<leptos-island data-component="ManageWorkshop_4242" data-props="{}"></leptos-island>"#;
        let chunks: Vec<String> = island_chunks(html, &manifest, "/pkg/0a1b").into_iter().collect();
        assert_eq!(chunks, ["/pkg/0a1b/chunk_1.wasm", "/pkg/0a1b/split_manage.wasm"]);
    }

    #[test]
    fn a_page_names_its_scripts_and_wasm_once_each() {
        let html = r#"<link rel="modulepreload" href="/pkg/kvadrant.js"><link rel="preload" href="/pkg/kvadrant.wasm">
            <link rel="stylesheet" href="/pkg/kvadrant.css"><script>import(`/pkg/kvadrant.js`)</script>"#;
        let assets: Vec<String> = scripts_and_wasm(html).into_iter().collect();
        assert_eq!(assets, ["/pkg/kvadrant.js", "/pkg/kvadrant.wasm"]);
    }
}
