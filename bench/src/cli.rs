//! The command line: what to measure and how hard to push, resolved into a [`Plan`].

use std::fmt;
use std::net::SocketAddr;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::reconnect;

/// Groups one workshop may have.
const MAX_GROUPS: usize = 500;

#[derive(Debug, Parser)]
#[command(
    name = "kvadrant-bench",
    about = "Load benchmark: participants follow live results while scores come in; Kvadrant against a bare SSE broadcast.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub bench: BenchArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The baseline server, which the bench starts as its own child process.
    #[command(hide = true)]
    BaselineServer(BaselineArgs),
    /// What each page loads in scripts and WASM, against the front end's budgets; fails when
    /// one is exceeded.
    Weight(crate::weight::WeightArgs),
    /// How long the participant's pages take to become interactive in Chromium on an emulated
    /// slow link.
    SlowLink(crate::slow_link::SlowLinkArgs),
    /// What rank bands cost for a very large workshop (run it built with `--release`).
    Bands(crate::bands::BandsArgs),
}

#[derive(Debug, Args)]
pub struct BaselineArgs {
    #[arg(long)]
    pub addr: SocketAddr,
    /// Size of each `view` event on the wire, headers of the event included.
    #[arg(long)]
    pub payload_bytes: usize,
    /// Size of each `sheet` event group members receive after a view; 0 sends none.
    #[arg(long, default_value_t = 0)]
    pub sheet_bytes: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DatabaseKind {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TargetChoice {
    Kvadrant,
    Baseline,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scenario {
    /// One workshop; its screens follow the scores as they come in.
    Scoring,
    /// One workshop; while scores come in, every screen drops its stream and opens a new one,
    /// the drops spread evenly over one second.
    Reconnect,
    /// Many workshops scored at once, each followed by its own screens.
    Workshops,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// What happens while scores come in.
    #[arg(long, value_enum, default_value_t = Scenario::Scoring)]
    pub scenario: Scenario,
    /// Participants' screens following a live stream; per workshop in the `workshops` scenario
    /// [default: 500, with --smoke 300; reconnect: 5,000, with --smoke 300; workshops: 25]
    #[arg(long)]
    pub clients: Option<usize>,
    /// Groups in each workshop; clients are spread over them in turn
    /// [default: 50, with --smoke 30; reconnect: 500, with --smoke 30; workshops: 5]
    #[arg(long)]
    pub groups: Option<usize>,
    /// Workshops scored at once in the `workshops` scenario [default: 100, with --smoke 10]
    #[arg(long)]
    pub workshops: Option<usize>,
    /// Share of clients following the audience stream (`/live`) instead of their group's.
    #[arg(long, default_value_t = 0.1)]
    pub audience_share: f64,
    /// Score submissions per second, all writers together; 0 sends each writer's next one as
    /// soon as the previous is answered, for maximum throughput [default: 200, with --smoke 100]
    #[arg(long)]
    pub rate: Option<u32>,
    /// Seconds of scoring [default: 20, with --smoke 5; reconnect with --smoke: 8]
    #[arg(long)]
    pub duration: Option<u64>,
    /// Keep-alive connections the score submissions share.
    #[arg(long, default_value_t = 32)]
    pub writers: usize,
    /// Streams opened at a time while connecting the clients.
    #[arg(long, default_value_t = 200)]
    pub ramp: usize,
    /// Where Kvadrant keeps its data: a fresh SQLite file, or a fresh PostgreSQL database.
    #[arg(long, value_enum, default_value_t = DatabaseKind::Sqlite)]
    pub database: DatabaseKind,
    /// Server and credentials for `--database postgres`; the bench makes and drops its own database there.
    #[arg(long, default_value = "postgres://127.0.0.1:5432/test")]
    pub postgres_url: String,
    /// What to measure [default: both, with --smoke kvadrant]
    #[arg(long, value_enum)]
    pub target: Option<TargetChoice>,
    /// A small run for CI that fails unless every update reached every client, without errors.
    #[arg(long)]
    pub smoke: bool,
    /// Also print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Size of the baseline's view events when Kvadrant is not measured in the same run; otherwise
    /// the size of Kvadrant's last view event (a view during scoring) is used.
    #[arg(long, default_value_t = 4096)]
    pub payload_bytes: usize,
    /// Size of the baseline's sheet events when Kvadrant is not measured in the same run.
    #[arg(long, default_value_t = 256)]
    pub sheet_bytes: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Kvadrant,
    Baseline,
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Target::Kvadrant => "kvadrant",
            Target::Baseline => "baseline",
        })
    }
}

/// How scores are sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// Submissions per second on a fixed schedule, whether or not earlier ones were answered.
    Open(u32),
    /// Each writer sends its next submission once the previous one is answered.
    Closed,
}

/// A run's settings with the defaults applied.
#[derive(Debug, Clone)]
pub struct Plan {
    pub scenario: Scenario,
    /// Per workshop.
    pub clients: usize,
    /// Per workshop.
    pub groups: usize,
    /// One but in the `workshops` scenario.
    pub workshops: usize,
    pub audience_share: f64,
    pub pace: Pace,
    pub duration: Duration,
    pub writers: usize,
    pub ramp: usize,
    pub database: DatabaseKind,
    pub postgres_url: String,
    pub targets: Vec<Target>,
    pub smoke: bool,
    pub json: bool,
    pub payload_bytes: usize,
    pub sheet_bytes: usize,
}

/// A scenario's defaults for a full run and for a smoke run.
struct Defaults {
    clients: [usize; 2],
    groups: [usize; 2],
    workshops: [usize; 2],
    duration_seconds: [u64; 2],
}

impl Defaults {
    fn of(scenario: Scenario) -> Defaults {
        match scenario {
            Scenario::Scoring => {
                Defaults { clients: [500, 300], groups: [50, 30], workshops: [1, 1], duration_seconds: [20, 5] }
            }
            // A smoke run still scores until the last screen may be back.
            Scenario::Reconnect => Defaults {
                clients: [5_000, 300],
                groups: [500, 30],
                workshops: [1, 1],
                duration_seconds: [20, reconnect::MIN_SCORING.as_secs()],
            },
            // A small workshop each: a team's screens, a few groups.
            Scenario::Workshops => {
                Defaults { clients: [25, 25], groups: [5, 5], workshops: [100, 10], duration_seconds: [20, 5] }
            }
        }
    }
}

/// The value given, or else the default for a full or a smoke run.
fn pick<T>(given: Option<T>, [normal, small]: [T; 2], smoke: bool) -> T {
    given.unwrap_or(if smoke { small } else { normal })
}

impl BenchArgs {
    pub fn plan(self) -> Result<Plan, String> {
        let smoke = self.smoke;
        let scenario = self.scenario;
        let defaults = Defaults::of(scenario);
        let clients = pick(self.clients, defaults.clients, smoke);
        let groups = pick(self.groups, defaults.groups, smoke);
        let workshops = pick(self.workshops, defaults.workshops, smoke);
        let rate = pick(self.rate, [200, 100], smoke);
        let duration = Duration::from_secs(pick(self.duration, defaults.duration_seconds, smoke));
        let targets = match self.target.unwrap_or(if smoke { TargetChoice::Kvadrant } else { TargetChoice::Both }) {
            TargetChoice::Kvadrant => vec![Target::Kvadrant],
            TargetChoice::Baseline => vec![Target::Baseline],
            TargetChoice::Both => vec![Target::Kvadrant, Target::Baseline],
        };
        if clients == 0 {
            return Err("--clients must be at least 1".into());
        }
        if !(1..=MAX_GROUPS).contains(&groups) {
            return Err(format!("--groups must be between 1 and {MAX_GROUPS}, the most one workshop may have"));
        }
        if !(0.0..=1.0).contains(&self.audience_share) {
            return Err("--audience-share must be between 0 and 1".into());
        }
        if duration.is_zero() {
            return Err("--duration must be at least 1 second".into());
        }
        if self.workshops.is_some() && scenario != Scenario::Workshops {
            return Err("--workshops is for --scenario workshops".into());
        }
        if workshops == 0 {
            return Err("--workshops must be at least 1".into());
        }
        if scenario == Scenario::Reconnect && duration < reconnect::MIN_SCORING {
            return Err(format!(
                "--scenario reconnect needs --duration of at least {} s: scores keep coming in until the last \
                 screen may be back",
                reconnect::MIN_SCORING.as_secs()
            ));
        }
        if self.writers == 0 || self.ramp == 0 {
            return Err("--writers and --ramp must be at least 1".into());
        }
        Ok(Plan {
            scenario,
            clients,
            groups,
            workshops,
            audience_share: self.audience_share,
            pace: if rate == 0 { Pace::Closed } else { Pace::Open(rate) },
            duration,
            writers: self.writers,
            ramp: self.ramp,
            database: self.database,
            postgres_url: self.postgres_url,
            targets,
            smoke,
            json: self.json,
            payload_bytes: self.payload_bytes,
            sheet_bytes: self.sheet_bytes,
        })
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    fn plan(args: &[&str]) -> Result<Plan, String> {
        let cli = Cli::try_parse_from(std::iter::once("kvadrant-bench").chain(args.iter().copied())).unwrap();
        cli.bench.plan()
    }

    #[test]
    fn smoke_defaults_are_small_and_kvadrant_only() {
        let plan = plan(&["--smoke"]).unwrap();
        assert_eq!((plan.clients, plan.groups, plan.pace), (300, 30, Pace::Open(100)));
        assert_eq!(plan.duration, Duration::from_secs(5));
        assert_eq!(plan.targets, vec![Target::Kvadrant]);
    }

    #[test]
    fn given_flags_win_over_smoke_defaults() {
        let plan = plan(&["--smoke", "--clients", "20", "--target", "both", "--rate", "0"]).unwrap();
        assert_eq!((plan.clients, plan.pace), (20, Pace::Closed));
        assert_eq!(plan.targets, vec![Target::Kvadrant, Target::Baseline]);
    }

    #[test]
    fn each_scenario_has_its_own_size() {
        let scoring = plan(&[]).unwrap();
        assert_eq!(
            (scoring.scenario, scoring.clients, scoring.groups, scoring.workshops),
            (Scenario::Scoring, 500, 50, 1)
        );
        let reconnect = plan(&["--scenario", "reconnect"]).unwrap();
        assert_eq!((reconnect.clients, reconnect.groups, reconnect.workshops), (5_000, 500, 1));
        let workshops = plan(&["--scenario", "workshops"]).unwrap();
        assert_eq!((workshops.clients, workshops.groups, workshops.workshops), (25, 5, 100));
        let smoke = plan(&["--scenario", "workshops", "--smoke", "--workshops", "3"]).unwrap();
        assert_eq!((smoke.clients, smoke.workshops, smoke.duration), (25, 3, Duration::from_secs(5)));
    }

    #[test]
    fn a_reconnect_run_scores_until_the_last_screen_may_be_back() {
        let smoke = plan(&["--scenario", "reconnect", "--smoke"]).unwrap();
        assert_eq!((smoke.clients, smoke.duration), (300, reconnect::MIN_SCORING));
        assert!(plan(&["--scenario", "reconnect", "--duration", "5"]).is_err());
    }

    #[test]
    fn workshops_are_only_counted_where_there_are_many() {
        assert!(plan(&["--workshops", "3"]).is_err());
        assert!(plan(&["--scenario", "workshops", "--workshops", "0"]).is_err());
    }

    #[test]
    fn more_groups_than_a_workshop_holds_are_refused() {
        assert!(plan(&["--groups", "501"]).is_err());
    }

    #[test]
    fn the_baseline_server_is_a_subcommand() {
        let cli =
            Cli::try_parse_from(["kvadrant-bench", "baseline-server", "--addr", "127.0.0.1:1", "--payload-bytes", "9"])
                .unwrap();
        assert!(matches!(cli.command, Some(Command::BaselineServer(BaselineArgs { payload_bytes: 9, .. }))));
    }
}
