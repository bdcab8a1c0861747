use std::process::ExitCode;

use clap::Parser;
use kvadrant_server::{Application, Config};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    tracing_subscriber::fmt().with_env_filter(filter).init();
    let application = match Application::build(Config::parse()).await {
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
