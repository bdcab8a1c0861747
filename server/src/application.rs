use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock};

use axum::error_handling::HandleErrorLayer;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::{Extension, Router};
use kvadrant_api::backend::SharedBackend;
use kvadrant_app::{App, Instance, shell};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

use crate::config::{Config, Serving};
use crate::export::Pictures;
use crate::limits::Guard;
use crate::page_cache::PageCache;
use crate::service::Service;
use crate::site::{self, Site, SiteError};
use crate::store::{self, OpenError, Store, StoreError};
use crate::{api, demo, error, headers, language, metrics, navigation, page_cache, serve};

/// Request bodies larger than this are refused; a full sheet of 100 areas is about 10 KiB.
const BODY_LIMIT: usize = 256 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}")]
    Database(#[from] OpenError),
    #[error("cannot follow changes: {0}")]
    Live(#[from] StoreError),
    #[error("demo workshop: {0}")]
    Demo(kvadrant::Error),
    #[error("cannot listen: {0}")]
    Listen(#[from] io::Error),
    #[error("{0}")]
    Site(#[from] SiteError),
}

/// The whole server, bound to its port and ready to run.
pub struct Application {
    listener: TcpListener,
    router: Router,
    header_timeout: std::time::Duration,
    /// Cancelled when the server stops, which ends every live stream.
    stopping: CancellationToken,
    /// The metrics' own listener and routes, with `--metrics-addr`.
    metrics: Option<(TcpListener, Router)>,
}

impl Application {
    /// The server with the usual timeouts and limits.
    pub async fn build(config: Config) -> Result<Application, StartError> {
        Application::build_with(config, Serving::default()).await
    }

    pub async fn build_with(config: Config, serving: Serving) -> Result<Application, StartError> {
        metrics::install();
        let url = config.database_url.as_str();
        let store = store::open(url).await?;
        let service = Arc::new(
            Service::start(store.clone()).await?.retaining(config.retention_days).administered_with(config.admin_token),
        );
        tokio::spawn(forget_expired_removals(store));
        tokio::spawn(delete_unchanged(service.clone()));
        if config.demo && service.store().count_workshops().await.map_err(|e| StartError::Demo(e.into()))? == 0 {
            let manage_path = demo::seed(&service).await.map_err(StartError::Demo)?;
            tracing::info!("demo workshop created; its facilitator page is {manage_path}");
        }

        let listener = TcpListener::bind(config.addr).await?;
        let scrapes = metrics::router(service.store().clone());
        let (scrapes, metrics) = match config.metrics_addr {
            Some(addr) => (Router::new(), Some((TcpListener::bind(addr).await?, scrapes))),
            None => (scrapes, None),
        };
        let site = Site::load(&site::Source::from_setting(config.site_root))?;
        let options = LeptosOptions::builder()
            .output_name("kvadrant")
            .site_pkg_dir(site.pkg_dir())
            .site_addr(listener.local_addr()?)
            .build();
        let stopping = CancellationToken::new();
        let guard = Guard::start(&serving.limits, serving.trust_proxy.clone(), stopping.clone());
        let instance = Instance {
            contact: config.contact.filter(|contact| !contact.trim().is_empty()),
            retention_days: config.retention_days,
            public_url: config.public_url,
        };
        let router = router(service, site, options, guard, instance, scrapes, &serving);
        Ok(Application { router, listener, header_timeout: serving.header_timeout, stopping, metrics })
    }

    pub fn address(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    /// Where the metrics are served apart from the rest, with `--metrics-addr`.
    pub fn metrics_address(&self) -> Option<SocketAddr> {
        self.metrics.as_ref().map(|(listener, _)| listener.local_addr().expect("a bound listener has an address"))
    }

    /// Serves until SIGTERM or SIGINT, then stops gracefully.
    pub async fn run(self) -> io::Result<()> {
        // The metrics' own listener, if any, serves until the rest has drained.
        let scrapes = self.metrics.map(|(listener, router)| {
            if let Ok(addr) = listener.local_addr() {
                tracing::info!("metrics at http://{addr}{}", metrics::PATH);
            }
            let forever = std::future::pending();
            tokio::spawn(serve::serve(listener, router, self.header_timeout, CancellationToken::new(), forever))
        });
        // Serving a `Router` directly copies its whole route table for every connection (tens of
        // KiB with all the pages' routes), which a live stream holds for hours; a make-service
        // shares one table.
        let served =
            serve::serve(self.listener, self.router, self.header_timeout, self.stopping, serve::signal()).await;
        if let Some(scrapes) = scrapes {
            scrapes.abort();
        }
        served
    }
}

/// Removals keep what they took (comments included) only while they can be undone: once a
/// minute, whatever can no longer be undone is deleted, in workshops no one touches too.
async fn forget_expired_removals(store: Arc<dyn Store>) {
    let mut every_minute = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        every_minute.tick().await;
        if let Err(cause) = store.forget_expired_removals().await {
            tracing::error!(%cause, "forgetting expired removals; trying again in a minute");
        }
    }
}

/// Workshops are deleted once they are past the retention time: looked for at start and hourly.
async fn delete_unchanged(service: Arc<Service>) {
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        match service.delete_unchanged().await {
            Ok(0) => {}
            Ok(deleted) => tracing::info!(deleted, "deleted workshops past the retention time"),
            Err(cause) => {
                tracing::error!(%cause, "deleting workshops past the retention time; trying again in an hour")
            }
        }
    }
}

/// The pages' routes, listed once per process. Listing them renders the app with resource loads
/// suppressed for the whole process, which stalls for good any page another server in the same
/// process starts rendering meanwhile (the tests run many side by side).
static PAGE_ROUTES: LazyLock<Vec<AxumRouteListing>> = LazyLock::new(|| generate_route_list(App));

fn router(
    service: Arc<Service>,
    site: Arc<Site>,
    options: LeptosOptions,
    guard: Arc<Guard>,
    instance: Instance,
    scrapes: Router,
    serving: &Serving,
) -> Router {
    let backend: SharedBackend = service.clone();
    let pages = Arc::new(PageCache::default());
    let context = move || {
        provide_context(backend.clone());
        provide_context(instance.clone());
        headers::provide_nonce();
    };
    let shell = {
        let options = options.clone();
        move || shell(options.clone())
    };
    let pages = Router::new()
        .route(navigation::JOIN_PATH, get(navigation::join))
        .route(navigation::LANGUAGE_PATH, axum::routing::post(navigation::set_language))
        .leptos_routes_with_context(&options, PAGE_ROUTES.clone(), context.clone(), shell.clone())
        .fallback({
            let render = leptos_axum::render_app_async_with_context(context, shell);
            move |request: axum::extract::Request| {
                let rendered = render(request);
                async move { not_found(rendered.await) }
            }
        })
        .with_state(options)
        .layer(axum::middleware::from_fn_with_state(service.clone(), language::workshop_language))
        .layer(axum::middleware::from_fn_with_state((service.clone(), pages), page_cache::results_page))
        .layer(axum::middleware::from_fn_with_state(site, site::serve));
    let (api, _) = api::routes();
    // Only the time until an answer starts is bounded: live streams then run on.
    let timeout = ServiceBuilder::new().layer(HandleErrorLayer::new(error::timed_out)).timeout(serving.request_timeout);
    Router::new()
        .merge(api.with_state(service))
        .merge(scrapes)
        .merge(pages)
        .layer(Extension(Arc::new(Pictures::default())))
        .layer(axum::middleware::from_fn_with_state(guard, crate::limits::guard))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(CompressionLayer::new())
        .layer(timeout)
        .layer(axum::middleware::from_fn(headers::security_headers))
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .layer(axum::middleware::from_fn(metrics::track))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(RequestCounter::default()))
}

/// What no route answers is the app's not-found page, rendered whole before the answer starts
/// (above), so that a status a page sets while it loads (403 for a wrong key) is the answer's. A
/// page the app's router does show at such an address (one ending in `/`) still answers 404, so
/// that a guessed code costs as much there as anywhere (see `limits`).
fn not_found(mut response: axum::response::Response) -> axum::response::Response {
    if response.status() == axum::http::StatusCode::OK {
        *response.status_mut() = axum::http::StatusCode::NOT_FOUND;
    }
    response
}

/// A request's log span names its route's template, never its path (paths carry secrets:
/// `/w/CODE/manage/SECRET`, a group's link), and its id (`x-request-id`: the proxy's if it sent
/// one, else this server's), which the answer carries too, so that a user's report and a
/// proxy's log line lead to the server's.
fn request_span(request: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    let route = request.extensions().get::<axum::extract::MatchedPath>().map_or("(no route)", |path| path.as_str());
    let id = request.headers().get("x-request-id").and_then(|id| id.to_str().ok()).unwrap_or_default();
    tracing::debug_span!("request", method = %request.method(), route, request_id = id)
}

/// Numbers the requests that come without an id, after the process's id: unique on the
/// machine while it runs, which is what a log line needs to be found by.
#[derive(Clone, Default)]
struct RequestCounter(Arc<AtomicU64>);

impl MakeRequestId for RequestCounter {
    fn make_request_id<B>(&mut self, _: &axum::http::Request<B>) -> Option<RequestId> {
        let number = self.0.fetch_add(1, Ordering::Relaxed) + 1;
        axum::http::HeaderValue::from_str(&format!("{:x}-{number}", std::process::id())).ok().map(RequestId::new)
    }
}

/// Every route the server answers, as (method, path template): the API's (read off its
/// OpenAPI document, which is built from the same handlers as its routes), the pages', the
/// server functions' and the two plain redirects. Tests walk it to check what each route
/// answers to each role, so that a new route cannot slip past them. `/metrics` is left out: it
/// tells no role anything of a workshop, and its counts change with every request (see `metrics`).
pub fn route_table() -> Vec<(String, String)> {
    let (_, document) = api::routes();
    let document = serde_json::to_value(&document).expect("the OpenAPI document serialises");
    let mut table: Vec<(String, String)> = document["paths"]
        .as_object()
        .into_iter()
        .flatten()
        .flat_map(|(path, item)| {
            item.as_object().into_iter().flatten().map(move |(method, _)| (method.to_uppercase(), path.clone()))
        })
        .collect();
    table.push(("GET".into(), api::OPENAPI_PATH.into()));
    table.push(("GET".into(), navigation::JOIN_PATH.into()));
    table.push(("POST".into(), navigation::LANGUAGE_PATH.into()));
    table.extend(PAGE_ROUTES.iter().map(|route| ("GET".to_owned(), route.path().to_owned())));
    table.extend(
        leptos::server_fn::axum::server_fn_paths().map(|(path, method)| (method.as_str().to_owned(), path.to_owned())),
    );
    table.sort();
    table.dedup();
    table
}
