//! Health, for whatever runs Kvadrant (systemd, a container platform, a load balancer):
//! `/health/live` answers while the process serves; `/health/ready` says whether it can do its
//! work, that its database answers and, where instances share PostgreSQL, that it still hears
//! the others' changes. Neither needs a secret, and neither says more than that.

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::service::Service;

pub const LIVE_PATH: &str = "/health/live";
pub const READY_PATH: &str = "/health/ready";

/// How long the database may take to answer before the instance counts as not ready.
const DATABASE_WAIT: Duration = Duration::from_secs(2);

#[derive(Serialize)]
struct Readiness {
    database: &'static str,
    live: &'static str,
}

pub async fn live() -> impl IntoResponse {
    ([(header::CACHE_CONTROL, "no-store")], "ok")
}

pub async fn ready(State(service): State<Arc<Service>>) -> Response {
    let database = matches!(tokio::time::timeout(DATABASE_WAIT, service.store().ping()).await, Ok(Ok(())));
    let live = service.hub().is_ready();
    let word = |ok: bool| if ok { "ok" } else { "failing" };
    let status = if database && live { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    let readiness = Readiness { database: word(database), live: word(live) };
    (status, [(header::CACHE_CONTROL, "no-store")], Json(readiness)).into_response()
}
