//! Reading a server-sent event stream the way a browser's `EventSource` does.

use std::pin::Pin;
use std::time::Duration;

use futures_util::{Stream, StreamExt};
use reqwest::Response;
use serde_json::Value;

/// Longer than any wait a live update may take; only a broken stream runs into it.
const PATIENCE: Duration = Duration::from_secs(10);

#[derive(Debug, Clone)]
pub struct Event {
    pub name: String,
    /// The workshop version the event shows.
    pub id: i64,
    pub data: Value,
}

pub struct EventStream {
    body: Pin<Box<dyn Stream<Item = reqwest::Result<bytes::Bytes>> + Send>>,
    buffer: String,
    /// Every event read so far, as sent.
    pub transcript: String,
}

impl EventStream {
    pub fn new(response: Response) -> EventStream {
        EventStream { body: Box::pin(response.bytes_stream()), buffer: String::new(), transcript: String::new() }
    }

    /// The next event (comments and the reconnection delay are skipped).
    pub async fn next(&mut self) -> Event {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                self.transcript.push_str(&block);
                if let Some(event) = parse(&block) {
                    return event;
                }
                continue;
            }
            let chunk = tokio::time::timeout(PATIENCE, self.body.next())
                .await
                .expect("an event arrives in time")
                .expect("the stream stays open")
                .expect("the stream reads");
            self.buffer.push_str(std::str::from_utf8(&chunk).expect("events are UTF-8"));
        }
    }

    /// Whether the server ends the stream (in time), whatever it sends before.
    pub async fn ends(&mut self) -> bool {
        loop {
            match tokio::time::timeout(PATIENCE, self.body.next()).await {
                Ok(None) | Ok(Some(Err(_))) => return true,
                Ok(Some(Ok(_))) => continue,
                Err(_) => return false,
            }
        }
    }

    /// Reads events until one named `name` satisfies `accept`, and returns it.
    pub async fn until(&mut self, name: &str, accept: impl Fn(&Event) -> bool) -> Event {
        let mut last = 0;
        loop {
            let event = self.next().await;
            assert!(event.id >= last, "versions never go back: {} after {last}", event.id);
            last = event.id;
            if event.name == name && accept(&event) {
                return event;
            }
        }
    }

    /// The first `view` at `version` or later.
    pub async fn view_at(&mut self, version: i64) -> Event {
        self.until("view", |event| event.id >= version).await
    }
}

fn parse(block: &str) -> Option<Event> {
    let (mut name, mut id, mut data) = (None, None, None);
    for line in block.lines() {
        if let Some(value) = line.strip_prefix("event: ") {
            name = Some(value.to_owned());
        } else if let Some(value) = line.strip_prefix("id: ") {
            id = value.parse().ok();
        } else if let Some(value) = line.strip_prefix("data: ") {
            data = Some(serde_json::from_str(value).expect("event data is JSON"));
        }
    }
    Some(Event { name: name?, id: id?, data: data? })
}
