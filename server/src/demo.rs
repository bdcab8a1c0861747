//! The demo workshop: the 13 areas and 5 categories of the Indre Namdal workshop (2022) and
//! 9 groups whose scores are made up so that the ranking reproduces the published order.
//! The report publishes only the order, so these scores are illustrative and say so.

use kvadrant::{AreaId, Axis, Error};
use kvadrant_api::model::{GroupsInput, ItemInput, ScoreInput, WorkshopInput};
use serde::Deserialize;

use crate::service::Service;
use kvadrant_api::backend::{Backend, GroupKey, Key};

const SOURCE: &str = include_str!("../demo/indre-namdal-2022.json");
pub const GROUPS: usize = 9;

/// Sums over the 9 groups of (potential, feasibility), in published rank order. Their
/// products fall strictly, so the ranking is exactly the published one; every mean is
/// above the midpoint, as the report found ("every area rated high"), and the top five stand apart.
const SUMS: [(u32, u32); 13] = [
    (79, 66),
    (74, 68),
    (70, 71),
    (78, 62),
    (69, 68),
    (62, 70),
    (71, 60),
    (63, 66),
    (58, 70),
    (64, 62),
    (66, 58),
    (67, 55),
    (57, 61),
];

/// How groups differ from the mean; sums to zero so the means stay exact.
const SPREAD: [i32; GROUPS] = [-1, 1, 0, 1, -1, 0, 1, -1, 0];

/// One area the groups split on, as real workshops do: Jordmor's potential (published 11th),
/// rated near the top by most groups and near the bottom by three. Its sum is the one in
/// [`SUMS`], so the ranking stays the published one; its spread is flagged as dissent.
const SPLIT: (usize, Axis, [u8; GROUPS]) = (10, Axis::Potential, [10, 3, 10, 9, 2, 10, 3, 9, 10]);

#[derive(Deserialize)]
struct Source {
    workshop: SourceWorkshop,
    categories: Vec<String>,
    published_ranking: Vec<SourceArea>,
}

#[derive(Deserialize)]
struct SourceWorkshop {
    title: String,
    held: String,
}

#[derive(Deserialize)]
pub struct SourceArea {
    pub rank: u32,
    pub area: String,
    pub category: String,
}

fn source() -> Source {
    serde_json::from_str(SOURCE).expect("the bundled demo data is valid JSON")
}

/// The published ranking, best first.
pub fn published_ranking() -> Vec<SourceArea> {
    source().published_ranking
}

/// The nine scores of one axis for the area at `index` in the published order.
pub fn group_values(index: usize, axis: Axis) -> [u8; GROUPS] {
    if (index, axis) == (SPLIT.0, SPLIT.1) {
        return SPLIT.2;
    }
    let (potential, feasibility) = SUMS[index];
    let (sum, shift) = match axis {
        Axis::Potential => (potential, index),
        Axis::Feasibility => (feasibility, index + 4),
    };
    let (base, extra) = (sum / GROUPS as u32, sum % GROUPS as u32);
    std::array::from_fn(|group| {
        let value = base as i32 + i32::from((group as u32) < extra) + SPREAD[(group + shift) % GROUPS];
        value as u8
    })
}

/// Creates the demo workshop through the same service every client uses, and returns the
/// facilitator's path (shown once, in the log).
pub async fn seed(service: &Service) -> Result<String, Error> {
    let source = source();
    let input = WorkshopInput {
        title: format!("{} (eksempel)", source.workshop.title),
        description: format!(
            "Illustrerende eksempeldata. Områdene og rekkefølgen er fra workshopen {}; \
             gruppenes poeng er laget for å gjenskape den publiserte rangeringen.",
            source.workshop.held
        ),
    };
    let (record, created) = service.create(input, true).await?;
    let key = Key { code: created.code.clone(), secret: created.secret.clone() };

    let mut categories = Vec::new();
    for name in &source.categories {
        let category = service
            .add_category(&key, ItemInput { name: name.clone(), description: String::new(), category_id: None })
            .await?;
        categories.push(category);
    }
    let mut areas: Vec<AreaId> = Vec::new();
    for entry in &source.published_ranking {
        let category_id = categories.iter().find(|c| c.name == entry.category).map(|c| c.id);
        let area = service
            .add_area(&key, ItemInput { name: entry.area.clone(), description: String::new(), category_id })
            .await?;
        areas.push(area.id);
    }
    let groups = service.add_groups(&key, GroupsInput::Count { count: GROUPS as i64 }).await?;
    for (group_index, group) in groups.iter().enumerate() {
        let scores = demo_scores(&areas, group_index);
        let on_behalf = GroupKey { code: record.code.to_string(), group: group.id, secret: created.secret.clone() };
        service.put_scores(&on_behalf, scores).await?;
    }
    Ok(created.manage_path)
}

fn demo_scores(areas: &[AreaId], group_index: usize) -> Vec<ScoreInput> {
    areas
        .iter()
        .enumerate()
        .flat_map(|(index, &area_id)| {
            Axis::ALL.map(|axis| ScoreInput {
                area_id,
                axis,
                value: Some(i64::from(group_values(index, axis)[group_index])),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use kvadrant::{GroupId, Score, rank_areas};

    use super::*;

    /// The demo's scores as domain cells, for checking the ranking without a database.
    fn cells(areas: &[AreaId], groups: &[GroupId]) -> Vec<kvadrant::Cell> {
        let mut cells = Vec::new();
        for (group_index, &group) in groups.iter().enumerate() {
            for score in demo_scores(areas, group_index) {
                let value = Score::parse(score.value.unwrap_or_default(), kvadrant::Scale::ONE_TO_TEN)
                    .expect("demo scores lie within 1–10");
                cells.push(kvadrant::Cell { group, area: score.area_id, axis: score.axis, score: value });
            }
        }
        cells
    }

    #[test]
    fn every_demo_score_lies_on_the_scale_and_sums_as_designed() {
        for (index, (potential, feasibility)) in SUMS.iter().enumerate() {
            for (axis, sum) in [(Axis::Potential, potential), (Axis::Feasibility, feasibility)] {
                let values = group_values(index, axis);
                assert!(values.iter().all(|v| (1..=10).contains(v)), "{values:?}");
                assert_eq!(values.iter().map(|&v| u32::from(v)).sum::<u32>(), *sum);
            }
        }
    }

    #[test]
    fn demo_scores_reproduce_the_published_ranking() {
        let published = published_ranking();
        assert_eq!(published.len(), SUMS.len());
        let areas: Vec<AreaId> = (1..=13).map(AreaId).collect();
        let groups: Vec<GroupId> = (1..=GROUPS as i64).map(GroupId).collect();
        let ranking = rank_areas(kvadrant::Midlines::default(), &areas, &cells(&areas, &groups));
        let order: Vec<(u32, i64)> = ranking.ranked.iter().map(|r| (r.rank, r.area.0)).collect();
        let expected: Vec<(u32, i64)> = published.iter().zip(1..).map(|(p, id)| (p.rank, id)).collect();
        assert_eq!(order, expected);
        assert!(ranking.ranked.iter().all(|r| r.potential.mean > 5.5 && r.feasibility.mean > 5.5));
    }

    /// The demo shows what the certainty figures are for: an area the groups split on, and
    /// places that depend on which groups came.
    #[test]
    fn the_demo_has_a_dissent_area_and_an_uncertain_place() {
        use kvadrant::Aggregate;
        use kvadrant::certainty::{Band, Place, RESAMPLES, TOP, assess, band_seed, rank_bands, ranked_of};
        let areas: Vec<AreaId> = (1..=13).map(AreaId).collect();
        let groups: Vec<GroupId> = (1..=GROUPS as i64).map(GroupId).collect();
        let sheets = kvadrant::Sheets::from_cells(&cells(&areas, &groups));
        let ranking = kvadrant::rank_sheets(kvadrant::Midlines::default(), Aggregate::Mean, &areas, &sheets);
        let reading = kvadrant::CertaintySettings::default();
        let (certainty, _) = assess(&ranking, &sheets, kvadrant::Scale::ONE_TO_TEN, &reading);
        let flagged: Vec<usize> =
            certainty.iter().enumerate().filter(|(_, c)| !c.dissent.is_empty()).map(|(i, _)| i).collect();
        assert_eq!(flagged, [SPLIT.0], "only the split area is flagged");
        let bands = rank_bands(
            &sheets,
            Aggregate::Mean,
            &ranked_of(&ranking),
            &TOP,
            RESAMPLES,
            band_seed(1, &sheets, &TOP, Aggregate::Mean),
        );
        let places: Vec<Place> = bands.iter().map(|band| Band::of(band).top.last().expect("a top 5").place).collect();
        assert!(places.contains(&Place::Uncertain), "{places:?}");
        assert!(places.contains(&Place::ClearlyAhead) || places.contains(&Place::ClearlyBehind), "{places:?}");
    }
}
