use std::process::ExitCode;

use clap::Parser;
use kvadrant_server::config::LogFormat;
use kvadrant_server::{Application, Config, Serving, serve};
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(name = "kvadrant", about = "Score areas on potential and feasibility, live; rank them.")]
struct Cli {
    #[command(flatten)]
    config: Config,
    #[command(flatten)]
    serving: Serving,
    /// How log lines are written: `text` for people, `json` (one object per line, with each
    /// request's route and id) for a log collector. Their level follows `RUST_LOG`.
    #[arg(long, env = "KVADRANT_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    log_format: LogFormat,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    match cli.log_format {
        LogFormat::Text => tracing_subscriber::fmt().with_env_filter(filter).init(),
        LogFormat::Json => tracing_subscriber::fmt().json().with_env_filter(filter).init(),
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            tracing::error!("cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    let code = runtime.block_on(run(cli));
    // Blocking work still running (a PNG being drawn) must not hold the exit up for long.
    runtime.shutdown_timeout(serve::EXIT);
    code
}

async fn run(cli: Cli) -> ExitCode {
    let application = match Application::build_with(cli.config, cli.serving).await {
        Ok(application) => application,
        Err(error) => {
            tracing::error!("cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    tracing::info!("Kvadrant is listening on http://{}", application.address());
    match application.run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("server stopped: {error}");
            ExitCode::FAILURE
        }
    }
}
