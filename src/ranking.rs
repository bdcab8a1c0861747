//! From the groups' scores to a ranked list.
//!
//! An area counts the groups that scored it on both axes; a group that gave only one
//! score is left out of that area until it gives the other. Means, spreads, quadrants
//! and the order are computed from integer sums, so they are exact and do not depend
//! on the order the scores arrive in.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Aggregate, AreaId, Axis, GroupId, Midline, Midlines, Score};

/// One group's score for one area on one axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub group: GroupId,
    pub area: AreaId,
    pub axis: Axis,
    pub score: Score,
}

/// Where an area falls in the matrix. A mean exactly on a midline counts as the
/// higher side: high potential, easy to carry out.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    HighPotentialEasy,
    HighPotentialHard,
    LowPotentialEasy,
    LowPotentialHard,
}

/// Summary of one axis for one area over the groups that scored it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AxisStats {
    pub mean: f64,
    #[serde(default)]
    pub median: f64,
    /// Sample standard deviation (n − 1); absent when only one group scored.
    pub sd: Option<f64>,
    pub min: u8,
    pub max: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaResult {
    pub area: AreaId,
    /// Dense rank: areas with exactly the same combined score share a rank, and the next
    /// score down gets the next number.
    pub rank: u32,
    /// Groups that scored this area on both axes.
    pub groups: u32,
    pub potential: AxisStats,
    pub feasibility: AxisStats,
    /// Potential × feasibility, each the mean of the groups' scores or their median.
    pub combined: f64,
    pub quadrant: Quadrant,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    /// Highest combined score first. Exact ties are listed by higher mean potential, then
    /// in the workshop's own order of areas.
    pub ranked: Vec<AreaResult>,
    /// Areas no group has scored on both axes, in the workshop's order. Never ranked as zero.
    pub unscored: Vec<AreaId>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    n: u64,
    sum: u64,
    sum_sq: u64,
    min: u8,
    max: u8,
}

impl Tally {
    fn add(&mut self, value: u8) {
        let v = u64::from(value);
        self.min = if self.n == 0 { value } else { self.min.min(value) };
        self.max = if self.n == 0 { value } else { self.max.max(value) };
        self.n += 1;
        self.sum += v;
        self.sum_sq += v * v;
    }

    fn stats(&self) -> AxisStats {
        let n = self.n as f64;
        let sd = (self.n > 1).then(|| {
            let spread = self.n * self.sum_sq - self.sum * self.sum;
            (spread as f64 / (n * (n - 1.0))).sqrt()
        });
        AxisStats { mean: self.sum as f64 / n, median: 0.0, sd, min: self.min, max: self.max }
    }
}

impl AxisStats {
    /// The value the workshop's `aggregate` brings the groups' scores to.
    pub fn centre(&self, aggregate: Aggregate) -> f64 {
        match aggregate {
            Aggregate::Mean => self.mean,
            Aggregate::Median => self.median,
        }
    }
}

/// Twice the median of `sorted` values, a whole number: medians of whole scores are whole or half.
pub fn doubled_median(sorted: &[u8]) -> u64 {
    match sorted.len() {
        0 => 0,
        n if n % 2 == 1 => 2 * u64::from(sorted[n / 2]),
        n => u64::from(sorted[n / 2 - 1]) + u64::from(sorted[n / 2]),
    }
}

struct Scored {
    area: AreaId,
    position: usize,
    potential: Tally,
    feasibility: Tally,
    /// Twice each axis's median.
    medians: (u64, u64),
}

impl Scored {
    fn n(&self) -> u128 {
        u128::from(self.potential.n)
    }

    /// Compares combined scores exactly: Σp·Σf / n² against the other's, cross-multiplied; or
    /// the products of twice the medians.
    fn cmp_combined(&self, other: &Scored, aggregate: Aggregate) -> Ordering {
        match aggregate {
            Aggregate::Mean => {
                let mine = u128::from(self.potential.sum) * u128::from(self.feasibility.sum);
                let theirs = u128::from(other.potential.sum) * u128::from(other.feasibility.sum);
                (mine * other.n() * other.n()).cmp(&(theirs * self.n() * self.n()))
            }
            Aggregate::Median => (self.medians.0 * self.medians.1).cmp(&(other.medians.0 * other.medians.1)),
        }
    }

    /// Σp·Σf / n² (or the medians' product) in one division, so that exactly equal scores are
    /// equal floats too.
    fn combined(&self, aggregate: Aggregate) -> f64 {
        match aggregate {
            Aggregate::Mean => {
                let n = self.potential.n as f64;
                (self.potential.sum * self.feasibility.sum) as f64 / (n * n)
            }
            Aggregate::Median => (self.medians.0 * self.medians.1) as f64 / 4.0,
        }
    }

    fn cmp_potential(&self, other: &Scored, aggregate: Aggregate) -> Ordering {
        match aggregate {
            Aggregate::Mean => {
                (u128::from(self.potential.sum) * other.n()).cmp(&(u128::from(other.potential.sum) * self.n()))
            }
            Aggregate::Median => self.medians.0.cmp(&other.medians.0),
        }
    }

    fn quadrant(&self, midlines: Midlines, aggregate: Aggregate) -> Quadrant {
        let at_or_above = |tally: &Tally, median: u64, line: Midline| match aggregate {
            Aggregate::Mean => 2 * tally.sum >= u64::from(line.doubled()) * tally.n,
            Aggregate::Median => median >= u64::from(line.doubled()),
        };
        let high_potential = at_or_above(&self.potential, self.medians.0, midlines.potential);
        let easy = at_or_above(&self.feasibility, self.medians.1, midlines.feasibility);
        match (high_potential, easy) {
            (true, true) => Quadrant::HighPotentialEasy,
            (true, false) => Quadrant::HighPotentialHard,
            (false, true) => Quadrant::LowPotentialEasy,
            (false, false) => Quadrant::LowPotentialHard,
        }
    }
}

/// Ranks `areas` (in the workshop's order) by the means of the groups' `cells`, placing each
/// in the quadrant `midlines` put it in. Cells for areas not listed are ignored; each (group,
/// area, axis) is expected at most once.
pub fn rank_areas(midlines: Midlines, areas: &[AreaId], cells: &[Cell]) -> Ranking {
    rank_sheets(midlines, Aggregate::Mean, areas, &Sheets::from_cells(cells))
}

/// [`rank_areas`] for cells already paired into sheets, which the certainty of the ranking
/// ([`crate::certainty::assess`]) reads too, each axis brought together by `aggregate`.
pub fn rank_sheets(midlines: Midlines, aggregate: Aggregate, areas: &[AreaId], sheets: &Sheets) -> Ranking {
    let mut scored = Vec::new();
    let mut unscored = Vec::new();
    for (position, &area) in areas.iter().enumerate() {
        let (potential, feasibility) = (Tally::default(), Tally::default());
        let mut entry = Scored { area, position, potential, feasibility, medians: (0, 0) };
        for (potential, feasibility) in sheets.pairs(area) {
            entry.potential.add(potential);
            entry.feasibility.add(feasibility);
        }
        if entry.potential.n == 0 {
            unscored.push(area);
        } else {
            let median = |axis| {
                let mut values = sheets.values(area, axis);
                values.sort_unstable();
                doubled_median(&values)
            };
            entry.medians = (median(Axis::Potential), median(Axis::Feasibility));
            scored.push(entry);
        }
    }

    scored.sort_by(|a, b| {
        b.cmp_combined(a, aggregate)
            .then_with(|| b.cmp_potential(a, aggregate))
            .then_with(|| a.position.cmp(&b.position))
    });

    let mut ranked: Vec<AreaResult> = Vec::with_capacity(scored.len());
    let mut rank = 0;
    for (index, entry) in scored.iter().enumerate() {
        if index == 0 || scored[index - 1].cmp_combined(entry, aggregate) != Ordering::Equal {
            rank += 1;
        }
        let with_median = |tally: &Tally, doubled: u64| AxisStats { median: doubled as f64 / 2.0, ..tally.stats() };
        ranked.push(AreaResult {
            area: entry.area,
            rank,
            groups: entry.potential.n as u32,
            combined: entry.combined(aggregate),
            potential: with_median(&entry.potential, entry.medians.0),
            feasibility: with_median(&entry.feasibility, entry.medians.1),
            quadrant: entry.quadrant(midlines, aggregate),
        });
    }
    Ranking { ranked, unscored }
}

/// Each group's two scores per area, for the areas it scored on both axes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheets {
    /// Area → group → (potential, feasibility).
    pub(crate) by_area: BTreeMap<AreaId, BTreeMap<GroupId, (u8, u8)>>,
}

impl Sheets {
    /// The complete pairs among `cells`; a group with one axis only is left out of that area.
    pub fn from_cells(cells: &[Cell]) -> Sheets {
        let mut halves: BTreeMap<(AreaId, GroupId), [Option<u8>; 2]> = BTreeMap::new();
        for cell in cells {
            let slot = match cell.axis {
                Axis::Potential => 0,
                Axis::Feasibility => 1,
            };
            halves.entry((cell.area, cell.group)).or_default()[slot] = Some(cell.score.value());
        }
        let mut by_area: BTreeMap<AreaId, BTreeMap<GroupId, (u8, u8)>> = BTreeMap::new();
        for ((area, group), [potential, feasibility]) in halves {
            if let (Some(potential), Some(feasibility)) = (potential, feasibility) {
                by_area.entry(area).or_default().insert(group, (potential, feasibility));
            }
        }
        Sheets { by_area }
    }

    /// The complete pairs of `area`, (potential, feasibility), in the groups' order.
    fn pairs(&self, area: AreaId) -> impl Iterator<Item = (u8, u8)> + '_ {
        self.by_area.get(&area).into_iter().flat_map(|groups| groups.values().copied())
    }

    /// The groups' scores of `area` on `axis`, in the groups' order.
    pub fn values(&self, area: AreaId, axis: Axis) -> Vec<u8> {
        let pick = |&(potential, feasibility): &(u8, u8)| match axis {
            Axis::Potential => potential,
            Axis::Feasibility => feasibility,
        };
        self.by_area.get(&area).map(|groups| groups.values().map(pick).collect()).unwrap_or_default()
    }

    /// Every group that scored at least one area whole.
    pub(crate) fn groups(&self) -> Vec<GroupId> {
        let mut groups: Vec<GroupId> = self.by_area.values().flat_map(|groups| groups.keys().copied()).collect();
        groups.sort();
        groups.dedup();
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scale;

    fn cell(group: i64, area: i64, axis: Axis, value: i64) -> Cell {
        Cell { group: GroupId(group), area: AreaId(area), axis, score: Score::parse(value, Scale::ONE_TO_TEN).unwrap() }
    }

    fn pair(group: i64, area: i64, potential: i64, feasibility: i64) -> [Cell; 2] {
        [cell(group, area, Axis::Potential, potential), cell(group, area, Axis::Feasibility, feasibility)]
    }

    fn ids(ids: &[i64]) -> Vec<AreaId> {
        ids.iter().copied().map(AreaId).collect()
    }

    #[test]
    fn means_spread_and_combined_score_by_hand() {
        // Area 1: potential 8, 6, 7 → mean 7, sd 1; feasibility 5, 9, 4 → mean 6, sd √7.
        let cells: Vec<Cell> = [pair(1, 1, 8, 5), pair(2, 1, 6, 9), pair(3, 1, 7, 4)].concat();
        let ranking = rank_areas(Midlines::default(), &ids(&[1]), &cells);
        let result = &ranking.ranked[0];
        assert_eq!(result.groups, 3);
        assert_eq!(result.potential.mean, 7.0);
        assert_eq!(result.potential.sd, Some(1.0));
        assert_eq!((result.potential.min, result.potential.max), (6, 8));
        assert_eq!(result.feasibility.mean, 6.0);
        assert!((result.feasibility.sd.unwrap() - 7f64.sqrt()).abs() < 1e-12);
        assert_eq!((result.feasibility.min, result.feasibility.max), (4, 9));
        assert_eq!(result.combined, 42.0);
        assert_eq!(result.quadrant, Quadrant::HighPotentialEasy);
    }

    #[test]
    fn only_groups_that_scored_both_axes_count() {
        let mut cells: Vec<Cell> = pair(1, 1, 9, 9).to_vec();
        cells.push(cell(2, 1, Axis::Potential, 1));
        let ranking = rank_areas(Midlines::default(), &ids(&[1]), &cells);
        assert_eq!(ranking.ranked[0].groups, 1);
        assert_eq!(ranking.ranked[0].potential.mean, 9.0);
        assert_eq!(ranking.ranked[0].potential.sd, None);
    }

    #[test]
    fn unscored_areas_are_listed_apart_never_ranked_as_zero() {
        let mut cells: Vec<Cell> = pair(1, 2, 1, 1).to_vec();
        cells.push(cell(1, 3, Axis::Potential, 10));
        let ranking = rank_areas(Midlines::default(), &ids(&[1, 2, 3]), &cells);
        assert_eq!(ranking.ranked.len(), 1);
        assert_eq!(ranking.ranked[0].area, AreaId(2));
        assert_eq!(ranking.unscored, ids(&[1, 3]));
    }

    #[test]
    fn exact_ties_share_a_dense_rank_and_list_higher_potential_first() {
        // 6 × 4 = 24 = 4 × 6 = 3 × 8; then 4 × 5 = 20.
        let cells: Vec<Cell> = [pair(1, 1, 4, 6), pair(1, 2, 6, 4), pair(1, 3, 4, 5), pair(1, 4, 3, 8)].concat();
        let ranking = rank_areas(Midlines::default(), &ids(&[1, 2, 3, 4]), &cells);
        let order: Vec<(i64, u32)> = ranking.ranked.iter().map(|r| (r.area.0, r.rank)).collect();
        assert_eq!(order, vec![(2, 1), (1, 1), (4, 1), (3, 2)]);
    }

    #[test]
    fn ties_in_combined_and_potential_keep_the_workshop_order() {
        let cells: Vec<Cell> = [pair(1, 7, 5, 5), pair(1, 3, 5, 5)].concat();
        let ranking = rank_areas(Midlines::default(), &ids(&[7, 3]), &cells);
        let order: Vec<i64> = ranking.ranked.iter().map(|r| r.area.0).collect();
        assert_eq!(order, vec![7, 3]);
    }

    #[test]
    fn exact_ties_are_equal_floats_even_where_mean_times_mean_rounds_apart() {
        // 8/6 × 15/6 = 10/3 = 3/3 × 10/3, but (8/6)·(15/6) and 1·(10/3) round differently as floats.
        let mut cells: Vec<Cell> = Vec::new();
        for (group, (p, f)) in [(1, 4), (1, 4), (1, 1), (1, 2), (2, 2), (2, 2)].into_iter().enumerate() {
            cells.extend(pair(group as i64, 1, p, f));
        }
        for (group, (p, f)) in [(1, 3), (1, 3), (1, 4)].into_iter().enumerate() {
            cells.extend(pair(group as i64, 2, p, f));
        }
        let ranking = rank_areas(Midlines::default(), &ids(&[1, 2]), &cells);
        assert_eq!(ranking.ranked[0].rank, ranking.ranked[1].rank);
        assert_eq!(ranking.ranked[0].combined, ranking.ranked[1].combined);
        assert_eq!(ranking.ranked[0].combined, 10.0 / 3.0);
    }

    #[test]
    fn a_mean_on_the_midline_counts_as_the_higher_side() {
        // Potential (5 + 6) / 2 = 5.5, feasibility (5 + 5) / 2 = 5.
        let cells: Vec<Cell> = [pair(1, 1, 5, 5), pair(2, 1, 6, 5)].concat();
        let ranking = rank_areas(Midlines::default(), &ids(&[1]), &cells);
        assert_eq!(ranking.ranked[0].quadrant, Quadrant::HighPotentialHard);
    }

    #[test]
    fn moved_midlines_move_areas_between_quadrants() {
        // Potential mean 6.5, feasibility mean 4: high and hard at 5.5; low and easy with lines at 7 and 4.
        let cells: Vec<Cell> = [pair(1, 1, 6, 4), pair(2, 1, 7, 4)].concat();
        assert_eq!(rank_areas(Midlines::default(), &ids(&[1]), &cells).ranked[0].quadrant, Quadrant::HighPotentialHard);
        let scale = crate::Scale::ONE_TO_TEN;
        let moved = Midlines {
            potential: Midline::parse("p", 7.0, scale).unwrap(),
            feasibility: Midline::parse("f", 4.0, scale).unwrap(),
        };
        assert_eq!(rank_areas(moved, &ids(&[1]), &cells).ranked[0].quadrant, Quadrant::LowPotentialEasy);
    }

    #[test]
    fn scores_for_areas_not_listed_are_ignored() {
        let cells: Vec<Cell> = pair(1, 99, 10, 10).to_vec();
        let ranking = rank_areas(Midlines::default(), &ids(&[1]), &cells);
        assert!(ranking.ranked.is_empty());
        assert_eq!(ranking.unscored, ids(&[1]));
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::Scale;

    /// Up to 12 groups × up to 30 areas, each group scoring each area on zero, one or two axes.
    fn workshop() -> impl Strategy<Value = (Vec<AreaId>, Vec<Cell>)> {
        (1usize..30, 1i64..12).prop_flat_map(|(areas, groups)| {
            let area_ids: Vec<AreaId> = (0..areas as i64).map(|a| AreaId(a * 7 + 3)).collect();
            let slots = areas * groups as usize * 2;
            let ids = area_ids.clone();
            proptest::collection::vec(proptest::option::weighted(0.85, 1i64..=10), slots).prop_map(move |values| {
                let mut cells = Vec::new();
                let mut values = values.into_iter();
                for &area in &ids {
                    for group in 0..groups {
                        for axis in Axis::ALL {
                            if let Some(value) = values.next().flatten() {
                                let score = Score::parse(value, Scale::ONE_TO_TEN).unwrap();
                                cells.push(Cell { group: GroupId(group), area, axis, score });
                            }
                        }
                    }
                }
                (ids.clone(), cells)
            })
        })
    }

    proptest! {
        #[test]
        fn group_order_does_not_change_results((areas, cells) in workshop(), seed in any::<u64>()) {
            let mut shuffled = cells.clone();
            // A deterministic shuffle driven by the seed, and a renumbering of groups that reverses their order.
            let len = shuffled.len();
            let mut state = seed | 1;
            for i in (1..len).rev() {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17;
                shuffled.swap(i, (state % (i as u64 + 1)) as usize);
            }
            for cell in &mut shuffled { cell.group = GroupId(1000 - cell.group.0); }
            prop_assert_eq!(rank_areas(Midlines::default(), &areas, &cells), rank_areas(Midlines::default(), &areas, &shuffled));
        }

        #[test]
        fn means_stay_within_the_scale((areas, cells) in workshop()) {
            let ranking = rank_areas(Midlines::default(), &areas, &cells);
            for result in &ranking.ranked {
                for stats in [result.potential, result.feasibility] {
                    prop_assert!((1.0..=10.0).contains(&stats.mean));
                    prop_assert!(f64::from(stats.min) <= stats.mean && stats.mean <= f64::from(stats.max));
                    prop_assert!(stats.sd.unwrap_or(0.0) >= 0.0);
                }
                prop_assert!((1.0..=100.0).contains(&result.combined));
                prop_assert!(result.groups >= 1);
            }
        }

        #[test]
        fn every_area_is_ranked_or_unscored_exactly_once((areas, cells) in workshop()) {
            let ranking = rank_areas(Midlines::default(), &areas, &cells);
            let mut seen: Vec<AreaId> = ranking.ranked.iter().map(|r| r.area).chain(ranking.unscored.iter().copied()).collect();
            seen.sort();
            let mut expected = areas.clone();
            expected.sort();
            prop_assert_eq!(seen, expected);
        }

        #[test]
        fn ranks_are_dense_and_consistent_with_scores((areas, cells) in workshop()) {
            let ranking = rank_areas(Midlines::default(), &areas, &cells);
            if let Some(first) = ranking.ranked.first() {
                prop_assert_eq!(first.rank, 1);
            }
            for pair in ranking.ranked.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                prop_assert!(a.combined >= b.combined - 1e-9);
                // Dense: the rank stays for a tie and steps by exactly one otherwise.
                prop_assert!(b.rank == a.rank || b.rank == a.rank + 1);
                if b.rank == a.rank {
                    prop_assert!((a.combined - b.combined).abs() < 1e-9);
                } else {
                    prop_assert!(a.combined > b.combined);
                }
            }
        }
    }

    #[test]
    fn medians_rank_by_the_product_of_the_medians_and_one_far_group_moves_them_not() {
        // Area 1: potential 2, 8, 9 (mean 6.33, median 8); area 2: 7, 7, 7 (mean and median 7).
        // Feasibility 6 everywhere.
        let cells: Vec<Cell> = [(1, 1, 2), (2, 1, 8), (3, 1, 9), (1, 2, 7), (2, 2, 7), (3, 2, 7)]
            .into_iter()
            .flat_map(|(group, area, p)| {
                [(Axis::Potential, p), (Axis::Feasibility, 6)].map(|(axis, value)| Cell {
                    group: GroupId(group),
                    area: AreaId(area),
                    axis,
                    score: Score::parse(value, Scale::ONE_TO_TEN).unwrap(),
                })
            })
            .collect();
        let areas = [AreaId(1), AreaId(2)];
        let sheets = Sheets::from_cells(&cells);
        let by_mean = rank_sheets(Midlines::default(), Aggregate::Mean, &areas, &sheets);
        assert_eq!(by_mean.ranked.iter().map(|r| r.area.0).collect::<Vec<_>>(), [2, 1]);
        let by_median = rank_sheets(Midlines::default(), Aggregate::Median, &areas, &sheets);
        assert_eq!(by_median.ranked.iter().map(|r| r.area.0).collect::<Vec<_>>(), [1, 2]);
        let first = &by_median.ranked[0];
        assert_eq!((first.potential.median, first.combined), (8.0, 48.0));
        assert!((first.potential.mean - 19.0 / 3.0).abs() < 1e-12, "the mean is still given");
        // An even count: the median halfway between the middle two, on a half step.
        assert_eq!(doubled_median(&[3, 4, 8, 9]), 12);
        assert_eq!(doubled_median(&[5]), 10);
    }
}
