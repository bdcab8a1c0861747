//! What the store reads back: its own records, in the domain's ids and types. The service
//! turns them into the contract's views (`crate::views`), so neither side's changes ripple
//! into the other.

use kvadrant::{AreaId, CategoryId, GroupId, SuggestionId, Timeframe};

#[derive(Debug, Clone, PartialEq)]
pub struct CategoryRecord {
    pub id: CategoryId,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AreaRecord {
    pub id: AreaId,
    pub name: String,
    pub description: String,
    pub category_id: Option<CategoryId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupRecord {
    pub id: GroupId,
    pub name: String,
    /// `(dimension, value)`, in the facilitator's order.
    pub tags: Vec<(String, String)>,
    /// Someone took the group from the join page.
    pub joined: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CommentRecord {
    pub group: GroupId,
    pub area: AreaId,
    pub rationale: String,
    pub risks: String,
    pub timeframe: Option<Timeframe>,
}

/// Where a participant's proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionState {
    Pending,
    /// Now the area `SuggestionRecord::area`.
    Accepted,
    /// Raised but not scored.
    Kept,
}

impl SuggestionState {
    pub(super) const ALL: [SuggestionState; 3] =
        [SuggestionState::Pending, SuggestionState::Accepted, SuggestionState::Kept];

    /// As the `suggestions.status` column holds it.
    pub(super) fn stored(self) -> &'static str {
        match self {
            SuggestionState::Pending => "pending",
            SuggestionState::Accepted => "accepted",
            SuggestionState::Kept => "kept",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SuggestionRecord {
    pub id: SuggestionId,
    pub name: String,
    pub description: String,
    pub group: Option<GroupId>,
    pub state: SuggestionState,
    pub area: Option<AreaId>,
}

/// Who made a change, by the secret they held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    Facilitator,
    Group,
    FacilitatorForGroup,
}

impl ActorKind {
    pub(super) const ALL: [ActorKind; 3] = [ActorKind::Facilitator, ActorKind::Group, ActorKind::FacilitatorForGroup];

    /// As the `changes.actor` column holds it.
    pub(super) fn stored(self) -> &'static str {
        match self {
            ActorKind::Facilitator => "facilitator",
            ActorKind::Group => "group",
            ActorKind::FacilitatorForGroup => "facilitator_for_group",
        }
    }
}

/// One line of the change log, with the names as they were at the time.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeRecord {
    pub at: String,
    pub actor: ActorKind,
    pub group: Option<GroupId>,
    pub group_name: Option<String>,
    pub action: String,
    pub area: Option<AreaId>,
    pub area_name: Option<String>,
    pub subject: Option<String>,
    pub field: Option<String>,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A workshop's ordered lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Categories,
    Areas,
    Groups,
}

impl List {
    pub const ALL: [List; 3] = [List::Categories, List::Areas, List::Groups];

    pub(super) fn table(self) -> &'static str {
        match self {
            List::Categories => "categories",
            List::Areas => "areas",
            List::Groups => "groups",
        }
    }

    /// The list a table name stands for, as `removals.list` holds it.
    pub(super) fn from_table(table: &str) -> Option<List> {
        List::ALL.into_iter().find(|list| list.table() == table)
    }

    /// The change log's name for removing one of its items.
    pub(super) fn removed_action(self) -> &'static str {
        match self {
            List::Categories => "category_removed",
            List::Areas => "area_removed",
            List::Groups => "group_removed",
        }
    }

    /// The change log's name for undoing that.
    pub(super) fn restored_action(self) -> &'static str {
        match self {
            List::Categories => "category_restored",
            List::Areas => "area_restored",
            List::Groups => "group_restored",
        }
    }

    /// The column other tables point at one of its items with.
    pub(super) fn reference(self) -> &'static str {
        match self {
            List::Categories => "category_id",
            List::Areas => "area_id",
            List::Groups => "group_id",
        }
    }
}

/// A score as stored: group, area, axis, value and when it was given.
pub type StoredCell = (i64, i64, String, i16, String);

/// A comment as stored: group, area, rationale, risks, timeframe and when it was written.
pub type StoredComment = (i64, i64, String, String, Option<String>, String);

/// Everything a removal took away, enough to put the item back as it was: its row, the
/// scores, comments and tags that went with it, and the rows that pointed at it.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Removed {
    pub id: i64,
    /// The workshop's scale when its scores were given: they come back only on the same one.
    pub scale: (i16, i16),
    pub name: String,
    pub position: i64,
    /// A category's or an area's.
    pub description: String,
    /// An area's category.
    pub category: Option<i64>,
    /// A group's link key and whether it was joined: its link works again once it is back
    /// under its own id.
    pub link_key: String,
    pub joined: bool,
    pub tags: Vec<(String, String)>,
    pub scores: Vec<StoredCell>,
    /// Its scores in finished rounds: group, area, axis, value and round.
    pub earlier_scores: Vec<(i64, i64, String, i16, i16)>,
    pub comments: Vec<StoredComment>,
    /// Lines of the change log and suggestions that named the area or group.
    pub changes: Vec<i64>,
    pub suggestions: Vec<i64>,
    /// The areas of a removed category.
    pub areas: Vec<i64>,
}

/// A workshop as the instance's administrator lists it: when it was made and last changed, and
/// how much it holds.
#[derive(Debug, Clone)]
pub struct WorkshopSummaryRecord {
    pub code: String,
    pub title: String,
    pub created_at: String,
    pub last_change: String,
    pub areas: i64,
    pub groups: i64,
    pub scores: i64,
    pub comments: i64,
}

/// A removal as kept: what it took, and until when it can be undone.
#[derive(Debug, Clone)]
pub struct RemovalRecord {
    pub id: i64,
    pub list: List,
    pub removed: Removed,
    pub undo_until: String,
}
