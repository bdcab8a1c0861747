use std::str::FromStr;
use std::time::Duration;

use kvadrant::{GroupId, WorkshopId};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePoolOptions, SqliteQueryResult, SqliteSynchronous,
};
use sqlx::{Sqlite, query};
use tokio::sync::mpsc;

use super::sheet_writes::{CellKey, LogLine};
use super::sql::statements::insert_workshop;
use super::sql::{Dialect, SqlStore};
use super::{Change, StoreResult};

/// Rows a statement writes at most: SQLite takes up to 32,766 parameters a statement.
const ROWS_PER_STATEMENT: usize = 500;

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
        Ok(SqlStore { pool, neighbours: (), kept: Default::default() })
    }
}

impl Dialect for Sqlite {
    /// One instance owns the file: there is no one to tell.
    type Neighbours = ();

    fn rows_affected(result: &SqliteQueryResult) -> u64 {
        result.rows_affected()
    }

    /// A transaction reads one snapshot of the file already (write-ahead log).
    const ONE_SNAPSHOT: Option<&'static str> = None;
    // SQLite would give a deleted newest workshop's id again: number after the last one given.
    const INSERT_WORKSHOP: &'static str = insert_workshop!("id", "(SELECT last + 1 FROM workshop_ids WHERE slot = 1)");

    async fn announce(_: &SqliteStore, _: &[WorkshopId]) -> StoreResult<()> {
        Ok(())
    }

    async fn listen(_: &SqliteStore) -> StoreResult<Option<mpsc::Receiver<Change>>> {
        Ok(None)
    }

    async fn read_sheets(
        connection: &mut SqliteConnection,
        groups: &[GroupId],
    ) -> StoreResult<Vec<(i64, i64, String, i16)>> {
        let mut cells = Vec::new();
        for groups in groups.chunks(ROWS_PER_STATEMENT) {
            let sql = sheets_of(groups.len());
            let mut read = sqlx::query_as(&sql);
            for group in groups {
                read = read.bind(group.0);
            }
            cells.extend(read.fetch_all(&mut *connection).await?);
        }
        Ok(cells)
    }

    async fn set_cells(
        connection: &mut SqliteConnection,
        cells: &[(CellKey, i16)],
        updated_at: &str,
    ) -> StoreResult<()> {
        for cells in cells.chunks(ROWS_PER_STATEMENT) {
            let sql = set_cells(cells.len());
            let mut write = query(&sql);
            for ((group, area, axis), value) in cells {
                write = write.bind(group.0).bind(area.0).bind(axis.as_str()).bind(*value).bind(updated_at);
            }
            write.execute(&mut *connection).await?;
        }
        Ok(())
    }

    async fn clear_cells(connection: &mut SqliteConnection, cells: &[CellKey]) -> StoreResult<()> {
        for cells in cells.chunks(ROWS_PER_STATEMENT) {
            let sql = clear_cells(cells.len());
            let mut clear = query(&sql);
            for (group, area, axis) in cells {
                clear = clear.bind(group.0).bind(area.0).bind(axis.as_str());
            }
            clear.execute(&mut *connection).await?;
        }
        Ok(())
    }

    async fn insert_changes(connection: &mut SqliteConnection, at: &str, lines: &[LogLine]) -> StoreResult<()> {
        for lines in lines.chunks(ROWS_PER_STATEMENT) {
            let sql = insert_changes(lines.len());
            let mut insert = query(&sql);
            for LogLine { workshop, actor, entry } in lines {
                insert = insert
                    .bind(workshop.0)
                    .bind(at)
                    .bind(actor.kind().stored())
                    .bind(actor.group().map(|group| group.0))
                    .bind(entry.action)
                    .bind(entry.area.map(|area| area.0))
                    .bind(entry.subject.as_deref())
                    .bind(entry.field.as_deref())
                    .bind(entry.old.as_deref())
                    .bind(entry.new.as_deref());
            }
            insert.execute(&mut *connection).await?;
        }
        Ok(())
    }

    fn own_statements() -> Vec<(String, String)> {
        [1, 2]
            .into_iter()
            .flat_map(|rows| {
                [
                    (format!("sheets_of({rows})"), sheets_of(rows)),
                    (format!("set_cells({rows})"), set_cells(rows)),
                    (format!("clear_cells({rows})"), clear_cells(rows)),
                    (format!("insert_changes({rows})"), insert_changes(rows)),
                ]
            })
            .chain([("INSERT_WORKSHOP".to_owned(), Self::INSERT_WORKSHOP.to_owned())])
            .collect()
    }
}

/// The cells of `groups` groups' sheets.
fn sheets_of(groups: usize) -> String {
    let groups = rows(groups, 1, |p| p(0));
    format!("SELECT group_id, area_id, axis, value FROM scores WHERE group_id IN ({groups})")
}

/// Writes `cells` cells, five parameters each: group, area, axis, value and time.
fn set_cells(cells: usize) -> String {
    let rows = rows(cells, 5, |p| format!("({}, {}, {}, {}, {})", p(0), p(1), p(2), p(3), p(4)));
    format!(
        "INSERT INTO scores (group_id, area_id, axis, value, updated_at) VALUES {rows} \
         ON CONFLICT (group_id, area_id, axis) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"
    )
}

/// Clears `cells` cells, three parameters each: group, area and axis.
fn clear_cells(cells: usize) -> String {
    let rows = rows(cells, 3, |p| format!("({}, {}, {})", p(0), p(1), p(2)));
    format!("DELETE FROM scores WHERE (group_id, area_id, axis) IN (VALUES {rows})")
}

/// Writes `lines` lines of the change log, ten parameters each: workshop, time, actor, group,
/// action, area, subject, field, old and new value.
fn insert_changes(lines: usize) -> String {
    let rows = rows(lines, 10, |p| {
        format!(
            "({}, {}, {}, {g}, (SELECT name FROM groups WHERE id = {g}), {}, {a}, \
             (SELECT name FROM areas WHERE id = {a}), {}, {}, {}, {})",
            p(0),
            p(1),
            p(2),
            p(4),
            p(6),
            p(7),
            p(8),
            p(9),
            g = p(3),
            a = p(5)
        )
    });
    format!(
        "INSERT INTO changes (workshop_id, at, actor, group_id, group_name, action, area_id, area_name, subject, \
         field, old_value, new_value) VALUES {rows}"
    )
}

/// `count` rows of `width` parameters, numbered on from `$1`; `row` writes one row from its
/// parameters' names (`p(0)` is the row's first).
fn rows(count: usize, width: usize, row: impl Fn(&dyn Fn(usize) -> String) -> String) -> String {
    (0..count).map(|index| row(&|column| format!("${}", index * width + column + 1))).collect::<Vec<_>>().join(", ")
}
