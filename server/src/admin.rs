//! The instance administrator's commands (`kvadrant-server admin …`): every workshop on the
//! instance, and deleting one, on the database directly. Whoever runs them can read the
//! database already; over the API the same takes the admin token (`--admin-token`).

use kvadrant::JoinCode;
use kvadrant_api::model::WorkshopSummary;

use crate::store::{self, OpenError, StoreError};
use crate::views;

#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("{0}")]
    Open(#[from] OpenError),
    #[error("database: {0}")]
    Store(#[from] StoreError),
    /// The join code does not read as one; worded by the domain.
    #[error("{0}")]
    Code(#[from] kvadrant::Error),
    #[error("no workshop has the join code {0}")]
    NoSuchWorkshop(String),
}

/// Every workshop in the database at `database_url`, oldest first.
pub async fn list(database_url: &str) -> Result<Vec<WorkshopSummary>, AdminError> {
    let store = store::open(database_url).await?;
    Ok(store.summaries().await?.into_iter().map(views::summary).collect())
}

/// Deletes the workshop with join code `code` and everything in it: its title. Instances
/// sharing PostgreSQL are told, and end its screens and sheets; a server on the same SQLite
/// file ends them at the workshop's next change.
pub async fn delete(database_url: &str, code: &str) -> Result<String, AdminError> {
    let store = store::open(database_url).await?;
    let join_code = JoinCode::parse(code)?;
    let record = store.find_workshop(&join_code).await?.ok_or_else(|| AdminError::NoSuchWorkshop(code.to_owned()))?;
    store.delete_workshop(record.id).await?;
    store.announce(&[record.id]).await?;
    Ok(record.title.as_str().to_owned())
}

/// The list as lines of text: a header, then one workshop per line.
pub fn table(workshops: &[WorkshopSummary]) -> String {
    let mut lines = vec![format!(
        "{:<6}  {:<24}  {:<24}  {:>5}  {:>6}  {:>6}  {:>8}  title",
        "code", "created", "last change", "areas", "groups", "scores", "comments"
    )];
    for w in workshops {
        lines.push(format!(
            "{:<6}  {:<24}  {:<24}  {:>5}  {:>6}  {:>6}  {:>8}  {}",
            w.code, w.created_at, w.last_change, w.areas, w.groups, w.scores, w.comments, w.title
        ));
    }
    lines.join("\n")
}
