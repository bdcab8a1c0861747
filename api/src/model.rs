//! What the pages and the JSON API exchange: views of a workshop and the inputs that change it.

use kvadrant::certainty::{Agreements, AreaCertainty};
use kvadrant::{AreaId, Axis, AxisStats, CategoryId, GroupId, Quadrant, Ranking, SuggestionId, Timeframe};
use serde::{Deserialize, Serialize};

use crate::lang::Lang;

#[cfg(feature = "openapi")]
mod contract;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Category {
    pub id: CategoryId,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Area {
    pub id: AreaId,
    pub name: String,
    pub description: String,
    pub category_id: Option<CategoryId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Group {
    pub id: GroupId,
    pub name: String,
    /// What segments the group belongs to, one value per dimension.
    #[serde(default)]
    pub tags: Vec<GroupTag>,
    /// Someone took the group from the join page: it is no longer offered there.
    #[serde(default)]
    pub joined: bool,
}

/// One of a group's segments: `Rolle` = `Folkevalgte`, say.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupTag {
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::TagText))]
    pub dimension: String,
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::TagText))]
    pub value: String,
}

impl From<&kvadrant::Tag> for GroupTag {
    fn from(tag: &kvadrant::Tag) -> Self {
        GroupTag { dimension: tag.dimension.as_str().to_owned(), value: tag.value.as_str().to_owned() }
    }
}

impl GroupTag {
    /// How a segment is named in a query: `Rolle=Folkevalgte`.
    pub fn pair(&self) -> String {
        format!("{}={}", self.dimension, self.value)
    }
}

/// How a workshop is scored and drawn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Settings {
    pub scale_min: u8,
    pub scale_max: u8,
    /// What the workshop calls the axes; empty means the usual names.
    pub potential_label: String,
    pub feasibility_label: String,
    /// Where the matrix is divided on each axis: the scale's midpoint unless moved.
    pub potential_midline: f64,
    pub feasibility_midline: f64,
    /// The language the workshop's pages speak unless a visitor chooses another.
    pub language: Lang,
    /// How each area's scores are brought together on an axis: `mean` or `median`.
    #[serde(default)]
    pub aggregate: kvadrant::Aggregate,
    /// How the certainty of the ranking is read.
    #[serde(default)]
    pub certainty: kvadrant::CertaintySettings,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            scale_min: 1,
            scale_max: 10,
            potential_label: String::new(),
            feasibility_label: String::new(),
            potential_midline: 5.5,
            feasibility_midline: 5.5,
            language: Lang::Nb,
            aggregate: kvadrant::Aggregate::Mean,
            certainty: kvadrant::CertaintySettings::default(),
        }
    }
}

impl Settings {
    pub fn scale(&self) -> kvadrant::Scale {
        kvadrant::Scale::new(self.scale_min, self.scale_max).unwrap_or_default()
    }
}

/// Settings as sent to change them; an absent midline sits at the scale's midpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SettingsInput {
    #[cfg_attr(feature = "openapi", schema(schema_with = contract::scale_min))]
    #[serde(deserialize_with = "kvadrant::whole_number::deserialize")]
    pub scale_min: i64,
    #[cfg_attr(feature = "openapi", schema(schema_with = contract::scale_max))]
    #[serde(deserialize_with = "kvadrant::whole_number::deserialize")]
    pub scale_max: i64,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::AxisLabel))]
    pub potential_label: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::AxisLabel))]
    pub feasibility_label: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<kvadrant::Midline>))]
    pub potential_midline: Option<f64>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<kvadrant::Midline>))]
    pub feasibility_midline: Option<f64>,
    #[cfg_attr(feature = "openapi", schema(value_type = Lang))]
    pub language: String,
    /// `mean` (absent) or `median`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<kvadrant::Aggregate>))]
    pub aggregate: Option<String>,
    /// Absent: 30 %, the top 3 and 5, segments of 2 groups or more.
    #[serde(default)]
    pub certainty: Option<CertaintyInput>,
}

/// How the certainty of the ranking is read, as sent to change it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CertaintyInput {
    /// Dissent: a standard deviation above this share of the scale's range, in per cent.
    #[cfg_attr(feature = "openapi", schema(schema_with = contract::dissent_percent))]
    #[serde(deserialize_with = "kvadrant::whole_number::deserialize")]
    pub dissent_percent: i64,
    /// The top places whose odds are given, in any order.
    #[cfg_attr(feature = "openapi", schema(schema_with = contract::top_places))]
    #[serde(deserialize_with = "kvadrant::whole_number::list")]
    pub top_places: Vec<i64>,
    /// Smaller segments are not shown on their own.
    #[cfg_attr(feature = "openapi", schema(schema_with = contract::min_segment_groups))]
    #[serde(deserialize_with = "kvadrant::whole_number::deserialize")]
    pub min_segment_groups: i64,
}

/// A workshop in the instance administrator's list of every workshop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WorkshopSummary {
    pub code: String,
    pub title: String,
    /// When it was made, and when it last changed (ISO 8601, UTC); the server deletes it
    /// `--retention-days` after the last change.
    pub created_at: String,
    pub last_change: String,
    pub areas: i64,
    pub groups: i64,
    /// Cells scored, every round's included.
    pub scores: i64,
    pub comments: i64,
}

/// A workshop as anyone holding its join code sees it; lists are in the facilitator's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Workshop {
    pub code: String,
    pub title: String,
    pub description: String,
    pub scoring_open: bool,
    /// Participants see no results until the facilitator reveals them.
    pub results_hidden: bool,
    /// Illustrative sample data, not a real workshop.
    pub demo: bool,
    pub settings: Settings,
    pub categories: Vec<Category>,
    pub areas: Vec<Area>,
    pub groups: Vec<Group>,
    /// The round being scored: 1, until the facilitator begins another after discussing.
    #[serde(default = "first_round")]
    pub round: u32,
    /// The day (`YYYY-MM-DD`, UTC) the server deletes the workshop unless it changes before
    /// then, where the server keeps workshops for a limited time; told to the facilitator only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_on: Option<String>,
}

fn first_round() -> u32 {
    1
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

    /// Every segment some group is tagged with, in order of dimension and value, with how
    /// many groups it has.
    pub fn segments(&self) -> Vec<(GroupTag, usize)> {
        let mut counts: std::collections::BTreeMap<&GroupTag, usize> = std::collections::BTreeMap::new();
        for tag in self.groups.iter().flat_map(|group| &group.tags) {
            *counts.entry(tag).or_default() += 1;
        }
        counts.into_iter().map(|(tag, n)| (tag.clone(), n)).collect()
    }

    /// Whether a segment of `groups` groups may be shown on its own: a smaller one's groups could
    /// be told apart (`min_segment_groups`).
    pub fn shows_segment(&self, groups: usize) -> bool {
        groups >= usize::from(self.settings.certainty.min_segment_groups)
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SheetScore {
    pub area_id: AreaId,
    pub axis: Axis,
    pub value: u8,
}

/// A group's sheet: the workshop and every score the group has given so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Sheet {
    pub workshop: Workshop,
    pub group: Group,
    pub scores: Vec<SheetScore>,
    /// The group's own comments.
    #[serde(default)]
    pub comments: Vec<AreaComment>,
    /// The group's scores in the round before this one, shown beside the new ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous: Vec<SheetScore>,
}

impl Sheet {
    pub fn value(&self, area: AreaId, axis: Axis) -> Option<u8> {
        SheetScore::find(&self.scores, area, axis)
    }

    /// The group's score in the round before this one.
    pub fn previous(&self, area: AreaId, axis: Axis) -> Option<u8> {
        SheetScore::find(&self.previous, area, axis)
    }
}

impl SheetScore {
    fn find(scores: &[SheetScore], area: AreaId, axis: Axis) -> Option<u8> {
        scores.iter().find(|score| score.area_id == area && score.axis == axis).map(|score| score.value)
    }
}

/// One row of the ranked list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// How sure its place is: the groups' scores, dissent, the band of its official rank.
    /// Absent only where a live view left it out (see [`Standings::certainty_omitted`]).
    #[serde(default, skip_serializing_if = "AreaCertainty::is_omitted")]
    pub certainty: AreaCertainty,
    /// Its place in the official ranking, where the results show another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_rank: Option<u32>,
    /// Where it stood in each earlier round it was ranked in, first round first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<EarlierPlace>,
}

/// An area's place in an earlier round: its rank, the centre of each axis (by the workshop's
/// aggregate) and its combined score then.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EarlierPlace {
    pub round: u32,
    pub rank: u32,
    pub potential: f64,
    pub feasibility: f64,
    pub combined: f64,
}

/// Which ranking results show: the official one, or one with each group's own level taken out
/// (an aid to reading the official one; see `kvadrant::certainty::normalised_ranking`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResultsView {
    #[default]
    Official,
    Normalised,
}

impl ResultsView {
    pub fn parse(text: Option<&str>) -> Result<ResultsView, kvadrant::Error> {
        match text {
            None | Some("official") => Ok(ResultsView::Official),
            Some("normalised") => Ok(ResultsView::Normalised),
            Some(_) => Err(kvadrant::Error::invalid(
                kvadrant::Field::View,
                kvadrant::Rule::Malformed { expected: kvadrant::Format::ResultsView },
            )),
        }
    }
}

/// What one group wrote about one area beside its scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AreaComment {
    pub group_id: GroupId,
    pub area_id: AreaId,
    pub rationale: String,
    /// Risks and barriers.
    pub risks: String,
    pub timeframe: Option<Timeframe>,
}

/// A group's comment on an area; all empty removes it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommentInput {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::Note))]
    pub rationale: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::Note))]
    pub risks: String,
    /// `short` (within a year), `medium` (1–3 years) or `long` (over 3 years).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Timeframe>))]
    pub timeframe: Option<String>,
}

/// What became of an area a participant proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SuggestionStatus {
    /// Waiting for the facilitator.
    Pending,
    /// Now an area on the list, scored like the others.
    Accepted,
    /// Recorded as raised but not scored.
    Kept,
}

impl SuggestionStatus {
    /// The status as the API spells it, for pages to mark it up with.
    pub fn as_str(self) -> &'static str {
        match self {
            SuggestionStatus::Pending => "pending",
            SuggestionStatus::Accepted => "accepted",
            SuggestionStatus::Kept => "kept",
        }
    }
}

/// An area a participant proposed that was not on the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Suggestion {
    pub id: SuggestionId,
    pub name: String,
    pub description: String,
    /// The group that proposed it, if it said.
    pub group_id: Option<GroupId>,
    pub status: SuggestionStatus,
    /// The area it became, once accepted.
    pub area_id: Option<AreaId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SuggestionInput {
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::Name))]
    pub name: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::Description))]
    pub description: String,
}

/// Accepting a suggestion: the category its new area goes in, if any.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcceptInput {
    #[serde(default)]
    pub category_id: Option<CategoryId>,
}

/// The ranked list, what is not ranked yet, and what the groups wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Standings {
    pub ranked: Vec<RankedArea>,
    /// How much the groups agree on the order (Kendall's W).
    #[serde(default)]
    pub agreement: Agreements,
    /// Whether the rank bands shown are of earlier scores, or not drawn yet: a live view does
    /// not wait for them, and shows new ones within a second or so.
    #[serde(default)]
    pub bands_behind: bool,
    /// Whether a live view left each area's certainty out: it keeps pace with the rank bands
    /// (at most once a second while scores come in), and a screen keeps what it had until then.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub certainty_omitted: bool,
    /// Areas no group has scored on both axes yet.
    pub unscored: Vec<Area>,
    /// The groups' comments, in the workshop's order of areas, then of groups.
    pub comments: Vec<AreaComment>,
    /// Areas participants raised that were kept off the list.
    pub raised: Vec<Suggestion>,
}

impl Standings {
    /// `comments` and `suggestions` in any order; only kept suggestions are listed as raised.
    pub fn new(
        workshop: &Workshop,
        ranking: Ranking,
        certainty: (Vec<AreaCertainty>, Agreements),
        mut comments: Vec<AreaComment>,
        suggestions: &[Suggestion],
    ) -> Standings {
        let (certainties, agreement) = certainty;
        let mut certainties = certainties.into_iter();
        let ranked = ranking
            .ranked
            .into_iter()
            .filter_map(|result| {
                let certainty = certainties.next().unwrap_or_default();
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
                    certainty,
                    official_rank: None,
                    earlier: Vec::new(),
                })
            })
            .collect();
        let unscored = ranking.unscored.iter().filter_map(|id| workshop.area(*id).cloned()).collect();
        let position = |comment: &AreaComment| {
            let area = workshop.areas.iter().position(|a| a.id == comment.area_id);
            let group = workshop.groups.iter().position(|g| g.id == comment.group_id);
            (area, group)
        };
        comments
            .retain(|comment| workshop.area(comment.area_id).is_some() && workshop.group(comment.group_id).is_some());
        comments.sort_by_key(position);
        let raised = suggestions.iter().filter(|s| s.status == SuggestionStatus::Kept).cloned().collect();
        Standings { ranked, agreement, bands_behind: true, certainty_omitted: false, unscored, comments, raised }
    }
}

/// The groups a result counts: a segment's, or all of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Segment {
    /// The segment, or none for every group.
    pub tag: Option<GroupTag>,
    /// How many groups it has (n).
    pub groups: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Results {
    pub workshop: Workshop,
    pub segment: Segment,
    #[serde(default)]
    pub view: ResultsView,
    /// The round these are the results of: the workshop's current one, or an earlier one.
    #[serde(default = "first_round")]
    pub round: u32,
    pub ranked: Vec<RankedArea>,
    /// How much the groups agree on the order (Kendall's W).
    #[serde(default)]
    pub agreement: Agreements,
    /// Areas no group has scored on both axes yet.
    pub unscored: Vec<Area>,
    pub comments: Vec<AreaComment>,
    pub raised: Vec<Suggestion>,
}

impl Results {
    pub fn new(workshop: Workshop, segment: Segment, view: ResultsView, round: u32, standings: Standings) -> Results {
        let Standings { ranked, agreement, unscored, comments, raised, .. } = standings;
        Results { workshop, segment, view, round, ranked, agreement, unscored, comments, raised }
    }
}

/// Which results to show: of every group or of one segment (`dimension=value`), ranked as
/// `view` says, of the current round or of an earlier one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultsChoice {
    pub segment: Option<String>,
    pub view: ResultsView,
    pub round: Option<u32>,
}

impl ResultsChoice {
    /// The official results of the current round, of every group or of one segment.
    pub fn of_segment(segment: Option<String>) -> ResultsChoice {
        ResultsChoice { segment, ..ResultsChoice::default() }
    }
}

/// Every score one group gave, with its segments: the raw data behind the results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupScores {
    pub group: Group,
    pub scores: Vec<SheetScore>,
}

/// How far one group has come.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupProgress {
    pub group_id: GroupId,
    /// Areas the group has scored on both axes.
    pub scored: u32,
    /// When the group last changed a score (ISO 8601, UTC).
    pub last_activity: Option<String>,
}

/// What one live screen is sent at one version of the workshop. `workshop` is left out when
/// it has not changed since the last view on the same stream; `standings` while results are
/// hidden from the one watching; `progress` for all but the facilitator. The standings come
/// without comments: those follow in [`LiveComments`], sent only when they change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LiveView {
    pub version: i64,
    pub workshop: Option<Workshop>,
    pub standings: Option<Standings>,
    /// Groups that have scored every area on both axes.
    pub groups_done: u32,
    pub progress: Vec<GroupProgress>,
    /// Areas participants proposed, for the facilitator only.
    #[serde(default)]
    pub suggestions: Vec<Suggestion>,
}

/// The groups' comments at one version, in the order of the ranked list's areas, then groups:
/// sent to those who may see the results, when the comments change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LiveComments {
    pub version: i64,
    pub comments: Vec<AreaComment>,
}

/// A live view with the workshop and the comments filled in from earlier events: what a page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveState {
    pub version: i64,
    pub workshop: Workshop,
    /// With the newest comments in.
    pub standings: Option<Standings>,
    pub groups_done: u32,
    pub progress: Vec<GroupProgress>,
    pub suggestions: Vec<Suggestion>,
    /// The newest comments, kept for views that follow without them.
    pub comments: Vec<AreaComment>,
}

impl LiveState {
    /// The state after `view`; `None` if `view` needs a workshop no earlier view brought.
    pub fn after(current: Option<&LiveState>, view: LiveView) -> Option<LiveState> {
        let workshop = view.workshop.or_else(|| current.map(|state| state.workshop.clone()))?;
        let comments = current.map(|state| state.comments.clone()).unwrap_or_default();
        let mut standings = view.standings.map(|standings| Standings { comments: comments.clone(), ..standings });
        // A view without certainty keeps each area's from the screen's last one.
        if let Some(standings) = standings.as_mut().filter(|standings| standings.certainty_omitted) {
            let earlier = current.and_then(|state| state.standings.as_ref());
            for row in &mut standings.ranked {
                let kept = earlier.and_then(|e| e.ranked.iter().find(|r| r.area_id == row.area_id));
                row.certainty = kept.map(|r| r.certainty.clone()).unwrap_or_default();
            }
            standings.certainty_omitted = false;
        }
        Some(LiveState {
            version: view.version,
            workshop,
            standings,
            groups_done: view.groups_done,
            progress: view.progress,
            suggestions: view.suggestions,
            comments,
        })
    }

    /// The state with `comments` in.
    pub fn with_comments(&mut self, comments: Vec<AreaComment>) {
        if let Some(standings) = &mut self.standings {
            standings.comments = comments.clone();
        }
        self.comments = comments;
    }
}

/// A group's own scores at one version, for the people sharing its sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LiveSheet {
    pub version: i64,
    pub group_id: GroupId,
    pub scores: Vec<SheetScore>,
    #[serde(default)]
    pub comments: Vec<AreaComment>,
}

/// A link in full, as this server is reached, with its QR code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QrLink {
    pub url: String,
    /// A QR code of `url`, as an SVG document.
    pub qr_svg: String,
}

/// What the big screen shows to invite participants in: the join link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invite {
    pub workshop: Workshop,
    pub link: QrLink,
}

/// One group's card, printed for workshops where groups are set up in advance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupCard {
    pub name: String,
    pub link: QrLink,
}

/// A group's own link. Whoever holds it reads and writes that group's sheet, comments and
/// suggestions, and nothing of any other group's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupLink {
    pub group_id: GroupId,
    /// The group's secret: send it as `Authorization: Bearer <key>` on the group's routes.
    pub key: String,
    /// Path of the group's sheet.
    pub path: String,
    pub joined: bool,
}

/// A group's sheet, opened with `key`: the group's own link key, or the facilitator's secret
/// to enter scores on the group's behalf.
pub fn sheet_path(code: &str, group: GroupId, key: &str) -> String {
    format!("/w/{code}/g/{group}/{key}")
}

/// The cookie that carries a group's key to its live stream, which browsers open without headers.
pub const GROUP_KEY_COOKIE: &str = "kvadrant-group-key";
/// The cookies that carry the facilitator's and the leaders' secrets to the workshop's private
/// live stream and downloads, which browsers open without headers; see [`workshop_api_path`].
pub const FACILITATOR_COOKIE: &str = "kvadrant-facilitator";
pub const LEADERS_COOKIE: &str = "kvadrant-leaders";

/// Where a workshop's API lives: the path the facilitator's and leaders' cookies are sent to.
/// The workshop's results page.
pub fn results_path(code: &str) -> String {
    format!("/w/{code}/results")
}

/// The big screen of a workshop, for the projector.
pub fn screen_path(code: &str) -> String {
    format!("/w/{code}/screen")
}

pub fn workshop_api_path(code: &str) -> String {
    format!("/api/v1/workshops/{code}")
}

/// The path of a group's live stream: the only place [`GROUP_KEY_COOKIE`] is sent.
pub fn sheet_live_path(code: &str, group: GroupId) -> String {
    format!("{}/groups/{group}/live", workshop_api_path(code))
}

/// A score write's acknowledgement: the workshop version that includes it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Saved {
    pub version: i64,
}

/// The facilitator's private page of a workshop.
pub fn manage_path(code: &str, secret: &str) -> String {
    format!("/w/{code}/manage/{secret}")
}

/// The facilitator's new private link, after the old one was retired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ManageLink {
    /// The facilitator's new secret; the old one and the leaders' link stop working.
    pub secret: String,
    /// Path of the facilitator's private page.
    pub path: String,
}

/// Returned once, when a workshop is made: the secret is not stored in a form that can be shown again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WorkshopInput {
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::Title))]
    pub title: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::Description))]
    pub description: String,
}

/// A category or an area. `category_id` is read for areas only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemInput {
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::Name))]
    pub name: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::Description))]
    pub description: String,
    #[serde(default)]
    pub category_id: Option<CategoryId>,
}

/// Either a number of groups to add ('Gruppe 1', 'Gruppe 2', …) or their names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum GroupsInput {
    Count {
        #[cfg_attr(feature = "openapi", schema(schema_with = contract::group_count))]
        #[serde(deserialize_with = "kvadrant::whole_number::deserialize_any")]
        count: i64,
    },
    Names {
        #[cfg_attr(feature = "openapi", schema(schema_with = contract::group_names))]
        names: Vec<String>,
    },
}

/// One cell of a sheet to write; `value: null` clears it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScoreInput {
    pub area_id: AreaId,
    pub axis: Axis,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<kvadrant::Score>))]
    #[serde(default, deserialize_with = "kvadrant::whole_number::optional")]
    pub value: Option<i64>,
}

/// The version of the setup format [`Setup`] describes.
pub const SETUP_FORMAT: u32 = 1;

/// A workshop's setup without its scores: what carries over from one workshop to the next.
/// The format is documented in `docs/SETUP.md`; unknown fields are refused, not ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Setup {
    /// The format's version: 1.
    #[cfg_attr(feature = "openapi", schema(schema_with = contract::setup_format))]
    #[serde(deserialize_with = "kvadrant::whole_number::deserialize")]
    pub kvadrant_setup: u32,
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::Title))]
    pub title: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::Description))]
    pub description: String,
    /// Absent: potential and feasibility from 1 to 10, in bokmål.
    #[serde(default)]
    pub settings: Option<SettingsInput>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = contract::setup_categories))]
    pub categories: Vec<SetupCategory>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = contract::setup_areas))]
    pub areas: Vec<SetupArea>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = contract::setup_groups))]
    pub groups: Vec<SetupGroup>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetupCategory {
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::Name))]
    pub name: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::Description))]
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetupArea {
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::Name))]
    pub name: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::Description))]
    pub description: String,
    /// The name of one of the setup's categories; absent for none.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<kvadrant::Name>))]
    pub category: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetupGroup {
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::Name))]
    pub name: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = contract::tags))]
    pub tags: Vec<GroupTag>,
}

/// A group's new name and, if given, its new tags (replacing the old ones).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupInput {
    #[cfg_attr(feature = "openapi", schema(value_type = kvadrant::Name))]
    pub name: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = contract::optional_tags))]
    pub tags: Option<Vec<GroupTag>>,
}

/// The leaders' read-only link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewLink {
    /// Whoever holds it sees results, comments and exports, and can change nothing.
    pub secret: String,
    pub path: String,
}

/// Which list a reorder applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// What a removal took away, and how long it can be undone (`POST …/removals/{id}/restore`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Removal {
    /// Names the removal to undo.
    pub id: i64,
    pub list: ListKind,
    /// The removed category's, area's or group's id and name.
    pub item_id: i64,
    pub name: String,
    /// As in [`ItemUse`]: the groups that had scored the area, or the areas the group had
    /// scored; the comments that went with it; for a category, the areas left without one.
    pub scored: u32,
    pub comments: u32,
    pub areas: u32,
    /// UTC, ISO 8601 with milliseconds: the removal can be undone until then.
    pub undo_until: String,
}

/// What hangs on an area or a group: what its removal would take with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemUse {
    pub id: i64,
    /// The groups that scored the area, or the areas the group scored.
    pub scored: u32,
    pub comments: u32,
}

/// What hangs on each area and group of a workshop, for the facilitator to see before removing one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Usage {
    pub areas: Vec<ItemUse>,
    pub groups: Vec<ItemUse>,
}

impl Usage {
    /// What hangs on one item; nothing for a category, whose areas stay.
    pub fn of(&self, list: ListKind, id: i64) -> Option<ItemUse> {
        let items = match list {
            ListKind::Categories => return None,
            ListKind::Areas => &self.areas,
            ListKind::Groups => &self.groups,
        };
        items.iter().find(|item| item.id == id).copied()
    }
}

/// Who made a change, by the secret they held: never a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeActor {
    Facilitator,
    Group,
    /// The facilitator, writing on a group's sheet.
    FacilitatorForGroup,
}

/// One entry of a workshop's change log. `action` is a short machine name (`score_set`,
/// `area_changed`, …); `subject` names the category or group it is about; `field`, `old` and `new` say what changed where it has a value (an
/// axis and its scores, a setting, a name). The names are as they were at the time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangeEntry {
    /// UTC, ISO 8601 with milliseconds.
    pub at: String,
    pub actor: ChangeActor,
    pub group_id: Option<GroupId>,
    pub group_name: Option<String>,
    pub action: String,
    pub area_id: Option<AreaId>,
    pub area_name: Option<String>,
    /// The category or group the change is about.
    pub subject: Option<String>,
    pub field: Option<String>,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suggestions_status_reads_as_the_api_spells_it() {
        for status in [SuggestionStatus::Pending, SuggestionStatus::Accepted, SuggestionStatus::Kept] {
            assert_eq!(serde_json::to_value(status).unwrap(), status.as_str());
        }
    }

    /// A live view that leaves the certainty out keeps each area's from the screen's last view.
    #[test]
    fn a_view_without_certainty_keeps_the_last_one() {
        let workshop = Workshop {
            code: "ABC123".into(),
            title: "T".into(),
            description: String::new(),
            scoring_open: true,
            results_hidden: false,
            demo: false,
            settings: Settings::default(),
            categories: Vec::new(),
            areas: Vec::new(),
            groups: Vec::new(),
            round: 1,
            deleted_on: None,
        };
        let stats = AxisStats { mean: 5.0, median: 5.0, sd: None, min: 5, max: 5 };
        let row = |area: i64, counts: Vec<u32>| RankedArea {
            rank: 1,
            area_id: AreaId(area),
            area: String::new(),
            category: None,
            category_index: None,
            groups: 1,
            potential: stats,
            feasibility: stats,
            combined: 25.0,
            quadrant: Quadrant::LowPotentialHard,
            certainty: AreaCertainty { potential_counts: counts, ..AreaCertainty::default() },
            official_rank: None,
            earlier: Vec::new(),
        };
        let view = |version: i64, rows: Vec<RankedArea>, omitted: bool| LiveView {
            version,
            workshop: Some(workshop.clone()),
            standings: Some(Standings {
                ranked: rows,
                agreement: Agreements::default(),
                bands_behind: omitted,
                certainty_omitted: omitted,
                unscored: Vec::new(),
                comments: Vec::new(),
                raised: Vec::new(),
            }),
            groups_done: 0,
            progress: Vec::new(),
            suggestions: Vec::new(),
        };
        let first = LiveState::after(None, view(1, vec![row(1, vec![1, 2])], false)).unwrap();
        // As it travels: a row without its certainty carries none of its fields.
        let next = serde_json::to_string(&view(2, vec![row(2, Vec::new()), row(1, Vec::new())], true)).unwrap();
        assert!(!next.contains("potential_counts"), "{next}");
        let next: LiveView = serde_json::from_str(&next).unwrap();
        let state = LiveState::after(Some(&first), next).unwrap();
        let standings = state.standings.unwrap();
        assert_eq!(standings.ranked[1].certainty.potential_counts, [1, 2], "area 1 keeps its certainty");
        assert_eq!(standings.ranked[0].certainty, AreaCertainty::default(), "area 2 had none");
        assert!(!standings.certainty_omitted);
    }
}
