//! The metrics an operator scrapes: Prometheus's text format at `/metrics`, on the main address
//! or on a listener of their own. The recorder is the process's, shared by every test's server,
//! so counts are compared with at least what this test did: other tests only add to them.

use std::collections::BTreeMap;

use reqwest::StatusCode;
use serde_json::json;

use crate::support::{self, TestServer};

/// One sample line: the series' name, its labels and its value.
pub(super) struct Sample {
    name: String,
    labels: BTreeMap<String, String>,
    value: f64,
}

impl Sample {
    fn has(&self, label: &str, value: &str) -> bool {
        self.labels.get(label).is_some_and(|found| found == value)
    }
}

/// The sample lines of a scrape. Label values here (route templates, methods, statuses) hold
/// neither quotes nor commas.
pub(super) fn samples(body: &str) -> Vec<Sample> {
    body.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let (series, value) = line.rsplit_once(' ').unwrap_or_else(|| panic!("a sample: {line}"));
            let (name, labels) = match series.split_once('{') {
                Some((name, labels)) => (name, labels.trim_end_matches('}')),
                None => (series, ""),
            };
            let labels = labels
                .split("\",")
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (label, value) = pair.split_once("=\"").unwrap_or_else(|| panic!("a label: {line}"));
                    (label.to_owned(), value.trim_end_matches('"').to_owned())
                })
                .collect();
            Sample { name: name.to_owned(), labels, value: value.parse().unwrap_or_else(|_| panic!("a value: {line}")) }
        })
        .collect()
}

/// The largest value of `name` among the samples with these labels, if there is one.
pub(super) fn value(samples: &[Sample], name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    samples
        .iter()
        .filter(|sample| sample.name == name && labels.iter().all(|(label, value)| sample.has(label, value)))
        .map(|sample| sample.value)
        .reduce(f64::max)
}

pub(super) async fn scrape(server: &TestServer, base: &str) -> String {
    let response = server.client.get(format!("{base}/metrics")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let content_type = response.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(content_type.starts_with("text/plain; version=0.0.4"), "{content_type}");
    response.text().await.unwrap()
}

#[tokio::test]
async fn metrics_count_requests_by_route_scores_streams_and_batches_and_name_no_code_or_secret() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Målt").await;
    let key = server.group_key(&workshop.code, group).await;
    let mut screen = server.follow(&format!("/api/v1/workshops/{}/live", workshop.code)).await;
    let mut sheet = server.follow_sheet(&workshop.code, group).await;
    screen.next().await;
    sheet.next().await;
    for value in [3, 4] {
        server.score(&workshop.code, group, json!([{ "area_id": area, "axis": "potential", "value": value }])).await;
    }
    // Secrets in addresses: the facilitator's page, a group's sheet, and a path no route has.
    for path in [
        format!("/w/{}/manage/{}", workshop.code, workshop.secret),
        format!("/w/{}/g/{group}/{key}", workshop.code),
        format!("/nowhere/{}/{}", workshop.code, workshop.secret),
    ] {
        server.client.get(server.url(&path)).send().await.unwrap();
    }

    let body = scrape(&server, &server.base).await;
    let samples = samples(&body);
    let scores = "/api/v1/workshops/{code}/groups/{id}/scores";
    let written = [("method", "PUT"), ("route", scores), ("status", "200")];
    let requests = value(&samples, "kvadrant_http_requests_total", &written);
    assert!(requests >= Some(2.0), "two score submissions counted by their route's template: {body}");
    let timed = value(&samples, "kvadrant_http_request_duration_seconds_count", &written);
    assert!(timed >= Some(2.0), "and timed: {body}");
    let buckets = samples.iter().filter(|s| s.name == "kvadrant_http_request_duration_seconds_bucket");
    assert!(buckets.clone().any(|s| s.has("le", "0.005")) && buckets.clone().any(|s| s.has("le", "+Inf")));
    let accepted = value(&samples, "kvadrant_score_submissions_total", &[("outcome", "accepted")]);
    assert!(accepted >= Some(2.0), "{body}");
    assert!(value(&samples, "kvadrant_score_ack_duration_seconds_count", &[]) >= Some(2.0), "{body}");
    assert!(value(&samples, "kvadrant_score_batch_submissions_count", &[]) >= Some(1.0), "{body}");
    assert!(value(&samples, "kvadrant_score_batch_submissions_bucket", &[("le", "512")]) >= Some(1.0), "{body}");
    assert!(value(&samples, "kvadrant_live_streams", &[]) >= Some(2.0), "both streams open: {body}");
    assert!(value(&samples, "kvadrant_live_workshops", &[]) >= Some(1.0), "{body}");
    assert!(value(&samples, "kvadrant_database_connections", &[("state", "idle")]).is_some(), "{body}");
    assert!(value(&samples, "kvadrant_database_connections", &[("state", "in_use")]).is_some(), "{body}");
    assert!(value(&samples, "kvadrant_database_connections_max", &[]) >= Some(1.0), "{body}");

    // Routes are templates; nothing a client sent in an address is a label.
    for sample in samples.iter().filter(|s| s.name.starts_with("kvadrant_http_")) {
        let route = &sample.labels["route"];
        assert!(route == "(no route)" || route.starts_with('/'), "{route}");
    }
    for secret in [&workshop.secret, &key] {
        assert!(!body.contains(secret.as_str()), "a secret in the metrics: {body}");
    }
    // A join code is six letters and digits, which a number's digits could spell: only the
    // names and labels are searched for it.
    let named: Vec<&str> = body.lines().map(|line| line.rsplit_once(' ').map_or(line, |(series, _)| series)).collect();
    assert!(named.iter().all(|line| !line.contains(&workshop.code)), "the join code in the metrics: {body}");

    // For the operator's scraper, not the API's clients.
    let document = server.get_json("/api/v1/openapi.json").await;
    assert!(document["paths"]["/metrics"].is_null());
}

#[tokio::test]
async fn with_a_metrics_address_the_metrics_are_served_there_only() {
    let server = support::start_with_metrics_addr().await;
    let metrics = server.metrics_base.clone().expect("a listener for the metrics");
    let main = server.client.get(server.url("/metrics")).send().await.unwrap();
    assert_eq!(main.status(), StatusCode::NOT_FOUND);

    let body = scrape(&server, &metrics).await;
    let unmatched =
        value(&samples(&body), "kvadrant_http_requests_total", &[("route", "(no route)"), ("status", "404")]);
    assert!(unmatched >= Some(1.0), "the main address's 404 for /metrics counted: {body}");
    let other = server.client.get(format!("{metrics}/api/v1/openapi.json")).send().await.unwrap();
    assert_eq!(other.status(), StatusCode::NOT_FOUND, "the metrics' listener serves the metrics alone");
}

/// In a process of its own the recorder counts this server's requests alone: the counts are
/// exactly what the test did.
#[tokio::test]
async fn a_server_of_its_own_counts_exactly_its_scores_and_streams() {
    let dir = support::TestDir::new();
    let database_url = support::fresh_database(&dir.0).await;
    let (_child, base, _) = super::serving::spawn_on(&database_url, "info").await;
    let server = support::in_process_at(base.clone(), &database_url);
    let (workshop, area, group) = server.scorable_workshop("Egen prosess").await;
    for value in [3, 7] {
        server.score(&workshop.code, group, json!([{ "area_id": area, "axis": "potential", "value": value }])).await;
    }
    let _screen = server.follow(&format!("/api/v1/workshops/{}/live", workshop.code)).await;
    let body = scrape(&server, &base).await;
    let samples = samples(&body);
    let route = [("route", "/api/v1/workshops/{code}/groups/{id}/scores"), ("method", "PUT"), ("status", "200")];
    assert_eq!(value(&samples, "kvadrant_http_requests_total", &route), Some(2.0), "{body}");
    assert_eq!(value(&samples, "kvadrant_score_submissions_total", &[("outcome", "accepted")]), Some(2.0), "{body}");
    assert_eq!(value(&samples, "kvadrant_score_ack_duration_seconds_count", &[]), Some(2.0), "{body}");
    assert_eq!(value(&samples, "kvadrant_live_streams", &[]), Some(1.0), "{body}");
    assert_eq!(value(&samples, "kvadrant_live_workshops", &[]), Some(1.0), "{body}");
}
