use std::time::Duration;

use kvadrant::{GroupId, WorkshopId};
use sqlx::postgres::{PgConnection, PgListener, PgPoolOptions, PgQueryResult};
use sqlx::{Postgres, query};
use tokio::sync::mpsc;

use super::sheet_writes::{CellKey, LogLine};
use super::sql::statements::insert_workshop;
use super::sql::{Dialect, SqlStore};
use super::{Change, StoreResult};

// Many rows are written as arrays, one per column, so that a statement's text is the same
// however many rows it writes: it is prepared once per connection.

const SHEETS_OF: &str = "SELECT group_id, area_id, axis, value FROM scores WHERE group_id = ANY($1)";
const SET_CELLS: &str = "INSERT INTO scores (group_id, area_id, axis, value, updated_at) \
    SELECT g, a, x, v, $5 FROM UNNEST($1::BIGINT[], $2::BIGINT[], $3::TEXT[], $4::SMALLINT[]) AS c(g, a, x, v) \
    ON CONFLICT (group_id, area_id, axis) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";
const CLEAR_CELLS: &str = "DELETE FROM scores s USING UNNEST($1::BIGINT[], $2::BIGINT[], $3::TEXT[]) AS c(g, a, x) \
    WHERE s.group_id = c.g AND s.area_id = c.a AND s.axis = c.x";
const INSERT_CHANGES: &str = "INSERT INTO changes (workshop_id, at, actor, group_id, group_name, action, area_id, \
    area_name, subject, field, old_value, new_value) \
    SELECT c.w, $1, c.actor, c.g, (SELECT name FROM groups WHERE id = c.g), c.action, c.a, \
    (SELECT name FROM areas WHERE id = c.a), c.subject, c.field, c.old, c.new \
    FROM UNNEST($2::BIGINT[], $3::TEXT[], $4::BIGINT[], $5::TEXT[], $6::BIGINT[], $7::TEXT[], $8::TEXT[], \
    $9::TEXT[], $10::TEXT[]) WITH ORDINALITY AS c(w, actor, g, action, a, subject, field, old, new, n) ORDER BY c.n";

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
        Ok(SqlStore { pool, neighbours: rand::random(), kept: Default::default() })
    }
}

impl Dialect for Postgres {
    /// This instance's number, which tells its own notices from the others' (it has applied
    /// its own changes already).
    type Neighbours = u64;

    fn rows_affected(result: &PgQueryResult) -> u64 {
        result.rows_affected()
    }

    /// Read committed, each statement would see the changes committed before it.
    const ONE_SNAPSHOT: Option<&'static str> = Some("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const INSERT_WORKSHOP: &'static str = insert_workshop!();

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

    async fn read_sheets(
        connection: &mut PgConnection,
        groups: &[GroupId],
    ) -> StoreResult<Vec<(i64, i64, String, i16)>> {
        let groups: Vec<i64> = groups.iter().map(|group| group.0).collect();
        Ok(sqlx::query_as(SHEETS_OF).bind(groups).fetch_all(connection).await?)
    }

    async fn set_cells(connection: &mut PgConnection, cells: &[(CellKey, i16)], updated_at: &str) -> StoreResult<()> {
        let groups: Vec<i64> = cells.iter().map(|((group, _, _), _)| group.0).collect();
        let areas: Vec<i64> = cells.iter().map(|((_, area, _), _)| area.0).collect();
        let axes: Vec<&str> = cells.iter().map(|((_, _, axis), _)| axis.as_str()).collect();
        let values: Vec<i16> = cells.iter().map(|(_, value)| *value).collect();
        query(SET_CELLS).bind(groups).bind(areas).bind(axes).bind(values).bind(updated_at).execute(connection).await?;
        Ok(())
    }

    async fn clear_cells(connection: &mut PgConnection, cells: &[CellKey]) -> StoreResult<()> {
        let groups: Vec<i64> = cells.iter().map(|(group, _, _)| group.0).collect();
        let areas: Vec<i64> = cells.iter().map(|(_, area, _)| area.0).collect();
        let axes: Vec<&str> = cells.iter().map(|(_, _, axis)| axis.as_str()).collect();
        query(CLEAR_CELLS).bind(groups).bind(areas).bind(axes).execute(connection).await?;
        Ok(())
    }

    async fn insert_changes(connection: &mut PgConnection, at: &str, lines: &[LogLine]) -> StoreResult<()> {
        let column = |of: fn(&LogLine) -> Option<&str>| lines.iter().map(of).collect::<Vec<_>>();
        let workshops: Vec<i64> = lines.iter().map(|line| line.workshop.0).collect();
        let actors: Vec<&str> = lines.iter().map(|line| line.actor.kind().stored()).collect();
        let groups: Vec<Option<i64>> = lines.iter().map(|line| line.actor.group().map(|group| group.0)).collect();
        let actions: Vec<&str> = lines.iter().map(|line| line.entry.action).collect();
        let areas: Vec<Option<i64>> = lines.iter().map(|line| line.entry.area.map(|area| area.0)).collect();
        query(INSERT_CHANGES)
            .bind(at)
            .bind(workshops)
            .bind(actors)
            .bind(groups)
            .bind(actions)
            .bind(areas)
            .bind(column(|line| line.entry.subject.as_deref()))
            .bind(column(|line| line.entry.field.as_deref()))
            .bind(column(|line| line.entry.old.as_deref()))
            .bind(column(|line| line.entry.new.as_deref()))
            .execute(connection)
            .await?;
        Ok(())
    }

    fn own_statements() -> Vec<(String, String)> {
        [
            ("SHEETS_OF", SHEETS_OF),
            ("SET_CELLS", SET_CELLS),
            ("CLEAR_CELLS", CLEAR_CELLS),
            ("INSERT_CHANGES", INSERT_CHANGES),
            ("INSERT_WORKSHOP", Self::INSERT_WORKSHOP),
        ]
        .into_iter()
        .map(|(name, sql)| (name.to_owned(), sql.to_owned()))
        .collect()
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
