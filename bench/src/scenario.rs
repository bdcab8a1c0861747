//! One target's measurement, in order: set up, weigh the idle server, connect the screens, weigh
//! it again, score, wait for every screen to catch up, close.

use std::sync::Arc;
use std::time::Duration;

use crate::cli::{Plan, Target};
use crate::client;
use crate::crowd::Crowd;
use crate::failure::Failure;
use crate::follower::FollowerRecord;
use crate::rss::resident_kib;
use crate::scoring::{ScoringOutcome, ScoringPlan, submit_scores};
use crate::server::ServerProcess;
use crate::workshop::{Stream, Workshop};

/// Lets the server finish what a step started before its memory is read.
const SETTLE: Duration = Duration::from_millis(500);
const CONVERGENCE_TIMEOUT: Duration = Duration::from_secs(10);

/// What one target's run produced, before it is summarised.
pub struct Run {
    pub target: Target,
    pub clients: usize,
    pub connect_errors: Vec<String>,
    pub rss_idle_kib: u64,
    pub rss_connected_kib: u64,
    pub scoring: ScoringOutcome,
    pub final_version: Option<i64>,
    pub converged: usize,
    /// The screens that connected.
    pub records: Vec<FollowerRecord>,
}

pub async fn measure(target: Target, server: &ServerProcess, plan: &Plan) -> Result<Run, Failure> {
    let requests = client::requests(plan.writers)?;
    let workshop = Arc::new(match target {
        Target::Kvadrant => Workshop::create(&requests, server.addr(), plan.groups).await?,
        Target::Baseline => Workshop::fixed(plan.groups),
    });
    tokio::time::sleep(SETTLE).await;
    let rss_idle_kib = resident_kib(server.pid())?;

    eprintln!("{target}: connecting {} clients, {} at a time", plan.clients, plan.ramp);
    let streams = follower_streams(&workshop, plan.clients, plan.audience_share);
    let crowd = Crowd::gather(&client::streams()?, server.addr(), streams, plan.ramp).await;
    tokio::time::sleep(SETTLE).await;
    let rss_connected_kib = resident_kib(server.pid())?;

    eprintln!("{target}: {} clients connected; scoring for {:?}", crowd.connected_count(), plan.duration);
    let scoring_plan = ScoringPlan { pace: plan.pace, duration: plan.duration, writers: plan.writers };
    let scoring = submit_scores(&requests, server.addr(), workshop, &scoring_plan).await;
    let final_version = scoring.acks.iter().map(|ack| ack.version).max();
    let converged = match final_version {
        Some(version) => crowd.converge(version, CONVERGENCE_TIMEOUT).await,
        None => crowd.connected_count(),
    };
    let connect_errors = crowd.connect_errors.clone();
    let records = crowd.disperse().await;
    Ok(Run {
        target,
        clients: plan.clients,
        connect_errors,
        rss_idle_kib,
        rss_connected_kib,
        scoring,
        final_version,
        converged,
        records,
    })
}

/// Clients take the groups in turn; `audience_share` of them, spread evenly, follow the
/// audience stream instead of their group's.
fn follower_streams(workshop: &Workshop, clients: usize, audience_share: f64) -> Vec<Stream> {
    let audience_before = |client: usize| (client as f64 * audience_share).floor();
    (0..clients)
        .map(|client| {
            if audience_before(client + 1) > audience_before(client) {
                workshop.audience_stream()
            } else {
                workshop.group_stream(&workshop.groups[client % workshop.groups.len()])
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_audience_share_is_spread_over_the_clients() {
        let workshop = Workshop::fixed(3);
        let streams = follower_streams(&workshop, 20, 0.1);
        let paths: Vec<&str> = streams.iter().map(|stream| stream.path.as_str()).collect();
        let audience: Vec<usize> =
            paths.iter().enumerate().filter(|(_, path)| path.ends_with("/BENCH2/live")).map(|(i, _)| i).collect();
        assert_eq!(audience, vec![9, 19]);
        assert_eq!(paths[0], "/api/v1/workshops/BENCH2/groups/1/live");
        assert_eq!(paths[4], "/api/v1/workshops/BENCH2/groups/2/live");
        assert!(follower_streams(&workshop, 5, 0.0).iter().all(|stream| stream.key.is_some()));
        assert!(follower_streams(&workshop, 5, 1.0).iter().all(|stream| stream.key.is_none()));
    }
}
