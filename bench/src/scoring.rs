//! The participants' score submissions, from writers that each hold a keep-alive connection:
//! on a fixed schedule (open loop), or each as soon as the last was answered (closed loop). Each
//! goes to a random group of a random workshop, so the writers share out the workshops evenly.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use kvadrant::Axis;
use kvadrant_api::model::{Saved, ScoreInput};
use rand::Rng;
use reqwest::{Client, StatusCode};
use serde::Serialize;
use tokio::sync::{Mutex, mpsc};

use crate::cli::Pace;
use crate::client::{reason, url};
use crate::workshop::{Group, Workshop};

/// A request taking longer than this, connecting and reading the answer included, counts as failed.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// After the scoring time, how long queued submissions may still be sent.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);

/// An accepted submission.
#[derive(Debug, Clone, Copy)]
pub struct Ack {
    /// The workshop's index.
    pub workshop: usize,
    /// The workshop version that includes it.
    pub version: i64,
    pub at: Instant,
    /// From when it was due (open loop) or sent (closed loop) to its answer.
    pub waited: Duration,
}

#[derive(Debug, Default)]
pub struct ScoringOutcome {
    pub attempted: u64,
    pub acks: Vec<Ack>,
    /// Submissions not accepted, by reason: an HTTP status, an I/O error, or never sent.
    pub errors: BTreeMap<String, u64>,
    /// From the first submission due to the last one answered.
    pub elapsed: Duration,
}

impl ScoringOutcome {
    pub fn errored(&self) -> u64 {
        self.errors.values().sum()
    }

    fn absorb(&mut self, writer: Writer) {
        self.attempted += writer.attempted;
        self.acks.extend(writer.acks);
        for (reason, count) in writer.errors {
            *self.errors.entry(reason).or_default() += count;
        }
    }
}

pub struct ScoringPlan {
    pub pace: Pace,
    pub duration: Duration,
    pub writers: usize,
}

/// `client` keeps a connection for each of the plan's writers.
pub async fn submit_scores(
    client: &Client,
    addr: SocketAddr,
    workshops: Arc<[Workshop]>,
    plan: &ScoringPlan,
) -> ScoringOutcome {
    let start = Instant::now();
    let end = start + plan.duration;
    let writers = (0..plan.writers).map(|_| Writer::new(client.clone(), addr, workshops.clone()));
    let mut outcome = ScoringOutcome::default();
    let tasks: Vec<_> = match plan.pace {
        Pace::Closed => writers.map(|writer| tokio::spawn(writer.run_closed_loop(end))).collect(),
        Pace::Open(rate) => {
            let (due, queue) = mpsc::unbounded_channel();
            let queue = Arc::new(Mutex::new(queue));
            let give_up = end + DRAIN_TIMEOUT;
            let tasks = writers.map(|writer| tokio::spawn(writer.run_open_loop(queue.clone(), give_up))).collect();
            outcome.attempted = schedule(due, rate, start, end).await;
            tasks
        }
    };
    for task in tasks {
        match task.await {
            Ok(writer) => outcome.absorb(writer),
            Err(error) => *outcome.errors.entry(format!("writer failed: {error}")).or_default() += 1,
        }
    }
    outcome.elapsed = start.elapsed();
    outcome
}

/// Queues one submission every 1/`rate` s from `start` until `end`; answers how many.
async fn schedule(due: mpsc::UnboundedSender<Instant>, rate: u32, start: Instant, end: Instant) -> u64 {
    let mut scheduled = 0;
    loop {
        let at = start + Duration::from_secs_f64(scheduled as f64 / f64::from(rate));
        if at >= end {
            return scheduled;
        }
        tokio::time::sleep_until(at.into()).await;
        if due.send(at).is_err() {
            return scheduled;
        }
        scheduled += 1;
    }
}

struct Writer {
    client: Client,
    addr: SocketAddr,
    workshops: Arc<[Workshop]>,
    attempted: u64,
    acks: Vec<Ack>,
    errors: BTreeMap<String, u64>,
}

impl Writer {
    fn new(client: Client, addr: SocketAddr, workshops: Arc<[Workshop]>) -> Writer {
        Writer { client, addr, workshops, attempted: 0, acks: Vec::new(), errors: BTreeMap::new() }
    }

    async fn run_closed_loop(mut self, end: Instant) -> Writer {
        while Instant::now() < end {
            self.attempted += 1;
            self.submit(Instant::now()).await;
        }
        self
    }

    /// Counts nothing as attempted: the schedule does.
    async fn run_open_loop(mut self, queue: Arc<Mutex<mpsc::UnboundedReceiver<Instant>>>, give_up: Instant) -> Writer {
        loop {
            let Some(due) = queue.lock().await.recv().await else { return self };
            if Instant::now() >= give_up {
                self.error("not sent before the drain timeout".into());
            } else {
                self.submit(due).await;
            }
        }
    }

    async fn submit(&mut self, due: Instant) {
        let Submission { workshop, group, scores } = random_submission(&self.workshops, &mut rand::rng());
        let workshop_index = workshop.index;
        let request = self
            .client
            .put(url(self.addr, &workshop.scores_path(group)))
            .bearer_auth(&group.key)
            .json(&scores)
            .timeout(REQUEST_TIMEOUT);
        let response = match request.send().await {
            Ok(response) => response,
            Err(error) => return self.error(reason(error)),
        };
        if response.status() != StatusCode::OK {
            return self.error(format!("HTTP {}", response.status().as_u16()));
        }
        match response.json::<Saved>().await {
            Ok(Saved { version }) => {
                let at = Instant::now();
                let waited = at.saturating_duration_since(due);
                self.acks.push(Ack { workshop: workshop_index, version, at, waited });
            }
            Err(error) if error.is_decode() => self.error("answer without a version".into()),
            Err(error) => self.error(reason(error)),
        }
    }

    fn error(&mut self, reason: String) {
        *self.errors.entry(reason).or_default() += 1;
    }
}

/// A sheet write's body.
#[derive(Serialize)]
struct Scores {
    scores: [ScoreInput; 2],
}

/// One sheet write and where it goes.
struct Submission<'a> {
    workshop: &'a Workshop,
    group: &'a Group,
    scores: Scores,
}

/// Both axes of one area for one group of one workshop, each drawn at random, values from 1 to 10.
fn random_submission<'a>(workshops: &'a [Workshop], random: &mut impl Rng) -> Submission<'a> {
    let workshop = &workshops[random.random_range(0..workshops.len())];
    let group = &workshop.groups[random.random_range(0..workshop.groups.len())];
    let area_id = workshop.areas[random.random_range(0..workshop.areas.len())];
    let mut score = |axis| ScoreInput { area_id, axis, value: Some(random.random_range(1..=10)) };
    let scores = [score(Axis::Potential), score(Axis::Feasibility)];
    Submission { workshop, group, scores: Scores { scores } }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    use super::*;

    #[test]
    fn submissions_are_spread_over_every_workshop_and_its_groups() {
        let workshops: Vec<Workshop> = (0..4).map(|index| Workshop::fixed(index, 3)).collect();
        let mut random = StdRng::seed_from_u64(7);
        let mut per_group = [[0; 3]; 4];
        for _ in 0..1_200 {
            let Submission { workshop, group, scores } = random_submission(&workshops, &mut random);
            let owned = workshop.groups.iter().position(|own| std::ptr::eq(own, group));
            let group = owned.expect("a group of the workshop the submission goes to");
            per_group[workshop.index][group] += 1;
            assert!(scores.scores.iter().all(|score| score.value.is_some_and(|value| (1..=10).contains(&value))));
        }
        // 100 each on average.
        assert!(per_group.iter().flatten().all(|&count| (60..=140).contains(&count)), "{per_group:?}");
    }
}
