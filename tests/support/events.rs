//! Reading a server-sent event stream the way a browser's `EventSource` does.

use std::pin::Pin;
use std::time::Duration;

use futures_util::{Stream, StreamExt};
use reqwest::Response;
use serde_json::Value;
use sse_stream::{Sse, SseStream};

/// Longer than any wait a live update may take; only a broken stream runs into it.
const PATIENCE: Duration = Duration::from_secs(10);

#[derive(Debug, Clone)]
pub struct Event {
    pub name: String,
    /// The workshop version the event shows.
    pub id: i64,
    pub data: Value,
}

type Events = Pin<Box<dyn Stream<Item = Result<Sse, sse_stream::Error>> + Send>>;

pub struct EventStream {
    events: Events,
    /// Every event read so far, written out as the server sends it.
    pub transcript: String,
}

impl EventStream {
    pub fn new(response: Response) -> EventStream {
        EventStream {
            events: Box::pin(SseStream::from_bytes_stream(response.bytes_stream())),
            transcript: String::new(),
        }
    }

    /// The next event with data (the reconnection delay alone is no event).
    pub async fn next(&mut self) -> Event {
        loop {
            let event = tokio::time::timeout(PATIENCE, self.events.next())
                .await
                .expect("an event arrives in time")
                .expect("the stream stays open")
                .expect("the stream reads");
            let (Some(name), Some(id), Some(data)) = (event.event, event.id, event.data) else { continue };
            self.transcript.push_str(&format!("event: {name}\nid: {id}\ndata: {data}\n\n"));
            return Event {
                id: id.parse().expect("an event's id is the workshop's version"),
                data: serde_json::from_str(&data).expect("event data is JSON"),
                name,
            };
        }
    }

    /// Whether the server ends the stream (in time), whatever it sends before.
    pub async fn ends(&mut self) -> bool {
        loop {
            match tokio::time::timeout(PATIENCE, self.events.next()).await {
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

    /// The first view at `version` or later with its rank bands drawn: a `view`, or the same
    /// version again as a `bands` event once they are.
    pub async fn view_with_bands(&mut self, version: i64) -> Event {
        loop {
            let event = self.next().await;
            let view = event.name == "view" || event.name == "bands";
            if view && event.id >= version && event.data["standings"]["bands_behind"] == false {
                return event;
            }
        }
    }

    /// The first `view` at `version` or later.
    pub async fn view_at(&mut self, version: i64) -> Event {
        self.until("view", |event| event.id >= version).await
    }
}
