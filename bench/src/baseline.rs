//! The baseline: a bare server-sent events broadcast with no store and no aggregation, on the
//! same URLs and with the same coalescing as Kvadrant's live hub, so that what the bench
//! measures beyond it is the cost of Kvadrant's own work. Like the hub, it keeps one broadcast
//! per workshop code, each coalescing on its own. Its events are padded to the size of
//! Kvadrant's, so the bytes on the wire are comparable.

use std::collections::{HashMap, VecDeque};
use std::convert::Infallible;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::{Json, Router};
use tokio::sync::{Notify, watch};

use kvadrant_api::live::coalescing_window;

use crate::cli::BaselineArgs;

const RETRY: &[u8] = b"retry: 2000\n\n";

/// One version's events, serialised once and shared by every subscriber.
struct Frames {
    version: i64,
    view: Bytes,
    sheet: Option<Bytes>,
}

impl Frames {
    fn build(version: i64, sizes: &EventSizes) -> Frames {
        let sheet = (sizes.sheet > 0).then(|| padded_event("sheet", version, sizes.sheet));
        Frames { version, view: padded_event("view", version, sizes.view), sheet }
    }
}

struct EventSizes {
    view: usize,
    sheet: usize,
}

/// One workshop's versions and the screens following them.
struct Broadcast {
    version: AtomicI64,
    dirty: Notify,
    frames: watch::Sender<Arc<Frames>>,
}

/// Every workshop's broadcast, each made when its code is first used.
struct Broadcasts {
    sizes: Arc<EventSizes>,
    by_code: Mutex<HashMap<String, Arc<Broadcast>>>,
}

impl Broadcasts {
    fn new(sizes: EventSizes) -> Broadcasts {
        Broadcasts { sizes: Arc::new(sizes), by_code: Mutex::default() }
    }

    /// The workshop's broadcast, made and publishing from its first use.
    fn of(&self, code: String) -> Arc<Broadcast> {
        let mut by_code = self.by_code.lock().expect("broadcasts lock");
        let broadcast = by_code.entry(code).or_insert_with(|| {
            let (frames, _) = watch::channel(Arc::new(Frames::build(0, &self.sizes)));
            let broadcast = Arc::new(Broadcast { version: AtomicI64::new(0), dirty: Notify::new(), frames });
            tokio::spawn(publish(broadcast.clone(), self.sizes.clone()));
            broadcast
        });
        broadcast.clone()
    }
}

pub async fn serve(args: BaselineArgs) -> ExitCode {
    let broadcasts = Arc::new(Broadcasts::new(EventSizes { view: args.payload_bytes, sheet: args.sheet_bytes }));
    let router = Router::new()
        .route("/api/v1/openapi.json", get(|| async { Json(serde_json::json!({})) }))
        .route("/api/v1/workshops/{code}/groups/{id}/scores", put(put_scores))
        .route("/api/v1/workshops/{code}/live", get(follow_audience))
        .route("/api/v1/workshops/{code}/groups/{id}/live", get(follow_group))
        .with_state(broadcasts);
    match serve_on(args.addr, router).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("baseline server: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn serve_on(addr: SocketAddr, router: Router) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    axum::serve(listener, router).await
}

/// Like Kvadrant's refresher: a change is published at once, then no sooner than one coalescing
/// window for the screens following later, changes in between coalesced into one version.
async fn publish(broadcast: Arc<Broadcast>, sizes: Arc<EventSizes>) {
    loop {
        broadcast.dirty.notified().await;
        let version = broadcast.version.load(Ordering::SeqCst);
        if version > broadcast.frames.borrow().version {
            broadcast.frames.send_replace(Arc::new(Frames::build(version, &sizes)));
        }
        tokio::time::sleep(coalescing_window(broadcast.frames.receiver_count())).await;
    }
}

async fn put_scores(
    State(broadcasts): State<Arc<Broadcasts>>,
    Path((code, _group)): Path<(String, String)>,
    _scores: Bytes,
) -> Json<serde_json::Value> {
    let broadcast = broadcasts.of(code);
    let version = broadcast.version.fetch_add(1, Ordering::SeqCst) + 1;
    broadcast.dirty.notify_one();
    Json(serde_json::json!({ "version": version }))
}

async fn follow_audience(State(broadcasts): State<Arc<Broadcasts>>, Path(code): Path<String>) -> Response {
    event_stream(broadcasts.of(code).frames.subscribe(), false)
}

async fn follow_group(
    State(broadcasts): State<Arc<Broadcasts>>,
    Path((code, _group)): Path<(String, String)>,
) -> Response {
    event_stream(broadcasts.of(code).frames.subscribe(), true)
}

/// The current version at once, then the latest each time it changes.
fn event_stream(mut frames: watch::Receiver<Arc<Frames>>, with_sheet: bool) -> Response {
    let events_of = move |frames: &Frames| {
        let sheet = frames.sheet.clone().filter(|_| with_sheet);
        std::iter::once(frames.view.clone()).chain(sheet)
    };
    let mut pending = VecDeque::from([Bytes::from_static(RETRY)]);
    pending.extend(events_of(&frames.borrow_and_update()));
    let events = futures_util::stream::unfold((frames, pending), move |(mut frames, mut pending)| async move {
        loop {
            if let Some(bytes) = pending.pop_front() {
                return Some((Ok::<_, Infallible>(bytes), (frames, pending)));
            }
            frames.changed().await.ok()?;
            let latest = frames.borrow_and_update().clone();
            pending.extend(events_of(&latest));
        }
    });
    ([(header::CONTENT_TYPE, "text/event-stream"), (header::CACHE_CONTROL, "no-store")], Body::from_stream(events))
        .into_response()
}

/// An event of exactly `size` bytes where it fits, its data a JSON object padded with spaces.
pub fn padded_event(name: &str, version: i64, size: usize) -> Bytes {
    let head = format!("event: {name}\nid: {version}\ndata: {{\"version\":{version},\"padding\":\"");
    let tail = "\"}\n\n";
    let padding = size.saturating_sub(head.len() + tail.len());
    let mut event = Vec::with_capacity(head.len() + padding + tail.len());
    event.extend_from_slice(head.as_bytes());
    event.resize(head.len() + padding, b' ');
    event.extend_from_slice(tail.as_bytes());
    Bytes::from(event)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn each_workshop_code_has_a_broadcast_of_its_own() {
        let broadcasts = Broadcasts::new(EventSizes { view: 200, sheet: 0 });
        let first = broadcasts.of("ONE".into());
        assert!(Arc::ptr_eq(&first, &broadcasts.of("ONE".into())));
        let other = broadcasts.of("TWO".into());
        assert!(!Arc::ptr_eq(&first, &other));
        first.version.store(3, Ordering::SeqCst);
        first.dirty.notify_one();
        let mut frames = first.frames.subscribe();
        frames.wait_for(|frames| frames.version == 3).await.unwrap();
        assert_eq!(other.frames.borrow().version, 0, "a version of one workshop is not the other's");
    }

    #[test]
    fn events_have_the_size_asked_for() {
        let event = padded_event("view", 1234, 500);
        assert_eq!(event.len(), 500);
        assert!(event.starts_with(b"event: view\nid: 1234\ndata: {"));
        let data = std::str::from_utf8(&event).unwrap().lines().nth(2).unwrap().strip_prefix("data: ").unwrap();
        assert_eq!(serde_json::from_str::<serde_json::Value>(data).unwrap()["version"], 1234);
    }
}
