use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use kvadrant_server::config::LogFormat;
use kvadrant_server::{Application, Config, Serving, admin, backup, serve};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::writer::BoxMakeWriter;

#[derive(Parser)]
#[command(name = "kvadrant", about = "Score areas on potential and feasibility, live; rank them.")]
struct Cli {
    /// Without one, the server serves.
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    config: Config,
    #[command(flatten)]
    serving: Serving,
    /// How log lines are written: `text` for people, `json` (one object per line, with each
    /// request's route and id) for a log collector. Their level follows `RUST_LOG`.
    #[arg(long, env = "KVADRANT_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    log_format: LogFormat,
}

/// What the binary does instead of serving.
#[derive(Subcommand)]
enum Command {
    /// Write a consistent copy of the SQLite database to FILE.
    ///
    /// The database is `--database-url` (`DATABASE_URL`), as when serving; a server may be writing
    /// to it meanwhile. FILE must not exist yet. For PostgreSQL, use `pg_dump`.
    Backup(BackupArgs),
    /// Every workshop on the instance, or deleting one, on the database (`--database-url`)
    /// directly.
    #[command(subcommand)]
    Admin(AdminCommand),
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Every workshop, oldest first: its code, when it was made and last changed, how much it holds.
    List,
    /// Deletes the workshop with this join code, with everything in it.
    Delete {
        /// The workshop's join code.
        code: String,
    },
}

#[derive(Args)]
struct BackupArgs {
    /// Where the copy goes: a new file.
    file: PathBuf,
    /// The database to copy; by default the server's (`--database-url`, `DATABASE_URL`).
    #[arg(long)]
    database_url: Option<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    // A command's standard output is its answer alone; the server's is its log.
    let writer = match cli.command {
        Some(_) => BoxMakeWriter::new(std::io::stderr),
        None => BoxMakeWriter::new(std::io::stdout),
    };
    match cli.log_format {
        LogFormat::Text => tracing_subscriber::fmt().with_env_filter(filter).with_writer(writer).init(),
        LogFormat::Json => tracing_subscriber::fmt().json().with_env_filter(filter).with_writer(writer).init(),
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            tracing::error!("cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    let code = runtime.block_on(async {
        match cli.command {
            None => run(cli.config, cli.serving).await,
            Some(Command::Backup(args)) => run_backup(args, cli.config).await,
            Some(Command::Admin(command)) => run_admin(command, &cli.config.database_url).await,
        }
    });
    // Blocking work still running (a PNG being drawn) must not hold the exit up for long.
    runtime.shutdown_timeout(serve::EXIT);
    code
}

async fn run(config: Config, serving: Serving) -> ExitCode {
    let application = match Application::build_with(config, serving).await {
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

async fn run_backup(args: BackupArgs, config: Config) -> ExitCode {
    let database_url = args.database_url.unwrap_or(config.database_url);
    let done = backup::backup(&database_url, &args.file).await;
    answer("backup failed", done.map(|size| format!("backed up to {} ({size} bytes)", args.file.display())))
}

async fn run_admin(command: AdminCommand, database_url: &str) -> ExitCode {
    let done = match command {
        AdminCommand::List => admin::list(database_url).await.map(|workshops| admin::table(&workshops)),
        AdminCommand::Delete { code } => admin::delete(database_url, &code)
            .await
            .map(|title| format!("deleted {code} ({title}) with everything in it")),
    };
    answer("admin", done)
}

/// A command's answer on standard output, or its error, after `failed`, on standard error.
fn answer(failed: &str, done: Result<String, impl std::fmt::Display>) -> ExitCode {
    match done {
        Ok(answer) => {
            println!("{answer}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{failed}: {error}");
            ExitCode::FAILURE
        }
    }
}
