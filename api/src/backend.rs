//! The operations the pages need from the server. The server crate implements [`Backend`]
//! and hands it to every request as context; the UI never sees how it is stored.

use std::sync::Arc;

use async_trait::async_trait;
use kvadrant::{AreaId, CategoryId, Error, GroupId, SuggestionId};

use crate::model::{
    AcceptInput, Area, Category, ChangeEntry, CommentInput, CreatedWorkshop, Group, GroupCard, GroupInput, GroupLink,
    GroupScores, GroupsInput, Invite, ItemInput, ListKind, ManageLink, QrLink, Removal, Results, ResultsChoice,
    ReviewLink, Saved, ScoreInput, SettingsInput, Setup, Sheet, Suggestion, SuggestionInput, Usage, Workshop,
    WorkshopInput,
};

/// What proves the right to change a workshop: its join code and the facilitator's secret.
#[derive(Debug, Clone)]
pub struct Key {
    pub code: String,
    pub secret: String,
}

/// What proves the right to a group's sheet: the group's link key, or the facilitator's secret
/// to act on the group's behalf.
#[derive(Debug, Clone)]
pub struct GroupKey {
    pub code: String,
    pub group: GroupId,
    pub secret: String,
}

#[async_trait]
pub trait Backend: Send + Sync + 'static {
    async fn create_workshop(&self, input: WorkshopInput) -> Result<CreatedWorkshop, Error>;
    async fn workshop(&self, code: &str) -> Result<Workshop, Error>;
    /// The workshop, if `key` may change it.
    async fn authorize(&self, key: &Key) -> Result<Workshop, Error>;
    /// The workshop for its facilitator's page: as [`Backend::authorize`], and the day the
    /// server deletes it unless it changes.
    async fn managed(&self, key: &Key) -> Result<Workshop, Error>;
    async fn update_workshop(&self, key: &Key, input: WorkshopInput) -> Result<Workshop, Error>;
    /// Deletes the workshop for good, with every score, comment, suggestion and change logged;
    /// its links stop working and its live screens and sheets end.
    async fn delete_workshop(&self, key: &Key) -> Result<(), Error>;
    async fn set_scoring_open(&self, key: &Key, open: bool) -> Result<Workshop, Error>;
    async fn add_category(&self, key: &Key, input: ItemInput) -> Result<Category, Error>;
    async fn update_category(&self, key: &Key, id: CategoryId, input: ItemInput) -> Result<Category, Error>;
    async fn add_area(&self, key: &Key, input: ItemInput) -> Result<Area, Error>;
    async fn update_area(&self, key: &Key, id: AreaId, input: ItemInput) -> Result<Area, Error>;
    async fn add_groups(&self, key: &Key, input: GroupsInput) -> Result<Vec<Group>, Error>;
    /// Renames a group and, if `tags` are given, replaces its tags.
    async fn update_group(&self, key: &Key, id: GroupId, input: GroupInput) -> Result<Group, Error>;
    /// Removes a category, area or group with what goes with it; undone by [`Backend::restore`].
    async fn remove(&self, key: &Key, list: ListKind, id: i64) -> Result<Removal, Error>;
    /// Undoes a removal while it can be undone, scores and comments included.
    async fn restore(&self, key: &Key, removal: i64) -> Result<(), Error>;
    /// What removing each area or group would take with it.
    async fn usage(&self, key: &Key) -> Result<Usage, Error>;
    /// Puts a whole list in a new order; `ids` must name every item of the list once.
    async fn reorder(&self, key: &Key, list: ListKind, ids: Vec<i64>) -> Result<(), Error>;
    /// Moves one item a step up (or down) its list.
    async fn move_item(&self, key: &Key, list: ListKind, id: i64, up: bool) -> Result<(), Error>;
    /// Takes a group not yet joined: its link, which the join page no longer offers.
    async fn claim_group(&self, code: &str, group: GroupId) -> Result<GroupLink, Error>;
    /// Every group's link, for the facilitator.
    async fn group_links(&self, key: &Key) -> Result<Vec<GroupLink>, Error>;
    /// A new link for a group (the old one stops working); `release` offers it on the join page again.
    async fn renew_group_link(&self, key: &Key, group: GroupId, release: bool) -> Result<GroupLink, Error>;
    /// Every group's link under `origin` with its QR code, to print on cards.
    async fn group_cards(&self, key: &Key, origin: &str) -> Result<Vec<GroupCard>, Error>;
    /// The group's link under `origin`, with its QR code, to bring the rest of the group in.
    async fn group_invite(&self, key: &GroupKey, origin: &str) -> Result<QrLink, Error>;
    async fn sheet(&self, key: &GroupKey) -> Result<Sheet, Error>;
    /// Writes all of `scores` or, if any is invalid, none of them.
    async fn put_scores(&self, key: &GroupKey, scores: Vec<ScoreInput>) -> Result<Saved, Error>;
    /// Shows or hides the results from everyone but the facilitator.
    async fn set_results_hidden(&self, key: &Key, hidden: bool) -> Result<Workshop, Error>;
    /// The results `choice` names. While they are hidden, only `secret` being the facilitator's
    /// shows them.
    async fn results(&self, code: &str, secret: Option<&str>, choice: &ResultsChoice) -> Result<Results, Error>;
    /// Keeps the current round's scores for good and opens the next round with empty sheets,
    /// each group seeing its scores of the round before.
    async fn start_round(&self, key: &Key) -> Result<Workshop, Error>;
    /// Every group's scores: for the facilitator and the leaders only.
    async fn group_scores(&self, code: &str, secret: &str) -> Result<Vec<GroupScores>, Error>;
    async fn update_settings(&self, key: &Key, input: SettingsInput) -> Result<Workshop, Error>;
    /// Sets a group's comment on an area; an empty one removes it.
    async fn put_comment(&self, key: &GroupKey, area: AreaId, input: CommentInput) -> Result<Saved, Error>;
    /// A group proposes an area that is not on the list.
    async fn suggest(&self, key: &GroupKey, input: SuggestionInput) -> Result<Suggestion, Error>;
    /// Puts a suggestion on the list as an area.
    async fn accept_suggestion(&self, key: &Key, id: SuggestionId, input: AcceptInput) -> Result<Area, Error>;
    /// Records a suggestion as raised but not scored.
    async fn keep_suggestion(&self, key: &Key, id: SuggestionId) -> Result<(), Error>;
    /// A new facilitator's secret: the old one stops working at once, and so does the
    /// leaders' link, which derives from it.
    async fn renew_secret(&self, key: &Key) -> Result<ManageLink, Error>;
    /// A new join code: the old one, and every link with it, stop working at once; open
    /// screens and sheets move to the new one.
    async fn renew_code(&self, key: &Key) -> Result<ManageLink, Error>;
    /// The last `limit` changes (at most 500, and 500 without one), of one area if given, oldest
    /// first: for the facilitator alone.
    async fn changes(&self, key: &Key, area: Option<AreaId>, limit: Option<u32>) -> Result<Vec<ChangeEntry>, Error>;
    /// The leaders' read-only link.
    async fn review_link(&self, key: &Key) -> Result<ReviewLink, Error>;
    /// A new leaders' link; the old one stops working.
    async fn renew_review_link(&self, key: &Key) -> Result<ReviewLink, Error>;
    /// The workshop, if `secret` is its leaders' or facilitator's: what the leaders' page shows.
    async fn review(&self, code: &str, secret: &str) -> Result<Workshop, Error>;
    /// The setup of a workshop, for the facilitator and the leaders.
    async fn setup(&self, code: &str, secret: &str) -> Result<Setup, Error>;
    /// Makes a new workshop from a setup.
    async fn import_setup(&self, setup: Setup) -> Result<CreatedWorkshop, Error>;
    /// Makes a new workshop with the same settings, categories and areas, and no groups or scores.
    async fn duplicate(&self, key: &Key) -> Result<CreatedWorkshop, Error>;
    /// The join link under `origin` (e.g. `https://kvadrant.example`) with its QR code.
    async fn invite(&self, code: &str, origin: &str) -> Result<Invite, Error>;
    /// The join code of the illustrative demo workshop, if there is one.
    async fn demo_code(&self) -> Result<Option<String>, Error>;
}

pub type SharedBackend = Arc<dyn Backend>;
