//! Health, for whatever runs Kvadrant (systemd, a container platform, a load balancer):
//! `/health/live` answers while the process serves; `/health/ready` says whether it can do its
//! work, that its database answers and, where instances share PostgreSQL, that it still hears
//! the others' changes. Neither needs a secret, and neither says more than that.

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::RETRY_AFTER_TIMEOUT;
use crate::service::Service;

/// How long the database may take to answer before the instance counts as not ready.
const DATABASE_WAIT: Duration = Duration::from_secs(2);

/// What is ready: `ok` or `failing` for each.
#[derive(Serialize, ToSchema)]
pub struct Readiness {
    /// The database answered within 2 seconds.
    #[schema(value_type = String, example = "ok")]
    database: &'static str,
    /// Live screens here see every change: always for a single instance; with several, while
    /// this one hears the others'.
    #[schema(value_type = String, example = "ok")]
    live: &'static str,
}

/// Answers `ok` while the process serves.
#[utoipa::path(get, path = "/health/live",
    responses((status = 200, body = String, content_type = "text/plain")))]
pub async fn live() -> impl IntoResponse {
    ([(header::CACHE_CONTROL, "no-store")], "ok")
}

/// Whether this instance can do its work; 503 names what fails and, like every 503 of the
/// server, when to ask again.
#[utoipa::path(get, path = "/health/ready",
    responses((status = 200, body = Readiness),
        (status = 503, body = Readiness, headers(("Retry-After" = u32, description = "Seconds to wait.")))))]
pub async fn ready(State(service): State<Arc<Service>>) -> Response {
    let database = matches!(tokio::time::timeout(DATABASE_WAIT, service.store().ping()).await, Ok(Ok(())));
    let live = service.hub().is_ready();
    let word = |ok: bool| if ok { "ok" } else { "failing" };
    let readiness = Json(Readiness { database: word(database), live: word(live) });
    let no_store = (header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if database && live {
        ([no_store], readiness).into_response()
    } else {
        let retry = (header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_TIMEOUT));
        (StatusCode::SERVICE_UNAVAILABLE, [no_store, retry], readiness).into_response()
    }
}
