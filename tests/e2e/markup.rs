//! Every page of a workshop as the server renders it, in every language and each state the
//! workshop passes through: the Nu HTML checker (vnu.jar from npm, `scripts/tools.sh`; Java 17)
//! finds no error in it but for what the framework itself writes to hydrate its islands, and
//! each page has a title that says what it is.

use std::path::PathBuf;
use std::process::Command;

use kvadrant::Lang;
use serde_json::Value;

use super::tour::{STAGES, Stage, Tour};
use crate::support::{self, TestDir};

#[tokio::test]
async fn every_page_is_valid_html() {
    let server = support::start().await;
    let tour = Tour::set_up(&server).await;
    let dir = TestDir::new();
    let mut pages = Vec::new();
    for stage in STAGES {
        tour.enter(&server, stage).await;
        for lang in Lang::ALL {
            for stop in tour.stops(stage) {
                let file = dir.0.join(format!("{:02}.html", pages.len()));
                std::fs::write(&file, server.page_in(&stop.path, lang).await).unwrap();
                pages.push((format!("{}, {}", stop.name, lang.code()), file));
            }
        }
    }
    let errors = check(&pages);
    assert!(errors.is_empty(), "the Nu HTML checker found {} errors:\n{}", errors.len(), errors.join("\n"));
}

#[tokio::test]
async fn every_page_has_a_title_of_its_own() {
    let server = support::start().await;
    let tour = Tour::set_up(&server).await;
    tour.enter(&server, Stage::Scoring).await;
    for lang in Lang::ALL {
        // A page in another state (an error shown, a segment picked) may keep its title.
        let mut titles: Vec<(String, String)> = Vec::new();
        for stop in tour.stops(Stage::Scoring) {
            let html = server.page_in(&stop.path, lang).await;
            let title = html.split_once("<title>").and_then(|(_, rest)| rest.split_once("</title>"));
            let title = title.unwrap_or_else(|| panic!("{} has no title", stop.name)).0.to_owned();
            let page = stop.path.split('?').next().unwrap_or_default().to_owned();
            if let Some((other, _)) = titles.iter().find(|(other, seen)| *seen == title && *other != page) {
                panic!("{page} and {other} are both titled «{title}» ({})", lang.code());
            }
            titles.push((page, title));
        }
    }
}

#[tokio::test]
async fn a_nynorsk_reader_meets_no_bokmal_or_english() {
    let server = support::start().await;
    let tour = Tour::set_up(&server).await;
    let mut found = Vec::new();
    for stage in STAGES {
        tour.enter(&server, stage).await;
        for stop in tour.stops(stage) {
            let text = visible_text(&server.page_in(&stop.path, Lang::Nn).await);
            let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
            for marker in NOT_NYNORSK.iter().filter(|marker| words.contains(marker)) {
                found.push(format!("{}: «{marker}»", stop.name));
            }
        }
    }
    assert!(found.is_empty(), "words that are not nynorsk on nynorsk pages:\n{}", found.join("\n"));
}

/// Common words of bokmål and of English that nynorsk writes otherwise (or not at all); the
/// workshop the tour makes, in bokmål, uses none of them.
const NOT_NYNORSK: &[&str] = &[
    "ikke",
    "hva",
    "hvordan",
    "hvem",
    "hvis",
    "være",
    "også",
    "noen",
    "mer",
    "fra",
    "ennå",
    "hver",
    "hvert",
    "deres",
    "bare",
    "mye",
    "jeg",
    "ble",
    "Lagret",
    "gruppen",
    "områdene",
    "resultatene",
    "siden",
    "lenken",
    "Beskrivelse",
    "kommentarer",
    "vises",
    "the",
    "and",
    "Save",
    "Results",
    "Scores",
    "Group",
    "groups",
    "page",
];

/// What a reader sees of `html`: its text, without tags, scripts or styles.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        text.push(' ');
        let tag = &rest[start..];
        let skipped = ["<script", "<style"].iter().find(|open| tag.starts_with(**open)).map(|open| {
            let close = format!("</{}>", &open[1..]);
            tag.find(&close).map_or(tag.len(), |end| end + close.len())
        });
        let end = skipped.unwrap_or_else(|| tag.find('>').map_or(tag.len(), |end| end + 1));
        rest = &tag[end..];
    }
    text.push_str(rest);
    text
}

fn vnu_jar() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".tools/node_modules/vnu-jar/build/dist/vnu.jar")
}

/// The checker's errors on `pages` (named, as files), one line each, but for those
/// [`written_by_the_framework`].
fn check(pages: &[(String, PathBuf)]) -> Vec<String> {
    let jar = vnu_jar();
    assert!(jar.is_file(), "{} is missing: scripts/test installs vnu-jar", jar.display());
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--format", "json", "--stdout"])
        .args(pages.iter().map(|(_, file)| file))
        .output()
        .unwrap_or_else(|error| panic!("cannot run java (Java 17 runs the Nu HTML checker): {error}"));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!("the checker's report is not JSON ({error}): {}", String::from_utf8_lossy(&output.stderr))
    });
    let name_of = |url: &str| {
        pages
            .iter()
            .find(|(_, file)| url.ends_with(&*file.to_string_lossy()))
            .map_or(url.to_owned(), |(name, _)| name.clone())
    };
    report["messages"]
        .as_array()
        .expect("the checker's messages")
        .iter()
        .filter(|message| message["type"] != "info")
        .filter(|message| {
            let text = |key: &str| message[key].as_str().unwrap_or_default().to_owned();
            !written_by_the_framework(&text("message"), &text("extract"))
        })
        .map(|message| {
            format!(
                "{} (line {}): {} in «{}»",
                name_of(message["url"].as_str().unwrap_or_default()),
                message["lastLine"],
                message["message"].as_str().unwrap_or_default(),
                message["extract"].as_str().unwrap_or_default().trim(),
            )
        })
        .collect()
}

/// What Leptos writes that the page's own markup cannot change, by the checker's message and
/// the markup it quotes: `<!>` marks where a list starts, for hydration; the hydration script's
/// preload links carry the page's nonce as their `crossorigin`; and the script that hands the
/// resources to the islands follows the document, after which the checker stops.
fn written_by_the_framework(message: &str, extract: &str) -> bool {
    FRAMEWORK.iter().any(|(said, quoted)| message.contains(said) && extract.contains(quoted))
}

const FRAMEWORK: &[(&str, &str)] = &[
    ("Bogus comment.", "<!>"),
    ("for attribute \u{201c}crossorigin\u{201d} on element \u{201c}link\u{201d}", "<link rel=\""),
    ("Stray start tag \u{201c}script\u{201d}", "</html><!><script nonce="),
    ("Cannot recover after last error.", ""),
];
