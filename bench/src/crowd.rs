//! All the participants' screens: connected in waves, watched until they converge, then closed.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::Client;
use tokio::sync::{oneshot, watch};
use tokio::task::JoinHandle;

use crate::follower::{FollowerRecord, FollowerTask, LatestVersions, follow};
use crate::workshop::Stream;

/// How long one wave of connections may take to get its first events.
const WAVE_TIMEOUT: Duration = Duration::from_secs(30);
const CONVERGENCE_POLL: Duration = Duration::from_millis(10);

pub struct Crowd {
    tasks: Vec<JoinHandle<FollowerRecord>>,
    connected: Vec<bool>,
    latest: Arc<LatestVersions>,
    stop: watch::Sender<bool>,
    /// Why connections failed, one line per failed client.
    pub connect_errors: Vec<String>,
}

impl Crowd {
    /// Opens one stream per path, `wave` at a time, each wave once the last has its first events.
    pub async fn gather(client: &Client, addr: SocketAddr, streams: Vec<Stream>, wave: usize) -> Crowd {
        let latest = Arc::new(LatestVersions::new(streams.len()));
        let (stop, stopped) = watch::channel(false);
        let mut crowd = Crowd { tasks: Vec::new(), connected: Vec::new(), latest, stop, connect_errors: Vec::new() };
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

    /// Waits until every connected follower has seen `version`, or `timeout`; answers how many did.
    pub async fn converge(&self, version: i64, timeout: Duration) -> usize {
        let deadline = Instant::now() + timeout;
        loop {
            let converged = self.converged(version);
            if converged == self.connected_count() || Instant::now() >= deadline {
                return converged;
            }
            tokio::time::sleep(CONVERGENCE_POLL).await;
        }
    }

    fn converged(&self, version: i64) -> usize {
        let connected = self.connected.iter().enumerate().filter(|&(_, &connected)| connected);
        connected.filter(|&(index, _)| self.latest.get(index) >= version).count()
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
