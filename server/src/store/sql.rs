//! The SQL both databases run, written once. Queries use `$1`-style parameters, portable
//! types (BIGINT ids, SMALLINT scores, BOOLEAN flags) and text timestamps, which SQLite and
//! PostgreSQL read alike. `sql_store!` implements [`Store`](super::Store) for a store type
//! with a `pool` field of the given database; each database adds only how it connects and
//! how instances hear of each other's changes (`announce`, `listen`).

use kvadrant::{AreaId, Axis, CategoryId, GroupId, Scale};
use kvadrant_app::model::{Area, Category, Group, ListKind};

use super::{Content, StoreError, StoreResult, StoredScore};

pub(super) const FIND_WORKSHOP: &str = "SELECT id, code, title, description, secret_hash, scoring_open, \
    results_hidden, demo, scale_min, scale_max, version FROM workshops";

pub(super) type WorkshopRow = (i64, String, String, String, Vec<u8>, bool, bool, bool, i16, i16, i64);

pub(super) fn workshop_record(row: WorkshopRow) -> StoreResult<super::WorkshopRecord> {
    let (id, code, title, description, secret_hash, scoring_open, results_hidden, demo, min, max, version) = row;
    Ok(super::WorkshopRecord {
        id: kvadrant::WorkshopId(id),
        code: kvadrant::JoinCode::parse(&code).map_err(|_| StoreError::Corrupt("workshops.code"))?,
        title,
        description,
        secret_hash,
        scoring_open,
        results_hidden,
        demo,
        scale: small(min)
            .zip(small(max))
            .and_then(|(min, max)| Scale::new(min, max).ok())
            .ok_or(StoreError::Corrupt("workshops.scale"))?,
        version,
    })
}

fn small(value: i16) -> Option<u8> {
    u8::try_from(value).ok()
}

pub(super) fn found(rows: u64) -> StoreResult<()> {
    if rows == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

pub(super) fn next_position_sql(list: ListKind) -> String {
    format!("SELECT COALESCE(MAX(position), 0) + 1 FROM {} WHERE workshop_id = $1", list.as_str())
}

pub(super) fn reorder_sql(list: ListKind) -> String {
    format!("UPDATE {} SET position = $1 WHERE id = $2 AND workshop_id = $3", list.as_str())
}

pub(super) const CATEGORIES: &str =
    "SELECT id, name, description FROM categories WHERE workshop_id = $1 ORDER BY position, id";
pub(super) const AREAS: &str =
    "SELECT id, name, description, category_id FROM areas WHERE workshop_id = $1 ORDER BY position, id";
pub(super) const GROUPS: &str = "SELECT id, name FROM groups WHERE workshop_id = $1 ORDER BY position, id";
pub(super) const SCORES: &str = "SELECT s.group_id, s.area_id, s.axis, s.value FROM scores s \
    JOIN groups g ON g.id = s.group_id WHERE g.workshop_id = $1";
pub(super) const ACTIVITY: &str = "SELECT s.group_id, MAX(s.updated_at) FROM scores s \
    JOIN groups g ON g.id = s.group_id WHERE g.workshop_id = $1 GROUP BY s.group_id";

pub(super) fn content(
    categories: Vec<(i64, String, String)>,
    areas: Vec<(i64, String, String, Option<i64>)>,
    groups: Vec<(i64, String)>,
) -> Content {
    Content {
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
    }
}

pub(super) fn stored_scores(rows: Vec<(i64, i64, String, i16)>) -> StoreResult<Vec<StoredScore>> {
    rows.into_iter()
        .map(|(group, area, axis, value)| {
            Ok(StoredScore {
                group: GroupId(group),
                area: AreaId(area),
                axis: Axis::parse(&axis).map_err(|_| StoreError::Corrupt("scores.axis"))?,
                value: small(value).ok_or(StoreError::Corrupt("scores.value"))?,
            })
        })
        .collect()
}

/// Implements `Store` for `$store` (a struct with `pool: sqlx::Pool<$db>`), with `announce`
/// and `listen` taken from its inherent `announce_changes` and `listen_changes`.
macro_rules! sql_store {
    ($store:ty, $db:ty) => {
        impl $store {
            /// Starts a change: bumping the version first takes the write lock on the workshop
            /// at once, so concurrent writers queue instead of failing on a lock upgrade.
            async fn write(
                &self,
                workshop: kvadrant::WorkshopId,
            ) -> $crate::store::StoreResult<sqlx::Transaction<'static, $db>> {
                let mut tx = self.pool.begin().await?;
                let bumped = sqlx::query("UPDATE workshops SET version = version + 1 WHERE id = $1")
                    .bind(workshop.0)
                    .execute(&mut *tx)
                    .await?;
                $crate::store::sql::found(bumped.rows_affected())?;
                Ok(tx)
            }

            async fn next_position(
                tx: &mut sqlx::Transaction<'static, $db>,
                list: kvadrant_app::model::ListKind,
                workshop: kvadrant::WorkshopId,
            ) -> $crate::store::StoreResult<i64> {
                Ok(sqlx::query_scalar(&$crate::store::sql::next_position_sql(list))
                    .bind(workshop.0)
                    .fetch_one(&mut **tx)
                    .await?)
            }

            async fn find_by<T>(
                &self,
                condition: &str,
                key: T,
            ) -> $crate::store::StoreResult<Option<$crate::store::WorkshopRecord>>
            where
                T: for<'q> sqlx::Encode<'q, $db> + sqlx::Type<$db> + Send,
            {
                let sql = format!("{} WHERE {condition}", $crate::store::sql::FIND_WORKSHOP);
                let row: Option<$crate::store::sql::WorkshopRow> =
                    sqlx::query_as(&sql).bind(key).fetch_optional(&self.pool).await?;
                row.map($crate::store::sql::workshop_record).transpose()
            }

            async fn apply_submission(
                connection: &mut <$db as sqlx::Database>::Connection,
                submission: &$crate::store::ScoreSubmission,
                updated_at: &str,
            ) -> $crate::store::StoreResult<i64> {
                let version: Option<i64> = sqlx::query_scalar(
                    "UPDATE workshops SET version = version + 1 WHERE id = $1 AND scoring_open RETURNING version",
                )
                .bind(submission.workshop.0)
                .fetch_optional(&mut *connection)
                .await?;
                let version = version.ok_or($crate::store::StoreError::ScoringClosed)?;
                for write in &submission.writes {
                    let query = match write.score {
                        Some(score) => sqlx::query(
                            "INSERT INTO scores (group_id, area_id, axis, value, updated_at) VALUES ($1, $2, $3, $4, $5)
                             ON CONFLICT (group_id, area_id, axis) DO UPDATE
                             SET value = excluded.value, updated_at = excluded.updated_at",
                        )
                        .bind(submission.group.0)
                        .bind(write.area.0)
                        .bind(write.axis.as_str())
                        .bind(i16::from(score.value()))
                        .bind(updated_at),
                        None => sqlx::query("DELETE FROM scores WHERE group_id = $1 AND area_id = $2 AND axis = $3")
                            .bind(submission.group.0)
                            .bind(write.area.0)
                            .bind(write.axis.as_str()),
                    };
                    query.execute(&mut *connection).await?;
                }
                Ok(version)
            }
        }

        #[async_trait::async_trait]
        impl $crate::store::Store for $store {
            async fn create_workshop(
                &self,
                new: &$crate::store::NewWorkshop,
            ) -> $crate::store::StoreResult<kvadrant::WorkshopId> {
                let id = sqlx::query_scalar(
                    "INSERT INTO workshops (code, title, description, secret_hash, demo, scale_min, scale_max)
                     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                )
                .bind(new.code.as_str())
                .bind(new.title.as_str())
                .bind(new.description.as_str())
                .bind(&new.secret_hash)
                .bind(new.demo)
                .bind(i16::from(new.scale.min()))
                .bind(i16::from(new.scale.max()))
                .fetch_one(&self.pool)
                .await?;
                Ok(kvadrant::WorkshopId(id))
            }

            async fn find_workshop(
                &self,
                code: &kvadrant::JoinCode,
            ) -> $crate::store::StoreResult<Option<$crate::store::WorkshopRecord>> {
                self.find_by("code = $1", code.as_str().to_owned()).await
            }

            async fn count_workshops(&self) -> $crate::store::StoreResult<i64> {
                Ok(sqlx::query_scalar("SELECT COUNT(*) FROM workshops").fetch_one(&self.pool).await?)
            }

            async fn demo_code(&self) -> $crate::store::StoreResult<Option<kvadrant::JoinCode>> {
                let code: Option<String> =
                    sqlx::query_scalar("SELECT code FROM workshops WHERE demo ORDER BY id LIMIT 1")
                        .fetch_optional(&self.pool)
                        .await?;
                Ok(code.and_then(|code| kvadrant::JoinCode::parse(&code).ok()))
            }

            async fn content(&self, workshop: kvadrant::WorkshopId) -> $crate::store::StoreResult<$crate::store::Content> {
                // One transaction: on SQLite the three lists come from one snapshot.
                let mut tx = self.pool.begin().await?;
                let categories =
                    sqlx::query_as($crate::store::sql::CATEGORIES).bind(workshop.0).fetch_all(&mut *tx).await?;
                let areas = sqlx::query_as($crate::store::sql::AREAS).bind(workshop.0).fetch_all(&mut *tx).await?;
                let groups = sqlx::query_as($crate::store::sql::GROUPS).bind(workshop.0).fetch_all(&mut *tx).await?;
                tx.commit().await?;
                Ok($crate::store::sql::content(categories, areas, groups))
            }

            async fn update_workshop(
                &self,
                workshop: kvadrant::WorkshopId,
                title: &kvadrant::Title,
                description: &kvadrant::Description,
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write(workshop).await?;
                sqlx::query("UPDATE workshops SET title = $1, description = $2 WHERE id = $3")
                    .bind(title.as_str())
                    .bind(description.as_str())
                    .bind(workshop.0)
                    .execute(&mut *tx)
                    .await?;
                Ok(tx.commit().await?)
            }

            async fn set_scoring_open(
                &self,
                workshop: kvadrant::WorkshopId,
                open: bool,
            ) -> $crate::store::StoreResult<()> {
                self.set_switch(workshop, "scoring_open", open).await
            }

            async fn set_results_hidden(
                &self,
                workshop: kvadrant::WorkshopId,
                hidden: bool,
            ) -> $crate::store::StoreResult<()> {
                self.set_switch(workshop, "results_hidden", hidden).await
            }

            async fn insert_category(
                &self,
                workshop: kvadrant::WorkshopId,
                name: &kvadrant::Name,
                description: &kvadrant::Description,
            ) -> $crate::store::StoreResult<kvadrant::CategoryId> {
                let mut tx = self.write(workshop).await?;
                let position =
                    Self::next_position(&mut tx, kvadrant_app::model::ListKind::Categories, workshop).await?;
                let id = sqlx::query_scalar(
                    "INSERT INTO categories (workshop_id, name, description, position)
                     VALUES ($1, $2, $3, $4) RETURNING id",
                )
                .bind(workshop.0)
                .bind(name.as_str())
                .bind(description.as_str())
                .bind(position)
                .fetch_one(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(kvadrant::CategoryId(id))
            }

            async fn update_category(
                &self,
                workshop: kvadrant::WorkshopId,
                id: kvadrant::CategoryId,
                name: &kvadrant::Name,
                description: &kvadrant::Description,
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write(workshop).await?;
                let updated = sqlx::query(
                    "UPDATE categories SET name = $1, description = $2 WHERE id = $3 AND workshop_id = $4",
                )
                .bind(name.as_str())
                .bind(description.as_str())
                .bind(id.0)
                .bind(workshop.0)
                .execute(&mut *tx)
                .await?;
                $crate::store::sql::found(updated.rows_affected())?;
                Ok(tx.commit().await?)
            }

            async fn delete_category(
                &self,
                workshop: kvadrant::WorkshopId,
                id: kvadrant::CategoryId,
            ) -> $crate::store::StoreResult<()> {
                self.delete(workshop, "categories", id.0).await
            }

            async fn insert_area(
                &self,
                workshop: kvadrant::WorkshopId,
                category: Option<kvadrant::CategoryId>,
                name: &kvadrant::Name,
                description: &kvadrant::Description,
            ) -> $crate::store::StoreResult<kvadrant::AreaId> {
                let mut tx = self.write(workshop).await?;
                let position = Self::next_position(&mut tx, kvadrant_app::model::ListKind::Areas, workshop).await?;
                let id = sqlx::query_scalar(
                    "INSERT INTO areas (workshop_id, category_id, name, description, position)
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(workshop.0)
                .bind(category.map(|c| c.0))
                .bind(name.as_str())
                .bind(description.as_str())
                .bind(position)
                .fetch_one(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(kvadrant::AreaId(id))
            }

            async fn update_area(
                &self,
                workshop: kvadrant::WorkshopId,
                id: kvadrant::AreaId,
                category: Option<kvadrant::CategoryId>,
                name: &kvadrant::Name,
                description: &kvadrant::Description,
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write(workshop).await?;
                let updated = sqlx::query(
                    "UPDATE areas SET category_id = $1, name = $2, description = $3 WHERE id = $4 AND workshop_id = $5",
                )
                .bind(category.map(|c| c.0))
                .bind(name.as_str())
                .bind(description.as_str())
                .bind(id.0)
                .bind(workshop.0)
                .execute(&mut *tx)
                .await?;
                $crate::store::sql::found(updated.rows_affected())?;
                Ok(tx.commit().await?)
            }

            async fn delete_area(
                &self,
                workshop: kvadrant::WorkshopId,
                id: kvadrant::AreaId,
            ) -> $crate::store::StoreResult<()> {
                self.delete(workshop, "areas", id.0).await
            }

            async fn insert_groups(
                &self,
                workshop: kvadrant::WorkshopId,
                names: &[kvadrant::Name],
            ) -> $crate::store::StoreResult<Vec<kvadrant::GroupId>> {
                let mut tx = self.write(workshop).await?;
                let first = Self::next_position(&mut tx, kvadrant_app::model::ListKind::Groups, workshop).await?;
                let mut ids = Vec::with_capacity(names.len());
                for (offset, name) in (0..).zip(names) {
                    let id = sqlx::query_scalar(
                        "INSERT INTO groups (workshop_id, name, position) VALUES ($1, $2, $3) RETURNING id",
                    )
                    .bind(workshop.0)
                    .bind(name.as_str())
                    .bind(first + offset)
                    .fetch_one(&mut *tx)
                    .await?;
                    ids.push(kvadrant::GroupId(id));
                }
                tx.commit().await?;
                Ok(ids)
            }

            async fn rename_group(
                &self,
                workshop: kvadrant::WorkshopId,
                id: kvadrant::GroupId,
                name: &kvadrant::Name,
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write(workshop).await?;
                let updated = sqlx::query("UPDATE groups SET name = $1 WHERE id = $2 AND workshop_id = $3")
                    .bind(name.as_str())
                    .bind(id.0)
                    .bind(workshop.0)
                    .execute(&mut *tx)
                    .await?;
                $crate::store::sql::found(updated.rows_affected())?;
                Ok(tx.commit().await?)
            }

            async fn delete_group(
                &self,
                workshop: kvadrant::WorkshopId,
                id: kvadrant::GroupId,
            ) -> $crate::store::StoreResult<()> {
                self.delete(workshop, "groups", id.0).await
            }

            async fn reorder(
                &self,
                workshop: kvadrant::WorkshopId,
                list: kvadrant_app::model::ListKind,
                ids: &[i64],
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write(workshop).await?;
                let sql = $crate::store::sql::reorder_sql(list);
                for (position, id) in (1_i64..).zip(ids) {
                    let updated =
                        sqlx::query(&sql).bind(position).bind(id).bind(workshop.0).execute(&mut *tx).await?;
                    $crate::store::sql::found(updated.rows_affected())?;
                }
                Ok(tx.commit().await?)
            }

            async fn put_scores(
                &self,
                batch: &[$crate::store::ScoreSubmission],
            ) -> $crate::store::StoreResult<Vec<$crate::store::StoreResult<i64>>> {
                use sqlx::Acquire;
                let updated_at = $crate::store::now();
                let mut tx = self.pool.begin().await?;
                let mut outcomes = Vec::with_capacity(batch.len());
                for submission in batch {
                    // A savepoint each: one failing submission leaves the others in the batch intact.
                    let mut savepoint = tx.begin().await?;
                    match Self::apply_submission(&mut savepoint, submission, &updated_at).await {
                        Ok(version) => {
                            savepoint.commit().await?;
                            outcomes.push(Ok(version));
                        }
                        Err(error) => {
                            savepoint.rollback().await?;
                            outcomes.push(Err(error));
                        }
                    }
                }
                tx.commit().await?;
                Ok(outcomes)
            }

            async fn scoring_targets(
                &self,
                workshop: kvadrant::WorkshopId,
                group: kvadrant::GroupId,
            ) -> $crate::store::StoreResult<Option<Vec<kvadrant::AreaId>>> {
                let member: Option<i64> = sqlx::query_scalar("SELECT id FROM groups WHERE id = $1 AND workshop_id = $2")
                    .bind(group.0)
                    .bind(workshop.0)
                    .fetch_optional(&self.pool)
                    .await?;
                if member.is_none() {
                    return Ok(None);
                }
                let areas: Vec<i64> = sqlx::query_scalar("SELECT id FROM areas WHERE workshop_id = $1")
                    .bind(workshop.0)
                    .fetch_all(&self.pool)
                    .await?;
                Ok(Some(areas.into_iter().map(kvadrant::AreaId).collect()))
            }

            async fn group_scores(
                &self,
                workshop: kvadrant::WorkshopId,
                group: kvadrant::GroupId,
            ) -> $crate::store::StoreResult<Vec<kvadrant_app::model::SheetScore>> {
                let sql = format!("{} AND s.group_id = $2", $crate::store::sql::SCORES);
                let rows = sqlx::query_as(&sql).bind(workshop.0).bind(group.0).fetch_all(&self.pool).await?;
                Ok($crate::store::sql::stored_scores(rows)?
                    .into_iter()
                    .map(|s| kvadrant_app::model::SheetScore { area_id: s.area, axis: s.axis, value: s.value })
                    .collect())
            }

            async fn cells(
                &self,
                workshop: kvadrant::WorkshopId,
                scale: kvadrant::Scale,
            ) -> $crate::store::StoreResult<Vec<kvadrant::Cell>> {
                let rows = sqlx::query_as($crate::store::sql::SCORES).bind(workshop.0).fetch_all(&self.pool).await?;
                $crate::store::cells(&$crate::store::sql::stored_scores(rows)?, scale)
            }

            async fn snapshot(
                &self,
                workshop: kvadrant::WorkshopId,
            ) -> $crate::store::StoreResult<Option<$crate::store::Snapshot>> {
                // The version is read first: whatever is read after it includes every change up to it.
                let Some(record) = self.find_by("id = $1", workshop.0).await? else {
                    return Ok(None);
                };
                let content = $crate::store::Store::content(self, workshop).await?;
                let rows = sqlx::query_as($crate::store::sql::SCORES).bind(workshop.0).fetch_all(&self.pool).await?;
                let scores = $crate::store::sql::stored_scores(rows)?;
                let activity: Vec<(i64, String)> =
                    sqlx::query_as($crate::store::sql::ACTIVITY).bind(workshop.0).fetch_all(&self.pool).await?;
                let activity = activity.into_iter().map(|(group, at)| (kvadrant::GroupId(group), at)).collect();
                Ok(Some($crate::store::Snapshot { record, content, scores, activity }))
            }

            async fn announce(&self, workshops: &[kvadrant::WorkshopId]) -> $crate::store::StoreResult<()> {
                self.announce_changes(workshops).await
            }

            async fn listen(
                &self,
            ) -> $crate::store::StoreResult<Option<tokio::sync::mpsc::Receiver<$crate::store::Change>>> {
                self.listen_changes().await
            }
        }

        impl $store {
            /// Sets one of the workshop's on/off columns.
            async fn set_switch(
                &self,
                workshop: kvadrant::WorkshopId,
                column: &str,
                on: bool,
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write(workshop).await?;
                let sql = format!("UPDATE workshops SET {column} = $1 WHERE id = $2");
                sqlx::query(&sql).bind(on).bind(workshop.0).execute(&mut *tx).await?;
                Ok(tx.commit().await?)
            }

            async fn delete(
                &self,
                workshop: kvadrant::WorkshopId,
                table: &str,
                id: i64,
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write(workshop).await?;
                let sql = format!("DELETE FROM {table} WHERE id = $1 AND workshop_id = $2");
                let deleted = sqlx::query(&sql).bind(id).bind(workshop.0).execute(&mut *tx).await?;
                $crate::store::sql::found(deleted.rows_affected())?;
                Ok(tx.commit().await?)
            }
        }
    };
}

pub(super) use sql_store;
