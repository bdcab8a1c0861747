//! One participant's screen: follows a live stream and notes when each newer version arrives;
//! where the bench asks, drops it at its moment and opens a new one, as after a Wi-Fi drop.

use std::net::SocketAddr;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use reqwest::header::ACCEPT;
use reqwest::{Client, StatusCode};
use sse_stream::{Sse, SseStream};
use tokio::sync::{oneshot, watch};

use crate::client::{reason, url};
use crate::workshop::Stream;

/// Where a browser's reconnection tells the server the last event it had.
const LAST_EVENT_ID: &str = "last-event-id";

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
    /// Which of the run's workshops it follows.
    pub workshop: usize,
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
    /// Why the stream stopped before the bench closed it; for a screen that reconnected, why
    /// its first stream did before the drop.
    pub failure: Option<String>,
    /// The new stream of a screen that dropped its first one.
    pub reconnection: Option<Reconnection>,
}

#[derive(Debug)]
pub struct Reconnection {
    /// When the first stream was dropped; the new one was asked for at once.
    pub dropped: Instant,
    /// On the new stream, its first version and each newer one, with when they arrived.
    pub shown: Vec<(i64, Instant)>,
    /// Why the new stream could not be opened, or stopped before the bench closed it.
    pub failure: Option<String>,
}

/// When a follower drops its stream and opens a new one: `after` the start of the wave, which
/// the bench sets once for all followers.
pub struct Reconnect {
    pub wave: watch::Receiver<Option<Instant>>,
    pub after: Duration,
}

impl Reconnect {
    /// Never, if the bench ends without a wave.
    async fn moment(mut self) -> Instant {
        let start = self.wave.wait_for(Option::is_some).await.map(|start| *start);
        let Ok(Some(start)) = start else { return std::future::pending().await };
        tokio::time::sleep_until((start + self.after).into()).await;
        Instant::now()
    }
}

/// Answered at a follower's first view, or with the reason there is none.
pub type ReadySender = oneshot::Sender<Result<(), String>>;

pub struct FollowerTask {
    /// Shared by every follower: a clone is a handle on the same client.
    pub client: Client,
    pub addr: SocketAddr,
    pub stream: Stream,
    pub index: usize,
    pub latest: Arc<LatestVersions>,
    /// Answered at the first view, or with the reason there is none.
    pub ready: ReadySender,
    pub stop: watch::Receiver<bool>,
    /// Only in the reconnect scenario.
    pub reconnect: Option<Reconnect>,
}

pub async fn follow(task: FollowerTask) -> FollowerRecord {
    let FollowerTask { client, addr, stream, index, latest, ready, mut stop, reconnect } = task;
    let record = FollowerRecord { workshop: stream.workshop, ..FollowerRecord::default() };
    let mut screen = Screen::new(record, index, latest, ready);
    // Apart from the screen, which the events borrow meanwhile; still here when the stop has
    // cancelled the stream.
    let mut received = 0;
    let outcome = tokio::select! {
        outcome = watch_streams(&client, addr, &stream, &mut screen, &mut received, reconnect) => outcome,
        _ = stop.wait_for(|&stopped| stopped) => Ok(()),
    };
    screen.record.body_bytes = received;
    if let Err(reason) = outcome {
        if let Some(ready) = screen.ready.take() {
            let _ = ready.send(Err(reason.clone()));
        }
        match &mut screen.record.reconnection {
            Some(reconnection) => reconnection.failure = Some(reason),
            None => screen.record.failure = Some(reason),
        }
    }
    screen.record
}

/// Follows the stream; with a `reconnect`, drops it at its moment, closing its connection, and
/// follows a new one on a new connection.
async fn watch_streams(
    client: &Client,
    addr: SocketAddr,
    stream: &Stream,
    screen: &mut Screen,
    received: &mut u64,
    reconnect: Option<Reconnect>,
) -> Result<(), String> {
    let Some(reconnect) = reconnect else {
        return stream_events(client, addr, stream, screen, received).await;
    };
    let dropped = tokio::select! {
        outcome = stream_events(client, addr, stream, screen, received) => return outcome,
        dropped = reconnect.moment() => dropped,
    };
    screen.reconnecting(dropped);
    stream_events(client, addr, stream, screen, received).await
}

/// A follower's state while its stream runs.
struct Screen {
    record: FollowerRecord,
    index: usize,
    latest: Arc<LatestVersions>,
    ready: Option<ReadySender>,
    /// The last view's and the last sheet's id.
    last: [Option<i64>; 2],
    /// Whether the next view and the next sheet are the first on a new stream, which starts
    /// with the latest version: the one the old stream may have sent last.
    fresh: [bool; 2],
    /// The last event's id, of any kind, which a reconnection sends back as a browser does.
    last_id: Option<i64>,
}

impl Screen {
    fn new(record: FollowerRecord, index: usize, latest: Arc<LatestVersions>, ready: ReadySender) -> Screen {
        Screen { record, index, latest, ready: Some(ready), last: [None; 2], fresh: [false; 2], last_id: None }
    }

    fn reconnecting(&mut self, dropped: Instant) {
        self.record.reconnection = Some(Reconnection { dropped, shown: Vec::new(), failure: None });
        self.fresh = [true; 2];
    }

    fn on_event(&mut self, event: Noted, now: Instant) {
        self.last_id = event.id.or(self.last_id);
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
            Some(last) if id == last && !self.fresh[slot] => record.duplicates += 1,
            Some(last) if id < last => record.regressions += 1,
            _ => {}
        }
        self.last[slot] = Some(id);
        self.fresh[slot] = false;
        if record.seen.last().is_none_or(|&(newest, _)| id > newest) {
            record.seen.push((id, now));
            self.latest.set(self.index, id);
        }
        if let Some(reconnection) = &mut record.reconnection
            && reconnection.shown.last().is_none_or(|&(newest, _)| id > newest)
        {
            reconnection.shown.push((id, now));
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
    if let Some(id) = screen.last_id {
        request = request.header(LAST_EVENT_ID, id);
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
        let mut screen = Screen::new(FollowerRecord::default(), 1, latest, ready);
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

    #[test]
    fn a_new_stream_may_repeat_the_last_version_but_not_go_back() {
        let (ready, _answer) = oneshot::channel();
        let mut screen = Screen::new(FollowerRecord::default(), 0, Arc::new(LatestVersions::new(1)), ready);
        let start = Instant::now();
        let ms = |n| start + Duration::from_millis(n);
        screen.on_event(noted(EventKind::View, 5), ms(0));
        screen.on_event(noted(EventKind::Sheet, 5), ms(0));
        assert_eq!(screen.last_id, Some(5));
        screen.reconnecting(ms(10));
        for (kind, id, at) in [(EventKind::View, 5, 20), (EventKind::Sheet, 5, 20), (EventKind::View, 5, 30)] {
            screen.on_event(noted(kind, id), ms(at));
        }
        screen.on_event(noted(EventKind::View, 8), ms(40));
        screen.reconnecting(ms(50));
        screen.on_event(noted(EventKind::View, 7), ms(60));
        let record = &screen.record;
        assert_eq!(
            (record.duplicates, record.regressions),
            (1, 1),
            "the repeat on the same stream, then the step back"
        );
        assert_eq!(record.seen, vec![(5, ms(0)), (8, ms(40))]);
        assert_eq!(
            record.reconnection.as_ref().map(|reconnection| reconnection.shown.clone()),
            Some(vec![(7, ms(60))])
        );
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
