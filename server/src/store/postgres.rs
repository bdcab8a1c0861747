use std::time::Duration;

use kvadrant::WorkshopId;
use sqlx::Postgres;
use sqlx::postgres::{PgListener, PgPoolOptions, PgQueryResult};
use tokio::sync::mpsc;

use super::sql::{Dialect, SqlStore};
use super::{Change, StoreResult};

/// The channel instances announce changes on; the payload is `<instance>:<id>,<id>,…`.
const CHANNEL: &str = "kvadrant_changes";

/// PostgreSQL, for several instances sharing one database. Each instance announces the
/// workshops it changed with `NOTIFY`, and listens for the others'.
pub type PostgresStore = SqlStore<Postgres>;

impl SqlStore<Postgres> {
    /// Connects to and migrates the database at `url`, e.g. `postgres://localhost/kvadrant`.
    pub async fn connect(url: &str) -> Result<PostgresStore, sqlx::Error> {
        let pool = PgPoolOptions::new().max_connections(16).connect(url).await?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        Ok(SqlStore { pool, neighbours: rand::random() })
    }
}

impl Dialect for Postgres {
    /// This instance's number, which tells its own notices from the others' (it has applied
    /// its own changes already).
    type Neighbours = u64;

    fn rows_affected(result: &PgQueryResult) -> u64 {
        result.rows_affected()
    }

    async fn announce(store: &PostgresStore, workshops: &[WorkshopId]) -> StoreResult<()> {
        if workshops.is_empty() {
            return Ok(());
        }
        let ids: Vec<String> = workshops.iter().map(|id| id.0.to_string()).collect();
        let payload = format!("{}:{}", store.neighbours, ids.join(","));
        sqlx::query("SELECT pg_notify($1, $2)").bind(CHANNEL).bind(payload).execute(&store.pool).await?;
        Ok(())
    }

    async fn listen(store: &PostgresStore) -> StoreResult<Option<mpsc::Receiver<Change>>> {
        let mut listener = PgListener::connect_with(&store.pool).await?;
        listener.listen(CHANNEL).await?;
        let (sender, receiver) = mpsc::channel(1024);
        let own = format!("{}:", store.neighbours);
        tokio::spawn(async move {
            loop {
                let changes = match listener.try_recv().await {
                    Ok(Some(notice)) if notice.payload().starts_with(&own) => continue,
                    Ok(Some(notice)) => parse(notice.payload()),
                    // The connection was lost and is re-established on the next call; what was
                    // announced meanwhile is unknown.
                    Ok(None) => vec![Change::Unknown],
                    Err(error) => {
                        tracing::warn!(%error, "listening for other instances' changes");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        vec![Change::Unknown]
                    }
                };
                for change in changes {
                    if sender.send(change).await.is_err() {
                        return;
                    }
                }
            }
        });
        Ok(Some(receiver))
    }
}

fn parse(payload: &str) -> Vec<Change> {
    let ids = payload.split_once(':').map_or("", |(_, ids)| ids);
    ids.split(',').filter_map(|id| id.parse().ok()).map(|id| Change::Workshop(WorkshopId(id))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_name_the_changed_workshops() {
        assert_eq!(parse("7:1,22"), vec![Change::Workshop(WorkshopId(1)), Change::Workshop(WorkshopId(22))]);
        assert_eq!(parse("7:"), vec![]);
        assert_eq!(parse("garbage"), vec![]);
    }
}
