use std::net::SocketAddr;
use std::path::PathBuf;
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
    /// Serve the site (styles, scripts, WASM) from this folder, as `cargo leptos build` writes
    /// it, instead of the files built into the binary. A binary built without them reads
    /// `target/site` by default.
    #[arg(long, env = "KVADRANT_SITE_ROOT")]
    pub site_root: Option<PathBuf>,
    /// How to reach whoever runs this instance, for feedback on accessibility and questions
    /// about privacy: an e-mail address or a web address. Shown on those two pages.
    #[arg(long, env = "KVADRANT_CONTACT")]
    pub contact: Option<String>,
    /// The address participants reach this instance at (`https://kvadrant.example.no`): join
    /// links, group cards and the big screen's QR code start with it. Without it, with the
    /// address each request came to (its `Host`, and a proxy's `X-Forwarded-Proto`).
    #[arg(long, env = "KVADRANT_PUBLIC_URL", value_parser = public_url)]
    pub public_url: Option<String>,
    /// The instance administrator's token (at least 32 characters, e.g. `openssl rand -hex 32`):
    /// with it, `/api/v1/admin/workshops` lists every workshop and deletes one. Without it, that
    /// API refuses everyone; `kvadrant-server admin` works on the database directly.
    #[arg(long, env = "KVADRANT_ADMIN_TOKEN", hide_env_values = true)]
    pub admin_token: Option<AdminToken>,
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

/// The shortest admin token taken: as hard to guess as a workshop's secret.
const ADMIN_TOKEN_MIN: usize = 32;

/// The instance administrator's token; it never shows, in a log line or anywhere else.
#[derive(Clone)]
pub struct AdminToken(String);

impl AdminToken {
    pub fn matches(&self, given: &str) -> bool {
        crate::secret::matches(given, &self.0)
    }
}

impl std::fmt::Debug for AdminToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AdminToken(hidden)")
    }
}

impl std::str::FromStr for AdminToken {
    type Err = String;

    fn from_str(text: &str) -> Result<AdminToken, String> {
        if text.chars().count() >= ADMIN_TOKEN_MIN && text.chars().all(|c| c.is_ascii_graphic()) {
            Ok(AdminToken(text.to_owned()))
        } else {
            Err(format!("the admin token must be at least {ADMIN_TOKEN_MIN} visible ASCII characters, without spaces"))
        }
    }
}

/// An `http://` or `https://` address of a host (and port), without a path: the pages link
/// each other from the root.
fn public_url(text: &str) -> Result<String, String> {
    let trimmed = text.trim().trim_end_matches('/');
    let host = trimmed.strip_prefix("https://").or_else(|| trimmed.strip_prefix("http://"));
    let plain = |c: char| c.is_ascii_alphanumeric() || "-.:[]".contains(c);
    match host {
        Some(host) if !host.is_empty() && host.chars().all(plain) => Ok(trimmed.to_owned()),
        _ => Err(format!(
            "{text:?} is not the http:// or https:// address of a host, such as https://kvadrant.example.no"
        )),
    }
}

fn seconds(text: &str) -> Result<Duration, String> {
    text.parse::<f64>()
        .ok()
        .and_then(|seconds| Duration::try_from_secs_f64(seconds).ok())
        .filter(|duration| !duration.is_zero())
        .ok_or_else(|| format!("{text:?} is not a number of seconds above 0"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_admin_token_is_long_and_never_shown() {
        assert!("too-short".parse::<AdminToken>().unwrap_err().contains("at least 32"));
        assert!("with a space 0123456789abcdef0123456789".parse::<AdminToken>().is_err());
        let token: AdminToken = "0123456789abcdef0123456789abcdef".parse().unwrap();
        assert!(token.matches("0123456789abcdef0123456789abcdef") && !token.matches("0123456789abcdef"));
        assert!(!format!("{token:?}").contains("0123"));
    }

    #[test]
    fn a_public_url_is_an_http_address_without_a_trailing_slash() {
        assert_eq!(public_url("https://kvadrant.example.no/").unwrap(), "https://kvadrant.example.no");
        assert_eq!(public_url("http://10.0.0.5:3000").unwrap(), "http://10.0.0.5:3000");
        for wrong in [
            "kvadrant.example.no",
            "ftp://x.no",
            "https://",
            "https://x.no/?a=1",
            "https://x y.no",
            "https://region.no/kvadrant",
        ] {
            let error = public_url(wrong).unwrap_err();
            assert!(error.contains("https://kvadrant.example.no"), "{wrong}: {error}");
        }
    }
}
