//! A whole bench: each target in turn on its own server, then the report.

use std::future::Future;
use std::process::ExitCode;

use crate::cli::{Plan, Target};
use crate::database::Database;
use crate::failure::Failure;
use crate::report::{Report, TargetReport};
use crate::scenario::measure;
use crate::server::ServerProcess;
use crate::workdir::WorkDir;

pub async fn run(plan: Plan) -> ExitCode {
    let workdir = match WorkDir::create() {
        Ok(workdir) => workdir,
        Err(error) => {
            eprintln!("cannot make a work directory: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut event_sizes = (plan.payload_bytes, plan.sheet_bytes);
    let mut reports = Vec::with_capacity(plan.targets.len());
    for &target in &plan.targets {
        let outcome = match target {
            Target::Kvadrant => on_kvadrant(&plan, &workdir).await,
            Target::Baseline => on_baseline(&plan, &workdir, event_sizes).await,
        };
        let report = match outcome {
            Ok(report) => report,
            Err(failure) => {
                eprintln!("{target}: {failure}");
                return ExitCode::FAILURE;
            }
        };
        if target == Target::Kvadrant {
            // Views during scoring leave the unchanged workshop out: the last one is their size.
            event_sizes = (report.last_view_bytes.unwrap_or(event_sizes.0), report.first_sheet_bytes.unwrap_or(0));
        }
        reports.push(report);
    }

    let report = Report::new(&plan, reports);
    println!("{}", report.text());
    if plan.json {
        println!("{}", serde_json::to_string_pretty(&report).expect("reports serialise"));
    }
    if !plan.smoke {
        return ExitCode::SUCCESS;
    }
    let failures: Vec<String> = report
        .targets
        .iter()
        .flat_map(|target| {
            target.smoke_failures().into_iter().map(move |failure| format!("{}: {failure}", target.target))
        })
        .collect();
    if failures.is_empty() {
        println!("smoke: passed");
        ExitCode::SUCCESS
    } else {
        println!("smoke: FAILED: {}", failures.join("; "));
        ExitCode::FAILURE
    }
}

async fn on_kvadrant(plan: &Plan, workdir: &WorkDir) -> Result<TargetReport, Failure> {
    let database = Database::provision(plan.database, &plan.postgres_url, workdir).await?;
    let outcome = interruptible(async {
        let server = ServerProcess::kvadrant(database.url(), &workdir.site_root(), workdir, plan.workshops).await?;
        eprintln!("kvadrant: listening on {} (pid {})", server.addr(), server.pid());
        let run = measure(Target::Kvadrant, &server, plan).await;
        server.stop().await;
        run
    })
    .await;
    // The database goes even when the run failed; a failure of the run is the one to tell.
    let released = database.release().await;
    let report = TargetReport::summarise(outcome?);
    released?;
    Ok(report)
}

async fn on_baseline(plan: &Plan, workdir: &WorkDir, (view, sheet): (usize, usize)) -> Result<TargetReport, Failure> {
    let run = interruptible(async {
        let server = ServerProcess::baseline(view, sheet, workdir).await?;
        eprintln!("baseline: listening on {} (pid {}), events of {view} B and {sheet} B", server.addr(), server.pid());
        let run = measure(Target::Baseline, &server, plan).await;
        server.stop().await;
        run
    })
    .await?;
    Ok(TargetReport::summarise(run))
}

/// Ctrl-C ends the run early; the servers, killed when dropped, and the database are cleaned up.
async fn interruptible<T>(work: impl Future<Output = Result<T, Failure>>) -> Result<T, Failure> {
    tokio::select! {
        outcome = work => outcome,
        _ = tokio::signal::ctrl_c() => Err(Failure::Interrupted),
    }
}
