//! One participant's screen: follows a live stream and notes when each newer version arrives.

use std::net::SocketAddr;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Instant;

use futures_util::StreamExt;
use reqwest::header::ACCEPT;
use reqwest::{Client, StatusCode};
use sse_stream::{Sse, SseStream};
use tokio::sync::{oneshot, watch};

use crate::client::{reason, url};
use crate::workshop::Stream;

/// Each follower's newest version, where the bench can watch them converge.
pub struct LatestVersions(Box<[AtomicI64]>);

impl LatestVersions {
    /// Before its first event a follower's version is -1.
    pub fn new(followers: usize) -> LatestVersions {
        LatestVersions((0..followers).map(|_| AtomicI64::new(-1)).collect())
    }

    pub fn get(&self, follower: usize) -> i64 {
        self.0[follower].load(Ordering::Relaxed)
    }

    fn set(&self, follower: usize, version: i64) {
        self.0[follower].store(version, Ordering::Relaxed);
    }
}

/// What one follower saw.
#[derive(Debug, Default)]
pub struct FollowerRecord {
    /// Each version newer than all before it, with when it arrived.
    pub seen: Vec<(i64, Instant)>,
    /// Events repeating the id of the previous event of their kind.
    pub duplicates: u64,
    /// Events older than the previous event of their kind.
    pub regressions: u64,
    pub first_view_bytes: Option<usize>,
    pub last_view_bytes: Option<usize>,
    pub first_sheet_bytes: Option<usize>,
    pub body_bytes: u64,
    /// Why the stream stopped before the bench closed it.
    pub failure: Option<String>,
}

pub struct FollowerTask {
    /// Shared by every follower: a clone is a handle on the same client.
    pub client: Client,
    pub addr: SocketAddr,
    pub stream: Stream,
    pub index: usize,
    pub latest: Arc<LatestVersions>,
    /// Answered at the first view, or with the reason there is none.
    pub ready: oneshot::Sender<Result<(), String>>,
    pub stop: watch::Receiver<bool>,
}

pub async fn follow(task: FollowerTask) -> FollowerRecord {
    let FollowerTask { client, addr, stream, index, latest, ready, mut stop } = task;
    let mut screen = Screen { record: FollowerRecord::default(), index, latest, ready: Some(ready), last: [None; 2] };
    // Apart from the screen, which the events borrow meanwhile; still here when the stop has
    // cancelled the stream.
    let mut received = 0;
    let outcome = tokio::select! {
        outcome = stream_events(&client, addr, &stream, &mut screen, &mut received) => outcome,
        _ = stop.wait_for(|&stopped| stopped) => Ok(()),
    };
    screen.record.body_bytes = received;
    if let Err(reason) = outcome {
        if let Some(ready) = screen.ready.take() {
            let _ = ready.send(Err(reason.clone()));
        }
        screen.record.failure = Some(reason);
    }
    screen.record
}

/// A follower's state while its stream runs.
struct Screen {
    record: FollowerRecord,
    index: usize,
    latest: Arc<LatestVersions>,
    ready: Option<oneshot::Sender<Result<(), String>>>,
    /// The last view's and the last sheet's id.
    last: [Option<i64>; 2],
}

impl Screen {
    fn on_event(&mut self, event: Noted, now: Instant) {
        let record = &mut self.record;
        let (slot, first_bytes) = match event.kind {
            EventKind::View => {
                record.last_view_bytes = Some(event.bytes);
                (0, &mut record.first_view_bytes)
            }
            EventKind::Sheet => (1, &mut record.first_sheet_bytes),
            EventKind::Other => return,
        };
        first_bytes.get_or_insert(event.bytes);
        let Some(id) = event.id else { return };
        match self.last[slot] {
            Some(last) if id == last => record.duplicates += 1,
            Some(last) if id < last => record.regressions += 1,
            _ => {}
        }
        self.last[slot] = Some(id);
        if record.seen.last().is_none_or(|&(newest, _)| id > newest) {
            record.seen.push((id, now));
            self.latest.set(self.index, id);
        }
        if event.kind == EventKind::View
            && let Some(ready) = self.ready.take()
        {
            let _ = ready.send(Ok(()));
        }
    }
}

/// Runs until the stream fails or ends; the bench's stop cancels it. Adds the body's bytes to
/// `received` as they arrive.
async fn stream_events(
    client: &Client,
    addr: SocketAddr,
    target: &Stream,
    screen: &mut Screen,
    received: &mut u64,
) -> Result<(), String> {
    let mut request = client.get(url(addr, &target.path)).header(ACCEPT, "text/event-stream");
    if let Some(key) = &target.key {
        request = request.bearer_auth(key);
    }
    let response = request.send().await.map_err(reason)?;
    if response.status() != StatusCode::OK {
        return Err(format!("HTTP {}", response.status().as_u16()));
    }
    let body = response.bytes_stream().inspect(|chunk| {
        if let Ok(bytes) = chunk {
            *received += bytes.len() as u64;
        }
    });
    let mut events = pin!(SseStream::from_bytes_stream(body));
    while let Some(event) = events.next().await {
        let event = event.map_err(|error| match error {
            sse_stream::Error::Body(error) => match error.downcast::<reqwest::Error>() {
                Ok(error) => reason(*error),
                Err(error) => error.to_string(),
            },
            error => error.to_string(),
        })?;
        screen.on_event(Noted::of(&event), Instant::now());
    }
    Err("the server ended the stream".into())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EventKind {
    View,
    Sheet,
    Other,
}

/// What a screen notes of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Noted {
    kind: EventKind,
    id: Option<i64>,
    /// The event's size on the wire, written as both servers write it: `event`, `id`, one `data`
    /// line per line of data, each with a space after the colon and a line feed, then a blank line.
    bytes: usize,
}

impl Noted {
    fn of(event: &Sse) -> Noted {
        let kind = match event.event.as_deref() {
            Some("view") => EventKind::View,
            Some("sheet") => EventKind::Sheet,
            _ => EventKind::Other,
        };
        let field = |name: &str, value: &str| name.len() + ": ".len() + value.len() + 1;
        let data: usize = event.data.iter().flat_map(|data| data.split('\n')).map(|line| field("data", line)).sum();
        let named = event.event.as_deref().map_or(0, |name| field("event", name));
        let id = event.id.as_deref().map_or(0, |id| field("id", id));
        Noted { kind, id: event.id.as_deref().and_then(|id| id.parse().ok()), bytes: named + id + data + 1 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::baseline::padded_event;

    fn noted(kind: EventKind, id: i64) -> Noted {
        Noted { kind, id: Some(id), bytes: 10 }
    }

    #[test]
    fn notes_new_versions_once_and_counts_repeats_per_kind() {
        let (ready, mut answer) = oneshot::channel();
        let latest = Arc::new(LatestVersions::new(2));
        let mut screen =
            Screen { record: FollowerRecord::default(), index: 1, latest, ready: Some(ready), last: [None; 2] };
        let now = Instant::now();
        screen.on_event(noted(EventKind::Sheet, 5), now);
        assert!(answer.try_recv().is_err(), "ready only at the first view");
        for (kind, id) in [(EventKind::View, 5), (EventKind::View, 7), (EventKind::Sheet, 7), (EventKind::View, 7)] {
            screen.on_event(noted(kind, id), now);
        }
        screen.on_event(noted(EventKind::View, 6), now);
        assert_eq!(answer.try_recv(), Ok(Ok(())));
        assert_eq!(screen.record.seen, vec![(5, now), (7, now)]);
        assert_eq!((screen.record.duplicates, screen.record.regressions), (1, 1));
        assert_eq!((screen.latest.get(0), screen.latest.get(1)), (-1, 7));
    }

    #[tokio::test]
    async fn notes_names_ids_and_the_sizes_the_servers_send() {
        let view = padded_event("view", 41, 300);
        let sheet = "event: sheet\nid: 41\ndata: {\"scores\":[]}\n\n";
        let wire =
            [&b"retry: 2000\n\n"[..], &view, b":\n\n", sheet.as_bytes(), b"event: comments\nid: 42\ndata: x\n\n"]
                .concat();
        for piece in [1, 7, wire.len()] {
            let pieces = wire.chunks(piece).map(|bytes| Ok::<_, std::io::Error>(bytes::Bytes::copy_from_slice(bytes)));
            let events: Vec<Noted> = SseStream::from_bytes_stream(futures_util::stream::iter(pieces))
                .map(|event| event.unwrap())
                .filter(|event| std::future::ready(event.data.is_some()))
                .map(|event| Noted::of(&event))
                .collect()
                .await;
            let expected = [
                Noted { kind: EventKind::View, id: Some(41), bytes: 300 },
                Noted { kind: EventKind::Sheet, id: Some(41), bytes: sheet.len() },
                Noted { kind: EventKind::Other, id: Some(42), bytes: "event: comments\nid: 42\ndata: x\n\n".len() },
            ];
            assert_eq!(events, expected, "pieces of {piece}");
        }
    }
}
