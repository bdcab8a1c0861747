//! The figures of a run: summarised per target, printed as a table for the docs, or as JSON.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use crate::cli::{DatabaseKind, Pace, Plan, Scenario};
use crate::delivery::{Percentiles, delivery};
use crate::machine::{Machine, command_line};
use crate::reconnect::{self, ReconnectReport};
use crate::scenario::Run;

#[derive(Debug, Serialize)]
pub struct TargetReport {
    pub target: String,
    pub workshops: usize,
    /// Over all workshops.
    pub clients: usize,
    pub connected: usize,
    pub connect_errors: BTreeMap<String, u64>,
    /// Streams that connected and broke before the end.
    pub streams_broken: usize,
    pub submissions_attempted: u64,
    pub submissions_accepted: u64,
    pub submissions_errored: u64,
    pub submission_errors: BTreeMap<String, u64>,
    pub scoring_seconds: f64,
    pub accepted_per_second: f64,
    /// From a submission's acknowledgement until every screen of its workshop showed it.
    pub update_latency_ms: Option<Percentiles>,
    /// From when a submission was due until it was acknowledged.
    pub acknowledgement_ms: Option<Percentiles>,
    pub rss_idle_kib: u64,
    pub rss_connected_kib: u64,
    pub kib_per_client: f64,
    /// The workshop's last version; with many workshops, `None`: each screen converges on its own's.
    pub final_version: Option<i64>,
    /// Screens that showed their workshop's final version.
    pub converged: usize,
    /// Accepted submissions some screen never showed.
    pub lost_updates: u64,
    pub duplicated_updates: u64,
    pub regressing_updates: u64,
    /// Versions each screen saw, on average.
    pub versions_per_client: f64,
    pub first_view_bytes: Option<usize>,
    pub last_view_bytes: Option<usize>,
    pub first_sheet_bytes: Option<usize>,
    pub received_mib: f64,
    /// In the reconnect scenario.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reconnect: Option<ReconnectReport>,
}

impl TargetReport {
    pub fn summarise(run: Run) -> TargetReport {
        let delivery = delivery(&run.scoring.acks, &run.records);
        let mut waits: Vec<_> = run.scoring.acks.iter().map(|ack| ack.waited).collect();
        waits.sort_unstable();
        let records = &run.records;
        let sum = |count: fn(&crate::follower::FollowerRecord) -> u64| records.iter().map(count).sum::<u64>();
        let connected = records.len();
        let accepted = run.scoring.acks.len() as u64;
        let scoring_seconds = run.scoring.elapsed.as_secs_f64();
        let mut connect_errors = BTreeMap::new();
        for reason in run.connect_errors {
            *connect_errors.entry(reason).or_default() += 1;
        }
        let reconnect = ReconnectReport::of(&run.scoring.acks, records);
        let workshops = run.final_versions.len();
        TargetReport {
            target: run.target.to_string(),
            workshops,
            clients: run.clients,
            connected,
            connect_errors,
            streams_broken: records.iter().filter(|record| record.failure.is_some()).count(),
            submissions_attempted: run.scoring.attempted,
            submissions_accepted: accepted,
            submissions_errored: run.scoring.errored(),
            submission_errors: run.scoring.errors.clone(),
            scoring_seconds,
            accepted_per_second: if scoring_seconds > 0.0 { accepted as f64 / scoring_seconds } else { 0.0 },
            update_latency_ms: Percentiles::of(&delivery.latencies),
            acknowledgement_ms: Percentiles::of(&waits),
            rss_idle_kib: run.rss_idle_kib,
            rss_connected_kib: run.rss_connected_kib,
            kib_per_client: run.rss_connected_kib.saturating_sub(run.rss_idle_kib) as f64 / run.clients as f64,
            final_version: if workshops == 1 { run.final_versions[0] } else { None },
            converged: run.converged,
            lost_updates: delivery.lost,
            duplicated_updates: sum(|record| record.duplicates),
            regressing_updates: sum(|record| record.regressions),
            versions_per_client: if connected > 0 {
                sum(|record| record.seen.len() as u64) as f64 / connected as f64
            } else {
                0.0
            },
            first_view_bytes: records.iter().find_map(|record| record.first_view_bytes),
            last_view_bytes: records.iter().filter_map(|record| record.last_view_bytes).max(),
            first_sheet_bytes: records.iter().find_map(|record| record.first_sheet_bytes),
            received_mib: sum(|record| record.body_bytes) as f64 / (1024.0 * 1024.0),
            reconnect,
        }
    }

    /// Why a smoke run fails; empty when it passes.
    pub fn smoke_failures(&self) -> Vec<String> {
        let mut failures = Vec::new();
        let mut check = |failed: bool, what: String| {
            if failed {
                failures.push(what);
            }
        };
        check(self.connected < self.clients, format!("{} of {} clients connected", self.connected, self.clients));
        check(self.streams_broken > 0, format!("{} streams broke", self.streams_broken));
        check(self.submissions_accepted == 0, "no submission was accepted".into());
        check(self.submissions_errored > 0, format!("{} submissions failed", self.submissions_errored));
        check(self.converged < self.clients, format!("{} of {} clients converged", self.converged, self.clients));
        check(self.lost_updates > 0, format!("{} updates lost", self.lost_updates));
        check(self.duplicated_updates > 0, format!("{} updates duplicated", self.duplicated_updates));
        check(self.regressing_updates > 0, format!("{} updates regressed", self.regressing_updates));
        if let Some(reconnect) = &self.reconnect {
            check(reconnect.error_count() > 0, format!("{} reconnects failed", reconnect.error_count()));
            check(
                reconnect.back_within_limit < self.connected,
                format!(
                    "{} of {} clients back within {} s of their drop",
                    reconnect.back_within_limit, self.connected, reconnect.limit_seconds
                ),
            );
        }
        failures
    }
}

#[derive(Debug, Serialize)]
pub struct Settings {
    pub scenario: Scenario,
    pub workshops: usize,
    /// Per workshop.
    pub clients: usize,
    /// Per workshop.
    pub groups: usize,
    pub audience_share: f64,
    /// Submissions per second; 0 for closed loop.
    pub rate: u32,
    pub duration_seconds: u64,
    pub writers: usize,
    pub database: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub build: &'static str,
    pub machine: Machine,
    pub command: String,
    pub settings: Settings,
    pub targets: Vec<TargetReport>,
    /// Kvadrant's p99 update latency over the baseline's.
    pub p99_ratio: Option<f64>,
}

impl Report {
    pub fn new(plan: &Plan, targets: Vec<TargetReport>) -> Report {
        let p99 = |name: &str| {
            targets
                .iter()
                .find(|report| report.target == name)
                .and_then(|report| report.update_latency_ms)
                .map(|ms| ms.p99)
        };
        let p99_ratio = match (p99("kvadrant"), p99("baseline")) {
            (Some(kvadrant), Some(baseline)) if baseline > 0.0 => Some(kvadrant / baseline),
            _ => None,
        };
        Report {
            build: if cfg!(debug_assertions) { "debug" } else { "release" },
            machine: Machine::describe(),
            command: command_line(),
            settings: Settings {
                scenario: plan.scenario,
                workshops: plan.workshops,
                clients: plan.clients,
                groups: plan.groups,
                audience_share: plan.audience_share,
                rate: match plan.pace {
                    Pace::Open(rate) => rate,
                    Pace::Closed => 0,
                },
                duration_seconds: plan.duration.as_secs(),
                writers: plan.writers,
                database: match plan.database {
                    DatabaseKind::Sqlite => "sqlite",
                    DatabaseKind::Postgres => "postgres",
                },
            },
            targets,
            p99_ratio,
        }
    }

    pub fn text(&self) -> String {
        let mut out = String::new();
        let Machine { cores, cpu, memory_gib } = &self.machine;
        let settings = &self.settings;
        let pace = match settings.rate {
            0 => "closed loop (each writer sends again once answered)".to_owned(),
            rate => format!("{rate} submissions/s"),
        };
        let _ = writeln!(out, "machine: {cores} cores, {cpu}, {memory_gib:.1} GiB RAM; {} build", self.build);
        let _ = writeln!(out, "command: {}", self.command);
        let (screens, each_to) = match settings.workshops {
            1 => (format!("{} clients in {} groups", settings.clients, settings.groups), ""),
            workshops => (
                format!("{workshops} workshops × {} clients in {} groups each", settings.clients, settings.groups),
                ", each to a random group of a random workshop",
            ),
        };
        let _ = writeln!(
            out,
            "load: {screens} ({:.0} % on the audience stream), {pace}{each_to} for {} s over {} writer connections; Kvadrant on {}",
            settings.audience_share * 100.0,
            settings.duration_seconds,
            settings.writers,
            settings.database,
        );
        if settings.scenario == Scenario::Reconnect {
            let _ = writeln!(
                out,
                "reconnect: {} s into scoring, every client drops its stream and opens a new one on a new connection, \
                 the drops spread evenly over {} s; back means showing the version latest at its drop",
                reconnect::START.as_secs(),
                reconnect::WINDOW.as_secs(),
            );
        }
        out.push('\n');
        out.push_str(&self.table());
        if let Some(ratio) = self.p99_ratio {
            let _ = writeln!(out, "\nKvadrant's p99 update latency is {ratio:.2} × the baseline's.");
        }
        let no_errors = BTreeMap::new();
        for report in &self.targets {
            let reconnect_errors = report.reconnect.as_ref().map_or(&no_errors, |reconnect| &reconnect.errors);
            for (what, errors) in [
                ("connect errors", &report.connect_errors),
                ("submission errors", &report.submission_errors),
                ("reconnect errors", reconnect_errors),
            ] {
                if !errors.is_empty() {
                    let listed: Vec<String> =
                        errors.iter().map(|(reason, count)| format!("{count} × {reason}")).collect();
                    let _ = writeln!(out, "{} {what}: {}", report.target, listed.join(", "));
                }
            }
        }
        out
    }

    fn table(&self) -> String {
        let mut rows: Vec<Row> = vec![
            ("clients connected", |r| format!("{} of {}", r.connected, r.clients)),
            ("connect errors / streams broken", |r| {
                format!("{} / {}", r.connect_errors.values().sum::<u64>(), r.streams_broken)
            }),
            ("submissions attempted / accepted / errored", |r| {
                format!("{} / {} / {}", r.submissions_attempted, r.submissions_accepted, r.submissions_errored)
            }),
            ("accepted per second", |r| format!("{:.1} (over {:.1} s)", r.accepted_per_second, r.scoring_seconds)),
            ("update latency p50 / p95 / p99 / max", |r| percentiles(r.update_latency_ms)),
            ("acknowledgement p50 / p95 / p99 / max", |r| percentiles(r.acknowledgement_ms)),
            ("RSS idle → connected", |r| format!("{} → {}", mib(r.rss_idle_kib), mib(r.rss_connected_kib))),
            ("memory per connected client", |r| format!("{:.1} KiB", r.kib_per_client)),
            ("converged on the final version", |r| match (r.final_version, r.workshops) {
                (Some(version), _) => format!("{} of {} (version {version})", r.converged, r.clients),
                (None, 1) => format!("{} of {} (version none)", r.converged, r.clients),
                (None, _) => format!("{} of {} (each on its workshop's)", r.converged, r.clients),
            }),
            ("lost updates", |r| r.lost_updates.to_string()),
            ("duplicated / regressing updates", |r| format!("{} / {}", r.duplicated_updates, r.regressing_updates)),
            ("versions seen per client", |r| format!("{:.1}", r.versions_per_client)),
            ("view event first / last, sheet event", |r| {
                format!("{} / {}, {}", bytes(r.first_view_bytes), bytes(r.last_view_bytes), bytes(r.first_sheet_bytes))
            }),
            ("received by all clients", |r| format!("{:.1} MiB", r.received_mib)),
        ];
        if self.targets.iter().any(|report| report.reconnect.is_some()) {
            rows.extend::<[Row; 3]>([
                ("dropped and reconnected / reconnect errors", |r| {
                    r.reconnect.as_ref().map_or_else(
                        || "none".to_owned(),
                        |reconnect| format!("{} / {}", reconnect.dropped, reconnect.error_count()),
                    )
                }),
                ("back after the drop p50 / p95 / p99 / max", |r| {
                    percentiles(r.reconnect.as_ref().and_then(|reconnect| reconnect.back_ms))
                }),
                ("back in time after the drop", |r| {
                    r.reconnect.as_ref().map_or_else(
                        || "none".to_owned(),
                        |reconnect| {
                            let ReconnectReport { back_within_limit, dropped, limit_seconds, .. } = reconnect;
                            format!("{back_within_limit} of {dropped} within {limit_seconds} s")
                        },
                    )
                }),
            ]);
        }
        let mut out = String::from("| |");
        for report in &self.targets {
            let _ = write!(out, " {} |", report.target);
        }
        out.push_str("\n|---|");
        out.push_str(&"---|".repeat(self.targets.len()));
        out.push('\n');
        for (label, cell) in rows {
            let _ = write!(out, "| {label} |");
            for report in &self.targets {
                let _ = write!(out, " {} |", cell(report));
            }
            out.push('\n');
        }
        out
    }
}

/// A table row: its label and how to fill each target's cell.
type Row = (&'static str, fn(&TargetReport) -> String);

fn percentiles(percentiles: Option<Percentiles>) -> String {
    percentiles.map_or_else(
        || "none".to_owned(),
        |ms| format!("{:.1} / {:.1} / {:.1} / {:.1} ms", ms.p50, ms.p95, ms.p99, ms.max),
    )
}

fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

fn bytes(size: Option<usize>) -> String {
    size.map_or_else(|| "none".to_owned(), |size| format!("{size} B"))
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::cli::Target;
    use crate::follower::FollowerRecord;
    use crate::scoring::{Ack, ScoringOutcome};

    fn run(newest_on_second_screen: i64) -> Run {
        let start = Instant::now();
        let screen = |newest: i64| FollowerRecord {
            seen: vec![(1, start), (newest, start + Duration::from_millis(30))],
            ..FollowerRecord::default()
        };
        let ack =
            Ack { workshop: 0, version: 5, at: start + Duration::from_millis(10), waited: Duration::from_millis(2) };
        Run {
            target: Target::Kvadrant,
            clients: 2,
            connect_errors: Vec::new(),
            rss_idle_kib: 1000,
            rss_connected_kib: 1100,
            scoring: ScoringOutcome {
                attempted: 1,
                acks: vec![ack],
                errors: BTreeMap::new(),
                elapsed: Duration::from_secs(1),
            },
            final_versions: vec![Some(5)],
            converged: if newest_on_second_screen >= 5 { 2 } else { 1 },
            records: vec![screen(5), screen(newest_on_second_screen)],
        }
    }

    #[test]
    fn a_clean_run_passes_the_smoke_check() {
        let report = TargetReport::summarise(run(5));
        assert_eq!(report.smoke_failures(), Vec::<String>::new());
        assert_eq!(report.update_latency_ms.map(|ms| ms.p99), Some(20.0));
        assert_eq!(report.kib_per_client, 50.0);
    }

    #[test]
    fn a_screen_left_behind_fails_the_smoke_check() {
        let report = TargetReport::summarise(run(4));
        assert_eq!(report.smoke_failures(), vec!["1 of 2 clients converged", "1 updates lost"]);
    }
}
