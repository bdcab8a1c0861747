use std::time::Duration;

use kvadrant::WorkshopId;
use sqlx::PgPool;
use sqlx::postgres::{PgListener, PgPoolOptions};
use tokio::sync::mpsc;

use super::{Change, StoreResult, sql::sql_store};

/// The channel instances announce changes on; the payload is `<instance>:<id>,<id>,…`.
const CHANNEL: &str = "kvadrant_changes";

/// PostgreSQL, for several instances sharing one database. Each instance announces the
/// workshops it changed with `NOTIFY`, and listens for the others'.
#[derive(Clone)]
pub struct PostgresStore {
    pool: PgPool,
    /// Tells this instance's notices from the others', which it has already applied.
    instance: u64,
}

impl PostgresStore {
    /// Connects to and migrates the database at `url`, e.g. `postgres://localhost/kvadrant`.
    pub async fn connect(url: &str) -> Result<PostgresStore, sqlx::Error> {
        let pool = PgPoolOptions::new().max_connections(16).connect(url).await?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        Ok(PostgresStore { pool, instance: rand::random() })
    }

    async fn announce_changes(&self, workshops: &[WorkshopId]) -> StoreResult<()> {
        if workshops.is_empty() {
            return Ok(());
        }
        let ids: Vec<String> = workshops.iter().map(|id| id.0.to_string()).collect();
        let payload = format!("{}:{}", self.instance, ids.join(","));
        sqlx::query("SELECT pg_notify($1, $2)").bind(CHANNEL).bind(payload).execute(&self.pool).await?;
        Ok(())
    }

    async fn listen_changes(&self) -> StoreResult<Option<mpsc::Receiver<Change>>> {
        let mut listener = PgListener::connect_with(&self.pool).await?;
        listener.listen(CHANNEL).await?;
        let (sender, receiver) = mpsc::channel(1024);
        let own = format!("{}:", self.instance);
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

sql_store!(PostgresStore, sqlx::Postgres);

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
