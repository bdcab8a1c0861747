//! The bench's HTTP clients: plain HTTP/1.1 to a server on loopback.

use std::error::Error;
use std::net::SocketAddr;
use std::time::Duration;

use reqwest::{Client, ClientBuilder};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// For JSON requests: up to `connections` keep-alive connections stay open per server, one for
/// each writer once they are all busy.
pub fn requests(connections: usize) -> reqwest::Result<Client> {
    builder().pool_max_idle_per_host(connections).build()
}

/// For live streams: a connection of its own for every stream and none kept afterwards. Without
/// a pool there is no lock the streams share, so thousands of them open side by side.
pub fn streams() -> reqwest::Result<Client> {
    builder().pool_max_idle_per_host(0).build()
}

fn builder() -> ClientBuilder {
    // A proxy set in the environment must not stand between the bench and a server on loopback.
    Client::builder().no_proxy().connect_timeout(CONNECT_TIMEOUT)
}

pub fn url(addr: SocketAddr, path: &str) -> String {
    format!("http://{addr}{path}")
}

/// What failed and why, without the URL: the report counts failures by reason, and the same
/// failure on many groups' paths is one reason.
pub fn reason(error: reqwest::Error) -> String {
    let stage = if error.is_connect() {
        "connect"
    } else if error.is_body() || error.is_decode() {
        "read"
    } else {
        "request"
    };
    let error = error.without_url();
    let mut cause: &dyn Error = &error;
    while let Some(source) = cause.source() {
        cause = source;
    }
    format!("{stage}: {cause}")
}
