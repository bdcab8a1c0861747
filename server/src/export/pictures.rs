//! PNG renders of the matrix, shared and bounded: drawing one takes about a second of CPU and
//! tens of MiB for its pixels, and anyone with a join code may ask for it.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::body::Bytes;
use kvadrant::Error;
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

use super::png;

/// Renders at one time; each holds a full page of pixels.
pub const RENDERS: usize = 2;
/// Requests that may wait for a render; more are asked to come back in [`BUSY_RETRY_AFTER`].
pub const WAITING: usize = 32;
/// Pictures kept: the latest of a few workshops and their segments.
pub const PICTURES: usize = 64;
/// Seconds a client is asked to wait when too many are waiting already.
const BUSY_RETRY_AFTER: u32 = 2;

/// The matrix's SVG, which is everything the PNG shows, by its digest: one workshop at one
/// version for one segment, as one kind of viewer sees it, is drawn once.
type Key = [u8; 32];

pub struct Pictures {
    drawn: quick_cache::sync::Cache<Key, Bytes>,
    renders: Arc<Semaphore>,
    waiting: AtomicUsize,
}

impl Default for Pictures {
    fn default() -> Self {
        Pictures {
            drawn: quick_cache::sync::Cache::new(PICTURES),
            renders: Arc::new(Semaphore::new(RENDERS)),
            waiting: AtomicUsize::new(0),
        }
    }
}

/// One request's place in the queue for a render, given up when dropped.
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Pictures {
    /// The PNG of `svg`: drawn already, or drawn now once however many ask at the same time.
    pub async fn png(&self, svg: String) -> Result<Bytes, Error> {
        let key: Key = Sha256::digest(svg.as_bytes()).into();
        self.drawn.get_or_insert_async(&key, self.render(svg)).await
    }

    async fn render(&self, svg: String) -> Result<Bytes, Error> {
        let waiting = Waiting(&self.waiting);
        if self.waiting.fetch_add(1, Ordering::Relaxed) >= WAITING {
            return Err(Error::Busy { retry_after: BUSY_RETRY_AFTER });
        }
        let permit = self.renders.clone().acquire_owned().await.map_err(|_| Error::Internal)?;
        drop(waiting);
        // The permit goes with the drawing: a client that leaves does not free a place while
        // its picture is still being drawn.
        let drawn = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            png(&svg)
        })
        .await
        .map_err(|_| Error::Internal)?;
        drawn.map(Bytes::from).map_err(|cause| {
            tracing::error!(%cause, "drawing the matrix");
            Error::Internal
        })
    }
}
