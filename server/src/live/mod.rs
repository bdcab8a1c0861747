//! The live hub: every screen following a workshop gets a snapshot on connect, then each new
//! version, at most one [`coalescing_window`] apart. A workshop's views are computed and serialised once per
//! version, then shared by every subscriber; what a subscriber receives depends on its role.
//! Instances sharing a database hear of each other's changes through the store.

mod frames;
mod stream;

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use kvadrant::{GroupId, WorkshopId};
use kvadrant_api::live::coalescing_window;
use tokio::sync::{Notify, watch};

pub use frames::Frames;
pub use stream::events;

use crate::bands::{Pacer, RankBands};
use crate::metrics;
use crate::store::{Change, Store, StoreResult};

/// How soon after one announcement to other instances the next may go.
const ANNOUNCE_INTERVAL: Duration = Duration::from_millis(25);
/// How long a failed reload or announcement waits before it is tried again.
const RETRY: Duration = Duration::from_secs(1);

/// Who is watching, which decides what they may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Sees everything, hidden results included, while `secret` (the digest of the
    /// facilitator's secret the stream was opened with) is the workshop's.
    Facilitator { secret: [u8; 32] },
    /// A group's members: the workshop, results once revealed, and their own sheet. `key` is
    /// the digest of the group's key the stream was opened with, if it was: the stream ends
    /// when the facilitator renews the group's link.
    Group { group: GroupId, key: Option<[u8; 32]> },
    /// The big screen and readers of the results: the workshop and results once revealed.
    Audience,
}

/// One workshop's latest frames and the wake-up for its refresher.
struct Feed {
    frames: watch::Sender<Arc<Frames>>,
    dirty: Arc<Notify>,
    /// Counts the workshop as followed while its feed runs.
    _followed: metrics::Held,
}

pub struct Hub {
    store: Arc<dyn Store>,
    bands: Arc<RankBands>,
    feeds: Mutex<HashMap<WorkshopId, Arc<Feed>>>,
    /// Workshops changed here and not yet announced to other instances.
    unannounced: Mutex<HashSet<WorkshopId>>,
    announce: Notify,
    shared: bool,
    /// Whether this instance still hears the other instances' changes (always, when alone).
    hearing: AtomicBool,
}

impl Hub {
    /// Starts the hub; where the store is shared with other instances, it also listens for
    /// their changes and announces this instance's.
    pub async fn start(store: Arc<dyn Store>, bands: Arc<RankBands>) -> StoreResult<Arc<Hub>> {
        let changes = store.listen().await?;
        let hub = Arc::new(Hub {
            store,
            bands,
            feeds: Mutex::default(),
            unannounced: Mutex::default(),
            announce: Notify::new(),
            shared: changes.is_some(),
            hearing: AtomicBool::new(true),
        });
        if let Some(mut changes) = changes {
            let listening = hub.clone();
            tokio::spawn(async move {
                while let Some(change) = changes.recv().await {
                    match change {
                        Change::Workshop(id) => listening.refresh(id),
                        Change::Unknown => listening.refresh_all(),
                    }
                }
                listening.hearing.store(false, Ordering::Relaxed);
                tracing::error!("no longer hearing the other instances' changes; not ready");
            });
            tokio::spawn(announce(hub.clone()));
        }
        Ok(hub)
    }

    /// Whether screens here see every change: always for a single instance; where instances
    /// share a database, while this one hears the others'.
    pub fn is_ready(&self) -> bool {
        self.hearing.load(Ordering::Relaxed)
    }

    /// A change was written here: refresh this instance's screens and tell the others.
    pub fn changed(&self, workshop: WorkshopId) {
        self.refresh(workshop);
        if self.shared {
            self.unannounced.lock().expect("unannounced lock").insert(workshop);
            self.announce.notify_one();
        }
    }

    fn refresh(&self, workshop: WorkshopId) {
        if let Some(feed) = self.feeds.lock().expect("feeds lock").get(&workshop) {
            feed.dirty.notify_one();
        }
    }

    fn refresh_all(&self) {
        for feed in self.feeds.lock().expect("feeds lock").values() {
            feed.dirty.notify_one();
        }
    }

    /// Follows a workshop: the receiver holds its latest frames. `None` if it does not exist.
    pub async fn subscribe(
        self: &Arc<Self>,
        workshop: WorkshopId,
    ) -> StoreResult<Option<watch::Receiver<Arc<Frames>>>> {
        if let Some(feed) = self.feeds.lock().expect("feeds lock").get(&workshop) {
            return Ok(Some(feed.frames.subscribe()));
        }
        let Some(snapshot) = self.store.snapshot(workshop).await? else {
            return Ok(None);
        };
        let (frames, _) = Frames::build(snapshot, &self.bands);
        let mut feeds = self.feeds.lock().expect("feeds lock");
        if let Some(feed) = feeds.get(&workshop) {
            return Ok(Some(feed.frames.subscribe()));
        }
        let (sender, receiver) = watch::channel(Arc::new(frames));
        let feed =
            Arc::new(Feed { frames: sender, dirty: Arc::new(Notify::new()), _followed: metrics::live_workshop() });
        // A change may have landed between the snapshot and now, and the bands may be behind:
        // look once more.
        feed.dirty.notify_one();
        feeds.insert(workshop, feed.clone());
        tokio::spawn(refresh_feed(Arc::downgrade(self), workshop, feed));
        Ok(Some(receiver))
    }

    /// Drops the feed of a workshop that is gone.
    fn forget(&self, workshop: WorkshopId, feed: &Arc<Feed>) {
        remove_feed(&mut self.feeds.lock().expect("feeds lock"), workshop, feed);
    }

    /// Drops a feed no one follows any more; false if someone subscribed meanwhile.
    fn retire(&self, workshop: WorkshopId, feed: &Arc<Feed>) -> bool {
        let mut feeds = self.feeds.lock().expect("feeds lock");
        if feed.frames.receiver_count() > 0 {
            return false;
        }
        remove_feed(&mut feeds, workshop, feed);
        true
    }
}

/// Removes `feed`, unless a newer one of the workshop took its place.
fn remove_feed(feeds: &mut HashMap<WorkshopId, Arc<Feed>>, workshop: WorkshopId, feed: &Arc<Feed>) {
    if feeds.get(&workshop).is_some_and(|current| Arc::ptr_eq(current, feed)) {
        feeds.remove(&workshop);
    }
}

/// Reloads a workshop when it changes, at most once per [`coalescing_window`] for the screens
/// following it, until no one follows it; and once more when rank bands of its newest scores
/// are drawn, which it asks for at the [`Pacer`]'s pace.
async fn refresh_feed(hub: Weak<Hub>, workshop: WorkshopId, feed: Arc<Feed>) {
    let mut pacer = Pacer::default();
    loop {
        tokio::select! {
            () = feed.dirty.notified() => {}
            () = pacer.due() => {}
            () = feed.frames.closed() => {
                match hub.upgrade() {
                    Some(hub) if !hub.retire(workshop, &feed) => continue,
                    _ => return,
                }
            }
        }
        let Some((store, bands)) = hub.upgrade().map(|hub| (hub.store.clone(), hub.bands.clone())) else { return };
        match store.snapshot(workshop).await {
            Ok(Some(snapshot)) => {
                let shown = feed.frames.borrow().clone();
                let newer = snapshot.record.version > shown.version();
                if newer || shown.bands_behind() {
                    let (frames, behind) = Frames::build(snapshot, &bands);
                    if newer || frames.bands_shown() != shown.bands_shown() {
                        feed.frames.send_replace(Arc::new(frames));
                    }
                    if let Some(job) = behind {
                        pacer.offer(job, &bands, &feed.dirty);
                    }
                }
            }
            // Deleted: dropping the feed ends every stream that follows it.
            Ok(None) => {
                if let Some(hub) = hub.upgrade() {
                    hub.forget(workshop, &feed);
                }
                return;
            }
            Err(cause) => {
                // Screens must not stay behind on a change: try again until the store answers.
                tracing::error!(%cause, workshop = workshop.0, "reloading a live workshop; trying again");
                tokio::time::sleep(RETRY).await;
                feed.dirty.notify_one();
            }
        }
        tokio::time::sleep(coalescing_window(feed.frames.receiver_count())).await;
    }
}

/// Tells other instances which workshops changed here, at most once per [`ANNOUNCE_INTERVAL`].
async fn announce(hub: Arc<Hub>) {
    loop {
        hub.announce.notified().await;
        let workshops: Vec<WorkshopId> = hub.unannounced.lock().expect("unannounced lock").drain().collect();
        if let Err(cause) = hub.store.announce(&workshops).await {
            // Other instances' screens must not stay behind: announce these again.
            tracing::error!(%cause, "announcing changes to other instances; trying again");
            hub.unannounced.lock().expect("unannounced lock").extend(workshops);
            tokio::time::sleep(RETRY).await;
            hub.announce.notify_one();
        }
        tokio::time::sleep(ANNOUNCE_INTERVAL).await;
    }
}
