use std::str::FromStr;
use std::time::Duration;

use kvadrant::WorkshopId;
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use tokio::sync::mpsc;

use super::{Change, StoreResult, sql::sql_store};

/// One SQLite file, in WAL mode with foreign keys on; for a single server instance.
#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if missing) and migrates the database at `url`, e.g. `sqlite://kvadrant.db`.
    pub async fn connect(url: &str) -> Result<SqliteStore, sqlx::Error> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a write the client saw acknowledged survives a power cut, not only a crash.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new().max_connections(8).connect_with(options).await?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        Ok(SqliteStore { pool })
    }

    /// One instance owns the file: there is no one to tell.
    async fn announce_changes(&self, _: &[WorkshopId]) -> StoreResult<()> {
        Ok(())
    }

    async fn listen_changes(&self) -> StoreResult<Option<mpsc::Receiver<Change>>> {
        Ok(None)
    }
}

sql_store!(SqliteStore, sqlx::Sqlite);
