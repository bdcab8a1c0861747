//! What the pages and the JSON API exchange: views of a workshop and the inputs that change it.

use kvadrant::{AreaId, Axis, AxisStats, CategoryId, GroupId, Quadrant, Ranking};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Category {
    pub id: CategoryId,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Area {
    pub id: AreaId,
    pub name: String,
    pub description: String,
    pub category_id: Option<CategoryId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Group {
    pub id: GroupId,
    pub name: String,
}

/// A workshop as anyone holding its join code sees it; lists are in the facilitator's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Workshop {
    pub code: String,
    pub title: String,
    pub description: String,
    pub scoring_open: bool,
    /// Participants see no results until the facilitator reveals them.
    pub results_hidden: bool,
    /// Illustrative sample data, not a real workshop.
    pub demo: bool,
    pub scale_min: u8,
    pub scale_max: u8,
    pub categories: Vec<Category>,
    pub areas: Vec<Area>,
    pub groups: Vec<Group>,
}

impl Workshop {
    pub fn category(&self, id: Option<CategoryId>) -> Option<&Category> {
        id.and_then(|id| self.categories.iter().find(|category| category.id == id))
    }

    pub fn area(&self, id: AreaId) -> Option<&Area> {
        self.areas.iter().find(|area| area.id == id)
    }

    pub fn group(&self, id: GroupId) -> Option<&Group> {
        self.groups.iter().find(|group| group.id == id)
    }

    /// The ids of one list, in order.
    pub fn ids(&self, list: ListKind) -> Vec<i64> {
        match list {
            ListKind::Categories => self.categories.iter().map(|c| c.id.0).collect(),
            ListKind::Areas => self.areas.iter().map(|a| a.id.0).collect(),
            ListKind::Groups => self.groups.iter().map(|g| g.id.0).collect(),
        }
    }

    /// Categories in order, each with its areas, then areas without a category (if any) under `None`.
    pub fn areas_by_category(&self) -> Vec<(Option<&Category>, Vec<&Area>)> {
        let mut sections: Vec<(Option<&Category>, Vec<&Area>)> = self
            .categories
            .iter()
            .map(|category| {
                let areas = self.areas.iter().filter(|area| area.category_id == Some(category.id)).collect();
                (Some(category), areas)
            })
            .filter(|(_, areas): &(_, Vec<&Area>)| !areas.is_empty())
            .collect();
        let loose: Vec<&Area> = self.areas.iter().filter(|area| self.category(area.category_id).is_none()).collect();
        if !loose.is_empty() {
            sections.push((None, loose));
        }
        sections
    }
}

/// One score on a group's sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SheetScore {
    pub area_id: AreaId,
    pub axis: Axis,
    pub value: u8,
}

/// A group's sheet: the workshop and every score the group has given so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Sheet {
    pub workshop: Workshop,
    pub group: Group,
    pub scores: Vec<SheetScore>,
}

impl Sheet {
    pub fn value(&self, area: AreaId, axis: Axis) -> Option<u8> {
        self.scores.iter().find(|score| score.area_id == area && score.axis == axis).map(|score| score.value)
    }
}

/// One row of the ranked list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RankedArea {
    pub rank: u32,
    pub area_id: AreaId,
    pub area: String,
    pub category: Option<String>,
    /// Position of the category in the workshop's list; colours the matrix.
    pub category_index: Option<usize>,
    /// Groups that scored this area on both axes.
    pub groups: u32,
    pub potential: AxisStats,
    pub feasibility: AxisStats,
    pub combined: f64,
    pub quadrant: Quadrant,
}

/// The ranked list and what is not ranked yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Standings {
    pub ranked: Vec<RankedArea>,
    /// Areas no group has scored on both axes yet.
    pub unscored: Vec<Area>,
}

impl Standings {
    pub fn new(workshop: &Workshop, ranking: Ranking) -> Standings {
        let ranked = ranking
            .ranked
            .into_iter()
            .filter_map(|result| {
                let area = workshop.area(result.area)?;
                let category_index =
                    area.category_id.and_then(|id| workshop.categories.iter().position(|c| c.id == id));
                Some(RankedArea {
                    rank: result.rank,
                    area_id: result.area,
                    area: area.name.clone(),
                    category: workshop.category(area.category_id).map(|c| c.name.clone()),
                    category_index,
                    groups: result.groups,
                    potential: result.potential,
                    feasibility: result.feasibility,
                    combined: result.combined,
                    quadrant: result.quadrant,
                })
            })
            .collect();
        let unscored = ranking.unscored.iter().filter_map(|id| workshop.area(*id).cloned()).collect();
        Standings { ranked, unscored }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Results {
    pub workshop: Workshop,
    pub ranked: Vec<RankedArea>,
    /// Areas no group has scored on both axes yet.
    pub unscored: Vec<Area>,
}

impl Results {
    pub fn new(workshop: Workshop, ranking: Ranking) -> Results {
        let Standings { ranked, unscored } = Standings::new(&workshop, ranking);
        Results { workshop, ranked, unscored }
    }
}

/// How far one group has come.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GroupProgress {
    pub group_id: GroupId,
    /// Areas the group has scored on both axes.
    pub scored: u32,
    /// When the group last changed a score (ISO 8601, UTC).
    pub last_activity: Option<String>,
}

/// What one live screen is sent at one version of the workshop. `workshop` is left out when
/// it has not changed since the last view on the same stream; `standings` while results are
/// hidden from the one watching; `progress` for all but the facilitator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LiveView {
    pub version: i64,
    pub workshop: Option<Workshop>,
    pub standings: Option<Standings>,
    /// Groups that have scored every area on both axes.
    pub groups_done: u32,
    pub progress: Vec<GroupProgress>,
}

/// A live view with the workshop filled in from earlier views: what a page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveState {
    pub version: i64,
    pub workshop: Workshop,
    pub standings: Option<Standings>,
    pub groups_done: u32,
    pub progress: Vec<GroupProgress>,
}

impl LiveState {
    /// The state after `view`; `None` if `view` needs a workshop no earlier view brought.
    pub fn after(current: Option<&LiveState>, view: LiveView) -> Option<LiveState> {
        let workshop = view.workshop.or_else(|| current.map(|state| state.workshop.clone()))?;
        Some(LiveState {
            version: view.version,
            workshop,
            standings: view.standings,
            groups_done: view.groups_done,
            progress: view.progress,
        })
    }
}

/// A group's own scores at one version, for the people sharing its sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LiveSheet {
    pub version: i64,
    pub group_id: GroupId,
    pub scores: Vec<SheetScore>,
}

/// What the big screen shows to invite participants in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invite {
    pub workshop: Workshop,
    /// The join link, in full, as this server is reached.
    pub url: String,
    /// A QR code of `url`, as an SVG document.
    pub qr_svg: String,
}

/// A score write's acknowledgement: the workshop version that includes it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Saved {
    pub version: i64,
}

/// Returned once, when a workshop is made: the secret is not stored in a form that can be shown again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CreatedWorkshop {
    pub code: String,
    /// The facilitator's secret; whoever holds it can change the workshop.
    pub secret: String,
    /// Path of the facilitator's private page.
    pub manage_path: String,
    /// Path participants open to join.
    pub join_path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WorkshopInput {
    pub title: String,
    #[serde(default)]
    pub description: String,
}

/// A category or an area. `category_id` is read for areas only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ItemInput {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub category_id: Option<CategoryId>,
}

/// Either a number of groups to add ('Gruppe 1', 'Gruppe 2', …) or their names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum GroupsInput {
    Count { count: i64 },
    Names { names: Vec<String> },
}

/// One cell of a sheet to write; `value: null` clears it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ScoreInput {
    pub area_id: AreaId,
    pub axis: Axis,
    pub value: Option<i64>,
}

/// Which list a reorder applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    Categories,
    Areas,
    Groups,
}

impl ListKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ListKind::Categories => "categories",
            ListKind::Areas => "areas",
            ListKind::Groups => "groups",
        }
    }
}
