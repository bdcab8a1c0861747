//! The SQL both databases run, written once. Queries use `$1`-style parameters, portable
//! types (BIGINT ids, SMALLINT scores, BOOLEAN flags) and text timestamps, which SQLite and
//! PostgreSQL read alike. `sql_store!` implements [`Store`](super::Store) for a store type
//! with a `pool` field of the given database; each database adds only how it connects and
//! how instances hear of each other's changes (`announce`, `listen`).

use kvadrant::{
    AreaId, Axis, AxisLabel, CategoryId, Comment, Field, GroupId, Midline, Rule, Scale, SuggestionId, Timeframe,
};
use kvadrant_api::lang::Lang;
use kvadrant_api::model::{Area, AreaComment, Category, Group, GroupTag, ListKind, Suggestion, SuggestionStatus};

use super::{Content, StoreError, StoreResult, StoredScore};

pub(super) const FIND_WORKSHOP: &str = "SELECT id, code, title, description, secret_hash, scoring_open, \
    results_hidden, demo, scale_min, scale_max, potential_label, feasibility_label, potential_midline, \
    feasibility_midline, language, review_hash, review_generation, version FROM workshops";

#[derive(sqlx::FromRow)]
pub(super) struct WorkshopRow {
    id: i64,
    code: String,
    title: String,
    description: String,
    secret_hash: Vec<u8>,
    scoring_open: bool,
    results_hidden: bool,
    demo: bool,
    scale_min: i16,
    scale_max: i16,
    potential_label: String,
    feasibility_label: String,
    potential_midline: Option<i16>,
    feasibility_midline: Option<i16>,
    language: String,
    review_hash: Option<Vec<u8>>,
    review_generation: i64,
    version: i64,
}

pub(super) fn workshop_record(row: WorkshopRow) -> StoreResult<super::WorkshopRecord> {
    let scale = small(row.scale_min)
        .zip(small(row.scale_max))
        .and_then(|(min, max)| Scale::new(min, max).ok())
        .ok_or(StoreError::Corrupt("workshops.scale"))?;
    let midline = |stored: Option<i16>, place| {
        stored
            .map(|doubled| {
                small(doubled)
                    .and_then(|doubled| Midline::parse("", f64::from(doubled) / 2.0, scale).ok())
                    .ok_or(StoreError::Corrupt(place))
            })
            .transpose()
    };
    let label = |text: &str, place| AxisLabel::parse("", text).map_err(|_| StoreError::Corrupt(place));
    Ok(super::WorkshopRecord {
        id: kvadrant::WorkshopId(row.id),
        code: kvadrant::JoinCode::parse(&row.code).map_err(|_| StoreError::Corrupt("workshops.code"))?,
        title: row.title,
        description: row.description,
        secret_hash: row.secret_hash,
        scoring_open: row.scoring_open,
        results_hidden: row.results_hidden,
        demo: row.demo,
        settings: super::WorkshopSettings {
            scale,
            potential_label: label(&row.potential_label, "workshops.potential_label")?,
            feasibility_label: label(&row.feasibility_label, "workshops.feasibility_label")?,
            potential_midline: midline(row.potential_midline, "workshops.potential_midline")?,
            feasibility_midline: midline(row.feasibility_midline, "workshops.feasibility_midline")?,
            language: Lang::from_code(&row.language).ok_or(StoreError::Corrupt("workshops.language"))?,
        },
        review_hash: row.review_hash,
        review_generation: row.review_generation,
        version: row.version,
    })
}

/// A midline as stored: in half steps, or NULL at the scale's midpoint.
pub(super) fn stored_midline(midline: Option<Midline>) -> Option<i16> {
    midline.map(|line| line.doubled() as i16)
}

fn small(value: i16) -> Option<u8> {
    u8::try_from(value).ok()
}

/// Refuses a comment that takes its workshop past [`Comment::MAX_PER_WORKSHOP`] comments or
/// [`Comment::MAX_CHARS_PER_WORKSHOP`] characters.
pub(super) fn within_comment_limits(count: i64, characters: i64) -> StoreResult<()> {
    let refuse = |rule| Err(StoreError::Refused(kvadrant::Error::invalid(Field::Comments, rule)));
    if count > Comment::MAX_PER_WORKSHOP as i64 {
        return refuse(Rule::OutOfRange { min: 0, max: Comment::MAX_PER_WORKSHOP as i64 });
    }
    if characters > Comment::MAX_CHARS_PER_WORKSHOP as i64 {
        return refuse(Rule::TooLong { max: Comment::MAX_CHARS_PER_WORKSHOP });
    }
    Ok(())
}

/// Refuses what would take a workshop past `limit` rows of a list; the error names the list.
pub(super) fn within_list_limit(list: Field, count: i64, limit: usize) -> StoreResult<()> {
    if count > limit as i64 {
        return Err(StoreError::Refused(kvadrant::Error::invalid(
            list,
            Rule::OutOfRange { min: 0, max: limit as i64 },
        )));
    }
    Ok(())
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
pub(super) const GROUPS: &str = "SELECT id, name, joined FROM groups WHERE workshop_id = $1 ORDER BY position, id";
pub(super) const GROUP_LINKS: &str = "SELECT id, link_key FROM groups WHERE workshop_id = $1 ORDER BY position, id";
pub(super) const TAGS: &str = "SELECT t.group_id, t.dimension, t.value FROM group_tags t \
    JOIN groups g ON g.id = t.group_id WHERE g.workshop_id = $1 ORDER BY t.group_id, t.position";
pub(super) const COMMENTS: &str = "SELECT c.group_id, c.area_id, c.rationale, c.risks, c.timeframe FROM comments c \
    JOIN groups g ON g.id = c.group_id WHERE g.workshop_id = $1";
pub(super) const SUGGESTIONS: &str = "SELECT id, name, description, group_id, status, area_id FROM suggestions \
    WHERE workshop_id = $1 ORDER BY id";
pub(super) const SCORES: &str = "SELECT s.group_id, s.area_id, s.axis, s.value FROM scores s \
    JOIN groups g ON g.id = s.group_id WHERE g.workshop_id = $1";
pub(super) const ACTIVITY: &str = "SELECT s.group_id, MAX(s.updated_at) FROM scores s \
    JOIN groups g ON g.id = s.group_id WHERE g.workshop_id = $1 GROUP BY s.group_id";

pub(super) const CHANGES: &str = "SELECT at, actor, group_id, group_name, action, area_id, area_name, subject, \
    field, old_value, new_value FROM changes WHERE workshop_id = $1 AND ($2 IS NULL OR area_id = $2) ORDER BY id DESC LIMIT $3";

/// at, actor, group, group name, action, area, area name, subject, field, old, new.
pub(super) type ChangeRow = (
    String,
    String,
    Option<i64>,
    Option<String>,
    String,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// A group's tags as one line of the change log.
pub(super) fn tags_text<'a>(tags: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    tags.into_iter().map(|(dimension, value)| format!("{dimension}: {value}")).collect::<Vec<_>>().join("; ")
}

pub(super) fn content(
    categories: Vec<(i64, String, String)>,
    areas: Vec<(i64, String, String, Option<i64>)>,
    groups: Vec<(i64, String, bool)>,
    tags: Vec<(i64, String, String)>,
) -> Content {
    let mut tags_of: std::collections::HashMap<i64, Vec<GroupTag>> = std::collections::HashMap::new();
    for (group, dimension, value) in tags {
        tags_of.entry(group).or_default().push(GroupTag { dimension, value });
    }
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
        groups: groups
            .into_iter()
            .map(|(id, name, joined)| Group {
                id: GroupId(id),
                name,
                tags: tags_of.remove(&id).unwrap_or_default(),
                joined,
            })
            .collect(),
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

pub(super) fn comments(rows: Vec<(i64, i64, String, String, Option<String>)>) -> StoreResult<Vec<AreaComment>> {
    rows.into_iter()
        .map(|(group, area, rationale, risks, timeframe)| {
            let timeframe = timeframe
                .map(|text| Timeframe::parse("", &text).map_err(|_| StoreError::Corrupt("comments.timeframe")))
                .transpose()?;
            Ok(AreaComment { group_id: GroupId(group), area_id: AreaId(area), rationale, risks, timeframe })
        })
        .collect()
}

/// id, name, description, group, status, area.
pub(super) type SuggestionRow = (i64, String, String, Option<i64>, String, Option<i64>);

pub(super) fn suggestions(rows: Vec<SuggestionRow>) -> StoreResult<Vec<Suggestion>> {
    rows.into_iter()
        .map(|(id, name, description, group, status, area)| {
            let status = match status.as_str() {
                "pending" => SuggestionStatus::Pending,
                "accepted" => SuggestionStatus::Accepted,
                "kept" => SuggestionStatus::Kept,
                _ => return Err(StoreError::Corrupt("suggestions.status")),
            };
            Ok(Suggestion {
                id: SuggestionId(id),
                name,
                description,
                group_id: group.map(GroupId),
                status,
                area_id: area.map(AreaId),
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
                list: kvadrant_api::model::ListKind,
                workshop: kvadrant::WorkshopId,
            ) -> $crate::store::StoreResult<i64> {
                Ok(sqlx::query_scalar(&$crate::store::sql::next_position_sql(list))
                    .bind(workshop.0)
                    .fetch_one(&mut **tx)
                    .await?)
            }

            /// Refuses adding `adding` rows to `table` past `limit`, naming `list` in the error. Counted inside the write
            /// transaction, after the version bump has locked the workshop, so that requests at
            /// the same moment cannot both pass.
            async fn make_room(
                tx: &mut sqlx::Transaction<'static, $db>,
                table: &str,
                list: kvadrant::Field,
                workshop: kvadrant::WorkshopId,
                adding: usize,
                limit: usize,
            ) -> $crate::store::StoreResult<()> {
                let sql = format!("SELECT COUNT(*) FROM {table} WHERE workshop_id = $1");
                let count: i64 = sqlx::query_scalar(&sql).bind(workshop.0).fetch_one(&mut **tx).await?;
                $crate::store::sql::within_list_limit(list, count + adding as i64, limit)
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

            /// Bumps the version if scoring is open, and returns it with the scale.
            async fn open_for_scoring(
                connection: &mut <$db as sqlx::Database>::Connection,
                workshop: kvadrant::WorkshopId,
            ) -> $crate::store::StoreResult<(i64, i16, i16)> {
                let row: Option<(i64, i16, i16)> = sqlx::query_as(
                    "UPDATE workshops SET version = version + 1 WHERE id = $1 AND scoring_open
                     RETURNING version, scale_min, scale_max",
                )
                .bind(workshop.0)
                .fetch_optional(&mut *connection)
                .await?;
                row.ok_or($crate::store::StoreError::ScoringClosed)
            }

            async fn insert_category_row(
                tx: &mut sqlx::Transaction<'static, $db>,
                workshop: kvadrant::WorkshopId,
                name: &str,
                description: &str,
                position: i64,
            ) -> $crate::store::StoreResult<i64> {
                Ok(sqlx::query_scalar(
                    "INSERT INTO categories (workshop_id, name, description, position)
                     VALUES ($1, $2, $3, $4) RETURNING id",
                )
                .bind(workshop.0)
                .bind(name)
                .bind(description)
                .bind(position)
                .fetch_one(&mut **tx)
                .await?)
            }

            async fn insert_area_row(
                tx: &mut sqlx::Transaction<'static, $db>,
                workshop: kvadrant::WorkshopId,
                category: Option<i64>,
                name: &str,
                description: &str,
                position: i64,
            ) -> $crate::store::StoreResult<i64> {
                Ok(sqlx::query_scalar(
                    "INSERT INTO areas (workshop_id, category_id, name, description, position)
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(workshop.0)
                .bind(category)
                .bind(name)
                .bind(description)
                .bind(position)
                .fetch_one(&mut **tx)
                .await?)
            }

            async fn insert_group_row(
                tx: &mut sqlx::Transaction<'static, $db>,
                workshop: kvadrant::WorkshopId,
                name: &str,
                position: i64,
            ) -> $crate::store::StoreResult<kvadrant::GroupId> {
                let id = sqlx::query_scalar(
                    "INSERT INTO groups (workshop_id, name, position, link_key) VALUES ($1, $2, $3, $4) RETURNING id",
                )
                .bind(workshop.0)
                .bind(name)
                .bind(position)
                .bind($crate::secret::group_key())
                .fetch_one(&mut **tx)
                .await?;
                Ok(kvadrant::GroupId(id))
            }

            /// A suggestion's name and description, if it is the workshop's and not yet on the list.
            async fn open_suggestion(
                tx: &mut sqlx::Transaction<'static, $db>,
                workshop: kvadrant::WorkshopId,
                id: kvadrant::SuggestionId,
            ) -> $crate::store::StoreResult<(String, String)> {
                let suggestion: Option<(String, String, String)> = sqlx::query_as(
                    "SELECT name, description, status FROM suggestions WHERE id = $1 AND workshop_id = $2",
                )
                .bind(id.0)
                .bind(workshop.0)
                .fetch_optional(&mut **tx)
                .await?;
                match suggestion {
                    None => Err($crate::store::StoreError::NotFound),
                    Some((_, _, status)) if status == "accepted" => Err($crate::store::StoreError::Conflict),
                    Some((name, description, _)) => Ok((name, description)),
                }
            }

            async fn insert_lists(
                tx: &mut sqlx::Transaction<'static, $db>,
                workshop: kvadrant::WorkshopId,
                lists: &$crate::store::NewLists,
            ) -> $crate::store::StoreResult<()> {
                let mut categories = Vec::with_capacity(lists.categories.len());
                for (position, (name, description)) in (1_i64..).zip(&lists.categories) {
                    let id =
                        Self::insert_category_row(tx, workshop, name.as_str(), description.as_str(), position).await?;
                    categories.push(id);
                }
                for (position, (name, description, category)) in (1_i64..).zip(&lists.areas) {
                    let category = category.and_then(|index| categories.get(index).copied());
                    Self::insert_area_row(tx, workshop, category, name.as_str(), description.as_str(), position)
                        .await?;
                }
                for (position, (name, tags)) in (1_i64..).zip(&lists.groups) {
                    let id = Self::insert_group_row(tx, workshop, name.as_str(), position).await?;
                    Self::insert_tags(tx, id, tags).await?;
                }
                Ok(())
            }

            async fn insert_tags(
                tx: &mut sqlx::Transaction<'static, $db>,
                group: kvadrant::GroupId,
                tags: &[kvadrant::Tag],
            ) -> $crate::store::StoreResult<()> {
                for (position, tag) in (1_i64..).zip(tags) {
                    sqlx::query("INSERT INTO group_tags (group_id, dimension, value, position) VALUES ($1, $2, $3, $4)")
                        .bind(group.0)
                        .bind(tag.dimension.as_str())
                        .bind(tag.value.as_str())
                        .bind(position)
                        .execute(&mut **tx)
                        .await?;
                }
                Ok(())
            }

            /// Writes lines of the change log in one statement; the group's and the area's names
            /// are read in it, as they are now.
            async fn record(
                connection: &mut <$db as sqlx::Database>::Connection,
                workshop: kvadrant::WorkshopId,
                actor: $crate::store::Actor,
                entries: &[$crate::store::Entry],
            ) -> $crate::store::StoreResult<()> {
                if entries.is_empty() {
                    return Ok(());
                }
                let at = $crate::store::now();
                let group = actor.group().map(|g| g.0);
                let mut insert = sqlx::QueryBuilder::<$db>::new(
                    "INSERT INTO changes (workshop_id, at, actor, group_id, group_name, action, area_id, area_name, \
                     subject, field, old_value, new_value) ",
                );
                insert.push_values(entries, |mut row, entry| {
                    let area = entry.area.map(|a| a.0);
                    row.push_bind(workshop.0)
                        .push_bind(at.clone())
                        .push_bind(actor.kind().as_str())
                        .push_bind(group)
                        .push("(SELECT name FROM groups WHERE id = ")
                        .push_bind_unseparated(group)
                        .push_unseparated(")")
                        .push_bind(entry.action)
                        .push_bind(area)
                        .push("(SELECT name FROM areas WHERE id = ")
                        .push_bind_unseparated(area)
                        .push_unseparated(")")
                        .push_bind(entry.subject.clone())
                        .push_bind(entry.field.clone())
                        .push_bind(entry.old.clone())
                        .push_bind(entry.new.clone());
                });
                insert.build().execute(&mut *connection).await?;
                Ok(())
            }

            async fn apply_submission(
                connection: &mut <$db as sqlx::Database>::Connection,
                submission: &$crate::store::ScoreSubmission,
                updated_at: &str,
            ) -> $crate::store::StoreResult<i64> {
                let group = submission.actor.sheet()?;
                let (version, min, max) = Self::open_for_scoring(&mut *connection, submission.workshop).await?;
                // The scale was checked before the write; it may have changed if these are the first scores.
                let outside = |score: kvadrant::Score| !(min..=max).contains(&i16::from(score.value()));
                if submission.writes.iter().filter_map(|write| write.score).any(outside) {
                    return Err($crate::store::StoreError::Conflict);
                }
                // The whole sheet in one read: the log needs each cell's old value, and a cell
                // that keeps its value is neither written nor logged.
                let stored: Vec<(i64, String, i16)> =
                    sqlx::query_as("SELECT area_id, axis, value FROM scores WHERE group_id = $1")
                        .bind(group.0)
                        .fetch_all(&mut *connection)
                        .await?;
                let mut sheet: std::collections::HashMap<(i64, String), i16> =
                    stored.into_iter().map(|(area, axis, value)| ((area, axis), value)).collect();
                let mut entries = Vec::new();
                let (mut set, mut cleared) = (Vec::new(), Vec::new());
                for write in &submission.writes {
                    let cell = (write.area.0, write.axis.as_str().to_owned());
                    let new = write.score.map(|score| i16::from(score.value()));
                    let old = match new {
                        Some(value) => sheet.insert(cell, value),
                        None => sheet.remove(&cell),
                    };
                    if old == new {
                        continue;
                    }
                    let action = match new {
                        Some(value) => {
                            set.push((write, value));
                            "score_set"
                        }
                        None => {
                            cleared.push(write);
                            "score_cleared"
                        }
                    };
                    let mut entry = $crate::store::Entry::new(action).area(write.area).field(write.axis.as_str());
                    entry.old = old.map(|value| value.to_string());
                    entry.new = new.map(|value| value.to_string());
                    entries.push(entry);
                }
                // One statement for the cells set and one for those cleared, however many there are.
                if !set.is_empty() {
                    let mut upsert = sqlx::QueryBuilder::<$db>::new(
                        "INSERT INTO scores (group_id, area_id, axis, value, updated_at) ",
                    );
                    upsert.push_values(&set, |mut row, (write, value)| {
                        row.push_bind(group.0)
                            .push_bind(write.area.0)
                            .push_bind(write.axis.as_str())
                            .push_bind(*value)
                            .push_bind(updated_at);
                    });
                    upsert.push(
                        " ON CONFLICT (group_id, area_id, axis) DO UPDATE \
                         SET value = excluded.value, updated_at = excluded.updated_at",
                    );
                    upsert.build().execute(&mut *connection).await?;
                }
                if !cleared.is_empty() {
                    let mut delete = sqlx::QueryBuilder::<$db>::new("DELETE FROM scores WHERE group_id = ");
                    delete.push_bind(group.0).push(" AND (");
                    let mut cells = delete.separated(" OR ");
                    for write in &cleared {
                        cells
                            .push("(area_id = ")
                            .push_bind_unseparated(write.area.0)
                            .push_unseparated(" AND axis = ")
                            .push_bind_unseparated(write.axis.as_str())
                            .push_unseparated(")");
                    }
                    delete.push(")");
                    delete.build().execute(&mut *connection).await?;
                }
                Self::record(&mut *connection, submission.workshop, submission.actor, &entries).await?;
                Ok(version)
            }
        }

        #[async_trait::async_trait]
        impl $crate::store::Store for $store {
            async fn create_workshop(
                &self,
                new: &$crate::store::NewWorkshop,
            ) -> $crate::store::StoreResult<kvadrant::WorkshopId> {
                let settings = &new.settings;
                let mut tx = self.pool.begin().await?;
                let id = sqlx::query_scalar(
                    "INSERT INTO workshops (code, title, description, secret_hash, review_hash, demo, scale_min,
                        scale_max, potential_label, feasibility_label, potential_midline, feasibility_midline, language)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
                )
                .bind(new.code.as_str())
                .bind(new.title.as_str())
                .bind(new.description.as_str())
                .bind(&new.secret_hash)
                .bind(&new.review_hash)
                .bind(new.demo)
                .bind(i16::from(settings.scale.min()))
                .bind(i16::from(settings.scale.max()))
                .bind(settings.potential_label.as_str())
                .bind(settings.feasibility_label.as_str())
                .bind($crate::store::sql::stored_midline(settings.potential_midline))
                .bind($crate::store::sql::stored_midline(settings.feasibility_midline))
                .bind(settings.language.code())
                .fetch_one(&mut *tx)
                .await?;
                let id = kvadrant::WorkshopId(id);
                Self::insert_lists(&mut tx, id, &new.lists).await?;
                tx.commit().await?;
                Ok(id)
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
                let tags = sqlx::query_as($crate::store::sql::TAGS).bind(workshop.0).fetch_all(&mut *tx).await?;
                tx.commit().await?;
                Ok($crate::store::sql::content(categories, areas, groups, tags))
            }

            async fn update_workshop(
                &self,
                workshop: kvadrant::WorkshopId,
                title: &kvadrant::Title,
                description: &kvadrant::Description,
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write(workshop).await?;
                let (old_title, old_description): (String, String) =
                    sqlx::query_as("SELECT title, description FROM workshops WHERE id = $1")
                        .bind(workshop.0)
                        .fetch_one(&mut *tx)
                        .await?;
                let entries: Vec<_> = [
                    $crate::store::Entry::edit("title_changed", "title", &old_title, title.as_str()),
                    $crate::store::Entry::edit("description_changed", "description", &old_description, description.as_str()),
                ]
                .into_iter()
                .flatten()
                .collect();
                Self::record(&mut *tx, workshop, $crate::store::Actor::Facilitator, &entries).await?;
                sqlx::query("UPDATE workshops SET title = $1, description = $2 WHERE id = $3")
                    .bind(title.as_str())
                    .bind(description.as_str())
                    .bind(workshop.0)
                    .execute(&mut *tx)
                    .await?;
                Ok(tx.commit().await?)
            }

            async fn update_settings(
                &self,
                workshop: kvadrant::WorkshopId,
                settings: &$crate::store::WorkshopSettings,
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write(workshop).await?;
                let sql = format!("{} WHERE id = $1", $crate::store::sql::FIND_WORKSHOP);
                let old: $crate::store::sql::WorkshopRow = sqlx::query_as(&sql).bind(workshop.0).fetch_one(&mut *tx).await?;
                let old = $crate::store::sql::workshop_record(old)?.settings;
                let entries = $crate::store::settings_changes(&old, settings);
                let updated = sqlx::query(
                    "UPDATE workshops SET scale_min = $1, scale_max = $2, potential_label = $3, feasibility_label = $4,
                        potential_midline = $5, feasibility_midline = $6, language = $7
                     WHERE id = $8 AND ((scale_min = $1 AND scale_max = $2) OR NOT EXISTS (
                        SELECT 1 FROM scores s JOIN groups g ON g.id = s.group_id WHERE g.workshop_id = $8))",
                )
                .bind(i16::from(settings.scale.min()))
                .bind(i16::from(settings.scale.max()))
                .bind(settings.potential_label.as_str())
                .bind(settings.feasibility_label.as_str())
                .bind($crate::store::sql::stored_midline(settings.potential_midline))
                .bind($crate::store::sql::stored_midline(settings.feasibility_midline))
                .bind(settings.language.code())
                .bind(workshop.0)
                .execute(&mut *tx)
                .await?;
                if updated.rows_affected() == 0 {
                    return Err($crate::store::StoreError::ScaleLocked);
                }
                Self::record(&mut *tx, workshop, $crate::store::Actor::Facilitator, &entries).await?;
                Ok(tx.commit().await?)
            }

            async fn set_review(
                &self,
                workshop: kvadrant::WorkshopId,
                hash: &[u8],
                generation: i64,
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write(workshop).await?;
                sqlx::query("UPDATE workshops SET review_hash = $1, review_generation = $2 WHERE id = $3")
                    .bind(hash)
                    .bind(generation)
                    .bind(workshop.0)
                    .execute(&mut *tx)
                    .await?;
                let entry = $crate::store::Entry::new("review_link_renewed").new_value(generation.to_string());
                Self::record(&mut *tx, workshop, $crate::store::Actor::Facilitator, &[entry]).await?;
                Ok(tx.commit().await?)
            }

            async fn set_secret(
                &self,
                workshop: kvadrant::WorkshopId,
                secret_hash: &[u8],
                review_hash: &[u8],
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write(workshop).await?;
                sqlx::query("UPDATE workshops SET secret_hash = $1, review_hash = $2 WHERE id = $3")
                    .bind(secret_hash)
                    .bind(review_hash)
                    .bind(workshop.0)
                    .execute(&mut *tx)
                    .await?;
                Ok(tx.commit().await?)
            }

            async fn set_code(
                &self,
                workshop: kvadrant::WorkshopId,
                code: &kvadrant::JoinCode,
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write(workshop).await?;
                sqlx::query("UPDATE workshops SET code = $1 WHERE id = $2")
                    .bind(code.as_str())
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
                let action = if open { "scoring_opened" } else { "scoring_closed" };
                self.set_switch(workshop, "scoring_open", open, action).await
            }

            async fn set_results_hidden(
                &self,
                workshop: kvadrant::WorkshopId,
                hidden: bool,
            ) -> $crate::store::StoreResult<()> {
                let action = if hidden { "results_hidden" } else { "results_revealed" };
                self.set_switch(workshop, "results_hidden", hidden, action).await
            }

            async fn insert_category(
                &self,
                workshop: kvadrant::WorkshopId,
                name: &kvadrant::Name,
                description: &kvadrant::Description,
            ) -> $crate::store::StoreResult<kvadrant::CategoryId> {
                let mut tx = self.write(workshop).await?;
                Self::make_room(&mut tx, "categories", kvadrant::Field::Categories, workshop, 1, kvadrant::limits::MAX_CATEGORIES).await?;
                let position =
                    Self::next_position(&mut tx, kvadrant_api::model::ListKind::Categories, workshop).await?;
                let id =
                    Self::insert_category_row(&mut tx, workshop, name.as_str(), description.as_str(), position).await?;
                let entry = $crate::store::Entry::new("category_added").subject(name.as_str());
                Self::record(&mut *tx, workshop, $crate::store::Actor::Facilitator, &[entry]).await?;
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
                let (old_name, old_description): (String, String) =
                    sqlx::query_as("SELECT name, description FROM categories WHERE id = $1 AND workshop_id = $2")
                        .bind(id.0)
                        .bind(workshop.0)
                        .fetch_one(&mut *tx)
                        .await?;
                sqlx::query("UPDATE categories SET name = $1, description = $2 WHERE id = $3")
                    .bind(name.as_str())
                    .bind(description.as_str())
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await?;
                let entries: Vec<_> = [
                    $crate::store::Entry::edit("category_changed", "name", &old_name, name.as_str()),
                    $crate::store::Entry::edit("category_changed", "description", &old_description, description.as_str()),
                ]
                .into_iter()
                .flatten()
                .map(|entry| entry.subject(&old_name))
                .collect();
                Self::record(&mut *tx, workshop, $crate::store::Actor::Facilitator, &entries).await?;
                Ok(tx.commit().await?)
            }

            async fn delete_category(
                &self,
                workshop: kvadrant::WorkshopId,
                id: kvadrant::CategoryId,
            ) -> $crate::store::StoreResult<()> {
                self.delete(workshop, "categories", id.0, "category_removed").await
            }

            async fn insert_area(
                &self,
                workshop: kvadrant::WorkshopId,
                category: Option<kvadrant::CategoryId>,
                name: &kvadrant::Name,
                description: &kvadrant::Description,
            ) -> $crate::store::StoreResult<kvadrant::AreaId> {
                let mut tx = self.write(workshop).await?;
                Self::make_room(&mut tx, "areas", kvadrant::Field::Areas, workshop, 1, kvadrant::limits::MAX_AREAS).await?;
                let position = Self::next_position(&mut tx, kvadrant_api::model::ListKind::Areas, workshop).await?;
                let category = category.map(|c| c.0);
                let id =
                    Self::insert_area_row(&mut tx, workshop, category, name.as_str(), description.as_str(), position)
                        .await?;
                let entry = $crate::store::Entry::new("area_added").area(kvadrant::AreaId(id));
                Self::record(&mut *tx, workshop, $crate::store::Actor::Facilitator, &[entry]).await?;
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
                let category_name = "SELECT COALESCE((SELECT name FROM categories WHERE id = $1), '')";
                let (old_name, old_description, old_category): (String, String, Option<i64>) = sqlx::query_as(
                    "SELECT name, description, category_id FROM areas WHERE id = $1 AND workshop_id = $2",
                )
                .bind(id.0)
                .bind(workshop.0)
                .fetch_one(&mut *tx)
                .await?;
                let mut entries: Vec<_> = [
                    $crate::store::Entry::edit("area_changed", "name", &old_name, name.as_str()),
                    $crate::store::Entry::edit("area_changed", "description", &old_description, description.as_str()),
                ]
                .into_iter()
                .flatten()
                .collect();
                if old_category != category.map(|c| c.0) {
                    let mut names = Vec::with_capacity(2);
                    for category in [old_category, category.map(|c| c.0)] {
                        let name: String =
                            sqlx::query_scalar(category_name).bind(category).fetch_one(&mut *tx).await?;
                        names.push(name);
                    }
                    entries.push(
                        $crate::store::Entry::new("area_changed").field("category").old(&names[0]).new_value(&names[1]),
                    );
                }
                sqlx::query("UPDATE areas SET category_id = $1, name = $2, description = $3 WHERE id = $4")
                    .bind(category.map(|c| c.0))
                    .bind(name.as_str())
                    .bind(description.as_str())
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await?;
                let entries: Vec<_> = entries.into_iter().map(|entry| entry.area(id)).collect();
                Self::record(&mut *tx, workshop, $crate::store::Actor::Facilitator, &entries).await?;
                Ok(tx.commit().await?)
            }

            async fn delete_area(
                &self,
                workshop: kvadrant::WorkshopId,
                id: kvadrant::AreaId,
            ) -> $crate::store::StoreResult<()> {
                self.delete(workshop, "areas", id.0, "area_removed").await
            }

            async fn insert_groups(
                &self,
                workshop: kvadrant::WorkshopId,
                names: &[kvadrant::Name],
            ) -> $crate::store::StoreResult<Vec<kvadrant::GroupId>> {
                let mut tx = self.write(workshop).await?;
                Self::make_room(&mut tx, "groups", kvadrant::Field::Groups, workshop, names.len(), kvadrant::limits::MAX_GROUPS).await?;
                let first = Self::next_position(&mut tx, kvadrant_api::model::ListKind::Groups, workshop).await?;
                let mut ids = Vec::with_capacity(names.len());
                for (offset, name) in (0..).zip(names) {
                    ids.push(Self::insert_group_row(&mut tx, workshop, name.as_str(), first + offset).await?);
                }
                let entries: Vec<_> =
                    names.iter().map(|name| $crate::store::Entry::new("group_added").subject(name.as_str())).collect();
                Self::record(&mut *tx, workshop, $crate::store::Actor::Facilitator, &entries).await?;
                tx.commit().await?;
                Ok(ids)
            }

            async fn update_group(
                &self,
                workshop: kvadrant::WorkshopId,
                id: kvadrant::GroupId,
                name: &kvadrant::Name,
                tags: Option<&[kvadrant::Tag]>,
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write(workshop).await?;
                let old_name: String = sqlx::query_scalar("SELECT name FROM groups WHERE id = $1 AND workshop_id = $2")
                    .bind(id.0)
                    .bind(workshop.0)
                    .fetch_one(&mut *tx)
                    .await?;
                sqlx::query("UPDATE groups SET name = $1 WHERE id = $2").bind(name.as_str()).bind(id.0).execute(&mut *tx).await?;
                let mut entries: Vec<_> =
                    $crate::store::Entry::edit("group_changed", "name", &old_name, name.as_str()).into_iter().collect();
                if let Some(tags) = tags {
                    let old_tags: Vec<(String, String)> =
                        sqlx::query_as("SELECT dimension, value FROM group_tags WHERE group_id = $1 ORDER BY position")
                            .bind(id.0)
                            .fetch_all(&mut *tx)
                            .await?;
                    let old_tags = $crate::store::sql::tags_text(old_tags.iter().map(|(d, v)| (d.as_str(), v.as_str())));
                    let new_tags =
                        $crate::store::sql::tags_text(tags.iter().map(|t| (t.dimension.as_str(), t.value.as_str())));
                    entries.extend($crate::store::Entry::edit("group_changed", "tags", &old_tags, &new_tags));
                    sqlx::query("DELETE FROM group_tags WHERE group_id = $1").bind(id.0).execute(&mut *tx).await?;
                    Self::insert_tags(&mut tx, id, tags).await?;
                }
                let entries: Vec<_> = entries.into_iter().map(|entry| entry.subject(&old_name)).collect();
                Self::record(&mut *tx, workshop, $crate::store::Actor::Facilitator, &entries).await?;
                Ok(tx.commit().await?)
            }

            async fn delete_group(
                &self,
                workshop: kvadrant::WorkshopId,
                id: kvadrant::GroupId,
            ) -> $crate::store::StoreResult<()> {
                self.delete(workshop, "groups", id.0, "group_removed").await
            }

            async fn reorder(
                &self,
                workshop: kvadrant::WorkshopId,
                list: kvadrant_api::model::ListKind,
                ids: &[i64],
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write(workshop).await?;
                let current = format!("SELECT id FROM {} WHERE workshop_id = $1 ORDER BY position, id", list.as_str());
                let current: Vec<i64> = sqlx::query_scalar(&current).bind(workshop.0).fetch_all(&mut *tx).await?;
                if current != ids {
                    let entry = $crate::store::Entry::new("order_changed").field(list.as_str());
                    Self::record(&mut *tx, workshop, $crate::store::Actor::Facilitator, &[entry]).await?;
                }
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

            async fn group_access(
                &self,
                workshop: kvadrant::WorkshopId,
                group: kvadrant::GroupId,
            ) -> $crate::store::StoreResult<Option<$crate::store::GroupAccess>> {
                let key: Option<String> =
                    sqlx::query_scalar("SELECT link_key FROM groups WHERE id = $1 AND workshop_id = $2")
                        .bind(group.0)
                        .bind(workshop.0)
                        .fetch_optional(&self.pool)
                        .await?;
                let Some(key) = key else {
                    return Ok(None);
                };
                let areas: Vec<i64> = sqlx::query_scalar("SELECT id FROM areas WHERE workshop_id = $1")
                    .bind(workshop.0)
                    .fetch_all(&self.pool)
                    .await?;
                Ok(Some($crate::store::GroupAccess { key, areas: areas.into_iter().map(kvadrant::AreaId).collect() }))
            }

            async fn group_links(
                &self,
                workshop: kvadrant::WorkshopId,
            ) -> $crate::store::StoreResult<Vec<(kvadrant::GroupId, String)>> {
                let rows: Vec<(i64, String)> =
                    sqlx::query_as($crate::store::sql::GROUP_LINKS).bind(workshop.0).fetch_all(&self.pool).await?;
                Ok(rows.into_iter().map(|(id, key)| (kvadrant::GroupId(id), key)).collect())
            }

            async fn claim_group(
                &self,
                workshop: kvadrant::WorkshopId,
                group: kvadrant::GroupId,
            ) -> $crate::store::StoreResult<String> {
                let mut tx = self.write(workshop).await?;
                let key: Option<String> = sqlx::query_scalar(
                    "UPDATE groups SET joined = TRUE WHERE id = $1 AND workshop_id = $2 AND NOT joined RETURNING link_key",
                )
                .bind(group.0)
                .bind(workshop.0)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(key) = key else {
                    let exists: Option<i64> =
                        sqlx::query_scalar("SELECT id FROM groups WHERE id = $1 AND workshop_id = $2")
                            .bind(group.0)
                            .bind(workshop.0)
                            .fetch_optional(&mut *tx)
                            .await?;
                    return Err(match exists {
                        Some(_) => $crate::store::StoreError::Conflict,
                        None => $crate::store::StoreError::NotFound,
                    });
                };
                let entry = $crate::store::Entry::new("group_joined");
                Self::record(&mut *tx, workshop, $crate::store::Actor::Group(group), &[entry]).await?;
                tx.commit().await?;
                Ok(key)
            }

            async fn renew_group_link(
                &self,
                workshop: kvadrant::WorkshopId,
                group: kvadrant::GroupId,
                release: bool,
            ) -> $crate::store::StoreResult<String> {
                let mut tx = self.write(workshop).await?;
                let key = $crate::secret::group_key();
                let updated = sqlx::query(
                    "UPDATE groups SET link_key = $1, joined = joined AND NOT $2 WHERE id = $3 AND workshop_id = $4",
                )
                .bind(&key)
                .bind(release)
                .bind(group.0)
                .bind(workshop.0)
                .execute(&mut *tx)
                .await?;
                $crate::store::sql::found(updated.rows_affected())?;
                let name: String = sqlx::query_scalar("SELECT name FROM groups WHERE id = $1")
                    .bind(group.0)
                    .fetch_one(&mut *tx)
                    .await?;
                let action = if release { "group_released" } else { "group_link_renewed" };
                let entry = $crate::store::Entry::new(action).subject(&name);
                Self::record(&mut *tx, workshop, $crate::store::Actor::Facilitator, &[entry]).await?;
                tx.commit().await?;
                Ok(key)
            }

            async fn put_comment(
                &self,
                workshop: kvadrant::WorkshopId,
                actor: $crate::store::Actor,
                area: kvadrant::AreaId,
                comment: &kvadrant::Comment,
            ) -> $crate::store::StoreResult<i64> {
                let group = actor.sheet()?;
                let mut tx = self.pool.begin().await?;
                let (version, _, _) = Self::open_for_scoring(&mut *tx, workshop).await?;
                let old: Option<(String, String, Option<String>)> = sqlx::query_as(
                    "SELECT rationale, risks, timeframe FROM comments WHERE group_id = $1 AND area_id = $2",
                )
                .bind(group.0)
                .bind(area.0)
                .fetch_optional(&mut *tx)
                .await?;
                let new = (!comment.is_empty()).then(|| {
                    let timeframe = comment.timeframe.map(|t| t.as_str().to_owned());
                    (comment.rationale.as_str().to_owned(), comment.risks.as_str().to_owned(), timeframe)
                });
                if old != new {
                    let action = if new.is_some() { "comment_saved" } else { "comment_removed" };
                    Self::record(&mut *tx, workshop, actor, &[$crate::store::Entry::new(action).area(area)]).await?;
                }
                if comment.is_empty() {
                    sqlx::query("DELETE FROM comments WHERE group_id = $1 AND area_id = $2")
                        .bind(group.0)
                        .bind(area.0)
                        .execute(&mut *tx)
                        .await?;
                } else {
                    sqlx::query(
                        "INSERT INTO comments (group_id, area_id, rationale, risks, timeframe, updated_at)
                         VALUES ($1, $2, $3, $4, $5, $6)
                         ON CONFLICT (group_id, area_id) DO UPDATE SET rationale = excluded.rationale,
                            risks = excluded.risks, timeframe = excluded.timeframe, updated_at = excluded.updated_at",
                    )
                    .bind(group.0)
                    .bind(area.0)
                    .bind(comment.rationale.as_str())
                    .bind(comment.risks.as_str())
                    .bind(comment.timeframe.map(kvadrant::Timeframe::as_str))
                    .bind($crate::store::now())
                    .execute(&mut *tx)
                    .await?;
                    // Counted inside the write, which holds the workshop's row: two writers
                    // cannot both pass the limit.
                    let (count, characters): (i64, i64) = sqlx::query_as(
                        "SELECT COUNT(*), COALESCE(SUM(LENGTH(c.rationale) + LENGTH(c.risks)), 0) FROM comments c
                         JOIN groups g ON g.id = c.group_id WHERE g.workshop_id = $1",
                    )
                    .bind(workshop.0)
                    .fetch_one(&mut *tx)
                    .await?;
                    $crate::store::sql::within_comment_limits(count, characters)?;
                }
                tx.commit().await?;
                Ok(version)
            }

            async fn comments(
                &self,
                workshop: kvadrant::WorkshopId,
            ) -> $crate::store::StoreResult<Vec<kvadrant_api::model::AreaComment>> {
                let rows = sqlx::query_as($crate::store::sql::COMMENTS).bind(workshop.0).fetch_all(&self.pool).await?;
                $crate::store::sql::comments(rows)
            }

            async fn insert_suggestion(
                &self,
                workshop: kvadrant::WorkshopId,
                actor: $crate::store::Actor,
                name: &kvadrant::Name,
                description: &kvadrant::Description,
            ) -> $crate::store::StoreResult<kvadrant::SuggestionId> {
                let group = actor.group();
                let mut tx = self.pool.begin().await?;
                Self::open_for_scoring(&mut *tx, workshop).await?;
                Self::make_room(&mut tx, "suggestions", kvadrant::Field::Suggestions, workshop, 1, kvadrant::limits::MAX_SUGGESTIONS).await?;
                let id = sqlx::query_scalar(
                    "INSERT INTO suggestions (workshop_id, group_id, name, description, created_at)
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(workshop.0)
                .bind(group.map(|g| g.0))
                .bind(name.as_str())
                .bind(description.as_str())
                .bind($crate::store::now())
                .fetch_one(&mut *tx)
                .await?;
                let entry = $crate::store::Entry::new("suggestion_made").subject(name.as_str());
                Self::record(&mut *tx, workshop, actor, &[entry]).await?;
                tx.commit().await?;
                Ok(kvadrant::SuggestionId(id))
            }

            async fn suggestions(
                &self,
                workshop: kvadrant::WorkshopId,
            ) -> $crate::store::StoreResult<Vec<kvadrant_api::model::Suggestion>> {
                let rows =
                    sqlx::query_as($crate::store::sql::SUGGESTIONS).bind(workshop.0).fetch_all(&self.pool).await?;
                $crate::store::sql::suggestions(rows)
            }

            async fn accept_suggestion(
                &self,
                workshop: kvadrant::WorkshopId,
                id: kvadrant::SuggestionId,
                category: Option<kvadrant::CategoryId>,
            ) -> $crate::store::StoreResult<kvadrant::AreaId> {
                let mut tx = self.write(workshop).await?;
                let (name, description) = Self::open_suggestion(&mut tx, workshop, id).await?;
                Self::make_room(&mut tx, "areas", kvadrant::Field::Areas, workshop, 1, kvadrant::limits::MAX_AREAS).await?;
                let position = Self::next_position(&mut tx, kvadrant_api::model::ListKind::Areas, workshop).await?;
                let area =
                    Self::insert_area_row(&mut tx, workshop, category.map(|c| c.0), &name, &description, position)
                        .await?;
                sqlx::query("UPDATE suggestions SET status = 'accepted', area_id = $1 WHERE id = $2")
                    .bind(area)
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await?;
                let entry = $crate::store::Entry::new("suggestion_accepted").area(kvadrant::AreaId(area)).subject(&name);
                Self::record(&mut *tx, workshop, $crate::store::Actor::Facilitator, &[entry]).await?;
                tx.commit().await?;
                Ok(kvadrant::AreaId(area))
            }

            async fn keep_suggestion(
                &self,
                workshop: kvadrant::WorkshopId,
                id: kvadrant::SuggestionId,
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write(workshop).await?;
                let (name, _) = Self::open_suggestion(&mut tx, workshop, id).await?;
                sqlx::query("UPDATE suggestions SET status = 'kept' WHERE id = $1").bind(id.0).execute(&mut *tx).await?;
                let entry = $crate::store::Entry::new("suggestion_kept").subject(&name);
                Self::record(&mut *tx, workshop, $crate::store::Actor::Facilitator, &[entry]).await?;
                Ok(tx.commit().await?)
            }

            async fn group_scores(
                &self,
                workshop: kvadrant::WorkshopId,
                group: kvadrant::GroupId,
            ) -> $crate::store::StoreResult<Vec<kvadrant_api::model::SheetScore>> {
                let sql = format!("{} AND s.group_id = $2", $crate::store::sql::SCORES);
                let rows = sqlx::query_as(&sql).bind(workshop.0).bind(group.0).fetch_all(&self.pool).await?;
                Ok($crate::store::sql::stored_scores(rows)?
                    .into_iter()
                    .map(|s| kvadrant_api::model::SheetScore { area_id: s.area, axis: s.axis, value: s.value })
                    .collect())
            }

            async fn cells(
                &self,
                workshop: kvadrant::WorkshopId,
                scale: kvadrant::Scale,
            ) -> $crate::store::StoreResult<Vec<kvadrant::Cell>> {
                let rows = sqlx::query_as($crate::store::sql::SCORES).bind(workshop.0).fetch_all(&self.pool).await?;
                Ok($crate::store::cells(&$crate::store::sql::stored_scores(rows)?, scale))
            }

            async fn changes(
                &self,
                workshop: kvadrant::WorkshopId,
                area: Option<kvadrant::AreaId>,
                limit: Option<u32>,
            ) -> $crate::store::StoreResult<Vec<kvadrant_api::model::ChangeEntry>> {
                let rows: Vec<$crate::store::sql::ChangeRow> = sqlx::query_as($crate::store::sql::CHANGES)
                    .bind(workshop.0)
                    .bind(area.map(|a| a.0))
                    .bind(limit.map_or(i64::MAX, i64::from))
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().rev().map($crate::store::change_entry).collect()
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
                let comments = $crate::store::Store::comments(self, workshop).await?;
                let suggestions = $crate::store::Store::suggestions(self, workshop).await?;
                let group_links = $crate::store::Store::group_links(self, workshop).await?;
                Ok(Some($crate::store::Snapshot {
                    record,
                    content,
                    scores,
                    activity,
                    comments,
                    suggestions,
                    group_links,
                }))
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
                action: &'static str,
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write(workshop).await?;
                let sql = format!("UPDATE workshops SET {column} = $1 WHERE id = $2 AND {column} <> $1");
                let updated = sqlx::query(&sql).bind(on).bind(workshop.0).execute(&mut *tx).await?;
                if updated.rows_affected() > 0 {
                    Self::record(&mut *tx, workshop, $crate::store::Actor::Facilitator, &[$crate::store::Entry::new(action)])
                        .await?;
                }
                Ok(tx.commit().await?)
            }

            async fn delete(
                &self,
                workshop: kvadrant::WorkshopId,
                table: &str,
                id: i64,
                action: &'static str,
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write(workshop).await?;
                let name = format!("SELECT name FROM {table} WHERE id = $1 AND workshop_id = $2");
                let name: String = sqlx::query_scalar(&name).bind(id).bind(workshop.0).fetch_one(&mut *tx).await?;
                // Logged before the row goes, so that the log line still finds an area's name.
                let entry = match table {
                    "areas" => $crate::store::Entry::new(action).area(kvadrant::AreaId(id)),
                    _ => $crate::store::Entry::new(action).subject(&name),
                };
                Self::record(&mut *tx, workshop, $crate::store::Actor::Facilitator, &[entry]).await?;
                let sql = format!("DELETE FROM {table} WHERE id = $1");
                sqlx::query(&sql).bind(id).execute(&mut *tx).await?;
                Ok(tx.commit().await?)
            }
        }
    };
}

pub(super) use sql_store;
