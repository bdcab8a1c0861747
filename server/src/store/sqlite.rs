use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use kvadrant::{AreaId, Axis, CategoryId, Cell, Description, GroupId, JoinCode, Name, Scale, Score, Title, WorkshopId};
use kvadrant_app::model::{Area, Category, Group, ListKind, SheetScore};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

use super::{Content, NewWorkshop, ScoreWrite, Store, StoreError, StoreResult, WorkshopRecord};

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

    /// Starts a write: bumping the version first takes SQLite's write lock at once, so
    /// concurrent writers queue on the busy timeout instead of failing on a lock upgrade.
    async fn write(&self, workshop: WorkshopId) -> StoreResult<Transaction<'static, Sqlite>> {
        let mut tx = self.pool.begin().await?;
        let bumped = sqlx::query("UPDATE workshops SET version = version + 1 WHERE id = ?")
            .bind(workshop.0)
            .execute(&mut *tx)
            .await?;
        if bumped.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(tx)
    }
}

fn found(rows: u64) -> StoreResult<()> {
    if rows == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

async fn next_position(
    tx: &mut Transaction<'static, Sqlite>,
    list: ListKind,
    workshop: WorkshopId,
) -> StoreResult<i64> {
    let sql = format!("SELECT COALESCE(MAX(position), 0) + 1 FROM {} WHERE workshop_id = ?", list.as_str());
    Ok(sqlx::query_scalar(&sql).bind(workshop.0).fetch_one(&mut **tx).await?)
}

#[async_trait]
impl Store for SqliteStore {
    async fn create_workshop(&self, new: &NewWorkshop) -> StoreResult<WorkshopId> {
        let id = sqlx::query_scalar(
            "INSERT INTO workshops (code, title, description, secret_hash, demo, scale_min, scale_max)
             VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(new.code.as_str())
        .bind(new.title.as_str())
        .bind(new.description.as_str())
        .bind(&new.secret_hash)
        .bind(new.demo)
        .bind(new.scale.min())
        .bind(new.scale.max())
        .fetch_one(&self.pool)
        .await?;
        Ok(WorkshopId(id))
    }

    async fn find_workshop(&self, code: &JoinCode) -> StoreResult<Option<WorkshopRecord>> {
        let row: Option<(i64, String, String, Vec<u8>, bool, bool, u8, u8)> = sqlx::query_as(
            "SELECT id, title, description, secret_hash, scoring_open, demo, scale_min, scale_max
             FROM workshops WHERE code = ?",
        )
        .bind(code.as_str())
        .fetch_optional(&self.pool)
        .await?;
        let Some((id, title, description, secret_hash, scoring_open, demo, min, max)) = row else {
            return Ok(None);
        };
        Ok(Some(WorkshopRecord {
            id: WorkshopId(id),
            code: code.clone(),
            title,
            description,
            secret_hash,
            scoring_open,
            demo,
            scale: Scale::new(min, max).unwrap_or_default(),
        }))
    }

    async fn count_workshops(&self) -> StoreResult<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM workshops").fetch_one(&self.pool).await?)
    }

    async fn demo_code(&self) -> StoreResult<Option<JoinCode>> {
        let code: Option<String> = sqlx::query_scalar("SELECT code FROM workshops WHERE demo = 1 ORDER BY id LIMIT 1")
            .fetch_optional(&self.pool)
            .await?;
        Ok(code.and_then(|code| JoinCode::parse(&code).ok()))
    }

    async fn content(&self, workshop: WorkshopId) -> StoreResult<Content> {
        // One transaction: the three lists come from one snapshot.
        let mut conn = self.pool.begin().await?;
        let categories: Vec<(i64, String, String)> =
            sqlx::query_as("SELECT id, name, description FROM categories WHERE workshop_id = ? ORDER BY position, id")
                .bind(workshop.0)
                .fetch_all(&mut *conn)
                .await?;
        let areas: Vec<(i64, String, String, Option<i64>)> = sqlx::query_as(
            "SELECT id, name, description, category_id FROM areas WHERE workshop_id = ? ORDER BY position, id",
        )
        .bind(workshop.0)
        .fetch_all(&mut *conn)
        .await?;
        let groups: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, name FROM groups WHERE workshop_id = ? ORDER BY position, id")
                .bind(workshop.0)
                .fetch_all(&mut *conn)
                .await?;
        Ok(Content {
            categories: categories
                .into_iter()
                .map(|(id, name, description)| Category { id: CategoryId(id), name, description })
                .collect(),
            areas: areas
                .into_iter()
                .map(|(id, name, description, category)| Area {
                    id: AreaId(id),
                    name,
                    description,
                    category_id: category.map(CategoryId),
                })
                .collect(),
            groups: groups.into_iter().map(|(id, name)| Group { id: GroupId(id), name }).collect(),
        })
    }

    async fn update_workshop(&self, workshop: WorkshopId, title: &Title, description: &Description) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        sqlx::query("UPDATE workshops SET title = ?, description = ? WHERE id = ?")
            .bind(title.as_str())
            .bind(description.as_str())
            .bind(workshop.0)
            .execute(&mut *tx)
            .await?;
        Ok(tx.commit().await?)
    }

    async fn set_scoring_open(&self, workshop: WorkshopId, open: bool) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        sqlx::query("UPDATE workshops SET scoring_open = ? WHERE id = ?")
            .bind(open)
            .bind(workshop.0)
            .execute(&mut *tx)
            .await?;
        Ok(tx.commit().await?)
    }

    async fn insert_category(
        &self,
        workshop: WorkshopId,
        name: &Name,
        description: &Description,
    ) -> StoreResult<CategoryId> {
        let mut tx = self.write(workshop).await?;
        let position = next_position(&mut tx, ListKind::Categories, workshop).await?;
        let id = sqlx::query_scalar(
            "INSERT INTO categories (workshop_id, name, description, position) VALUES (?, ?, ?, ?) RETURNING id",
        )
        .bind(workshop.0)
        .bind(name.as_str())
        .bind(description.as_str())
        .bind(position)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(CategoryId(id))
    }

    async fn update_category(
        &self,
        workshop: WorkshopId,
        id: CategoryId,
        name: &Name,
        description: &Description,
    ) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        let updated = sqlx::query("UPDATE categories SET name = ?, description = ? WHERE id = ? AND workshop_id = ?")
            .bind(name.as_str())
            .bind(description.as_str())
            .bind(id.0)
            .bind(workshop.0)
            .execute(&mut *tx)
            .await?;
        found(updated.rows_affected())?;
        Ok(tx.commit().await?)
    }

    async fn delete_category(&self, workshop: WorkshopId, id: CategoryId) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        let deleted = sqlx::query("DELETE FROM categories WHERE id = ? AND workshop_id = ?")
            .bind(id.0)
            .bind(workshop.0)
            .execute(&mut *tx)
            .await?;
        found(deleted.rows_affected())?;
        Ok(tx.commit().await?)
    }

    async fn insert_area(
        &self,
        workshop: WorkshopId,
        category: Option<CategoryId>,
        name: &Name,
        description: &Description,
    ) -> StoreResult<AreaId> {
        let mut tx = self.write(workshop).await?;
        let position = next_position(&mut tx, ListKind::Areas, workshop).await?;
        let id = sqlx::query_scalar(
            "INSERT INTO areas (workshop_id, category_id, name, description, position)
             VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(workshop.0)
        .bind(category.map(|c| c.0))
        .bind(name.as_str())
        .bind(description.as_str())
        .bind(position)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(AreaId(id))
    }

    async fn update_area(
        &self,
        workshop: WorkshopId,
        id: AreaId,
        category: Option<CategoryId>,
        name: &Name,
        description: &Description,
    ) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        let updated =
            sqlx::query("UPDATE areas SET category_id = ?, name = ?, description = ? WHERE id = ? AND workshop_id = ?")
                .bind(category.map(|c| c.0))
                .bind(name.as_str())
                .bind(description.as_str())
                .bind(id.0)
                .bind(workshop.0)
                .execute(&mut *tx)
                .await?;
        found(updated.rows_affected())?;
        Ok(tx.commit().await?)
    }

    async fn delete_area(&self, workshop: WorkshopId, id: AreaId) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        let deleted = sqlx::query("DELETE FROM areas WHERE id = ? AND workshop_id = ?")
            .bind(id.0)
            .bind(workshop.0)
            .execute(&mut *tx)
            .await?;
        found(deleted.rows_affected())?;
        Ok(tx.commit().await?)
    }

    async fn insert_groups(&self, workshop: WorkshopId, names: &[Name]) -> StoreResult<Vec<GroupId>> {
        let mut tx = self.write(workshop).await?;
        let first = next_position(&mut tx, ListKind::Groups, workshop).await?;
        let mut ids = Vec::with_capacity(names.len());
        for (offset, name) in (0..).zip(names) {
            let id =
                sqlx::query_scalar("INSERT INTO groups (workshop_id, name, position) VALUES (?, ?, ?) RETURNING id")
                    .bind(workshop.0)
                    .bind(name.as_str())
                    .bind(first + offset)
                    .fetch_one(&mut *tx)
                    .await?;
            ids.push(GroupId(id));
        }
        tx.commit().await?;
        Ok(ids)
    }

    async fn rename_group(&self, workshop: WorkshopId, id: GroupId, name: &Name) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        let updated = sqlx::query("UPDATE groups SET name = ? WHERE id = ? AND workshop_id = ?")
            .bind(name.as_str())
            .bind(id.0)
            .bind(workshop.0)
            .execute(&mut *tx)
            .await?;
        found(updated.rows_affected())?;
        Ok(tx.commit().await?)
    }

    async fn delete_group(&self, workshop: WorkshopId, id: GroupId) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        let deleted = sqlx::query("DELETE FROM groups WHERE id = ? AND workshop_id = ?")
            .bind(id.0)
            .bind(workshop.0)
            .execute(&mut *tx)
            .await?;
        found(deleted.rows_affected())?;
        Ok(tx.commit().await?)
    }

    async fn reorder(&self, workshop: WorkshopId, list: ListKind, ids: &[i64]) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        let sql = format!("UPDATE {} SET position = ? WHERE id = ? AND workshop_id = ?", list.as_str());
        for (position, id) in (1_i64..).zip(ids) {
            let updated = sqlx::query(&sql).bind(position).bind(id).bind(workshop.0).execute(&mut *tx).await?;
            found(updated.rows_affected())?;
        }
        Ok(tx.commit().await?)
    }

    async fn put_scores(&self, workshop: WorkshopId, group: GroupId, writes: &[ScoreWrite]) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        let open = sqlx::query("UPDATE workshops SET version = version + 1 WHERE id = ? AND scoring_open = 1")
            .bind(workshop.0)
            .execute(&mut *tx)
            .await?;
        if open.rows_affected() == 0 {
            return Err(StoreError::ScoringClosed);
        }
        for write in writes {
            let query = match write.score {
                Some(score) => sqlx::query(
                    "INSERT INTO scores (group_id, area_id, axis, value) VALUES (?, ?, ?, ?)
                     ON CONFLICT (group_id, area_id, axis) DO UPDATE
                     SET value = excluded.value, updated_at = excluded.updated_at",
                )
                .bind(group.0)
                .bind(write.area.0)
                .bind(write.axis.as_str())
                .bind(score.value()),
                None => sqlx::query("DELETE FROM scores WHERE group_id = ? AND area_id = ? AND axis = ?")
                    .bind(group.0)
                    .bind(write.area.0)
                    .bind(write.axis.as_str()),
            };
            query.execute(&mut *tx).await?;
        }
        Ok(tx.commit().await?)
    }

    async fn group_scores(&self, workshop: WorkshopId, group: GroupId) -> StoreResult<Vec<SheetScore>> {
        let rows: Vec<(i64, String, u8)> = sqlx::query_as(
            "SELECT s.area_id, s.axis, s.value FROM scores s JOIN groups g ON g.id = s.group_id
             WHERE g.workshop_id = ? AND s.group_id = ?",
        )
        .bind(workshop.0)
        .bind(group.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(area, axis, value)| {
                Some(SheetScore { area_id: AreaId(area), axis: Axis::parse(&axis).ok()?, value })
            })
            .collect())
    }

    async fn cells(&self, workshop: WorkshopId, scale: Scale) -> StoreResult<Vec<Cell>> {
        let rows: Vec<(i64, i64, String, i64)> = sqlx::query_as(
            "SELECT s.group_id, s.area_id, s.axis, s.value FROM scores s JOIN groups g ON g.id = s.group_id
             WHERE g.workshop_id = ?",
        )
        .bind(workshop.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(group, area, axis, value)| {
                Some(Cell {
                    group: GroupId(group),
                    area: AreaId(area),
                    axis: Axis::parse(&axis).ok()?,
                    score: Score::parse(value, scale).ok()?,
                })
            })
            .collect())
    }
}
