//! Rows as the databases return them, turned into the store's records. A value the domain
//! does not accept (the database was changed by hand) is [`StoreError::Corrupt`], naming
//! the column.

use std::collections::HashMap;

use kvadrant::{
    Aggregate, AreaId, Axis, AxisLabel, CategoryId, CertaintySettings, GroupId, JoinCode, Lang, Midline, Scale,
    SuggestionId, Timeframe,
};

use crate::store::records::{
    ActorKind, AreaRecord, CategoryRecord, ChangeRecord, CommentRecord, GroupRecord, SuggestionRecord, SuggestionState,
};
use crate::store::{Content, StoreError, StoreResult, StoredScore, WorkshopRecord, WorkshopSettings};

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
    aggregate: String,
    dissent_percent: i16,
    top_places: String,
    min_segment_groups: i16,
    review_hash: Option<Vec<u8>>,
    review_generation: i64,
    round: i16,
    kept_version: i64,
    version: i64,
}

pub(super) fn workshop(row: WorkshopRow) -> StoreResult<WorkshopRecord> {
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
    let certainty = certainty(&row)?;
    Ok(WorkshopRecord {
        id: kvadrant::WorkshopId(row.id),
        code: JoinCode::parse(&row.code).map_err(|_| StoreError::Corrupt("workshops.code"))?,
        title: row.title,
        description: row.description,
        secret_hash: row.secret_hash,
        scoring_open: row.scoring_open,
        results_hidden: row.results_hidden,
        demo: row.demo,
        settings: WorkshopSettings {
            scale,
            potential_label: label(&row.potential_label, "workshops.potential_label")?,
            feasibility_label: label(&row.feasibility_label, "workshops.feasibility_label")?,
            potential_midline: midline(row.potential_midline, "workshops.potential_midline")?,
            feasibility_midline: midline(row.feasibility_midline, "workshops.feasibility_midline")?,
            language: Lang::from_code(&row.language).ok_or(StoreError::Corrupt("workshops.language"))?,
            aggregate: Aggregate::parse(&row.aggregate).map_err(|_| StoreError::Corrupt("workshops.aggregate"))?,
            certainty,
        },
        review_hash: row.review_hash,
        review_generation: row.review_generation,
        round: u32::try_from(row.round)
            .ok()
            .filter(|round| *round >= 1)
            .ok_or(StoreError::Corrupt("workshops.round"))?,
        kept_version: row.kept_version,
        version: row.version,
    })
}

fn certainty(row: &WorkshopRow) -> StoreResult<CertaintySettings> {
    let places: Option<Vec<i64>> = row.top_places.split(',').map(|k| k.parse().ok()).collect();
    let places = places.ok_or(StoreError::Corrupt("workshops.top_places"))?;
    CertaintySettings::parse(row.dissent_percent.into(), &places, row.min_segment_groups.into())
        .map_err(|_| StoreError::Corrupt("workshops.dissent_percent, top_places or min_segment_groups"))
}

/// Top places as stored: ascending, comma-separated.
pub(super) fn stored_top_places(places: &[u32]) -> String {
    places.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
}

/// A midline as stored: in half steps, or NULL at the scale's midpoint.
pub(super) fn stored_midline(midline: Option<Midline>) -> Option<i16> {
    midline.map(|line| line.doubled() as i16)
}

fn small(value: i16) -> Option<u8> {
    u8::try_from(value).ok()
}

pub(super) fn content(
    categories: Vec<(i64, String, String)>,
    areas: Vec<(i64, String, String, Option<i64>)>,
    groups: Vec<(i64, String, bool)>,
    tags: Vec<(i64, String, String)>,
) -> Content {
    let mut tags_of: HashMap<i64, Vec<(String, String)>> = HashMap::new();
    for (group, dimension, value) in tags {
        tags_of.entry(group).or_default().push((dimension, value));
    }
    Content {
        categories: categories
            .into_iter()
            .map(|(id, name, description)| CategoryRecord { id: CategoryId(id), name, description })
            .collect(),
        areas: areas
            .into_iter()
            .map(|(id, name, description, category)| AreaRecord {
                id: AreaId(id),
                name,
                description,
                category_id: category.map(CategoryId),
            })
            .collect(),
        groups: groups
            .into_iter()
            .map(|(id, name, joined)| GroupRecord {
                id: GroupId(id),
                name,
                tags: tags_of.remove(&id).unwrap_or_default(),
                joined,
            })
            .collect(),
    }
}

pub(super) fn scores(rows: Vec<(i64, i64, String, i16)>) -> StoreResult<Vec<StoredScore>> {
    rows.into_iter().map(|(group, area, axis, value)| score(group, area, &axis, value)).collect()
}

/// Finished rounds' scores: round, group, area, axis and value.
pub(super) fn earlier_scores(rows: Vec<(i16, i64, i64, String, i16)>) -> StoreResult<Vec<(u32, StoredScore)>> {
    rows.into_iter()
        .map(|(round, group, area, axis, value)| {
            let round = u32::try_from(round).map_err(|_| StoreError::Corrupt("earlier_scores.round"))?;
            Ok((round, score(group, area, &axis, value)?))
        })
        .collect()
}

fn score(group: i64, area: i64, axis: &str, value: i16) -> StoreResult<StoredScore> {
    Ok(StoredScore {
        group: GroupId(group),
        area: AreaId(area),
        axis: Axis::parse(axis).map_err(|_| StoreError::Corrupt("scores.axis"))?,
        value: small(value).ok_or(StoreError::Corrupt("scores.value"))?,
    })
}

pub(super) fn comments(rows: Vec<(i64, i64, String, String, Option<String>)>) -> StoreResult<Vec<CommentRecord>> {
    rows.into_iter()
        .map(|(group, area, rationale, risks, timeframe)| {
            let timeframe = timeframe
                .map(|text| Timeframe::parse("", &text).map_err(|_| StoreError::Corrupt("comments.timeframe")))
                .transpose()?;
            Ok(CommentRecord { group: GroupId(group), area: AreaId(area), rationale, risks, timeframe })
        })
        .collect()
}

pub(super) fn suggestion_state(stored: &str) -> StoreResult<SuggestionState> {
    SuggestionState::ALL
        .into_iter()
        .find(|state| state.stored() == stored)
        .ok_or(StoreError::Corrupt("suggestions.status"))
}

/// id, name, description, group, status, area.
pub(super) type SuggestionRow = (i64, String, String, Option<i64>, String, Option<i64>);

pub(super) fn suggestions(rows: Vec<SuggestionRow>) -> StoreResult<Vec<SuggestionRecord>> {
    rows.into_iter()
        .map(|(id, name, description, group, status, area)| {
            Ok(SuggestionRecord {
                id: SuggestionId(id),
                name,
                description,
                group: group.map(GroupId),
                state: suggestion_state(&status)?,
                area: area.map(AreaId),
            })
        })
        .collect()
}

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

pub(super) fn change(row: ChangeRow) -> StoreResult<ChangeRecord> {
    let (at, actor, group, group_name, action, area, area_name, subject, field, old, new) = row;
    Ok(ChangeRecord {
        at,
        actor: ActorKind::ALL
            .into_iter()
            .find(|kind| kind.stored() == actor)
            .ok_or(StoreError::Corrupt("changes.actor"))?,
        group: group.map(GroupId),
        group_name,
        action,
        area: area.map(AreaId),
        area_name,
        subject,
        field,
        old,
        new,
    })
}

/// A group's tags as one line of the change log.
pub(super) fn tags_text<'a>(tags: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    tags.into_iter().map(|(dimension, value)| format!("{dimension}: {value}")).collect::<Vec<_>>().join("; ")
}
