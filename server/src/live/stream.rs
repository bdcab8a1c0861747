//! One subscriber's server-sent event stream.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use futures_util::Stream;
use tokio::sync::watch;

use super::{Frames, Role, frames::Sent};
use crate::metrics;

/// A comment line now and then keeps proxies and browsers from closing a quiet stream.
const KEEP_ALIVE: Duration = Duration::from_secs(20);
/// How long a browser waits before reconnecting after the stream breaks, in milliseconds: drawn
/// for each stream, so that a venue's phones do not all return at once after a Wi-Fi drop.
const RETRY_MS: std::ops::RangeInclusive<u32> = 1_000..=4_000;

struct Subscriber {
    frames: watch::Receiver<Arc<Frames>>,
    role: Role,
    pending: VecDeque<Bytes>,
    sent: Sent,
    /// Counts the stream as open until it ends or its client goes away.
    _open: metrics::Held,
}

impl Subscriber {
    fn queue(&mut self, frames: &Frames) {
        self.pending.extend(frames.for_role(self.role, &mut self.sent));
    }
}

/// The stream for one subscriber: the current version at once, then every newer one.
/// Versions that arrive faster than the subscriber reads are skipped: each event is whole.
pub fn events(mut frames: watch::Receiver<Arc<Frames>>, role: Role) -> impl Stream<Item = Result<Bytes, Infallible>> {
    let first = frames.borrow_and_update().clone();
    let retry = format!("retry: {}\n\n", rand::random_range(RETRY_MS));
    let pending = VecDeque::from([Bytes::from(retry)]);
    let mut subscriber = Subscriber { frames, role, pending, sent: Sent::default(), _open: metrics::live_stream() };
    subscriber.queue(&first);
    futures_util::stream::unfold(subscriber, |mut subscriber| async move {
        loop {
            if let Some(bytes) = subscriber.pending.pop_front() {
                return Some((Ok(bytes), subscriber));
            }
            match tokio::time::timeout(KEEP_ALIVE, subscriber.frames.changed()).await {
                Ok(Ok(())) => {
                    let latest = subscriber.frames.borrow_and_update().clone();
                    // A renewed link closes the streams of the old one; the browser's
                    // reconnection with the old key is then refused.
                    if !latest.admits(subscriber.role) {
                        return None;
                    }
                    subscriber.queue(&latest);
                }
                // The workshop's feed ended: so does the stream, and the browser reconnects.
                Ok(Err(_)) => return None,
                Err(_) => return Some((Ok(Bytes::from_static(b":\n\n")), subscriber)),
            }
        }
    })
}
