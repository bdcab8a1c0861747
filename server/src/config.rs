use std::net::SocketAddr;
use std::time::Duration;

use axum::http::HeaderName;
use clap::{ArgAction, Args};

use crate::limits::Limits;

/// Kvadrant's settings, from flags or the environment.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, env = "KVADRANT_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Serve the metrics (Prometheus's text format) at `/metrics` on this address, a listener of
    /// their own, and not on `--addr`: for an operator who keeps them off the public side.
    /// Without it, `--addr` serves them.
    #[arg(long, env = "KVADRANT_METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,
    /// Where workshops are kept. A `sqlite://` file is created and migrated on start.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://kvadrant.db")]
    pub database_url: String,
    /// Create the illustrative demo workshop when the database is empty.
    #[arg(long, env = "KVADRANT_DEMO", default_value_t = true, action = ArgAction::Set)]
    pub demo: bool,
    /// The built site: styles, scripts and WASM (`cargo leptos build` writes `target/site`).
    #[arg(long, env = "KVADRANT_SITE_ROOT", default_value = "target/site")]
    pub site_root: String,
    /// How to reach whoever runs this instance, for feedback on accessibility and questions
    /// about privacy: an e-mail address or a web address. Shown on those two pages.
    #[arg(long, env = "KVADRANT_CONTACT")]
    pub contact: Option<String>,
    /// Days a workshop is kept after its last change; then it is deleted with everything in it
    /// (the facilitator's page says when). 0 keeps workshops until they are deleted by hand.
    #[arg(long, env = "KVADRANT_RETENTION_DAYS", default_value_t = RETENTION_DAYS)]
    pub retention_days: u32,
}

/// Workshops are kept a year after their last change, unless the operator says otherwise.
pub const RETENTION_DAYS: u32 = 365;

/// How the server writes its log lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// Seconds a client has to send a request's header; an honest one needs a fraction of one.
const HEADER_TIMEOUT: &str = "10";
/// Seconds until an answer starts; the slowest honest one, a large workshop's PNG, takes about one.
const REQUEST_TIMEOUT: &str = "30";

/// How the server meets its clients: how long it waits for them, and how it tells them apart.
#[derive(Debug, Clone, Args)]
pub struct Serving {
    /// Seconds a client has to send a request's header, and the longest an idle kept-alive
    /// connection stays open.
    #[arg(long = "header-timeout", env = "KVADRANT_HEADER_TIMEOUT", default_value = HEADER_TIMEOUT, value_parser = seconds)]
    pub header_timeout: Duration,
    /// Seconds a request (its body included) may take until its answer starts; live streams
    /// then run for as long as they are followed.
    #[arg(long = "request-timeout", env = "KVADRANT_REQUEST_TIMEOUT", default_value = REQUEST_TIMEOUT, value_parser = seconds)]
    pub request_timeout: Duration,
    /// Behind a reverse proxy: the header it puts the client's address in (`x-forwarded-for`,
    /// `x-real-ip`). The last address in it counts: for `x-forwarded-for`, the one the proxy saw
    /// itself. Without it, the client is the connection's peer. Only for a server that clients
    /// reach through the proxy alone: anyone else could name any address.
    #[arg(long, env = "KVADRANT_TRUST_PROXY")]
    pub trust_proxy: Option<HeaderName>,
    /// What one client address may do; the defaults suit a venue behind one public address.
    #[command(flatten)]
    pub limits: Limits,
}

impl Default for Serving {
    fn default() -> Self {
        Serving {
            header_timeout: seconds(HEADER_TIMEOUT).expect("a valid default"),
            request_timeout: seconds(REQUEST_TIMEOUT).expect("a valid default"),
            trust_proxy: None,
            limits: Limits::default(),
        }
    }
}

fn seconds(text: &str) -> Result<Duration, String> {
    text.parse::<f64>()
        .ok()
        .and_then(|seconds| Duration::try_from_secs_f64(seconds).ok())
        .filter(|duration| !duration.is_zero())
        .ok_or_else(|| format!("{text:?} is not a number of seconds above 0"))
}
