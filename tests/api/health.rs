//! The health endpoints a platform probes: alive, and ready to work.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support;

#[tokio::test]
async fn the_server_says_it_is_alive_and_ready_without_credentials() {
    let server = support::start().await;
    let live = server.client.get(server.url("/health/live")).send().await.unwrap();
    assert_eq!(live.status(), StatusCode::OK);
    assert_eq!(live.headers()["cache-control"], "no-store");
    assert_eq!(live.text().await.unwrap(), "ok");

    let ready = server.client.get(server.url("/health/ready")).send().await.unwrap();
    assert_eq!(ready.status(), StatusCode::OK);
    assert_eq!(ready.headers()["cache-control"], "no-store");
    assert_eq!(ready.json::<Value>().await.unwrap(), json!({ "database": "ok", "live": "ok" }));

    // Documented with the API, the failing answer included.
    let document = server.get_json("/api/v1/openapi.json").await;
    assert!(document["paths"]["/health/live"]["get"]["responses"]["200"].is_object());
    assert!(document["paths"]["/health/ready"]["get"]["responses"]["503"].is_object());
}
