//! `kvadrant-bench`: participants in groups follow live results while scores come in, against
//! Kvadrant and against a bare broadcast baseline; prints latency, throughput and memory. Beside
//! the plain scoring run, two scenarios: every screen reconnecting at once, and many workshops.
//! `kvadrant-bench weight` checks what each page loads against the front end's budgets;
//! `kvadrant-bench slow-link` times the participant's pages in Chromium on an emulated slow link;
//! `kvadrant-bench bands` times the rank bands of a very large workshop.
//! Run `kvadrant-bench --help` for the settings.

mod bands;
mod baseline;
mod bench;
mod cli;
mod client;
mod crowd;
mod database;
mod delivery;
mod failure;
mod follower;
mod machine;
mod reconnect;
mod report;
mod rss;
mod scenario;
mod scoring;
mod server;
mod slow_link;
mod weight;
mod workdir;
mod workshop;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::BaselineServer(args)) => baseline::serve(args).await,
        Some(Command::Weight(args)) => weight::run(args).await,
        Some(Command::SlowLink(args)) => slow_link::run(args).await,
        Some(Command::Bands(args)) => bands::run(args),
        None => match cli.bench.plan() {
            Ok(plan) => bench::run(plan).await,
            Err(message) => {
                eprintln!("kvadrant-bench: {message}");
                ExitCode::from(2)
            }
        },
    }
}
