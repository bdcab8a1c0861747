//! The command line: what to measure and how hard to push, resolved into a [`Plan`].

use std::fmt;
use std::net::SocketAddr;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

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

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Participants' screens following a live stream [default: 500, with --smoke 300]
    #[arg(long)]
    pub clients: Option<usize>,
    /// Groups in the workshop; clients are spread over them in turn [default: 50, with --smoke 30]
    #[arg(long)]
    pub groups: Option<usize>,
    /// Share of clients following the audience stream (`/live`) instead of their group's.
    #[arg(long, default_value_t = 0.1)]
    pub audience_share: f64,
    /// Score submissions per second, all writers together; 0 sends each writer's next one as
    /// soon as the previous is answered, for maximum throughput [default: 200, with --smoke 100]
    #[arg(long)]
    pub rate: Option<u32>,
    /// Seconds of scoring [default: 20, with --smoke 5]
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
    pub clients: usize,
    pub groups: usize,
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

impl BenchArgs {
    pub fn plan(self) -> Result<Plan, String> {
        let smoke = self.smoke;
        let pick = |given: Option<u64>, normal: u64, small: u64| given.unwrap_or(if smoke { small } else { normal });
        let clients = pick(self.clients.map(|n| n as u64), 500, 300) as usize;
        let groups = pick(self.groups.map(|n| n as u64), 50, 30) as usize;
        let rate = pick(self.rate.map(u64::from), 200, 100) as u32;
        let duration = Duration::from_secs(pick(self.duration, 20, 5));
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
        if self.writers == 0 || self.ramp == 0 {
            return Err("--writers and --ramp must be at least 1".into());
        }
        Ok(Plan {
            clients,
            groups,
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
