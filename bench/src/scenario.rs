//! One target's measurement, in order: set up the workshops, weigh the idle server, connect the
//! screens, weigh it again, score (in the reconnect scenario, with every screen reconnecting
//! meanwhile), wait for every screen to catch up with its workshop, close.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Client;

use crate::cli::{Plan, Scenario, Target};
use crate::client;
use crate::crowd::Crowd;
use crate::failure::Failure;
use crate::follower::FollowerRecord;
use crate::reconnect;
use crate::rss::resident_kib;
use crate::scoring::{Ack, ScoringOutcome, ScoringPlan, submit_scores};
use crate::server::ServerProcess;
use crate::workshop::{Stream, Workshop};

/// Lets the server finish what a step started before its memory is read.
const SETTLE: Duration = Duration::from_millis(500);
const CONVERGENCE_TIMEOUT: Duration = Duration::from_secs(10);

/// What one target's run produced, before it is summarised.
pub struct Run {
    pub target: Target,
    /// Over all workshops.
    pub clients: usize,
    pub connect_errors: Vec<String>,
    pub rss_idle_kib: u64,
    pub rss_connected_kib: u64,
    pub scoring: ScoringOutcome,
    /// Per workshop, the version of its last accepted submission.
    pub final_versions: Vec<Option<i64>>,
    /// Screens that showed their workshop's final version.
    pub converged: usize,
    /// The screens that connected.
    pub records: Vec<FollowerRecord>,
}

pub async fn measure(target: Target, server: &ServerProcess, plan: &Plan) -> Result<Run, Failure> {
    let requests = client::requests(plan.writers)?;
    let workshops = set_up(target, &requests, server.addr(), plan).await?;
    tokio::time::sleep(SETTLE).await;
    let rss_idle_kib = resident_kib(server.pid())?;

    let streams: Vec<Stream> =
        workshops.iter().flat_map(|workshop| follower_streams(workshop, plan.clients, plan.audience_share)).collect();
    let clients = streams.len();
    let followed: Vec<usize> = streams.iter().map(|stream| stream.workshop).collect();
    eprintln!("{target}: connecting {clients} clients, {} at a time", plan.ramp);
    let reconnect_window = (plan.scenario == Scenario::Reconnect).then_some(reconnect::WINDOW);
    let crowd = Crowd::gather(&client::streams()?, server.addr(), streams, plan.ramp, reconnect_window).await;
    tokio::time::sleep(SETTLE).await;
    let rss_connected_kib = resident_kib(server.pid())?;

    eprintln!("{target}: {} clients connected; scoring for {:?}", crowd.connected_count(), plan.duration);
    let scoring_plan = ScoringPlan { pace: plan.pace, duration: plan.duration, writers: plan.writers };
    let scoring = submit_scores(&requests, server.addr(), workshops, &scoring_plan);
    let scoring = match reconnect_window {
        Some(_) => tokio::join!(scoring, reconnect_during_scoring(&crowd, target)).0,
        None => scoring.await,
    };
    let final_versions = final_versions(&scoring.acks, plan.workshops);
    let finals: Vec<Option<i64>> = followed.iter().map(|&workshop| final_versions[workshop]).collect();
    let converged = crowd.converge(&finals, CONVERGENCE_TIMEOUT).await;
    let connect_errors = crowd.connect_errors.clone();
    let records = crowd.disperse().await;
    Ok(Run {
        target,
        clients,
        connect_errors,
        rss_idle_kib,
        rss_connected_kib,
        scoring,
        final_versions,
        converged,
        records,
    })
}

/// Kvadrant's workshops are made through its API, one after the other; the baseline's are
/// only codes.
async fn set_up(target: Target, requests: &Client, addr: SocketAddr, plan: &Plan) -> Result<Arc<[Workshop]>, Failure> {
    match target {
        Target::Kvadrant => {
            if plan.workshops > 1 {
                eprintln!("{target}: making {} workshops", plan.workshops);
            }
            let mut workshops = Vec::with_capacity(plan.workshops);
            for index in 0..plan.workshops {
                workshops.push(Workshop::create(requests, addr, index, plan.groups).await?);
            }
            Ok(workshops.into())
        }
        Target::Baseline => Ok((0..plan.workshops).map(|index| Workshop::fixed(index, plan.groups)).collect()),
    }
}

/// Lets the screens follow the scoring for a while, then starts their reconnects.
async fn reconnect_during_scoring(crowd: &Crowd, target: Target) {
    tokio::time::sleep(reconnect::START).await;
    eprintln!("{target}: every client drops its stream and reconnects, the drops spread over {:?}", reconnect::WINDOW);
    crowd.start_reconnects();
}

/// Per workshop, the newest version an accepted submission got; `None` for one that got none.
fn final_versions(acks: &[Ack], workshops: usize) -> Vec<Option<i64>> {
    let mut finals = vec![None; workshops];
    for ack in acks {
        let last = &mut finals[ack.workshop];
        *last = (*last).max(Some(ack.version));
    }
    finals
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
        let workshop = Workshop::fixed(1, 3);
        let streams = follower_streams(&workshop, 20, 0.1);
        let paths: Vec<&str> = streams.iter().map(|stream| stream.path.as_str()).collect();
        let audience: Vec<usize> =
            paths.iter().enumerate().filter(|(_, path)| path.ends_with("/BENCH2/live")).map(|(i, _)| i).collect();
        assert_eq!(audience, vec![9, 19]);
        assert_eq!(paths[0], "/api/v1/workshops/BENCH2/groups/1/live");
        assert_eq!(paths[4], "/api/v1/workshops/BENCH2/groups/2/live");
        assert!(streams.iter().all(|stream| stream.workshop == 1));
        assert!(follower_streams(&workshop, 5, 0.0).iter().all(|stream| stream.key.is_some()));
        assert!(follower_streams(&workshop, 5, 1.0).iter().all(|stream| stream.key.is_none()));
    }

    #[test]
    fn each_workshop_ends_on_its_newest_acknowledged_version() {
        let at = std::time::Instant::now();
        let ack = |workshop, version| Ack { workshop, version, at, waited: Duration::ZERO };
        let acks = [ack(0, 4), ack(2, 9), ack(0, 7), ack(0, 5)];
        assert_eq!(final_versions(&acks, 3), vec![Some(7), None, Some(9)]);
    }
}
