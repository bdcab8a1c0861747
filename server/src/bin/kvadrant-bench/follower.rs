//! One participant's screen: follows a live stream and notes when each newer version arrives.

use std::cell::RefCell;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use tokio::net::TcpStream;
use tokio::sync::{oneshot, watch};

use crate::chunked::ChunkedDecoder;
use crate::http::{ResponseHead, head_end, parse_head, write_all};
use crate::sse::{Event, EventKind, EventScanner};
use crate::workshop::Stream;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const MAX_HEAD: usize = 16 * 1024;

thread_local! {
    /// Bytes are read here and scanned at once: thousands of idle streams then hold no buffers.
    static SCRATCH: RefCell<Vec<u8>> = RefCell::new(vec![0; 64 * 1024]);
}

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
    pub addr: SocketAddr,
    pub stream: Stream,
    pub index: usize,
    pub latest: Arc<LatestVersions>,
    /// Answered at the first view, or with the reason there is none.
    pub ready: oneshot::Sender<Result<(), String>>,
    pub stop: watch::Receiver<bool>,
}

pub async fn follow(task: FollowerTask) -> FollowerRecord {
    let FollowerTask { addr, stream, index, latest, ready, mut stop } = task;
    let mut screen = Screen { record: FollowerRecord::default(), index, latest, ready: Some(ready), last: [None; 2] };
    let outcome = tokio::select! {
        outcome = stream_events(addr, &stream, &mut screen) => outcome,
        _ = stop.wait_for(|&stopped| stopped) => Ok(()),
    };
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
    fn on_event(&mut self, event: Event, now: Instant) {
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

/// A live response's body as it arrives, turned into events for the screen.
struct Reception {
    body: Body,
    scanner: EventScanner,
}

enum Body {
    Chunked(ChunkedDecoder),
    UntilClose,
}

impl Reception {
    fn new(head: &ResponseHead) -> Reception {
        let body = if head.chunked { Body::Chunked(ChunkedDecoder::default()) } else { Body::UntilClose };
        Reception { body, scanner: EventScanner::default() }
    }

    fn receive(&mut self, bytes: &[u8], screen: &mut Screen) -> Result<(), String> {
        let now = Instant::now();
        let scanner = &mut self.scanner;
        let mut on_data = |data: &[u8]| {
            screen.record.body_bytes += data.len() as u64;
            scanner.feed(data, &mut |event| screen.on_event(event, now));
        };
        match &mut self.body {
            Body::Chunked(decoder) => {
                decoder.feed(bytes, &mut on_data).map_err(|error| error.to_string())?;
                if decoder.is_done() {
                    return Err("the server ended the stream".into());
                }
            }
            Body::UntilClose => on_data(bytes),
        }
        Ok(())
    }
}

/// Runs until the stream fails or ends; the bench's stop cancels it.
async fn stream_events(addr: SocketAddr, target: &Stream, screen: &mut Screen) -> Result<(), String> {
    let (stream, head, early_body) = open_stream(addr, target).await?;
    let mut reception = Reception::new(&head);
    reception.receive(&early_body, screen)?;
    drop(early_body);
    loop {
        let mut outcome = Ok(());
        read_some(&stream, |bytes| outcome = reception.receive(bytes, screen)).await?;
        outcome?;
    }
}

/// Sends the request and reads the response head, which must be a 200; also answers the body
/// bytes that arrived with the head.
async fn open_stream(addr: SocketAddr, target: &Stream) -> Result<(TcpStream, ResponseHead, Vec<u8>), String> {
    let stream = match tokio::time::timeout(CONNECT_TIMEOUT, TcpStream::connect(addr)).await {
        Ok(Ok(stream)) => stream,
        Ok(Err(error)) => return Err(format!("connect: {error}")),
        Err(_) => return Err("connect: timed out".into()),
    };
    let authorization = target.key.as_ref().map(|key| format!("Authorization: Bearer {key}\r\n")).unwrap_or_default();
    let path = &target.path;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n{authorization}\r\n");
    write_all(&stream, request.as_bytes()).await.map_err(|error| format!("request: {error}"))?;
    let mut received = Vec::new();
    let head_length = loop {
        if let Some(end) = head_end(&received) {
            break end;
        }
        if received.len() > MAX_HEAD {
            return Err("response head too large".into());
        }
        read_some(&stream, |bytes| received.extend_from_slice(bytes)).await?;
    };
    let head = parse_head(&received[..head_length]).map_err(|error| error.to_string())?;
    if head.status != 200 {
        return Err(format!("HTTP {}", head.status));
    }
    received.drain(..head_length);
    Ok((stream, head, received))
}

/// Waits for bytes and hands them to `use_bytes`; an error once the stream closed.
async fn read_some(stream: &TcpStream, use_bytes: impl FnOnce(&[u8])) -> Result<(), String> {
    let mut use_bytes = Some(use_bytes);
    loop {
        stream.readable().await.map_err(|error| format!("read: {error}"))?;
        let outcome = SCRATCH.with_borrow_mut(|scratch| match stream.try_read(scratch) {
            Ok(0) => Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the server closed the connection")),
            Ok(read) => {
                if let Some(use_bytes) = use_bytes.take() {
                    use_bytes(&scratch[..read]);
                }
                Ok(true)
            }
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => Ok(false),
            Err(error) => Err(error),
        });
        match outcome {
            Ok(true) => return Ok(()),
            Ok(false) => continue,
            Err(error) => return Err(format!("read: {error}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: EventKind, id: i64) -> Event {
        Event { kind, id: Some(id), bytes: 10 }
    }

    #[test]
    fn notes_new_versions_once_and_counts_repeats_per_kind() {
        let (ready, mut answer) = oneshot::channel();
        let latest = Arc::new(LatestVersions::new(2));
        let mut screen =
            Screen { record: FollowerRecord::default(), index: 1, latest, ready: Some(ready), last: [None; 2] };
        let now = Instant::now();
        screen.on_event(event(EventKind::Sheet, 5), now);
        assert!(answer.try_recv().is_err(), "ready only at the first view");
        for (kind, id) in [(EventKind::View, 5), (EventKind::View, 7), (EventKind::Sheet, 7), (EventKind::View, 7)] {
            screen.on_event(event(kind, id), now);
        }
        screen.on_event(event(EventKind::View, 6), now);
        assert_eq!(answer.try_recv(), Ok(Ok(())));
        assert_eq!(screen.record.seen, vec![(5, now), (7, now)]);
        assert_eq!((screen.record.duplicates, screen.record.regressions), (1, 1));
        assert_eq!((screen.latest.get(0), screen.latest.get(1)), (-1, 7));
    }
}
