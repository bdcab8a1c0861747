//! All the participants' screens: connected in waves, watched until they converge, then closed;
//! in the reconnect scenario, told when to drop their streams and open new ones.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::Client;
use tokio::sync::{oneshot, watch};
use tokio::task::JoinHandle;

use crate::follower::{FollowerRecord, FollowerTask, LatestVersions, Reconnect, follow};
use crate::reconnect::drop_offset;
use crate::workshop::Stream;

/// How long one wave of connections may take to get its first events.
const WAVE_TIMEOUT: Duration = Duration::from_secs(30);
const CONVERGENCE_POLL: Duration = Duration::from_millis(10);

pub struct Crowd {
    tasks: Vec<JoinHandle<FollowerRecord>>,
    connected: Vec<bool>,
    latest: Arc<LatestVersions>,
    stop: watch::Sender<bool>,
    /// When the reconnects start, for followers that reconnect.
    reconnect_wave: watch::Sender<Option<Instant>>,
    /// Why connections failed, one line per failed client.
    pub connect_errors: Vec<String>,
}

impl Crowd {
    /// Opens one stream per path, `wave` at a time, each wave once the last has its first events.
    /// With a `reconnect_window`, each follower drops its stream and opens a new one once
    /// [`Crowd::start_reconnects`] is called, the drops spread evenly over the window.
    pub async fn gather(
        client: &Client,
        addr: SocketAddr,
        streams: Vec<Stream>,
        wave: usize,
        reconnect_window: Option<Duration>,
    ) -> Crowd {
        let followers = streams.len();
        let latest = Arc::new(LatestVersions::new(followers));
        let (stop, stopped) = watch::channel(false);
        let (reconnect_wave, _) = watch::channel(None);
        let mut crowd = Crowd {
            tasks: Vec::new(),
            connected: Vec::new(),
            latest,
            stop,
            reconnect_wave,
            connect_errors: Vec::new(),
        };
        let mut streams = streams.into_iter().enumerate().peekable();
        while streams.peek().is_some() {
            let mut answers = Vec::with_capacity(wave);
            for (index, stream) in streams.by_ref().take(wave) {
                let (ready, answer) = oneshot::channel();
                let task = FollowerTask {
                    client: client.clone(),
                    addr,
                    stream,
                    index,
                    latest: crowd.latest.clone(),
                    ready,
                    stop: stopped.clone(),
                    reconnect: reconnect_window.map(|window| Reconnect {
                        wave: crowd.reconnect_wave.subscribe(),
                        after: drop_offset(index, followers, window),
                    }),
                };
                crowd.tasks.push(tokio::spawn(follow(task)));
                answers.push(answer);
            }
            let deadline = tokio::time::Instant::now() + WAVE_TIMEOUT;
            for answer in answers {
                let outcome = match tokio::time::timeout_at(deadline, answer).await {
                    Ok(Ok(outcome)) => outcome,
                    Ok(Err(_)) => Err("the follower stopped".into()),
                    Err(_) => Err("no first event in time".into()),
                };
                crowd.connected.push(outcome.is_ok());
                if let Err(reason) = outcome {
                    crowd.connect_errors.push(reason);
                }
            }
        }
        crowd
    }

    pub fn connected_count(&self) -> usize {
        self.connected.iter().filter(|&&connected| connected).count()
    }

    /// Starts the reconnects, each follower's drop at its moment from now.
    pub fn start_reconnects(&self) {
        self.reconnect_wave.send_replace(Some(Instant::now()));
    }

    /// Waits until every connected follower has seen its final version, `finals[follower]`
    /// (`None`: nothing to wait for), or `timeout`; answers how many did.
    pub async fn converge(&self, finals: &[Option<i64>], timeout: Duration) -> usize {
        let deadline = Instant::now() + timeout;
        loop {
            let converged = self.converged(finals);
            if converged == self.connected_count() || Instant::now() >= deadline {
                return converged;
            }
            tokio::time::sleep(CONVERGENCE_POLL).await;
        }
    }

    fn converged(&self, finals: &[Option<i64>]) -> usize {
        let connected = self.connected.iter().enumerate().filter(|&(_, &connected)| connected);
        connected.filter(|&(index, _)| finals[index].is_none_or(|version| self.latest.get(index) >= version)).count()
    }

    /// Closes every stream; the records of the followers that connected.
    pub async fn disperse(self) -> Vec<FollowerRecord> {
        self.stop.send_replace(true);
        let mut records = Vec::with_capacity(self.tasks.len());
        for (task, connected) in self.tasks.into_iter().zip(self.connected) {
            let record = task.await.unwrap_or_else(|error| FollowerRecord {
                failure: Some(format!("the follower failed: {error}")),
                ..FollowerRecord::default()
            });
            if connected {
                records.push(record);
            }
        }
        records
    }
}
