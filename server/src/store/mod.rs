//! Where workshops are kept. [`Store`] is the whole contract and returns the store's own
//! records (`records.rs`); each database has its own connection setup and migrations, both
//! share one implementation (`sql/`), and nothing outside this module names a database.

mod batch;
mod postgres;
mod records;
mod sheet_writes;
mod sql;
mod sqlite;

use std::sync::Arc;

use async_trait::async_trait;
use kvadrant::{
    Aggregate, AreaId, Axis, AxisLabel, CategoryId, Cell, CertaintySettings, Comment, Description, GroupId, JoinCode,
    Lang, Midline, Midlines, Name, Scale, Score, SuggestionId, Tag, Title, WorkshopId, rounds::FinishedRound,
};

pub use batch::ScoreWriter;
pub use postgres::PostgresStore;
pub use records::{
    ActorKind, AreaRecord, CategoryRecord, ChangeRecord, CommentRecord, GroupRecord, List, RemovalRecord, Removed,
    SuggestionRecord, SuggestionState, WorkshopSummaryRecord,
};
pub use sqlite::SqliteStore;

/// The databases the store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Why a database could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// Only the scheme is named: the rest of a URL may hold a password.
    #[error("unsupported database URL ({scheme}:…): use sqlite://path/to/file.db or postgres://host/database")]
    Unsupported { scheme: String },
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

/// Opens the database at `url`, SQLite or PostgreSQL by its scheme, and migrates it.
pub async fn open(url: &str) -> Result<Arc<dyn Store>, OpenError> {
    Ok(match Engine::of(url) {
        Some(Engine::Sqlite) => Arc::new(SqliteStore::connect(url).await?),
        Some(Engine::Postgres) => Arc::new(PostgresStore::connect(url).await?),
        None => {
            let scheme = url.split_once(':').map_or("", |(scheme, _)| scheme);
            return Err(OpenError::Unsupported { scheme: scheme.chars().take(16).collect() });
        }
    })
}

impl Engine {
    /// The database a URL names, by its scheme.
    pub fn of(url: &str) -> Option<Engine> {
        if url.starts_with("sqlite:") {
            Some(Engine::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Some(Engine::Postgres)
        } else {
            None
        }
    }

    /// Every statement the store runs on this database, each with a name to report it by.
    pub fn statements(self) -> Vec<(String, String)> {
        use sql::Dialect;
        let mut all = sql::statements::common();
        all.extend(match self {
            Engine::Sqlite => sqlx::Sqlite::own_statements(),
            Engine::Postgres => sqlx::Postgres::own_statements(),
        });
        all
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique key or a reference did not hold: the same code twice, or a row that went away meanwhile.
    #[error("conflicting change")]
    Conflict,
    #[error("no such row")]
    NotFound,
    #[error("scoring is closed")]
    ScoringClosed,
    /// The scale cannot change once groups have scored.
    #[error("the scale is locked by scores")]
    ScaleLocked,
    /// A batch of writes failed as a whole; the cause is logged where it happened.
    #[error("the write failed")]
    WriteFailed,
    /// The change would take the workshop past one of its limits.
    #[error("{0}")]
    Refused(kvadrant::Error),
    /// A stored value the domain does not accept: the database was changed by hand.
    #[error("stored value out of range in {0}")]
    Corrupt(&'static str),
    #[error(transparent)]
    Database(sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() || db.is_foreign_key_violation() => {
                StoreError::Conflict
            }
            sqlx::Error::RowNotFound => StoreError::NotFound,
            _ => StoreError::Database(error),
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Now, as stored timestamps are written (UTC, milliseconds, fixed width so that text order is time order).
fn now() -> String {
    stamp(time::OffsetDateTime::now_utc())
}

/// A moment as the store writes it: fixed-width ISO 8601 in UTC, so that text order is time order.
fn stamp(at: time::OffsetDateTime) -> String {
    const FORMAT: &[time::format_description::BorrowedFormatItem<'_>] =
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z");
    at.to_offset(time::UtcOffset::UTC).format(FORMAT).expect("a time formats")
}

/// Finished rounds' scores (round, score) as cells on `scale`, round by round, as [`cells`] reads them.
fn finished(scores: Vec<(u32, StoredScore)>, scale: Scale) -> Arc<[FinishedRound]> {
    let mut rounds: Vec<FinishedRound> = Vec::new();
    for chunk in scores.chunk_by(|a, b| a.0 == b.0) {
        let stored: Vec<StoredScore> = chunk.iter().map(|(_, score)| *score).collect();
        rounds.push(FinishedRound { number: chunk[0].0, cells: cells(&stored, scale) });
    }
    rounds.into()
}

/// The finished rounds' scores of the workshops followed lately, each as of its `kept_version`:
/// they never change otherwise, and a large workshop's would be read again on every version.
pub(crate) struct KeptRounds(quick_cache::sync::Cache<WorkshopId, Kept>);

/// A workshop's finished rounds, and the `kept_version` they are of.
type Kept = (i64, Arc<[FinishedRound]>);

impl Default for KeptRounds {
    fn default() -> Self {
        KeptRounds(quick_cache::sync::Cache::new(256))
    }
}

impl KeptRounds {
    fn get(&self, record: &WorkshopRecord) -> Option<Arc<[FinishedRound]>> {
        if record.round == 1 {
            return Some(Arc::from(Vec::new()));
        }
        let (version, rounds) = self.0.get(&record.id)?;
        (version == record.kept_version).then_some(rounds)
    }

    fn keep(&self, record: &WorkshopRecord, rounds: Arc<[FinishedRound]>) {
        self.0.insert(record.id, (record.kept_version, rounds));
    }

    fn forget(&self, workshop: WorkshopId) {
        self.0.remove(&workshop);
    }
}

/// The scores as cells on `scale`. A stored value outside it (which writes refuse, so only a
/// database changed by hand holds one) is logged and left out, on every path that reads scores.
fn cells(scores: &[StoredScore], scale: Scale) -> Vec<Cell> {
    scores
        .iter()
        .filter_map(|stored| match Score::parse(i64::from(stored.value), scale) {
            Ok(score) => Some(Cell { group: stored.group, area: stored.area, axis: stored.axis, score }),
            Err(_) => {
                tracing::error!(group = %stored.group, area = %stored.area, value = stored.value, "a stored score is outside the scale; leaving it out");
                None
            }
        })
        .collect()
}

#[derive(Debug, Clone)]
pub struct WorkshopRecord {
    pub id: WorkshopId,
    pub code: JoinCode,
    pub title: String,
    pub description: String,
    pub secret_hash: Vec<u8>,
    pub scoring_open: bool,
    pub results_hidden: bool,
    pub demo: bool,
    pub settings: WorkshopSettings,
    /// The hash of the leaders' read-only secret, once there is one.
    pub review_hash: Option<Vec<u8>>,
    /// How many times the leaders' link was renewed: the secret is derived from it.
    pub review_generation: i64,
    /// The round being scored: 1 until the facilitator begins another (see [`kvadrant::rounds`]).
    pub round: u32,
    /// Changes whenever the finished rounds' scores do: a copy of them is as new as this.
    pub kept_version: i64,
    /// Bumped by every change; a view read at version `v` includes every change up to `v`.
    pub version: i64,
}

/// How a workshop is scored and drawn, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkshopSettings {
    pub scale: Scale,
    pub potential_label: AxisLabel,
    pub feasibility_label: AxisLabel,
    /// `None`: at the scale's midpoint, wherever the scale goes.
    pub potential_midline: Option<Midline>,
    pub feasibility_midline: Option<Midline>,
    pub language: Lang,
    pub aggregate: Aggregate,
    pub certainty: CertaintySettings,
}

impl Default for WorkshopSettings {
    fn default() -> Self {
        let empty = AxisLabel::parse("", "").expect("an empty label is valid");
        WorkshopSettings {
            scale: Scale::default(),
            potential_label: empty.clone(),
            feasibility_label: empty,
            potential_midline: None,
            feasibility_midline: None,
            language: Lang::default(),
            aggregate: Aggregate::default(),
            certainty: CertaintySettings::default(),
        }
    }
}

impl WorkshopSettings {
    pub fn midlines(&self) -> Midlines {
        let centre = Midline::centre(self.scale);
        Midlines {
            potential: self.potential_midline.unwrap_or(centre),
            feasibility: self.feasibility_midline.unwrap_or(centre),
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewWorkshop {
    pub code: JoinCode,
    pub title: Title,
    pub description: Description,
    pub secret_hash: Vec<u8>,
    pub review_hash: Vec<u8>,
    pub demo: bool,
    /// Whether groups may score at once.
    pub scoring_open: bool,
    pub settings: WorkshopSettings,
    pub lists: NewLists,
}

/// What a new workshop starts with, all checked: categories, areas (with the index of
/// their category) and groups with their tags.
#[derive(Debug, Clone, Default)]
pub struct NewLists {
    pub categories: Vec<(Name, Description)>,
    pub areas: Vec<(Name, Description, Option<usize>)>,
    pub groups: Vec<(Name, Vec<Tag>)>,
}

/// A workshop's lists, each in the facilitator's order.
#[derive(Debug, Clone, Default)]
pub struct Content {
    pub categories: Vec<CategoryRecord>,
    pub areas: Vec<AreaRecord>,
    pub groups: Vec<GroupRecord>,
}

/// Who makes a change, as the service tells from the secret that matched. The leaders' secret
/// changes nothing, so it has no actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Facilitator,
    Group(GroupId),
    /// The facilitator, on a group's sheet with the facilitator's secret.
    FacilitatorFor(GroupId),
}

impl Actor {
    /// The group whose sheet is written, if any.
    pub fn group(self) -> Option<GroupId> {
        match self {
            Actor::Facilitator => None,
            Actor::Group(group) | Actor::FacilitatorFor(group) => Some(group),
        }
    }

    fn kind(self) -> ActorKind {
        match self {
            Actor::Facilitator => ActorKind::Facilitator,
            Actor::Group(_) => ActorKind::Group,
            Actor::FacilitatorFor(_) => ActorKind::FacilitatorForGroup,
        }
    }

    /// The group whose sheet a change is written on: a change on no group's sheet is refused.
    fn sheet(self) -> StoreResult<GroupId> {
        self.group().ok_or(StoreError::NotFound)
    }
}

/// One line of the change log to write, in the transaction of its change.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    action: &'static str,
    area: Option<AreaId>,
    /// The category or group the change is about, by its name.
    subject: Option<String>,
    field: Option<String>,
    old: Option<String>,
    new: Option<String>,
}

impl Entry {
    fn new(action: &'static str) -> Entry {
        Entry { action, ..Entry::default() }
    }

    fn area(self, area: AreaId) -> Entry {
        Entry { area: Some(area), ..self }
    }

    fn subject(self, subject: &str) -> Entry {
        Entry { subject: Some(subject.to_owned()), ..self }
    }

    fn field(self, field: &str) -> Entry {
        Entry { field: Some(field.to_owned()), ..self }
    }

    fn old(self, old: impl Into<String>) -> Entry {
        Entry { old: Some(old.into()), ..self }
    }

    fn new_value(self, new: impl Into<String>) -> Entry {
        Entry { new: Some(new.into()), ..self }
    }

    /// `field` going from `old` to `new`, or nothing if it stays.
    fn edit(action: &'static str, field: &str, old: &str, new: &str) -> Option<Entry> {
        (old != new).then(|| Entry::new(action).field(field).old(old).new_value(new))
    }
}

/// The log's lines for a change of settings: one per setting that changed.
fn settings_changes(old: &WorkshopSettings, new: &WorkshopSettings) -> Vec<Entry> {
    let scale = |s: &WorkshopSettings| format!("{}–{}", s.scale.min(), s.scale.max());
    let places =
        |s: &WorkshopSettings| s.certainty.top_places.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
    let (old_lines, new_lines) = (old.midlines(), new.midlines());
    [
        ("scale", scale(old), scale(new)),
        ("potential_label", old.potential_label.as_str().to_owned(), new.potential_label.as_str().to_owned()),
        ("feasibility_label", old.feasibility_label.as_str().to_owned(), new.feasibility_label.as_str().to_owned()),
        ("potential_midline", old_lines.potential.value().to_string(), new_lines.potential.value().to_string()),
        ("feasibility_midline", old_lines.feasibility.value().to_string(), new_lines.feasibility.value().to_string()),
        ("language", old.language.code().to_owned(), new.language.code().to_owned()),
        ("aggregate", old.aggregate.as_str().to_owned(), new.aggregate.as_str().to_owned()),
        ("dissent_percent", old.certainty.dissent_percent.to_string(), new.certainty.dissent_percent.to_string()),
        ("top_places", places(old), places(new)),
        (
            "min_segment_groups",
            old.certainty.min_segment_groups.to_string(),
            new.certainty.min_segment_groups.to_string(),
        ),
    ]
    .into_iter()
    .filter_map(|(field, old, new)| Entry::edit("settings_changed", field, &old, &new))
    .collect()
}

/// One cell to write; `None` clears it.
#[derive(Debug, Clone, Copy)]
pub struct ScoreWrite {
    pub area: AreaId,
    pub axis: Axis,
    pub score: Option<Score>,
}

/// One group's cells to write together: all of them, or none.
#[derive(Debug, Clone)]
pub struct ScoreSubmission {
    pub workshop: WorkshopId,
    /// A group, or the facilitator on its behalf: the group's sheet is written.
    pub actor: Actor,
    pub writes: Vec<ScoreWrite>,
}

/// One stored score, as the live views need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredScore {
    pub group: GroupId,
    pub area: AreaId,
    pub axis: Axis,
    pub value: u8,
}

/// Everything about a workshop at one version: what the live hub turns into every role's view.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub record: WorkshopRecord,
    pub content: Content,
    pub scores: Vec<StoredScore>,
    /// The scores of each finished round, as they were kept.
    pub finished: Arc<[FinishedRound]>,
    /// When each group last changed a score (ISO 8601, UTC); groups that never scored are absent.
    pub activity: Vec<(GroupId, String)>,
    pub comments: Vec<CommentRecord>,
    pub suggestions: Vec<SuggestionRecord>,
    /// Each group's link key: a live sheet ends when its key is renewed.
    pub group_links: Vec<(GroupId, String)>,
}

impl Snapshot {
    pub fn cells(&self) -> Vec<Cell> {
        cells(&self.scores, self.record.settings.scale)
    }
}

/// A group's link key and the workshop's area ids: what a group's request is checked against.
#[derive(Debug, Clone)]
pub struct GroupAccess {
    pub key: String,
    pub areas: Vec<AreaId>,
}

/// A store's connections to its database at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Connections {
    /// Taken by a query or a transaction.
    pub in_use: u32,
    /// Open and waiting in the pool.
    pub idle: u32,
    /// The most the pool opens.
    pub max: u32,
}

/// A change another instance made, heard through the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Workshop(WorkshopId),
    /// Notices may have been missed (the listening connection was lost): every view should reload.
    Unknown,
}

/// Every change bumps the workshop's version and writes its lines of the change log in the
/// same transaction; a write that changes nothing logs nothing. Changes that only the
/// facilitator may make are logged as the facilitator's; the others take their [`Actor`].
#[async_trait]
pub trait Store: Send + Sync + 'static {
    async fn create_workshop(&self, new: &NewWorkshop) -> StoreResult<WorkshopId>;
    async fn find_workshop(&self, code: &JoinCode) -> StoreResult<Option<WorkshopRecord>>;
    async fn count_workshops(&self) -> StoreResult<i64>;
    /// Deletes a workshop and everything in it: scores, comments, suggestions, the change log.
    async fn delete_workshop(&self, workshop: WorkshopId) -> StoreResult<()>;
    /// When the workshop last changed, as the store writes moments (see [`stamp`]).
    async fn last_change(&self, workshop: WorkshopId) -> StoreResult<String>;
    /// Every workshop, oldest first, as the instance's administrator lists them.
    async fn summaries(&self) -> StoreResult<Vec<WorkshopSummaryRecord>>;
    /// The workshops that have not changed for `age`.
    async fn unchanged_for(&self, age: time::Duration) -> StoreResult<Vec<WorkshopId>>;
    /// Whether the database answers: one round trip that reads nothing.
    async fn ping(&self) -> StoreResult<()>;
    /// The connection pool as it is now, for the metrics.
    fn connections(&self) -> Connections;
    async fn demo_code(&self) -> StoreResult<Option<JoinCode>>;
    async fn content(&self, workshop: WorkshopId) -> StoreResult<Content>;
    async fn update_workshop(&self, workshop: WorkshopId, title: &Title, description: &Description) -> StoreResult<()>;
    /// Fails with [`StoreError::ScaleLocked`] if the scale changes after groups have scored.
    async fn update_settings(&self, workshop: WorkshopId, settings: &WorkshopSettings) -> StoreResult<()>;
    async fn set_review(&self, workshop: WorkshopId, hash: &[u8], generation: i64) -> StoreResult<()>;
    /// Gives the workshop another join code; [`StoreError::Conflict`] if another workshop has it.
    async fn set_code(&self, workshop: WorkshopId, code: &JoinCode) -> StoreResult<()>;
    /// Replaces the facilitator's secret, and with it the leaders', which derives from it.
    async fn set_secret(&self, workshop: WorkshopId, secret_hash: &[u8], review_hash: &[u8]) -> StoreResult<()>;
    async fn set_scoring_open(&self, workshop: WorkshopId, open: bool) -> StoreResult<()>;
    /// Keeps the current round's scores for good as round `next - 1`'s, empties every sheet and
    /// opens round `next` for scoring; refused if no group has scored, a conflict if another round
    /// began meanwhile.
    async fn start_round(&self, workshop: WorkshopId, next: u32) -> StoreResult<()>;
    async fn insert_category(
        &self,
        workshop: WorkshopId,
        name: &Name,
        description: &Description,
    ) -> StoreResult<CategoryId>;
    async fn update_category(
        &self,
        workshop: WorkshopId,
        id: CategoryId,
        name: &Name,
        description: &Description,
    ) -> StoreResult<()>;
    async fn insert_area(
        &self,
        workshop: WorkshopId,
        category: Option<CategoryId>,
        name: &Name,
        description: &Description,
    ) -> StoreResult<AreaId>;
    async fn update_area(
        &self,
        workshop: WorkshopId,
        id: AreaId,
        category: Option<CategoryId>,
        name: &Name,
        description: &Description,
    ) -> StoreResult<()>;
    async fn insert_groups(&self, workshop: WorkshopId, names: &[Name]) -> StoreResult<Vec<GroupId>>;
    /// Renames a group and, given `tags`, replaces its tags.
    async fn update_group(
        &self,
        workshop: WorkshopId,
        id: GroupId,
        name: &Name,
        tags: Option<&[Tag]>,
    ) -> StoreResult<()>;
    /// Removes a category, area or group with everything that goes with it, and keeps a copy
    /// to undo the removal with for [`kvadrant::limits::UNDO_MINUTES`]; the workshop's earlier
    /// removals can no longer be undone.
    async fn remove(&self, workshop: WorkshopId, list: List, id: i64) -> StoreResult<RemovalRecord>;
    /// Puts back what a removal took away, as it was, where it was; [`StoreError::NotFound`]
    /// once the time to undo has passed or after a later removal, a refusal naming `name` if
    /// another item took its name, [`StoreError::ScaleLocked`] if its scores were on another scale.
    async fn restore(&self, workshop: WorkshopId, removal: i64) -> StoreResult<(List, i64)>;
    /// Forgets, in every workshop, removals that can no longer be undone; answers how many.
    async fn forget_expired_removals(&self) -> StoreResult<u64>;
    /// `ids` is the whole list in its new order.
    async fn reorder(&self, workshop: WorkshopId, list: List, ids: &[i64]) -> StoreResult<()>;
    async fn set_results_hidden(&self, workshop: WorkshopId, hidden: bool) -> StoreResult<()>;
    /// Writes several submissions in one transaction (one flush to disk for all). Each one
    /// succeeds with the version it made, or fails alone, e.g. with
    /// [`StoreError::ScoringClosed`] if scoring closed meanwhile.
    async fn put_scores(&self, batch: &[ScoreSubmission]) -> StoreResult<Vec<StoreResult<i64>>>;
    /// What a group's request is checked against, if `group` is one of the workshop's groups.
    async fn group_access(&self, workshop: WorkshopId, group: GroupId) -> StoreResult<Option<GroupAccess>>;
    /// Every group's link key, in the groups' order: for the facilitator.
    async fn group_links(&self, workshop: WorkshopId) -> StoreResult<Vec<(GroupId, String)>>;
    /// Marks a group joined and returns its link key; [`StoreError::Conflict`] if it was joined already.
    async fn claim_group(&self, workshop: WorkshopId, group: GroupId) -> StoreResult<String>;
    /// Gives a group a new link key (the old one stops working) and returns it; `release` also
    /// offers the group on the join page again.
    async fn renew_group_link(&self, workshop: WorkshopId, group: GroupId, release: bool) -> StoreResult<String>;
    /// Sets a group's comment on an area (an empty one removes it), while scoring is open and
    /// within the workshop's limits on comments.
    async fn put_comment(
        &self,
        workshop: WorkshopId,
        actor: Actor,
        area: AreaId,
        comment: &Comment,
    ) -> StoreResult<i64>;
    async fn comments(&self, workshop: WorkshopId) -> StoreResult<Vec<CommentRecord>>;
    /// Records a participant's proposal, while scoring is open.
    async fn insert_suggestion(
        &self,
        workshop: WorkshopId,
        actor: Actor,
        name: &Name,
        description: &Description,
    ) -> StoreResult<SuggestionId>;
    async fn suggestions(&self, workshop: WorkshopId) -> StoreResult<Vec<SuggestionRecord>>;
    /// Makes a suggestion an area at the end of the list, in one transaction.
    async fn accept_suggestion(
        &self,
        workshop: WorkshopId,
        id: SuggestionId,
        category: Option<CategoryId>,
    ) -> StoreResult<AreaId>;
    /// Records a suggestion as raised but not scored; one already on the list is a conflict.
    async fn keep_suggestion(&self, workshop: WorkshopId, id: SuggestionId) -> StoreResult<()>;
    async fn group_scores(&self, workshop: WorkshopId, group: GroupId) -> StoreResult<Vec<StoredScore>>;
    async fn cells(&self, workshop: WorkshopId, scale: Scale) -> StoreResult<Vec<Cell>>;
    /// Every finished round's scores, round by round, as `record`'s version has them.
    async fn finished_rounds(&self, record: &WorkshopRecord) -> StoreResult<Arc<[FinishedRound]>>;
    /// One group's scores in one finished round.
    async fn group_earlier_scores(&self, group: GroupId, round: u32) -> StoreResult<Vec<StoredScore>>;
    /// The last `limit` changes (all without one), of one area if given, oldest first.
    async fn changes(
        &self,
        workshop: WorkshopId,
        area: Option<AreaId>,
        limit: Option<u32>,
    ) -> StoreResult<Vec<ChangeRecord>>;
    async fn snapshot(&self, workshop: WorkshopId) -> StoreResult<Option<Snapshot>>;
    /// Tells other instances sharing the database that these workshops changed.
    async fn announce(&self, workshops: &[WorkshopId]) -> StoreResult<()>;
    /// Changes announced by other instances; `None` where the database is not shared.
    async fn listen(&self) -> StoreResult<Option<tokio::sync::mpsc::Receiver<Change>>>;
}
