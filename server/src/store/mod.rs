//! Where workshops are kept. [`Store`] is the whole contract; each database has its own
//! implementation and migrations, and nothing outside this module names one.

mod sqlite;

use async_trait::async_trait;
use kvadrant::{AreaId, Axis, CategoryId, Cell, Description, GroupId, JoinCode, Name, Scale, Score, Title, WorkshopId};
use kvadrant_app::model::{Area, Category, Group, ListKind, SheetScore};

pub use sqlite::SqliteStore;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique key or a reference did not hold: the same code twice, or a row that went away meanwhile.
    #[error("conflicting change")]
    Conflict,
    #[error("no such row")]
    NotFound,
    #[error("scoring is closed")]
    ScoringClosed,
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

#[derive(Debug, Clone)]
pub struct WorkshopRecord {
    pub id: WorkshopId,
    pub code: JoinCode,
    pub title: String,
    pub description: String,
    pub secret_hash: Vec<u8>,
    pub scoring_open: bool,
    pub demo: bool,
    pub scale: Scale,
}

#[derive(Debug, Clone)]
pub struct NewWorkshop {
    pub code: JoinCode,
    pub title: Title,
    pub description: Description,
    pub secret_hash: Vec<u8>,
    pub demo: bool,
    pub scale: Scale,
}

/// A workshop's lists, each in the facilitator's order.
#[derive(Debug, Clone, Default)]
pub struct Content {
    pub categories: Vec<Category>,
    pub areas: Vec<Area>,
    pub groups: Vec<Group>,
}

/// One cell to write; `None` clears it.
#[derive(Debug, Clone, Copy)]
pub struct ScoreWrite {
    pub area: AreaId,
    pub axis: Axis,
    pub score: Option<Score>,
}

/// Every change bumps the workshop's version in the same transaction.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    async fn create_workshop(&self, new: &NewWorkshop) -> StoreResult<WorkshopId>;
    async fn find_workshop(&self, code: &JoinCode) -> StoreResult<Option<WorkshopRecord>>;
    async fn count_workshops(&self) -> StoreResult<i64>;
    async fn demo_code(&self) -> StoreResult<Option<JoinCode>>;
    async fn content(&self, workshop: WorkshopId) -> StoreResult<Content>;
    async fn update_workshop(&self, workshop: WorkshopId, title: &Title, description: &Description) -> StoreResult<()>;
    async fn set_scoring_open(&self, workshop: WorkshopId, open: bool) -> StoreResult<()>;
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
    async fn delete_category(&self, workshop: WorkshopId, id: CategoryId) -> StoreResult<()>;
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
    async fn delete_area(&self, workshop: WorkshopId, id: AreaId) -> StoreResult<()>;
    async fn insert_groups(&self, workshop: WorkshopId, names: &[Name]) -> StoreResult<Vec<GroupId>>;
    async fn rename_group(&self, workshop: WorkshopId, id: GroupId, name: &Name) -> StoreResult<()>;
    async fn delete_group(&self, workshop: WorkshopId, id: GroupId) -> StoreResult<()>;
    /// `ids` is the whole list in its new order.
    async fn reorder(&self, workshop: WorkshopId, list: ListKind, ids: &[i64]) -> StoreResult<()>;
    /// Writes all cells or none; fails with [`StoreError::ScoringClosed`] if scoring closed meanwhile.
    async fn put_scores(&self, workshop: WorkshopId, group: GroupId, writes: &[ScoreWrite]) -> StoreResult<()>;
    async fn group_scores(&self, workshop: WorkshopId, group: GroupId) -> StoreResult<Vec<SheetScore>>;
    async fn cells(&self, workshop: WorkshopId, scale: Scale) -> StoreResult<Vec<Cell>>;
}
