//! The store's records as the contract shows them: the one place a record becomes a view.

use std::collections::{HashMap, HashSet};

use kvadrant::Cell;
use kvadrant_api::model::{
    Area, AreaComment, Category, ChangeActor, ChangeEntry, Group, GroupTag, ItemUse, ListKind, Removal, Settings,
    SheetScore, Suggestion, SuggestionStatus, Usage, Workshop, WorkshopSummary,
};

use crate::store::{
    ActorKind, AreaRecord, CategoryRecord, ChangeRecord, CommentRecord, Content, GroupRecord, List, RemovalRecord,
    StoredScore, SuggestionRecord, SuggestionState, WorkshopRecord, WorkshopSettings, WorkshopSummaryRecord,
};

/// The workshop as the pages and the API show it.
pub fn workshop(record: &WorkshopRecord, content: Content) -> Workshop {
    Workshop {
        code: record.code.to_string(),
        title: record.title.clone(),
        description: record.description.clone(),
        scoring_open: record.scoring_open,
        results_hidden: record.results_hidden,
        demo: record.demo,
        settings: settings(&record.settings),
        categories: content.categories.into_iter().map(Category::from).collect(),
        areas: content.areas.into_iter().map(Area::from).collect(),
        groups: content.groups.into_iter().map(Group::from).collect(),
        round: record.round,
        deleted_on: None,
    }
}

pub fn removal(record: RemovalRecord, list: ListKind) -> Removal {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let removed = record.removed;
    // The other side of each score: the groups of an area, the areas of a group.
    let scored: HashSet<i64> =
        removed.scores.iter().map(|(group, area, ..)| if list == ListKind::Groups { *area } else { *group }).collect();
    Removal {
        id: record.id,
        list,
        item_id: removed.id,
        name: removed.name,
        scored: count(scored.len()),
        comments: count(removed.comments.len()),
        areas: count(removed.areas.len()),
        undo_until: record.undo_until,
    }
}

/// For each area the groups that scored it and its comments; for each group the areas it
/// scored and its comments; in the lists' order.
pub fn usage(content: &Content, cells: &[Cell], comments: &[CommentRecord]) -> Usage {
    let scored: HashSet<(i64, i64)> = cells.iter().map(|cell| (cell.group.0, cell.area.0)).collect();
    let mut by_area: HashMap<i64, ItemUse> = HashMap::new();
    let mut by_group: HashMap<i64, ItemUse> = HashMap::new();
    let blank = |id| ItemUse { id, scored: 0, comments: 0 };
    for &(group, area) in &scored {
        by_area.entry(area).or_insert_with(|| blank(area)).scored += 1;
        by_group.entry(group).or_insert_with(|| blank(group)).scored += 1;
    }
    for comment in comments {
        by_area.entry(comment.area.0).or_insert_with(|| blank(comment.area.0)).comments += 1;
        by_group.entry(comment.group.0).or_insert_with(|| blank(comment.group.0)).comments += 1;
    }
    Usage {
        areas: content.areas.iter().map(|a| by_area.get(&a.id.0).copied().unwrap_or(blank(a.id.0))).collect(),
        groups: content.groups.iter().map(|g| by_group.get(&g.id.0).copied().unwrap_or(blank(g.id.0))).collect(),
    }
}

pub fn settings(settings: &WorkshopSettings) -> Settings {
    let midlines = settings.midlines();
    Settings {
        scale_min: settings.scale.min(),
        scale_max: settings.scale.max(),
        potential_label: settings.potential_label.as_str().to_owned(),
        feasibility_label: settings.feasibility_label.as_str().to_owned(),
        potential_midline: midlines.potential.value(),
        feasibility_midline: midlines.feasibility.value(),
        language: settings.language,
        aggregate: settings.aggregate,
        certainty: settings.certainty.clone(),
    }
}

impl From<CategoryRecord> for Category {
    fn from(record: CategoryRecord) -> Self {
        Category { id: record.id, name: record.name, description: record.description }
    }
}

impl From<AreaRecord> for Area {
    fn from(record: AreaRecord) -> Self {
        Area { id: record.id, name: record.name, description: record.description, category_id: record.category_id }
    }
}

impl From<GroupRecord> for Group {
    fn from(record: GroupRecord) -> Self {
        Group {
            id: record.id,
            name: record.name,
            tags: record.tags.into_iter().map(|(dimension, value)| GroupTag { dimension, value }).collect(),
            joined: record.joined,
        }
    }
}

impl From<CommentRecord> for AreaComment {
    fn from(record: CommentRecord) -> Self {
        AreaComment {
            group_id: record.group,
            area_id: record.area,
            rationale: record.rationale,
            risks: record.risks,
            timeframe: record.timeframe,
        }
    }
}

impl From<SuggestionRecord> for Suggestion {
    fn from(record: SuggestionRecord) -> Self {
        Suggestion {
            id: record.id,
            name: record.name,
            description: record.description,
            group_id: record.group,
            status: match record.state {
                SuggestionState::Pending => SuggestionStatus::Pending,
                SuggestionState::Accepted => SuggestionStatus::Accepted,
                SuggestionState::Kept => SuggestionStatus::Kept,
            },
            area_id: record.area,
        }
    }
}

impl From<ChangeRecord> for ChangeEntry {
    fn from(record: ChangeRecord) -> Self {
        ChangeEntry {
            at: record.at,
            actor: match record.actor {
                ActorKind::Facilitator => ChangeActor::Facilitator,
                ActorKind::Group => ChangeActor::Group,
                ActorKind::FacilitatorForGroup => ChangeActor::FacilitatorForGroup,
            },
            group_id: record.group,
            group_name: record.group_name,
            action: record.action,
            area_id: record.area,
            area_name: record.area_name,
            subject: record.subject,
            field: record.field,
            old: record.old,
            new: record.new,
        }
    }
}

impl From<StoredScore> for SheetScore {
    fn from(score: StoredScore) -> Self {
        SheetScore { area_id: score.area, axis: score.axis, value: score.value }
    }
}

/// Which of the store's lists a reorder on the API's list is.
impl From<ListKind> for List {
    fn from(kind: ListKind) -> Self {
        match kind {
            ListKind::Categories => List::Categories,
            ListKind::Areas => List::Areas,
            ListKind::Groups => List::Groups,
        }
    }
}

/// Views of records, in order.
pub fn all<R, V: From<R>>(records: Vec<R>) -> Vec<V> {
    records.into_iter().map(V::from).collect()
}

/// A workshop in the administrator's list.
pub fn summary(record: WorkshopSummaryRecord) -> WorkshopSummary {
    WorkshopSummary {
        code: record.code,
        title: record.title,
        created_at: record.created_at,
        last_change: record.last_change,
        areas: record.areas,
        groups: record.groups,
        scores: record.scores,
        comments: record.comments,
    }
}
