//! What one client address may do. A whole venue often reaches the server from one public
//! address, so only what an honest crowd does not do is limited: failing again and again to
//! find a workshop or to prove a secret (walking join codes, guessing links), making workshops
//! in bulk, and holding thousands of live streams.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderName, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use futures_util::StreamExt;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use kvadrant::Error;
use kvadrant_app::error::AppError;
use tokio_util::sync::CancellationToken;

use crate::error::refusal;
use crate::paths::Route;

/// Failed lookups and secret checks one address may make at once. A venue's typos and stale
/// links come to a few dozen; a walk through join codes needs millions.
pub const FAILURE_BURST: u32 = 60;
/// After the burst, one more failure is allowed this often.
pub const FAILURE_REFILL: Duration = Duration::from_secs(2);
/// Workshops (made, imported or copied) one address may make at once: a room of facilitators
/// preparing together.
pub const CREATION_BURST: u32 = 30;
/// After the burst, one more workshop is allowed this often.
pub const CREATION_REFILL: Duration = Duration::from_secs(6);
/// Live streams one address may hold: a venue's every screen, many times over.
pub const LIVE_STREAMS: usize = 5_000;
/// What a client is told to wait when it holds too many live streams.
const LIVE_STREAMS_RETRY_AFTER: u32 = 10;
/// Addresses remembered as refused at one time; beyond that the least recent are forgotten early.
const REFUSED_ADDRESSES: usize = 10_000;
/// How often the counts of addresses that have gone quiet are dropped.
const FORGET_EVERY: Duration = Duration::from_secs(60);
/// The largest server-function error read to see what failed; theirs are a few hundred bytes.
const SERVER_FUNCTION_ERROR: usize = 64 * 1024;
/// The header server functions mark their errors with.
const SERVER_FUNCTION_ERROR_HEADER: &str = "serverfnerror";

/// The limits per client address; the defaults are the constants above. An operator may raise
/// them, for a venue larger than any above or for a test that makes many workshops from one address.
#[derive(Debug, Clone, clap::Args)]
pub struct Limits {
    /// Failed lookups and secret checks one client address may make at once.
    #[arg(long, env = "KVADRANT_FAILURE_BURST", default_value_t = FAILURE_BURST, value_parser = clap::value_parser!(u32).range(1..))]
    pub failure_burst: u32,
    #[arg(skip = FAILURE_REFILL)]
    pub failure_refill: Duration,
    /// Workshops one client address may make at once.
    #[arg(long, env = "KVADRANT_CREATION_BURST", default_value_t = CREATION_BURST, value_parser = clap::value_parser!(u32).range(1..))]
    pub creation_burst: u32,
    #[arg(skip = CREATION_REFILL)]
    pub creation_refill: Duration,
    /// Live streams one client address may hold.
    #[arg(long, env = "KVADRANT_LIVE_STREAMS", default_value_t = LIVE_STREAMS,
        value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub live_streams: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            failure_burst: FAILURE_BURST,
            failure_refill: FAILURE_REFILL,
            creation_burst: CREATION_BURST,
            creation_refill: CREATION_REFILL,
            live_streams: LIVE_STREAMS,
        }
    }
}

/// The client's address as limits count it: an IPv6 host usually holds a whole /64, so that
/// is what counts as one client.
fn limited_address(address: IpAddr) -> IpAddr {
    match address.to_canonical() {
        IpAddr::V6(v6) => IpAddr::V6(Ipv6Addr::from_bits(v6.to_bits() & !u128::from(u64::MAX))),
        v4 => v4,
    }
}

/// The client's address: the connection's peer, or behind a trusted proxy the last address in
/// the header it names. For `X-Forwarded-For` that is the one the proxy saw itself; whatever the
/// client wrote there comes before it.
pub fn client_address(peer: Option<SocketAddr>, headers: &HeaderMap, trust_proxy: Option<&HeaderName>) -> IpAddr {
    let forwarded = trust_proxy.and_then(|name| {
        let last = headers.get_all(name).iter().next_back()?.to_str().ok()?.rsplit(',').next()?.trim();
        last.parse::<IpAddr>().ok().or_else(|| last.parse::<SocketAddr>().ok().map(|address| address.ip()))
    });
    forwarded.or(peer.map(|peer| peer.ip())).unwrap_or(IpAddr::from([0, 0, 0, 0]))
}

/// Whether an answer is a failed lookup or secret check. Results kept hidden are refused to
/// every honest participant alike, so they do not count.
fn failed(route: &Route, status: StatusCode, error: Option<&Error>) -> bool {
    match status {
        StatusCode::UNAUTHORIZED => true,
        StatusCode::FORBIDDEN => match error {
            Some(Error::ResultsHidden) => false,
            Some(_) => true,
            None => route.secret_page,
        },
        StatusCode::NOT_FOUND => route.lookup,
        _ => false,
    }
}

/// The limits' counts, shared by every request.
pub struct Guard {
    trust_proxy: Option<HeaderName>,
    live_streams: usize,
    failures: DefaultKeyedRateLimiter<IpAddr>,
    /// Addresses over their failures, and until when.
    refused: quick_cache::sync::Cache<IpAddr, Instant>,
    creations: DefaultKeyedRateLimiter<IpAddr>,
    live: Arc<Mutex<HashMap<IpAddr, usize>>>,
    /// Cancelled when the server stops: every live stream ends, and browsers reconnect elsewhere.
    stopping: CancellationToken,
}

fn quota(burst: u32, refill: Duration) -> Quota {
    let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(refill).unwrap_or(Quota::per_second(NonZeroU32::MIN)).allow_burst(burst)
}

/// Whole seconds to wait, at least one.
fn seconds(wait: Duration) -> u32 {
    u32::try_from(wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).unwrap_or(u32::MAX).max(1)
}

impl Guard {
    /// Starts counting; counts of quiet addresses are dropped now and then.
    pub fn start(limits: &Limits, trust_proxy: Option<HeaderName>, stopping: CancellationToken) -> Arc<Guard> {
        let guard = Arc::new(Guard {
            trust_proxy,
            live_streams: limits.live_streams,
            failures: RateLimiter::keyed(quota(limits.failure_burst, limits.failure_refill)),
            refused: quick_cache::sync::Cache::new(REFUSED_ADDRESSES),
            creations: RateLimiter::keyed(quota(limits.creation_burst, limits.creation_refill)),
            live: Arc::default(),
            stopping,
        });
        let weak = Arc::downgrade(&guard);
        tokio::spawn(async move {
            let mut every = tokio::time::interval(FORGET_EVERY);
            loop {
                every.tick().await;
                let Some(guard) = weak.upgrade() else { return };
                guard.failures.retain_recent();
                guard.creations.retain_recent();
            }
        });
        guard
    }

    /// Seconds until `address` may look workshops up again, if it is refused now.
    fn refused_for(&self, address: IpAddr) -> Option<u32> {
        let until = self.refused.get(&address)?;
        let now = Instant::now();
        if until > now {
            Some(seconds(until - now))
        } else {
            self.refused.remove(&address);
            None
        }
    }

    /// Counts a failure; past the limit, refuses the address for a while: how many seconds.
    fn fail(&self, address: IpAddr) -> Option<u32> {
        let not_until = self.failures.check_key(&address).err()?;
        let wait = not_until.wait_time_from(self.failures.clock().now());
        self.refused.insert(address, Instant::now() + wait);
        Some(seconds(wait))
    }

    fn create(&self, address: IpAddr) -> Result<(), u32> {
        self.creations
            .check_key(&address)
            .map_err(|not_until| seconds(not_until.wait_time_from(DefaultClock::default().now())))
    }

    fn live_slot(&self, address: IpAddr) -> Option<LiveSlot> {
        let mut live = self.live.lock().expect("live streams lock");
        let held = live.entry(address).or_default();
        if *held >= self.live_streams {
            return None;
        }
        *held += 1;
        Some(LiveSlot { live: self.live.clone(), address })
    }

    /// The live stream in `response`, counted as long as it runs, and ended when the server stops.
    fn follow(&self, response: Response, slot: LiveSlot) -> Response {
        let stopping = self.stopping.clone().cancelled_owned();
        response.map(|body| {
            let stream = body.into_data_stream().take_until(stopping).map(move |chunk| {
                let _counted = &slot;
                chunk
            });
            Body::from_stream(stream)
        })
    }
}

/// One live stream counted against its address until dropped.
struct LiveSlot {
    live: Arc<Mutex<HashMap<IpAddr, usize>>>,
    address: IpAddr,
}

impl Drop for LiveSlot {
    fn drop(&mut self) {
        let mut live = self.live.lock().expect("live streams lock");
        if let Entry::Occupied(mut held) = live.entry(self.address) {
            *held.get_mut() -= 1;
            if *held.get() == 0 {
                held.remove();
            }
        }
    }
}

/// The error a response stands for: the API's and pages' say it in their extensions, server
/// functions in their body, which is read back for it.
async fn refused_with(response: Response) -> (Response, Option<Error>) {
    if let Some(error) = response.extensions().get::<Error>() {
        let error = error.clone();
        return (response, Some(error));
    }
    if !response.headers().contains_key(SERVER_FUNCTION_ERROR_HEADER) {
        return (response, None);
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, SERVER_FUNCTION_ERROR).await else {
        return (Response::from_parts(parts, Body::empty()), None);
    };
    let error = match serde_json::from_slice(&bytes) {
        Ok(AppError::Domain(error)) => Some(error),
        _ => None,
    };
    (Response::from_parts(parts, Body::from(bytes)), error)
}

/// Applies the limits to one request.
pub async fn guard(State(guard): State<Arc<Guard>>, request: Request, next: Next) -> Response {
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|info| info.0);
    let address = limited_address(client_address(peer, request.headers(), guard.trust_proxy.as_ref()));
    let route = Route::of(request.method(), request.uri().path());
    // Only a server function's refusal is worded for people: other routes' requests skip the cookie.
    let lang = route.server_function.then(|| kvadrant_api::lang::chosen(request.headers())).flatten();
    let refuse =
        |retry_after| refusal(Error::RateLimited { retry_after }, route.server_function, lang.unwrap_or_default());
    if route.lookup
        && let Some(retry_after) = guard.refused_for(address)
    {
        return refuse(retry_after);
    }
    if route.creates
        && let Err(retry_after) = guard.create(address)
    {
        tracing::warn!(client = %address, "refusing to make more workshops for {retry_after} s");
        return refuse(retry_after);
    }
    let slot = match route.live {
        true => match guard.live_slot(address) {
            Some(slot) => Some(slot),
            None => return refuse(LIVE_STREAMS_RETRY_AFTER),
        },
        false => None,
    };

    let response = next.run(request).await;

    let (response, error) = match route.server_function {
        true => refused_with(response).await,
        false => {
            let error = response.extensions().get::<Error>().cloned();
            (response, error)
        }
    };
    let status = match (&error, route.server_function) {
        (Some(error), true) => kvadrant_api::status::status(error),
        _ => response.status(),
    };
    if failed(&route, status, error.as_ref())
        && let Some(retry_after) = guard.fail(address)
    {
        // Never the path: it may hold a secret.
        tracing::warn!(client = %address, "too many failed lookups or secret checks; refusing for {retry_after} s");
        return refuse(retry_after);
    }
    match slot {
        Some(slot) if response.status().is_success() => guard.follow(response, slot),
        _ => response,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behind_a_proxy_the_address_it_saw_counts() {
        let peer = Some(SocketAddr::from(([10, 0, 0, 2], 40000)));
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", "203.0.113.9, 198.51.100.7".parse().unwrap());
        let forwarded = HeaderName::from_static("x-forwarded-for");
        assert_eq!(client_address(peer, &headers, None), IpAddr::from([10, 0, 0, 2]));
        assert_eq!(client_address(peer, &headers, Some(&forwarded)), IpAddr::from([198, 51, 100, 7]));
        headers.insert("x-real-ip", "2001:db8::1".parse().unwrap());
        let real = HeaderName::from_static("x-real-ip");
        assert_eq!(client_address(peer, &headers, Some(&real)), "2001:db8::1".parse::<IpAddr>().unwrap());
        headers.insert("x-real-ip", "not an address".parse().unwrap());
        assert_eq!(client_address(peer, &headers, Some(&real)), IpAddr::from([10, 0, 0, 2]));
    }

    #[test]
    fn an_ipv6_client_is_its_slash_64() {
        let one: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let other: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        assert_eq!(limited_address(one), limited_address(other));
        assert_ne!(limited_address(one), limited_address("2001:db8:1:3::1".parse().unwrap()));
        let mapped: IpAddr = "::ffff:192.0.2.1".parse().unwrap();
        assert_eq!(limited_address(mapped), IpAddr::from([192, 0, 2, 1]));
    }
}
