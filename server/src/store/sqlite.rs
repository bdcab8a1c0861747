use std::str::FromStr;
use std::time::Duration;

use kvadrant::WorkshopId;
use sqlx::Sqlite;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteQueryResult, SqliteSynchronous};
use tokio::sync::mpsc;

use super::sql::{Dialect, SqlStore};
use super::{Change, StoreResult};

/// One SQLite file, in WAL mode with foreign keys on; for a single server instance.
pub type SqliteStore = SqlStore<Sqlite>;

impl SqlStore<Sqlite> {
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
        Ok(SqlStore { pool, neighbours: () })
    }
}

impl Dialect for Sqlite {
    /// One instance owns the file: there is no one to tell.
    type Neighbours = ();

    fn rows_affected(result: &SqliteQueryResult) -> u64 {
        result.rows_affected()
    }

    async fn announce(_: &SqliteStore, _: &[WorkshopId]) -> StoreResult<()> {
        Ok(())
    }

    async fn listen(_: &SqliteStore) -> StoreResult<Option<mpsc::Receiver<Change>>> {
        Ok(None)
    }
}
