//! Metrics in Prometheus's text format, for whoever runs Kvadrant: requests by route and status
//! with their latency, live streams and the workshops they follow, score submissions with the
//! time until they are durable and the group-commit batches they are written in, and the
//! database's connections. Served at [`PATH`] on the main address or, with `--metrics-addr`, on a
//! listener of its own and there only.
//!
//! A label names a route's template, never its path, and nothing else a client chose: addresses
//! carry join codes and secrets, and a label must take few values.
//!
//! `/metrics` is kept out of the API's OpenAPI document (and so out of [`crate::route_table`]):
//! it is for the operator's scraper, not the API's clients; it takes no input for the contract
//! tests to try; with `--metrics-addr` the main address does not serve it; and its counts change
//! with every request, workshop or not, which the walks over every route would read as a change.
//!
//! The recorder is the process's: installed once, by the first server the process builds, and
//! shared by any other (the tests run many servers in one process).

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{MatchedPath, Request};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics::{Gauge, Label, counter, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::store::Store;

/// Where the metrics are served.
pub const PATH: &str = "/metrics";
/// Prometheus's text exposition format.
const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

const HTTP_REQUESTS: &str = "kvadrant_http_requests_total";
const HTTP_DURATION: &str = "kvadrant_http_request_duration_seconds";
const LIVE_STREAMS: &str = "kvadrant_live_streams";
const LIVE_WORKSHOPS: &str = "kvadrant_live_workshops";
const SUBMISSIONS: &str = "kvadrant_score_submissions_total";
const ACKNOWLEDGED: &str = "kvadrant_score_ack_duration_seconds";
const BATCHES: &str = "kvadrant_score_batch_submissions";
const RESULTS_PAGES: &str = "kvadrant_results_pages_total";
const CONNECTIONS: &str = "kvadrant_database_connections";
const CONNECTIONS_MAX: &str = "kvadrant_database_connections_max";

/// The route label of a request no route matched (a missing page, a file), as in the log.
const NO_ROUTE: &str = "(no route)";

/// Seconds, from a millisecond to the request timeout's 30.
const LATENCY_BUCKETS: &[f64] = &[0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0];
/// Submissions in one transaction, up to the most one takes (512).
const BATCH_BUCKETS: &[f64] = &[1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 512.0];
/// How often recorded latencies are folded into their buckets between scrapes, so that a
/// server no one scrapes does not keep every sample.
const UPKEEP: Duration = Duration::from_secs(5);

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// The process's recorder, installed the first time; every later call shares it.
pub fn install() -> &'static PrometheusHandle {
    HANDLE.get_or_init(|| {
        let recorder = buckets(PrometheusBuilder::new()).build_recorder();
        let handle = recorder.handle();
        match metrics::set_global_recorder(recorder) {
            Ok(()) => {
                describe();
                register();
                let upkeep = handle.clone();
                let spawned = std::thread::Builder::new().name("metrics-upkeep".into()).spawn(move || {
                    loop {
                        std::thread::sleep(UPKEEP);
                        upkeep.run_upkeep();
                    }
                });
                if let Err(error) = spawned {
                    tracing::warn!(%error, "no upkeep for the metrics; latencies are folded when scraped");
                }
            }
            // Only if something else in the process installed a recorder first: serve what this one has.
            Err(error) => tracing::warn!(%error, "another metrics recorder is installed; /metrics stays empty"),
        }
        handle
    })
}

fn buckets(builder: PrometheusBuilder) -> PrometheusBuilder {
    [(HTTP_DURATION, LATENCY_BUCKETS), (ACKNOWLEDGED, LATENCY_BUCKETS), (BATCHES, BATCH_BUCKETS)].into_iter().fold(
        builder,
        |builder, (name, buckets)| {
            builder.set_buckets_for_metric(Matcher::Full(name.into()), buckets).expect("buckets are given")
        },
    )
}

fn describe() {
    use metrics::{describe_counter, describe_gauge, describe_histogram};
    describe_counter!(HTTP_REQUESTS, "Requests answered, by method, route template and status.");
    describe_histogram!(
        HTTP_DURATION,
        "Seconds until a request's answer starts (a live stream's, until it opens), by method, route template and status."
    );
    describe_gauge!(LIVE_STREAMS, "Live streams (server-sent events) open.");
    describe_gauge!(LIVE_WORKSHOPS, "Workshops followed live by at least one stream.");
    describe_counter!(
        SUBMISSIONS,
        "Score submissions that reached the writer, by outcome: accepted, or rejected (scoring closed meanwhile, or the write failed)."
    );
    describe_histogram!(ACKNOWLEDGED, "Seconds from a score submission's enqueueing to its batch's durable commit.");
    describe_histogram!(BATCHES, "Score submissions written together in one transaction (group commit).");
    describe_counter!(
        RESULTS_PAGES,
        "Public results pages answered, by how: kept (rendered earlier for the same version) or rendered."
    );
    describe_gauge!(CONNECTIONS, "Database connections in the pool, by state: in_use or idle; sampled when scraped.");
    describe_gauge!(CONNECTIONS_MAX, "The most connections the database pool opens.");
}

/// Shows the series that do not name a route at 0 from the start, so that a dashboard or an
/// alert finds them before the first stream or score.
fn register() {
    gauge!(LIVE_STREAMS).increment(0.0);
    gauge!(LIVE_WORKSHOPS).increment(0.0);
    for outcome in ["accepted", "rejected"] {
        counter!(SUBMISSIONS, "outcome" => outcome).increment(0);
    }
    for answer in ["kept", "rendered"] {
        counter!(RESULTS_PAGES, "answer" => answer).increment(0);
    }
    let _ = histogram!(ACKNOWLEDGED);
    let _ = histogram!(BATCHES);
}

/// The metrics, on their own; the main router merges them unless they have a listener of their own.
pub fn router(store: Arc<dyn Store>) -> Router {
    let handle = install();
    Router::new().route(PATH, get(move || std::future::ready(render(handle, store.as_ref()))))
}

fn render(handle: &PrometheusHandle, store: &dyn Store) -> Response {
    let connections = store.connections();
    gauge!(CONNECTIONS, "state" => "in_use").set(connections.in_use);
    gauge!(CONNECTIONS, "state" => "idle").set(connections.idle);
    gauge!(CONNECTIONS_MAX).set(connections.max);
    ([(header::CONTENT_TYPE, CONTENT_TYPE), (header::CACHE_CONTROL, "no-store")], handle.render()).into_response()
}

/// Counts every request by method, route template and status, and times it until its answer starts.
pub async fn track(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = request.extensions().get::<MatchedPath>().map_or(NO_ROUTE, MatchedPath::as_str).to_owned();
    let method = method(request.method());
    let response = next.run(request).await;
    let labels = vec![
        Label::new("method", method),
        Label::new("route", route),
        Label::new("status", response.status().as_str().to_owned()),
    ];
    histogram!(HTTP_DURATION, labels.clone()).record(started.elapsed());
    counter!(HTTP_REQUESTS, labels).increment(1);
    response
}

/// A method's label: a client may send any word as one, and a label must take few values.
fn method(method: &Method) -> &'static str {
    static KNOWN: [Method; 9] = [
        Method::GET,
        Method::HEAD,
        Method::POST,
        Method::PUT,
        Method::PATCH,
        Method::DELETE,
        Method::OPTIONS,
        Method::CONNECT,
        Method::TRACE,
    ];
    KNOWN.iter().find(|known| *known == method).map_or("other", Method::as_str)
}

/// Counts one of something while it lives: a live stream, a workshop followed live.
pub struct Held(Gauge);

impl Held {
    fn new(gauge: Gauge) -> Held {
        gauge.increment(1.0);
        Held(gauge)
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        self.0.decrement(1.0);
    }
}

/// One live stream, open until dropped.
pub fn live_stream() -> Held {
    Held::new(gauge!(LIVE_STREAMS))
}

/// One workshop followed live, until dropped.
pub fn live_workshop() -> Held {
    Held::new(gauge!(LIVE_WORKSHOPS))
}

/// One public results page answered: from those kept, or rendered for it.
pub fn results_page(kept: bool) {
    counter!(RESULTS_PAGES, "answer" => if kept { "kept" } else { "rendered" }).increment(1);
}

/// One group-commit batch of `submissions`, as its transaction is tried.
pub fn score_batch(submissions: usize) {
    histogram!(BATCHES).record(submissions as f64);
}

/// One score submission answered: `accepted` or not, and, if its batch committed, when it was enqueued.
pub fn score_submission(accepted: bool, enqueued: Option<Instant>) {
    let outcome = if accepted { "accepted" } else { "rejected" };
    counter!(SUBMISSIONS, "outcome" => outcome).increment(1);
    if let Some(enqueued) = enqueued {
        histogram!(ACKNOWLEDGED).record(enqueued.elapsed());
    }
}
