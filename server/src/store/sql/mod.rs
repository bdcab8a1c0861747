//! The store over SQL, written once for both databases: [`SqlStore`] is generic over sqlx's
//! [`Database`], and a [`Dialect`] adds only what differs (how instances hear of each
//! other's changes, how a result counts its rows). The statements are in `statements.rs`,
//! rows become records in `rows.rs`.

mod rows;
pub mod statements;

use std::collections::{BTreeSet, HashMap};
use std::future::Future;
use std::sync::Arc;

use async_trait::async_trait;
use kvadrant::{
    AreaId, CategoryId, Cell, Comment, Description, Field, GroupId, JoinCode, Name, Scale, SuggestionId, Tag,
    Timeframe, Title, WorkshopId, rounds::FinishedRound,
};
use sqlx::{Acquire, ColumnIndex, Database, Decode, Encode, Executor, IntoArguments, Pool, Type};
use tokio::sync::mpsc;

use self::statements::{Cells, Counted, Pointing, Switch};
use super::records::{ChangeRecord, CommentRecord, List, SuggestionRecord, SuggestionState, WorkshopSummaryRecord};
use super::sheet_writes::{self, CellKey, LogLine, Opened};
use super::{
    Actor, Change, Connections, Content, Entry, GroupAccess, NewLists, NewWorkshop, RemovalRecord, Removed,
    ScoreSubmission, Snapshot, Store, StoreError, StoreResult, StoredScore, WorkshopRecord, WorkshopSettings,
};
use crate::store::{KeptRounds, cells, finished, now, settings_changes, stamp};

/// What differs between the databases the store runs on.
pub trait Dialect: Database {
    /// What a store keeps to tell the other instances of its changes.
    type Neighbours: Send + Sync + 'static;

    fn rows_affected(result: &Self::QueryResult) -> u64;

    /// Run first in a read transaction so that each of its statements sees the same moment, if
    /// the database does not do so already.
    const ONE_SNAPSHOT: Option<&'static str>;

    /// Writes a new workshop and returns its id (see [`statements::insert_workshop`]).
    const INSERT_WORKSHOP: &'static str;

    /// Tells other instances sharing the database that these workshops changed.
    fn announce(store: &SqlStore<Self>, workshops: &[WorkshopId]) -> impl Future<Output = StoreResult<()>> + Send;

    /// Changes announced by other instances; `None` where the database is not shared.
    fn listen(store: &SqlStore<Self>) -> impl Future<Output = StoreResult<Option<mpsc::Receiver<Change>>>> + Send;

    /// The stored cells of these groups' sheets: group, area, axis, value.
    fn read_sheets(
        connection: &mut Self::Connection,
        groups: &[GroupId],
    ) -> impl Future<Output = StoreResult<Vec<(i64, i64, String, i16)>>> + Send;

    /// Sets these cells, however many, to their values.
    fn set_cells(
        connection: &mut Self::Connection,
        cells: &[(CellKey, i16)],
        updated_at: &str,
    ) -> impl Future<Output = StoreResult<()>> + Send;

    /// Clears these cells, however many.
    fn clear_cells(
        connection: &mut Self::Connection,
        cells: &[CellKey],
    ) -> impl Future<Output = StoreResult<()>> + Send;

    /// Writes these lines of the change log, in order, at `at`; the group's and the area's
    /// names are read as they are now.
    fn insert_changes(
        connection: &mut Self::Connection,
        at: &str,
        lines: &[LogLine],
    ) -> impl Future<Output = StoreResult<()>> + Send;

    /// The statements only this database runs, each with a name to report it by.
    fn own_statements() -> Vec<(String, String)>;
}

/// A Rust type a database both binds as a parameter and reads back as a column.
pub trait Portable<DB: Database>: Type<DB> + for<'q> Encode<'q, DB> + for<'r> Decode<'r, DB> + Send {}

impl<DB: Database, T> Portable<DB> for T where T: Type<DB> + for<'q> Encode<'q, DB> + for<'r> Decode<'r, DB> + Send {}

/// A workshop store on one database's connection pool.
pub struct SqlStore<DB: Dialect> {
    pub(in crate::store) pool: Pool<DB>,
    pub(in crate::store) neighbours: DB::Neighbours,
    pub(in crate::store) kept: KeptRounds,
}

impl<DB> SqlStore<DB>
where
    DB: Dialect,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    for<'q> DB::Arguments<'q>: IntoArguments<'q, DB>,
    usize: ColumnIndex<DB::Row>,
    for<'s> &'s str: ColumnIndex<DB::Row> + Encode<'s, DB> + Type<DB>,
    for<'b> &'b [u8]: Encode<'b, DB> + Type<DB>,
    i64: Portable<DB>,
    i16: Portable<DB>,
    bool: Portable<DB>,
    String: Portable<DB>,
    Vec<u8>: Portable<DB>,
    Option<i64>: Portable<DB>,
    Option<i16>: Portable<DB>,
    Option<String>: Portable<DB>,
    Option<Vec<u8>>: Portable<DB>,
    for<'s> Option<&'s str>: Encode<'s, DB> + Type<DB>,
{
    /// Starts a change: bumping the version first takes the write lock on the workshop at
    /// once, so concurrent writers queue instead of failing on a lock upgrade.
    async fn write(&self, workshop: WorkshopId) -> StoreResult<sqlx::Transaction<'static, DB>> {
        let mut tx = self.pool.begin().await?;
        let bumped = sqlx::query(statements::BUMP_VERSION).bind(workshop.0).execute(&mut *tx).await?;
        found::<DB>(&bumped)?;
        Ok(tx)
    }

    async fn next_position(connection: &mut DB::Connection, list: List, workshop: WorkshopId) -> StoreResult<i64> {
        let sql = statements::next_position(list);
        Ok(sqlx::query_scalar(&sql).bind(workshop.0).fetch_one(connection).await?)
    }

    /// Refuses adding `adding` rows to a list past its limit, naming the list. Counted inside
    /// the write transaction, after the version bump has locked the workshop, so that
    /// requests at the same moment cannot both pass.
    async fn make_room(
        connection: &mut DB::Connection,
        list: Counted,
        workshop: WorkshopId,
        adding: usize,
    ) -> StoreResult<()> {
        let sql = list.count();
        let count: i64 = sqlx::query_scalar(&sql).bind(workshop.0).fetch_one(connection).await?;
        within_list_limit(list, count + adding as i64)
    }

    /// Refuses a category's or group's name that another of the workshop's has, naming `field`.
    /// Checked inside the write transaction, after the version bump has locked the workshop, so
    /// that a form sent twice cannot add the name twice.
    async fn name_free(
        connection: &mut DB::Connection,
        list: List,
        workshop: WorkshopId,
        name: &str,
        except: Option<i64>,
        field: String,
    ) -> StoreResult<()> {
        let sql = statements::named(list);
        let others: i64 = sqlx::query_scalar(&sql)
            .bind(workshop.0)
            .bind(name)
            .bind(except.unwrap_or(0))
            .fetch_one(connection)
            .await?;
        if others > 0 {
            return Err(StoreError::Refused(kvadrant::Error::invalid(field, kvadrant::Rule::Duplicate)));
        }
        Ok(())
    }

    /// A read transaction in which every statement sees the same moment.
    async fn read(&self) -> StoreResult<sqlx::Transaction<'static, DB>> {
        let mut tx = self.pool.begin().await?;
        if let Some(sql) = DB::ONE_SNAPSHOT {
            sqlx::query(sql).execute(&mut *tx).await?;
        }
        Ok(tx)
    }

    async fn content_in(connection: &mut DB::Connection, workshop: WorkshopId) -> StoreResult<Content> {
        let categories = sqlx::query_as(statements::CATEGORIES).bind(workshop.0).fetch_all(&mut *connection).await?;
        let areas = sqlx::query_as(statements::AREAS).bind(workshop.0).fetch_all(&mut *connection).await?;
        let groups = sqlx::query_as(statements::GROUPS).bind(workshop.0).fetch_all(&mut *connection).await?;
        let tags = sqlx::query_as(statements::TAGS).bind(workshop.0).fetch_all(&mut *connection).await?;
        Ok(rows::content(categories, areas, groups, tags))
    }

    async fn comments_in(connection: &mut DB::Connection, workshop: WorkshopId) -> StoreResult<Vec<CommentRecord>> {
        rows::comments(sqlx::query_as(statements::COMMENTS).bind(workshop.0).fetch_all(connection).await?)
    }

    async fn suggestions_in(
        connection: &mut DB::Connection,
        workshop: WorkshopId,
    ) -> StoreResult<Vec<SuggestionRecord>> {
        rows::suggestions(sqlx::query_as(statements::SUGGESTIONS).bind(workshop.0).fetch_all(connection).await?)
    }

    async fn group_links_in(
        connection: &mut DB::Connection,
        workshop: WorkshopId,
    ) -> StoreResult<Vec<(GroupId, String)>> {
        let rows: Vec<(i64, String)> =
            sqlx::query_as(statements::GROUP_LINKS).bind(workshop.0).fetch_all(connection).await?;
        Ok(rows.into_iter().map(|(id, key)| (GroupId(id), key)).collect())
    }

    /// Bumps the version if scoring is open, and returns it with the scale.
    async fn open_for_scoring(connection: &mut DB::Connection, workshop: WorkshopId) -> StoreResult<(i64, i16, i16)> {
        let row: Option<(i64, i16, i16)> =
            sqlx::query_as(statements::OPEN_FOR_SCORING).bind(workshop.0).fetch_optional(connection).await?;
        row.ok_or(StoreError::ScoringClosed)
    }

    async fn insert_category_row(
        connection: &mut DB::Connection,
        workshop: WorkshopId,
        name: &str,
        description: &str,
        position: i64,
    ) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(statements::INSERT_CATEGORY)
            .bind(workshop.0)
            .bind(name)
            .bind(description)
            .bind(position)
            .fetch_one(connection)
            .await?)
    }

    async fn insert_area_row(
        connection: &mut DB::Connection,
        workshop: WorkshopId,
        category: Option<i64>,
        name: &str,
        description: &str,
        position: i64,
    ) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(statements::INSERT_AREA)
            .bind(workshop.0)
            .bind(category)
            .bind(name)
            .bind(description)
            .bind(position)
            .fetch_one(connection)
            .await?)
    }

    async fn insert_group_row(
        connection: &mut DB::Connection,
        workshop: WorkshopId,
        name: &str,
        position: i64,
        link_key: &str,
    ) -> StoreResult<GroupId> {
        let id = sqlx::query_scalar(statements::INSERT_GROUP)
            .bind(workshop.0)
            .bind(name)
            .bind(position)
            .bind(link_key)
            .fetch_one(connection)
            .await?;
        Ok(GroupId(id))
    }

    /// A suggestion's name and description, if it is the workshop's and not yet on the list.
    async fn open_suggestion(
        connection: &mut DB::Connection,
        workshop: WorkshopId,
        id: SuggestionId,
    ) -> StoreResult<(String, String)> {
        let suggestion: Option<(String, String, String)> =
            sqlx::query_as(statements::SUGGESTION).bind(id.0).bind(workshop.0).fetch_optional(connection).await?;
        let (name, description, status) = suggestion.ok_or(StoreError::NotFound)?;
        match rows::suggestion_state(&status)? {
            SuggestionState::Accepted => Err(StoreError::Conflict),
            SuggestionState::Pending | SuggestionState::Kept => Ok((name, description)),
        }
    }

    async fn set_suggestion(
        connection: &mut DB::Connection,
        id: SuggestionId,
        state: SuggestionState,
        area: Option<AreaId>,
    ) -> StoreResult<()> {
        sqlx::query(statements::SET_SUGGESTION)
            .bind(state.stored())
            .bind(area.map(|area| area.0))
            .bind(id.0)
            .execute(connection)
            .await?;
        Ok(())
    }

    async fn insert_lists(connection: &mut DB::Connection, workshop: WorkshopId, lists: &NewLists) -> StoreResult<()> {
        let mut categories = Vec::with_capacity(lists.categories.len());
        for (position, (name, description)) in (1_i64..).zip(&lists.categories) {
            let id =
                Self::insert_category_row(connection, workshop, name.as_str(), description.as_str(), position).await?;
            categories.push(id);
        }
        for (position, (name, description, category)) in (1_i64..).zip(&lists.areas) {
            let category = category.and_then(|index| categories.get(index).copied());
            Self::insert_area_row(connection, workshop, category, name.as_str(), description.as_str(), position)
                .await?;
        }
        for (position, (name, tags)) in (1_i64..).zip(&lists.groups) {
            let id = Self::insert_group_row(connection, workshop, name.as_str(), position, &crate::secret::group_key())
                .await?;
            Self::insert_tags(connection, id, tags).await?;
        }
        Ok(())
    }

    async fn insert_tags(connection: &mut DB::Connection, group: GroupId, tags: &[Tag]) -> StoreResult<()> {
        for (position, tag) in (1_i64..).zip(tags) {
            sqlx::query(statements::INSERT_TAG)
                .bind(group.0)
                .bind(tag.dimension.as_str())
                .bind(tag.value.as_str())
                .bind(position)
                .execute(&mut *connection)
                .await?;
        }
        Ok(())
    }

    /// Writes lines of the change log of one change.
    async fn record(
        connection: &mut DB::Connection,
        workshop: WorkshopId,
        actor: Actor,
        entries: &[Entry],
    ) -> StoreResult<()> {
        if entries.is_empty() {
            return Ok(());
        }
        let lines: Vec<LogLine> =
            entries.iter().map(|entry| LogLine { workshop, actor, entry: entry.clone() }).collect();
        DB::insert_changes(connection, &now(), &lines).await
    }

    /// Writes a batch of submissions in a few statements, whatever its size: one version bump
    /// per workshop (in id order, so that concurrent batches lock alike), one read of the
    /// groups' sheets, then the cells set, the cells cleared and the log, each in one go.
    async fn write_batch(
        connection: &mut DB::Connection,
        batch: &[ScoreSubmission],
        updated_at: &str,
    ) -> StoreResult<Vec<StoreResult<i64>>> {
        let workshops: BTreeSet<WorkshopId> = batch.iter().map(|submission| submission.workshop).collect();
        let mut opened = HashMap::with_capacity(workshops.len());
        for workshop in workshops {
            let row: Option<(i64, i16, i16)> =
                sqlx::query_as(statements::OPEN_FOR_SCORING).bind(workshop.0).fetch_optional(&mut *connection).await?;
            if let Some((version, scale_min, scale_max)) = row {
                opened.insert(workshop, Opened { version, scale_min, scale_max });
            }
        }
        let groups: BTreeSet<GroupId> = batch.iter().filter_map(|submission| submission.actor.group()).collect();
        let groups: Vec<GroupId> = groups.into_iter().collect();
        let stored = rows::scores(DB::read_sheets(&mut *connection, &groups).await?)?;
        let stored = stored.into_iter().map(|score| ((score.group, score.area, score.axis), i16::from(score.value)));
        let writes = sheet_writes::plan(batch, &opened, stored);
        if !writes.set.is_empty() {
            DB::set_cells(&mut *connection, &writes.set, updated_at).await?;
        }
        if !writes.cleared.is_empty() {
            DB::clear_cells(&mut *connection, &writes.cleared).await?;
        }
        if !writes.log.is_empty() {
            DB::insert_changes(&mut *connection, updated_at, &writes.log).await?;
        }
        Ok(writes.outcomes)
    }

    /// Sets one of the workshop's on/off columns.
    async fn set_switch(
        &self,
        workshop: WorkshopId,
        switch: Switch,
        on: bool,
        action: &'static str,
    ) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        let sql = switch.set();
        let updated = sqlx::query(&sql).bind(on).bind(workshop.0).execute(&mut *tx).await?;
        if DB::rows_affected(&updated) > 0 {
            Self::record(&mut tx, workshop, Actor::Facilitator, &[Entry::new(action)]).await?;
        }
        Ok(tx.commit().await?)
    }

    /// The finished rounds of `record`, read with it, unless they are kept as of its version.
    async fn finished_in(
        &self,
        connection: &mut DB::Connection,
        record: &WorkshopRecord,
    ) -> StoreResult<Arc<[FinishedRound]>> {
        if let Some(finished) = self.kept.get(record) {
            return Ok(finished);
        }
        let rows = sqlx::query_as(statements::EARLIER_SCORES).bind(record.id.0).fetch_all(&mut *connection).await?;
        let finished = finished(rows::earlier_scores(rows)?, record.settings.scale);
        self.kept.keep(record, finished.clone());
        Ok(finished)
    }

    /// What removing an item takes away, read in the removal's transaction.
    async fn removed(
        connection: &mut DB::Connection,
        workshop: WorkshopId,
        list: List,
        id: i64,
    ) -> StoreResult<Removed> {
        let scale: (i16, i16) =
            sqlx::query_as(statements::WORKSHOP_SCALE).bind(workshop.0).fetch_one(&mut *connection).await?;
        let mut removed = Removed { id, scale, ..Removed::default() };
        match list {
            List::Categories => {
                let row: Option<(String, String, i64)> = sqlx::query_as(statements::REMOVED_CATEGORY)
                    .bind(id)
                    .bind(workshop.0)
                    .fetch_optional(&mut *connection)
                    .await?;
                (removed.name, removed.description, removed.position) = row.ok_or(StoreError::NotFound)?;
                let sql = statements::pointing_at(Pointing::Areas, list);
                removed.areas = sqlx::query_scalar(&sql).bind(id).fetch_all(&mut *connection).await?;
                return Ok(removed);
            }
            List::Areas => {
                let row: Option<(String, String, i64, Option<i64>)> = sqlx::query_as(statements::REMOVED_AREA)
                    .bind(id)
                    .bind(workshop.0)
                    .fetch_optional(&mut *connection)
                    .await?;
                (removed.name, removed.description, removed.position, removed.category) =
                    row.ok_or(StoreError::NotFound)?;
            }
            List::Groups => {
                let row: Option<(String, i64, String, bool)> = sqlx::query_as(statements::REMOVED_GROUP)
                    .bind(id)
                    .bind(workshop.0)
                    .fetch_optional(&mut *connection)
                    .await?;
                (removed.name, removed.position, removed.link_key, removed.joined) = row.ok_or(StoreError::NotFound)?;
                removed.tags = sqlx::query_as(statements::GROUP_TAGS).bind(id).fetch_all(&mut *connection).await?;
            }
        }
        let (scores, comments) =
            (statements::cells_of(Cells::Scores, list), statements::cells_of(Cells::Comments, list));
        removed.scores = sqlx::query_as(&scores).bind(id).fetch_all(&mut *connection).await?;
        let earlier = statements::cells_of(Cells::EarlierScores, list);
        removed.earlier_scores = sqlx::query_as(&earlier).bind(id).fetch_all(&mut *connection).await?;
        removed.comments = sqlx::query_as(&comments).bind(id).fetch_all(&mut *connection).await?;
        let (changes, suggestions) =
            (statements::pointing_at(Pointing::Changes, list), statements::pointing_at(Pointing::Suggestions, list));
        removed.changes = sqlx::query_scalar(&changes).bind(id).fetch_all(&mut *connection).await?;
        removed.suggestions = sqlx::query_scalar(&suggestions).bind(id).fetch_all(&mut *connection).await?;
        Ok(removed)
    }

    /// Puts a removed item's row back, under its own id unless a new item has taken it since
    /// (SQLite hands out the highest id again once its row is gone); returns the id it got.
    async fn put_back(
        connection: &mut DB::Connection,
        workshop: WorkshopId,
        list: List,
        removed: &Removed,
    ) -> StoreResult<i64> {
        if list != List::Areas {
            Self::name_free(&mut *connection, list, workshop, &removed.name, None, Field::Name.to_string()).await?;
        }
        // Scores given on another scale would mean something else now.
        let scale: (i16, i16) =
            sqlx::query_as(statements::WORKSHOP_SCALE).bind(workshop.0).fetch_one(&mut *connection).await?;
        if scale != removed.scale && !(removed.scores.is_empty() && removed.earlier_scores.is_empty()) {
            return Err(StoreError::ScaleLocked);
        }
        // An area's category may have gone meanwhile: the area then comes back without one.
        let category = match removed.category {
            Some(category) => {
                sqlx::query_scalar(statements::CATEGORY_OF_WORKSHOP)
                    .bind(category)
                    .bind(workshop.0)
                    .fetch_optional(&mut *connection)
                    .await?
            }
            None => None,
        };
        let counted = match list {
            List::Categories => Counted::CATEGORIES,
            List::Areas => Counted::AREAS,
            List::Groups => Counted::GROUPS,
        };
        Self::make_room(&mut *connection, counted, workshop, 1).await?;
        sqlx::query(&statements::shift_from(list))
            .bind(workshop.0)
            .bind(removed.position)
            .execute(&mut *connection)
            .await?;
        let taken: i64 =
            sqlx::query_scalar(&statements::id_taken(list)).bind(removed.id).fetch_one(&mut *connection).await?;
        let (name, description, position) = (removed.name.as_str(), removed.description.as_str(), removed.position);
        if taken > 0 {
            return match list {
                List::Categories => Self::insert_category_row(connection, workshop, name, description, position).await,
                List::Areas => Self::insert_area_row(connection, workshop, category, name, description, position).await,
                List::Groups => {
                    Ok(Self::insert_group_row(connection, workshop, name, position, &removed.link_key).await?.0)
                }
            };
        }
        let query = match list {
            List::Categories => sqlx::query(statements::RESTORE_CATEGORY)
                .bind(removed.id)
                .bind(workshop.0)
                .bind(name)
                .bind(description)
                .bind(position),
            List::Areas => sqlx::query(statements::RESTORE_AREA)
                .bind(removed.id)
                .bind(workshop.0)
                .bind(name)
                .bind(description)
                .bind(position)
                .bind(category),
            List::Groups => sqlx::query(statements::RESTORE_GROUP)
                .bind(removed.id)
                .bind(workshop.0)
                .bind(name)
                .bind(position)
                .bind(removed.link_key.as_str())
                .bind(removed.joined),
        };
        query.execute(&mut *connection).await?;
        Ok(removed.id)
    }

    /// Puts back what went with a removed item, as `id` now: its scores, comments and tags,
    /// and the pointers to it. What pointed at rows removed since stays out.
    async fn put_back_what_went(
        connection: &mut DB::Connection,
        workshop: WorkshopId,
        list: List,
        removed: &Removed,
        id: i64,
    ) -> StoreResult<()> {
        if list == List::Categories {
            let sql = statements::point_again(Pointing::Areas, list);
            for area in &removed.areas {
                sqlx::query(&sql).bind(id).bind(area).bind(workshop.0).execute(&mut *connection).await?;
            }
            return Ok(());
        }
        if list == List::Groups {
            let tags: Vec<Tag> = removed
                .tags
                .iter()
                .filter_map(|(dimension, value)| Tag::parse(kvadrant::Field::Tags, dimension, value).ok())
                .collect();
            Self::insert_tags(&mut *connection, GroupId(id), &tags).await?;
        }
        // The other side of each score and comment: the groups of a removed area, the areas of a removed group.
        let others: BTreeSet<i64> = {
            let sql = match list {
                List::Areas => statements::order(List::Groups),
                _ => statements::order(List::Areas),
            };
            let ids: Vec<i64> = sqlx::query_scalar(&sql).bind(workshop.0).fetch_all(&mut *connection).await?;
            ids.into_iter().collect()
        };
        // (group, area) of a cell, with the removed item's side as `id` now.
        let cell = |group: i64, area: i64| match list {
            List::Areas => (others.contains(&group)).then_some((group, id)),
            _ => (others.contains(&area)).then_some((id, area)),
        };
        for (group, area, axis, value, updated_at) in &removed.scores {
            if let Some((group, area)) = cell(*group, *area) {
                sqlx::query(statements::RESTORE_SCORE)
                    .bind(group)
                    .bind(area)
                    .bind(axis.as_str())
                    .bind(*value)
                    .bind(updated_at.as_str())
                    .execute(&mut *connection)
                    .await?;
            }
        }
        for (group, area, axis, value, round) in &removed.earlier_scores {
            if let Some((group, area)) = cell(*group, *area) {
                sqlx::query(statements::RESTORE_EARLIER_SCORE)
                    .bind(group)
                    .bind(area)
                    .bind(axis.as_str())
                    .bind(*value)
                    .bind(*round)
                    .execute(&mut *connection)
                    .await?;
            }
        }
        for (group, area, rationale, risks, timeframe, updated_at) in &removed.comments {
            if let Some((group, area)) = cell(*group, *area) {
                sqlx::query(statements::RESTORE_COMMENT)
                    .bind(group)
                    .bind(area)
                    .bind(rationale.as_str())
                    .bind(risks.as_str())
                    .bind(timeframe.as_deref())
                    .bind(updated_at.as_str())
                    .execute(&mut *connection)
                    .await?;
            }
        }
        for (table, rows) in [(Pointing::Changes, &removed.changes), (Pointing::Suggestions, &removed.suggestions)] {
            let sql = statements::point_again(table, list);
            for row in rows {
                sqlx::query(&sql).bind(id).bind(row).bind(workshop.0).execute(&mut *connection).await?;
            }
        }
        Ok(())
    }
}

#[async_trait]
impl<DB> Store for SqlStore<DB>
where
    DB: Dialect,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    for<'q> DB::Arguments<'q>: IntoArguments<'q, DB>,
    usize: ColumnIndex<DB::Row>,
    for<'s> &'s str: ColumnIndex<DB::Row> + Encode<'s, DB> + Type<DB>,
    for<'b> &'b [u8]: Encode<'b, DB> + Type<DB>,
    i64: Portable<DB>,
    i16: Portable<DB>,
    bool: Portable<DB>,
    String: Portable<DB>,
    Vec<u8>: Portable<DB>,
    Option<i64>: Portable<DB>,
    Option<i16>: Portable<DB>,
    Option<String>: Portable<DB>,
    Option<Vec<u8>>: Portable<DB>,
    for<'s> Option<&'s str>: Encode<'s, DB> + Type<DB>,
{
    async fn create_workshop(&self, new: &NewWorkshop) -> StoreResult<WorkshopId> {
        let settings = &new.settings;
        let mut tx = self.pool.begin().await?;
        let id = sqlx::query_scalar(DB::INSERT_WORKSHOP)
            .bind(new.code.as_str())
            .bind(new.title.as_str())
            .bind(new.description.as_str())
            .bind(new.secret_hash.as_slice())
            .bind(new.review_hash.as_slice())
            .bind(new.demo)
            .bind(i16::from(settings.scale.min()))
            .bind(i16::from(settings.scale.max()))
            .bind(settings.potential_label.as_str())
            .bind(settings.feasibility_label.as_str())
            .bind(rows::stored_midline(settings.potential_midline))
            .bind(rows::stored_midline(settings.feasibility_midline))
            .bind(settings.language.code())
            .bind(new.scoring_open)
            .bind(i16::from(settings.certainty.dissent_percent))
            .bind(rows::stored_top_places(&settings.certainty.top_places))
            .bind(i16::from(settings.certainty.min_segment_groups))
            .bind(settings.aggregate.as_str())
            .fetch_one(&mut *tx)
            .await?;
        let id = WorkshopId(id);
        Self::insert_lists(&mut tx, id, &new.lists).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn find_workshop(&self, code: &JoinCode) -> StoreResult<Option<WorkshopRecord>> {
        let row: Option<rows::WorkshopRow> =
            sqlx::query_as(statements::WORKSHOP_BY_CODE).bind(code.as_str()).fetch_optional(&self.pool).await?;
        row.map(rows::workshop).transpose()
    }

    async fn count_workshops(&self) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(statements::COUNT_WORKSHOPS).fetch_one(&self.pool).await?)
    }

    async fn delete_workshop(&self, workshop: WorkshopId) -> StoreResult<()> {
        let deleted = sqlx::query(statements::DELETE_WORKSHOP).bind(workshop.0).execute(&self.pool).await?;
        self.kept.forget(workshop);
        if DB::rows_affected(&deleted) == 0 { Err(StoreError::NotFound) } else { Ok(()) }
    }

    async fn last_change(&self, workshop: WorkshopId) -> StoreResult<String> {
        let at: Option<String> =
            sqlx::query_scalar(statements::LAST_CHANGE).bind(workshop.0).fetch_one(&self.pool).await?;
        at.ok_or(StoreError::NotFound)
    }

    async fn summaries(&self) -> StoreResult<Vec<WorkshopSummaryRecord>> {
        type Row = (String, String, String, String, i64, i64, i64, i64);
        let rows: Vec<Row> = sqlx::query_as(statements::SUMMARIES).fetch_all(&self.pool).await?;
        Ok(rows
            .into_iter()
            .map(|(code, title, created_at, last_change, areas, groups, scores, comments)| WorkshopSummaryRecord {
                code,
                title,
                created_at,
                last_change,
                areas,
                groups,
                scores,
                comments,
            })
            .collect())
    }

    async fn unchanged_for(&self, age: time::Duration) -> StoreResult<Vec<WorkshopId>> {
        let since = stamp(time::OffsetDateTime::now_utc() - age);
        let ids: Vec<i64> = sqlx::query_scalar(statements::UNCHANGED_SINCE).bind(since).fetch_all(&self.pool).await?;
        Ok(ids.into_iter().map(WorkshopId).collect())
    }

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query(statements::PING).execute(&self.pool).await?;
        Ok(())
    }

    fn connections(&self) -> Connections {
        let idle = u32::try_from(self.pool.num_idle()).unwrap_or(u32::MAX);
        Connections {
            in_use: self.pool.size().saturating_sub(idle),
            idle,
            max: self.pool.options().get_max_connections(),
        }
    }

    async fn demo_code(&self) -> StoreResult<Option<JoinCode>> {
        let code: Option<String> = sqlx::query_scalar(statements::DEMO_CODE).fetch_optional(&self.pool).await?;
        Ok(code.and_then(|code| JoinCode::parse(&code).ok()))
    }

    async fn content(&self, workshop: WorkshopId) -> StoreResult<Content> {
        let mut tx = self.read().await?;
        let content = Self::content_in(&mut tx, workshop).await?;
        tx.commit().await?;
        Ok(content)
    }

    async fn update_workshop(&self, workshop: WorkshopId, title: &Title, description: &Description) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        let (old_title, old_description): (String, String) =
            sqlx::query_as(statements::WORKSHOP_TEXT).bind(workshop.0).fetch_one(&mut *tx).await?;
        let entries: Vec<_> = [
            Entry::edit("title_changed", "title", &old_title, title.as_str()),
            Entry::edit("description_changed", "description", &old_description, description.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        Self::record(&mut tx, workshop, Actor::Facilitator, &entries).await?;
        sqlx::query(statements::UPDATE_WORKSHOP_TEXT)
            .bind(title.as_str())
            .bind(description.as_str())
            .bind(workshop.0)
            .execute(&mut *tx)
            .await?;
        Ok(tx.commit().await?)
    }

    async fn update_settings(&self, workshop: WorkshopId, settings: &WorkshopSettings) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        let old: rows::WorkshopRow =
            sqlx::query_as(statements::WORKSHOP_BY_ID).bind(workshop.0).fetch_one(&mut *tx).await?;
        let old = rows::workshop(old)?.settings;
        let entries = settings_changes(&old, settings);
        let updated = sqlx::query(statements::UPDATE_SETTINGS)
            .bind(i16::from(settings.scale.min()))
            .bind(i16::from(settings.scale.max()))
            .bind(settings.potential_label.as_str())
            .bind(settings.feasibility_label.as_str())
            .bind(rows::stored_midline(settings.potential_midline))
            .bind(rows::stored_midline(settings.feasibility_midline))
            .bind(settings.language.code())
            .bind(workshop.0)
            .bind(i16::from(settings.certainty.dissent_percent))
            .bind(rows::stored_top_places(&settings.certainty.top_places))
            .bind(i16::from(settings.certainty.min_segment_groups))
            .bind(settings.aggregate.as_str())
            .execute(&mut *tx)
            .await?;
        if DB::rows_affected(&updated) == 0 {
            return Err(StoreError::ScaleLocked);
        }
        Self::record(&mut tx, workshop, Actor::Facilitator, &entries).await?;
        Ok(tx.commit().await?)
    }

    async fn set_review(&self, workshop: WorkshopId, hash: &[u8], generation: i64) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        sqlx::query(statements::SET_REVIEW).bind(hash).bind(generation).bind(workshop.0).execute(&mut *tx).await?;
        let entry = Entry::new("review_link_renewed").new_value(generation.to_string());
        Self::record(&mut tx, workshop, Actor::Facilitator, &[entry]).await?;
        Ok(tx.commit().await?)
    }

    async fn set_code(&self, workshop: WorkshopId, code: &JoinCode) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        sqlx::query(statements::SET_CODE).bind(code.as_str()).bind(workshop.0).execute(&mut *tx).await?;
        Ok(tx.commit().await?)
    }

    async fn set_secret(&self, workshop: WorkshopId, secret_hash: &[u8], review_hash: &[u8]) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        sqlx::query(statements::SET_SECRET)
            .bind(secret_hash)
            .bind(review_hash)
            .bind(workshop.0)
            .execute(&mut *tx)
            .await?;
        Ok(tx.commit().await?)
    }

    async fn set_scoring_open(&self, workshop: WorkshopId, open: bool) -> StoreResult<()> {
        let action = if open { "scoring_opened" } else { "scoring_closed" };
        self.set_switch(workshop, Switch::ScoringOpen, open, action).await
    }

    async fn start_round(&self, workshop: WorkshopId, next: u32) -> StoreResult<()> {
        let (next, finished) = match (i16::try_from(next), i16::try_from(next.saturating_sub(1))) {
            (Ok(next), Ok(finished)) if finished >= 1 => (next, finished),
            _ => return Err(StoreError::NotFound),
        };
        let mut tx = self.write(workshop).await?;
        let begun = sqlx::query(statements::NEXT_ROUND).bind(workshop.0).bind(next).execute(&mut *tx).await?;
        if DB::rows_affected(&begun) == 0 {
            return Err(StoreError::Conflict);
        }
        let kept = sqlx::query(statements::KEEP_ROUND).bind(workshop.0).bind(finished).execute(&mut *tx).await?;
        if DB::rows_affected(&kept) == 0 {
            return Err(StoreError::Refused(kvadrant::Error::invalid(Field::Round, kvadrant::Rule::NothingScored)));
        }
        sqlx::query(statements::CLEAR_SHEETS).bind(workshop.0).execute(&mut *tx).await?;
        let entry = Entry::new("round_started").new_value(next.to_string());
        Self::record(&mut tx, workshop, Actor::Facilitator, &[entry]).await?;
        Ok(tx.commit().await?)
    }

    async fn insert_category(
        &self,
        workshop: WorkshopId,
        name: &Name,
        description: &Description,
    ) -> StoreResult<CategoryId> {
        let mut tx = self.write(workshop).await?;
        Self::make_room(&mut tx, Counted::CATEGORIES, workshop, 1).await?;
        Self::name_free(&mut tx, List::Categories, workshop, name.as_str(), None, Field::Name.to_string()).await?;
        let position = Self::next_position(&mut tx, List::Categories, workshop).await?;
        let id = Self::insert_category_row(&mut tx, workshop, name.as_str(), description.as_str(), position).await?;
        let entry = Entry::new("category_added").subject(name.as_str());
        Self::record(&mut tx, workshop, Actor::Facilitator, &[entry]).await?;
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
        let (old_name, old_description): (String, String) =
            sqlx::query_as(statements::CATEGORY_TEXT).bind(id.0).bind(workshop.0).fetch_one(&mut *tx).await?;
        Self::name_free(&mut tx, List::Categories, workshop, name.as_str(), Some(id.0), Field::Name.to_string())
            .await?;
        sqlx::query(statements::UPDATE_CATEGORY)
            .bind(name.as_str())
            .bind(description.as_str())
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        let entries: Vec<_> = [
            Entry::edit("category_changed", "name", &old_name, name.as_str()),
            Entry::edit("category_changed", "description", &old_description, description.as_str()),
        ]
        .into_iter()
        .flatten()
        .map(|entry| entry.subject(&old_name))
        .collect();
        Self::record(&mut tx, workshop, Actor::Facilitator, &entries).await?;
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
        Self::make_room(&mut tx, Counted::AREAS, workshop, 1).await?;
        let position = Self::next_position(&mut tx, List::Areas, workshop).await?;
        let category = category.map(|c| c.0);
        let id =
            Self::insert_area_row(&mut tx, workshop, category, name.as_str(), description.as_str(), position).await?;
        let entry = Entry::new("area_added").area(AreaId(id));
        Self::record(&mut tx, workshop, Actor::Facilitator, &[entry]).await?;
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
        let (old_name, old_description, old_category): (String, String, Option<i64>) =
            sqlx::query_as(statements::AREA_FIELDS).bind(id.0).bind(workshop.0).fetch_one(&mut *tx).await?;
        let mut entries: Vec<_> = [
            Entry::edit("area_changed", "name", &old_name, name.as_str()),
            Entry::edit("area_changed", "description", &old_description, description.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        let new_category = category.map(|c| c.0);
        if old_category != new_category {
            let mut names = Vec::with_capacity(2);
            for category in [old_category, new_category] {
                let name: String =
                    sqlx::query_scalar(statements::CATEGORY_NAME).bind(category).fetch_one(&mut *tx).await?;
                names.push(name);
            }
            entries.push(Entry::new("area_changed").field("category").old(&names[0]).new_value(&names[1]));
        }
        sqlx::query(statements::UPDATE_AREA)
            .bind(new_category)
            .bind(name.as_str())
            .bind(description.as_str())
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        let entries: Vec<_> = entries.into_iter().map(|entry| entry.area(id)).collect();
        Self::record(&mut tx, workshop, Actor::Facilitator, &entries).await?;
        Ok(tx.commit().await?)
    }

    async fn insert_groups(&self, workshop: WorkshopId, names: &[Name]) -> StoreResult<Vec<GroupId>> {
        let mut tx = self.write(workshop).await?;
        Self::make_room(&mut tx, Counted::GROUPS, workshop, names.len()).await?;
        let first = Self::next_position(&mut tx, List::Groups, workshop).await?;
        let mut ids = Vec::with_capacity(names.len());
        for (i, name) in names.iter().enumerate() {
            Self::name_free(&mut tx, List::Groups, workshop, name.as_str(), None, Field::Names.at(i)).await?;
        }
        for (offset, name) in (0..).zip(names) {
            let key = crate::secret::group_key();
            ids.push(Self::insert_group_row(&mut tx, workshop, name.as_str(), first + offset, &key).await?);
        }
        let entries: Vec<_> = names.iter().map(|name| Entry::new("group_added").subject(name.as_str())).collect();
        Self::record(&mut tx, workshop, Actor::Facilitator, &entries).await?;
        tx.commit().await?;
        Ok(ids)
    }

    async fn update_group(
        &self,
        workshop: WorkshopId,
        id: GroupId,
        name: &Name,
        tags: Option<&[Tag]>,
    ) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        let old_name: String =
            sqlx::query_scalar(statements::GROUP_NAME).bind(id.0).bind(workshop.0).fetch_one(&mut *tx).await?;
        Self::name_free(&mut tx, List::Groups, workshop, name.as_str(), Some(id.0), Field::Name.to_string()).await?;
        sqlx::query(statements::RENAME_GROUP).bind(name.as_str()).bind(id.0).execute(&mut *tx).await?;
        let mut entries: Vec<_> = Entry::edit("group_changed", "name", &old_name, name.as_str()).into_iter().collect();
        if let Some(tags) = tags {
            let old_tags: Vec<(String, String)> =
                sqlx::query_as(statements::GROUP_TAGS).bind(id.0).fetch_all(&mut *tx).await?;
            let old_tags = rows::tags_text(old_tags.iter().map(|(d, v)| (d.as_str(), v.as_str())));
            let new_tags = rows::tags_text(tags.iter().map(|t| (t.dimension.as_str(), t.value.as_str())));
            entries.extend(Entry::edit("group_changed", "tags", &old_tags, &new_tags));
            sqlx::query(statements::DELETE_TAGS).bind(id.0).execute(&mut *tx).await?;
            Self::insert_tags(&mut tx, id, tags).await?;
        }
        let entries: Vec<_> = entries.into_iter().map(|entry| entry.subject(&old_name)).collect();
        Self::record(&mut tx, workshop, Actor::Facilitator, &entries).await?;
        Ok(tx.commit().await?)
    }

    async fn remove(&self, workshop: WorkshopId, list: List, id: i64) -> StoreResult<RemovalRecord> {
        let mut tx = self.write(workshop).await?;
        sqlx::query(statements::FORGET_REMOVALS).bind(workshop.0).execute(&mut *tx).await?;
        // Logged before the row goes, so that the log line still finds an area's name, and
        // is pointed at the area again if the removal is undone.
        let name: String = sqlx::query_scalar(&statements::name_of(list))
            .bind(id)
            .bind(workshop.0)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        let entry = match list {
            List::Areas => Entry::new(list.removed_action()).area(AreaId(id)),
            List::Categories | List::Groups => Entry::new(list.removed_action()).subject(&name),
        };
        Self::record(&mut tx, workshop, Actor::Facilitator, &[entry]).await?;
        let removed = Self::removed(&mut tx, workshop, list, id).await?;
        let at = time::OffsetDateTime::now_utc();
        let kept = serde_json::to_string(&removed).map_err(|_| StoreError::Corrupt("removals.removed"))?;
        let removal: i64 = sqlx::query_scalar(statements::INSERT_REMOVAL)
            .bind(workshop.0)
            .bind(list.table())
            .bind(kept)
            .bind(stamp(at))
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query(&statements::delete(list)).bind(id).execute(&mut *tx).await?;
        if !removed.earlier_scores.is_empty() {
            sqlx::query(statements::KEPT_CHANGED).bind(workshop.0).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        let undo_until = stamp(at + time::Duration::minutes(kvadrant::limits::UNDO_MINUTES));
        Ok(RemovalRecord { id: removal, list, removed, undo_until })
    }

    async fn restore(&self, workshop: WorkshopId, removal: i64) -> StoreResult<(List, i64)> {
        let mut tx = self.write(workshop).await?;
        sqlx::query(statements::FORGET_EXPIRED_REMOVALS).bind(undo_since()).execute(&mut *tx).await?;
        let row: Option<(String, String)> = sqlx::query_as(statements::REMOVAL)
            .bind(removal)
            .bind(workshop.0)
            .bind(undo_since())
            .fetch_optional(&mut *tx)
            .await?;
        let (list, removed) = row.ok_or(StoreError::NotFound)?;
        let list = List::from_table(&list).ok_or(StoreError::Corrupt("removals.list"))?;
        let removed: Removed = serde_json::from_str(&removed).map_err(|_| StoreError::Corrupt("removals.removed"))?;
        let id = Self::put_back(&mut tx, workshop, list, &removed).await?;
        Self::put_back_what_went(&mut tx, workshop, list, &removed, id).await?;
        if !removed.earlier_scores.is_empty() {
            sqlx::query(statements::KEPT_CHANGED).bind(workshop.0).execute(&mut *tx).await?;
        }
        let entry = match list {
            List::Areas => Entry::new(list.restored_action()).area(AreaId(id)),
            List::Categories | List::Groups => Entry::new(list.restored_action()).subject(&removed.name),
        };
        Self::record(&mut tx, workshop, Actor::Facilitator, &[entry]).await?;
        sqlx::query(statements::DELETE_REMOVAL).bind(removal).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok((list, id))
    }

    async fn forget_expired_removals(&self) -> StoreResult<u64> {
        let forgotten = sqlx::query(statements::FORGET_EXPIRED_REMOVALS).bind(undo_since()).execute(&self.pool).await?;
        Ok(DB::rows_affected(&forgotten))
    }

    async fn reorder(&self, workshop: WorkshopId, list: List, ids: &[i64]) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        let current = statements::order(list);
        let current: Vec<i64> = sqlx::query_scalar(&current).bind(workshop.0).fetch_all(&mut *tx).await?;
        if current != ids {
            let entry = Entry::new("order_changed").field(list.table());
            Self::record(&mut tx, workshop, Actor::Facilitator, &[entry]).await?;
        }
        let sql = statements::reorder(list);
        for (position, id) in (1_i64..).zip(ids) {
            let updated = sqlx::query(&sql).bind(position).bind(*id).bind(workshop.0).execute(&mut *tx).await?;
            found::<DB>(&updated)?;
        }
        Ok(tx.commit().await?)
    }

    async fn set_results_hidden(&self, workshop: WorkshopId, hidden: bool) -> StoreResult<()> {
        let action = if hidden { "results_hidden" } else { "results_revealed" };
        self.set_switch(workshop, Switch::ResultsHidden, hidden, action).await
    }

    async fn put_scores(&self, batch: &[ScoreSubmission]) -> StoreResult<Vec<StoreResult<i64>>> {
        let updated_at = now();
        let mut tx = self.pool.begin().await?;
        let failure = match Self::write_batch(&mut tx, batch, &updated_at).await {
            Ok(outcomes) => return tx.commit().await.map(|()| outcomes).map_err(StoreError::from),
            Err(failure) => failure,
        };
        tx.rollback().await?;
        // A statement failed for the whole batch (an area removed since the request was
        // checked, say): each submission again, each in a savepoint, so that only the one at
        // fault fails.
        tracing::debug!(%failure, submissions = batch.len(), "writing scores one submission at a time");
        let mut tx = self.pool.begin().await?;
        let mut outcomes = Vec::with_capacity(batch.len());
        for submission in batch {
            let mut savepoint = tx.begin().await?;
            match Self::write_batch(&mut savepoint, std::slice::from_ref(submission), &updated_at).await {
                Ok(mut outcome) => {
                    savepoint.commit().await?;
                    outcomes.push(outcome.pop().unwrap_or(Err(StoreError::WriteFailed)));
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

    async fn group_access(&self, workshop: WorkshopId, group: GroupId) -> StoreResult<Option<GroupAccess>> {
        let key: Option<String> =
            sqlx::query_scalar(statements::GROUP_KEY).bind(group.0).bind(workshop.0).fetch_optional(&self.pool).await?;
        let Some(key) = key else {
            return Ok(None);
        };
        let areas: Vec<i64> = sqlx::query_scalar(statements::AREA_IDS).bind(workshop.0).fetch_all(&self.pool).await?;
        Ok(Some(GroupAccess { key, areas: areas.into_iter().map(AreaId).collect() }))
    }

    async fn group_links(&self, workshop: WorkshopId) -> StoreResult<Vec<(GroupId, String)>> {
        Self::group_links_in(&mut *self.pool.acquire().await?, workshop).await
    }

    async fn claim_group(&self, workshop: WorkshopId, group: GroupId) -> StoreResult<String> {
        let mut tx = self.write(workshop).await?;
        let key: Option<String> =
            sqlx::query_scalar(statements::CLAIM_GROUP).bind(group.0).bind(workshop.0).fetch_optional(&mut *tx).await?;
        let Some(key) = key else {
            let exists: Option<i64> = sqlx::query_scalar(statements::GROUP_EXISTS)
                .bind(group.0)
                .bind(workshop.0)
                .fetch_optional(&mut *tx)
                .await?;
            return Err(if exists.is_some() { StoreError::Conflict } else { StoreError::NotFound });
        };
        Self::record(&mut tx, workshop, Actor::Group(group), &[Entry::new("group_joined")]).await?;
        tx.commit().await?;
        Ok(key)
    }

    async fn renew_group_link(&self, workshop: WorkshopId, group: GroupId, release: bool) -> StoreResult<String> {
        let mut tx = self.write(workshop).await?;
        let key = crate::secret::group_key();
        let name: Option<String> = sqlx::query_scalar(statements::RENEW_GROUP_LINK)
            .bind(key.as_str())
            .bind(release)
            .bind(group.0)
            .bind(workshop.0)
            .fetch_optional(&mut *tx)
            .await?;
        let name = name.ok_or(StoreError::NotFound)?;
        let action = if release { "group_released" } else { "group_link_renewed" };
        Self::record(&mut tx, workshop, Actor::Facilitator, &[Entry::new(action).subject(&name)]).await?;
        tx.commit().await?;
        Ok(key)
    }

    async fn put_comment(
        &self,
        workshop: WorkshopId,
        actor: Actor,
        area: AreaId,
        comment: &Comment,
    ) -> StoreResult<i64> {
        let group = actor.sheet()?;
        let mut tx = self.pool.begin().await?;
        let (version, _, _) = Self::open_for_scoring(&mut tx, workshop).await?;
        let old: Option<(String, String, Option<String>)> =
            sqlx::query_as(statements::COMMENT).bind(group.0).bind(area.0).fetch_optional(&mut *tx).await?;
        let new = (!comment.is_empty()).then(|| {
            let timeframe = comment.timeframe.map(|t| t.as_str().to_owned());
            (comment.rationale.as_str().to_owned(), comment.risks.as_str().to_owned(), timeframe)
        });
        if old != new {
            let action = if new.is_some() { "comment_saved" } else { "comment_removed" };
            Self::record(&mut tx, workshop, actor, &[Entry::new(action).area(area)]).await?;
        }
        if comment.is_empty() {
            sqlx::query(statements::DELETE_COMMENT).bind(group.0).bind(area.0).execute(&mut *tx).await?;
        } else {
            sqlx::query(statements::UPSERT_COMMENT)
                .bind(group.0)
                .bind(area.0)
                .bind(comment.rationale.as_str())
                .bind(comment.risks.as_str())
                .bind(comment.timeframe.map(Timeframe::as_str))
                .bind(now())
                .execute(&mut *tx)
                .await?;
            // Counted inside the write, which holds the workshop's row: two writers cannot
            // both pass the limit.
            let (count, characters): (i64, i64) =
                sqlx::query_as(statements::COMMENT_TOTALS).bind(workshop.0).fetch_one(&mut *tx).await?;
            within_comment_limits(count, characters)?;
        }
        tx.commit().await?;
        Ok(version)
    }

    async fn comments(&self, workshop: WorkshopId) -> StoreResult<Vec<CommentRecord>> {
        Self::comments_in(&mut *self.pool.acquire().await?, workshop).await
    }

    async fn insert_suggestion(
        &self,
        workshop: WorkshopId,
        actor: Actor,
        name: &Name,
        description: &Description,
    ) -> StoreResult<SuggestionId> {
        let mut tx = self.pool.begin().await?;
        Self::open_for_scoring(&mut tx, workshop).await?;
        Self::make_room(&mut tx, Counted::SUGGESTIONS, workshop, 1).await?;
        let id = sqlx::query_scalar(statements::INSERT_SUGGESTION)
            .bind(workshop.0)
            .bind(actor.group().map(|g| g.0))
            .bind(name.as_str())
            .bind(description.as_str())
            .bind(now())
            .fetch_one(&mut *tx)
            .await?;
        Self::record(&mut tx, workshop, actor, &[Entry::new("suggestion_made").subject(name.as_str())]).await?;
        tx.commit().await?;
        Ok(SuggestionId(id))
    }

    async fn suggestions(&self, workshop: WorkshopId) -> StoreResult<Vec<SuggestionRecord>> {
        Self::suggestions_in(&mut *self.pool.acquire().await?, workshop).await
    }

    async fn accept_suggestion(
        &self,
        workshop: WorkshopId,
        id: SuggestionId,
        category: Option<CategoryId>,
    ) -> StoreResult<AreaId> {
        let mut tx = self.write(workshop).await?;
        let (name, description) = Self::open_suggestion(&mut tx, workshop, id).await?;
        Self::make_room(&mut tx, Counted::AREAS, workshop, 1).await?;
        let position = Self::next_position(&mut tx, List::Areas, workshop).await?;
        let area = AreaId(
            Self::insert_area_row(&mut tx, workshop, category.map(|c| c.0), &name, &description, position).await?,
        );
        Self::set_suggestion(&mut tx, id, SuggestionState::Accepted, Some(area)).await?;
        let entry = Entry::new("suggestion_accepted").area(area).subject(&name);
        Self::record(&mut tx, workshop, Actor::Facilitator, &[entry]).await?;
        tx.commit().await?;
        Ok(area)
    }

    async fn keep_suggestion(&self, workshop: WorkshopId, id: SuggestionId) -> StoreResult<()> {
        let mut tx = self.write(workshop).await?;
        let (name, _) = Self::open_suggestion(&mut tx, workshop, id).await?;
        Self::set_suggestion(&mut tx, id, SuggestionState::Kept, None).await?;
        Self::record(&mut tx, workshop, Actor::Facilitator, &[Entry::new("suggestion_kept").subject(&name)]).await?;
        Ok(tx.commit().await?)
    }

    async fn group_scores(&self, workshop: WorkshopId, group: GroupId) -> StoreResult<Vec<StoredScore>> {
        let rows =
            sqlx::query_as(statements::GROUP_SCORES).bind(workshop.0).bind(group.0).fetch_all(&self.pool).await?;
        rows::scores(rows)
    }

    async fn cells(&self, workshop: WorkshopId, scale: Scale) -> StoreResult<Vec<Cell>> {
        let rows = sqlx::query_as(statements::SCORES).bind(workshop.0).fetch_all(&self.pool).await?;
        Ok(cells(&rows::scores(rows)?, scale))
    }

    async fn finished_rounds(&self, record: &WorkshopRecord) -> StoreResult<Arc<[FinishedRound]>> {
        if let Some(finished) = self.kept.get(record) {
            return Ok(finished);
        }
        // Read with the version they are kept as: a newer one may have changed them meanwhile.
        let mut tx = self.read().await?;
        let row: Option<rows::WorkshopRow> =
            sqlx::query_as(statements::WORKSHOP_BY_ID).bind(record.id.0).fetch_optional(&mut *tx).await?;
        let now = row.map(rows::workshop).transpose()?.ok_or(StoreError::NotFound)?;
        let finished = self.finished_in(&mut tx, &now).await?;
        tx.commit().await?;
        Ok(finished)
    }

    async fn group_earlier_scores(&self, group: GroupId, round: u32) -> StoreResult<Vec<StoredScore>> {
        let round = i16::try_from(round).map_err(|_| StoreError::NotFound)?;
        let rows =
            sqlx::query_as(statements::GROUP_EARLIER_SCORES).bind(group.0).bind(round).fetch_all(&self.pool).await?;
        rows::scores(rows)
    }

    async fn changes(
        &self,
        workshop: WorkshopId,
        area: Option<AreaId>,
        limit: Option<u32>,
    ) -> StoreResult<Vec<ChangeRecord>> {
        let rows: Vec<rows::ChangeRow> = sqlx::query_as(statements::CHANGES)
            .bind(workshop.0)
            .bind(area.map(|a| a.0))
            .bind(limit.map_or(i64::MAX, i64::from))
            .fetch_all(&self.pool)
            .await?;
        rows.into_iter().rev().map(rows::change).collect()
    }

    async fn snapshot(&self, workshop: WorkshopId) -> StoreResult<Option<Snapshot>> {
        // One read transaction: the version and everything read with it show the same moment,
        // so that what a live view shows at a version is exactly that version.
        let mut tx = self.read().await?;
        let row: Option<rows::WorkshopRow> =
            sqlx::query_as(statements::WORKSHOP_BY_ID).bind(workshop.0).fetch_optional(&mut *tx).await?;
        let Some(record) = row.map(rows::workshop).transpose()? else {
            return Ok(None);
        };
        let content = Self::content_in(&mut tx, workshop).await?;
        let scores = rows::scores(sqlx::query_as(statements::SCORES).bind(workshop.0).fetch_all(&mut *tx).await?)?;
        let finished = self.finished_in(&mut tx, &record).await?;
        let activity: Vec<(i64, String)> =
            sqlx::query_as(statements::ACTIVITY).bind(workshop.0).fetch_all(&mut *tx).await?;
        let activity = activity.into_iter().map(|(group, at)| (GroupId(group), at)).collect();
        let comments = Self::comments_in(&mut tx, workshop).await?;
        let suggestions = Self::suggestions_in(&mut tx, workshop).await?;
        let group_links = Self::group_links_in(&mut tx, workshop).await?;
        tx.commit().await?;
        Ok(Some(Snapshot { record, content, scores, finished, activity, comments, suggestions, group_links }))
    }

    async fn announce(&self, workshops: &[WorkshopId]) -> StoreResult<()> {
        DB::announce(self, workshops).await
    }

    async fn listen(&self) -> StoreResult<Option<mpsc::Receiver<Change>>> {
        DB::listen(self).await
    }
}

fn found<DB: Dialect>(result: &DB::QueryResult) -> StoreResult<()> {
    if DB::rows_affected(result) == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

/// Removals made before this moment can no longer be undone.
fn undo_since() -> String {
    stamp(time::OffsetDateTime::now_utc() - time::Duration::minutes(kvadrant::limits::UNDO_MINUTES))
}

/// Refuses what would take a workshop past a list's limit; the error names the list.
fn within_list_limit(list: Counted, count: i64) -> StoreResult<()> {
    if count > list.limit as i64 {
        let rule = kvadrant::Rule::OutOfRange { min: 0, max: list.limit as i64 };
        return Err(StoreError::Refused(kvadrant::Error::invalid(list.field, rule)));
    }
    Ok(())
}

/// Refuses a comment that takes its workshop past [`Comment::MAX_PER_WORKSHOP`] comments or
/// [`Comment::MAX_CHARS_PER_WORKSHOP`] characters.
fn within_comment_limits(count: i64, characters: i64) -> StoreResult<()> {
    let refuse = |rule| Err(StoreError::Refused(kvadrant::Error::invalid(kvadrant::Field::Comments, rule)));
    if count > Comment::MAX_PER_WORKSHOP as i64 {
        return refuse(kvadrant::Rule::OutOfRange { min: 0, max: Comment::MAX_PER_WORKSHOP as i64 });
    }
    if characters > Comment::MAX_CHARS_PER_WORKSHOP as i64 {
        return refuse(kvadrant::Rule::TooLong { max: Comment::MAX_CHARS_PER_WORKSHOP });
    }
    Ok(())
}
