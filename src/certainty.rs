//! How sure the ranking is: how far the groups disagree on an area, how much they agree on the
//! order as a whole (Kendall's W), how far an area's rank could move if other groups had come
//! (bootstrap rank bands), and the ranking with each group's own level taken out.
//!
//! Everything here works on the groups' complete sheets: a group counts for an area once it
//! has scored both axes, as in [`crate::rank_areas`].

use std::collections::BTreeMap;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::settings::CertaintySettings;
use crate::{Aggregate, AreaId, AreaResult, Axis, AxisStats, GroupId, Midlines, Quadrant, Ranking, Scale, Sheets};

/// How many times the groups are drawn again for a rank band.
pub const RESAMPLES: usize = 2_000;
/// The share of resampled ranks a band holds: from the 5th to the 95th percentile.
pub const BAND: f64 = 0.90;
/// Fewer groups than this give no band: "too few groups".
pub const MIN_GROUPS_FOR_BAND: usize = 3;
/// An axis is flagged as dissent when its standard deviation exceeds this share of the
/// scale's range, in per cent (the normalised SD rule), unless a workshop chooses another.
pub const DISSENT_PERCENT: u8 = 30;
/// The top places whose odds each band gives, unless a workshop chooses others.
pub const TOP: [u32; 2] = [3, 5];

/// Whether the groups disagree on one axis of one area.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dissent {
    /// The sample standard deviation over the scale's range: 0 when all agree.
    pub normalised_sd: f64,
    pub flagged: bool,
}

/// The normalised-SD rule: the groups' spread on `scale` against `threshold`; `None` below two groups.
pub fn dissent(values: &[u8], scale: Scale, threshold: f64) -> Option<Dissent> {
    let sd = sample_sd(values.iter().map(|&v| f64::from(v)))?;
    let range = f64::from(scale.max() - scale.min());
    let normalised_sd = sd / range;
    Some(Dissent { normalised_sd, flagged: normalised_sd > threshold })
}

fn sample_sd(values: impl Iterator<Item = f64> + Clone) -> Option<f64> {
    let n = values.clone().count();
    if n < 2 {
        return None;
    }
    let mean = values.clone().sum::<f64>() / n as f64;
    let squares: f64 = values.map(|v| (v - mean) * (v - mean)).sum();
    Some((squares / (n as f64 - 1.0)).sqrt())
}

/// How much the groups agree on the order of the areas.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    /// Kendall's W with the correction for ties: 0 none, 1 complete.
    pub w: f64,
    /// The groups that scored every area counted, and the areas.
    pub groups: usize,
    pub areas: usize,
    pub strength: Strength,
}

/// Kendall's W in words: weak below 0.3, moderate below 0.6, strong from there.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    Weak,
    Moderate,
    Strong,
}

impl Strength {
    pub fn of(w: f64) -> Strength {
        match w {
            w if w < 0.3 => Strength::Weak,
            w if w < 0.6 => Strength::Moderate,
            _ => Strength::Strong,
        }
    }
}

/// Kendall's W on each axis and on the combined score.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Agreements {
    pub potential: Option<Agreement>,
    pub feasibility: Option<Agreement>,
    pub combined: Option<Agreement>,
}

/// How sure one ranked area's place is.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AreaCertainty {
    /// How many groups gave each value of the scale, lowest first, per axis: the distribution
    /// behind the means, as small as the scale whatever the number of groups.
    pub potential_counts: Vec<u32>,
    pub feasibility_counts: Vec<u32>,
    /// Each group's scores, in the groups' order: who gave what. Left empty where the caller
    /// leaves it out (live screens while scoring is open; see the server's assembly).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<GroupPair>,
    /// Each axis's standard deviation over the scale's range; absent below two groups.
    pub potential_spread: Option<f64>,
    pub feasibility_spread: Option<f64>,
    /// The axes the groups disagree on, by the normalised-SD rule.
    pub dissent: Vec<Axis>,
    /// How far its rank could move; absent with too few groups, and until it is drawn.
    pub band: Option<Band>,
}

impl AreaCertainty {
    /// Whether nothing was assessed: a ranked area has at least one group's scores to count.
    pub fn is_omitted(&self) -> bool {
        self.potential_counts.is_empty() && self.feasibility_counts.is_empty()
    }
}

/// One group's scores of one area.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupPair {
    pub group_id: GroupId,
    pub potential: u8,
    pub feasibility: u8,
}

impl GroupPair {
    pub fn of(&self, axis: Axis) -> u8 {
        match axis {
            Axis::Potential => self.potential,
            Axis::Feasibility => self.feasibility,
        }
    }
}

/// A 90 % band of ranks and the odds of the top places.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub best: u32,
    pub worst: u32,
    pub top: Vec<TopShare>,
}

impl Band {
    pub fn of(band: &RankBand) -> Band {
        let top = band
            .top
            .iter()
            .map(|&(k, share)| TopShare { k, share, place: Place::of(band.best, band.worst, k) })
            .collect();
        Band { best: band.best, worst: band.worst, top }
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TopShare {
    pub k: u32,
    /// The share of resamples in which the area ranked k-th or better.
    pub share: f64,
    /// Where the band puts the area against the top k.
    pub place: Place,
}

/// An area against a cut at the top k: its whole band above it, across it, or below it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    ClearlyAhead,
    Uncertain,
    ClearlyBehind,
}

impl Place {
    pub fn of(best: u32, worst: u32, k: u32) -> Place {
        match () {
            () if worst <= k => Place::ClearlyAhead,
            () if best > k => Place::ClearlyBehind,
            () => Place::Uncertain,
        }
    }
}

/// How far the groups spread and agree, area by area (in the order of `ranking`) and as a
/// whole, from the `sheets` it was ranked from. Rank bands cost more and come apart, from
/// [`rank_bands`].
pub fn assess(
    ranking: &Ranking,
    sheets: &Sheets,
    scale: Scale,
    reading: &CertaintySettings,
) -> (Vec<AreaCertainty>, Agreements) {
    let threshold = reading.dissent_threshold();
    let ranked = ranked_of(ranking);
    let areas = ranked
        .iter()
        .map(|&(area, _)| {
            let scores: Vec<GroupPair> = sheets
                .by_area
                .get(&area)
                .into_iter()
                .flatten()
                .map(|(&group_id, &(potential, feasibility))| GroupPair { group_id, potential, feasibility })
                .collect();
            let (mut potential, mut feasibility) =
                (sheets.values(area, Axis::Potential), sheets.values(area, Axis::Feasibility));
            potential.sort_unstable();
            feasibility.sort_unstable();
            let (p, f) = (dissent(&potential, scale, threshold), dissent(&feasibility, scale, threshold));
            let dissent = [(Axis::Potential, p), (Axis::Feasibility, f)]
                .into_iter()
                .filter_map(|(axis, d)| d.filter(|d| d.flagged).map(|_| axis))
                .collect();
            let counts = |sorted: &[u8]| -> Vec<u32> {
                scale.values().map(|value| sorted.iter().filter(|&&v| v == value).count() as u32).collect()
            };
            AreaCertainty {
                potential_counts: counts(&potential),
                feasibility_counts: counts(&feasibility),
                scores,
                potential_spread: p.map(|d| d.normalised_sd),
                feasibility_spread: f.map(|d| d.normalised_sd),
                dissent,
                band: None,
            }
        })
        .collect();
    let ids: Vec<AreaId> = ranked.iter().map(|(area, _)| *area).collect();
    let agreements = Agreements {
        potential: kendalls_w(sheets, &ids, |(p, _)| f64::from(p)),
        feasibility: kendalls_w(sheets, &ids, |(_, f)| f64::from(f)),
        combined: kendalls_w(sheets, &ids, |(p, f)| f64::from(p) * f64::from(f)),
    };
    (areas, agreements)
}

/// Kendall's W over the groups that scored all of `areas`, each group's ranks taken from its
/// `score` of them (ties share their mean rank). `None` with fewer than two such groups or two
/// areas, or when no group tells any areas apart.
pub fn kendalls_w(sheets: &Sheets, areas: &[AreaId], score: impl Fn((u8, u8)) -> f64) -> Option<Agreement> {
    let complete: Vec<GroupId> = sheets
        .groups()
        .into_iter()
        .filter(|group| areas.iter().all(|area| sheets.by_area.get(area).is_some_and(|g| g.contains_key(group))))
        .collect();
    let (m, n) = (complete.len(), areas.len());
    if m < 2 || n < 2 {
        return None;
    }
    let mut rank_sums = vec![0.0; n];
    let mut ties = 0.0;
    for group in &complete {
        let scores: Vec<f64> = areas.iter().map(|area| score(sheets.by_area[area][group])).collect();
        let (ranks, tie_term) = mid_ranks(&scores);
        ties += tie_term;
        for (sum, rank) in rank_sums.iter_mut().zip(ranks) {
            *sum += rank;
        }
    }
    let (m, n) = (m as f64, n as f64);
    let mean = m * (n + 1.0) / 2.0;
    let s: f64 = rank_sums.iter().map(|r| (r - mean) * (r - mean)).sum();
    let denominator = m * m * (n * n * n - n) - m * ties;
    (denominator > 0.0).then(|| {
        let w = 12.0 * s / denominator;
        Agreement { w, groups: complete.len(), areas: areas.len(), strength: Strength::of(w) }
    })
}

/// Ranks of `scores`, highest first, ties sharing their mean rank; and Σ(t³ − t) over the ties.
fn mid_ranks(scores: &[f64]) -> (Vec<f64>, f64) {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let mut ranks = vec![0.0; scores.len()];
    let mut tie_term = 0.0;
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && scores[order[end]] == scores[order[start]] {
            end += 1;
        }
        let shared = (start + end + 1) as f64 / 2.0;
        for &index in &order[start..end] {
            ranks[index] = shared;
        }
        let t = (end - start) as f64;
        tie_term += t * t * t - t;
        start = end;
    }
    (ranks, tie_term)
}

/// How far an area's rank could move: a band holding [`BAND`] of its ranks over resamples of
/// the groups, and how often it made each top `k`.
#[derive(Debug, Clone, PartialEq)]
pub struct RankBand {
    pub area: AreaId,
    /// Best and worst rank of the band; it always holds the area's rank in the data itself.
    pub best: u32,
    pub worst: u32,
    /// `(k, share of resamples in which the area ranked k-th or better)`.
    pub top: Vec<(u32, f64)>,
}

/// Rank bands for `ranked` (the areas as [`crate::rank_areas`] ranked them, with their ranks),
/// by percentile bootstrap over the groups: `resamples` draws of as many groups as there are,
/// with replacement, from a generator seeded with `seed`, so the same data always gives the
/// same bands; each draw brought together by `aggregate` as the ranking was. Empty when fewer
/// than [`MIN_GROUPS_FOR_BAND`] groups scored.
pub fn rank_bands(
    sheets: &Sheets,
    aggregate: Aggregate,
    ranked: &[(AreaId, u32)],
    top: &[u32],
    resamples: usize,
    seed: u64,
) -> Vec<RankBand> {
    let mut groups = sheets.groups();
    if groups.len() < MIN_GROUPS_FOR_BAND || ranked.is_empty() {
        return Vec::new();
    }
    // Drawn in the order of what they scored, not of their ids: numbering the same groups
    // differently gives the same bands.
    let sheet_of = |group: &GroupId| -> Vec<(AreaId, (u8, u8))> {
        sheets.by_area.iter().filter_map(|(area, scored)| Some((*area, *scored.get(group)?))).collect()
    };
    groups.sort_by_cached_key(|group| (sheet_of(group), *group));
    let index: BTreeMap<GroupId, usize> = groups.iter().enumerate().map(|(i, g)| (*g, i)).collect();
    // Per area, each scoring group's index and pair: the inner loop touches no map.
    let areas: Vec<Vec<(usize, u64, u64)>> = ranked
        .iter()
        .map(|(area, _)| {
            sheets.by_area.get(area).map_or_else(Vec::new, |scored| {
                scored.iter().map(|(g, &(p, f))| (index[g], u64::from(p), u64::from(f))).collect()
            })
        })
        .collect();
    // For medians: per area and axis, each scoring group's index and score, lowest first.
    let sorted = |axis: usize| -> Vec<Vec<(usize, u64)>> {
        areas
            .iter()
            .map(|scorers| {
                let mut values: Vec<(usize, u64)> =
                    scorers.iter().map(|&(g, p, f)| (g, if axis == 0 { p } else { f })).collect();
                values.sort_unstable_by_key(|&(_, value)| value);
                values
            })
            .collect()
    };
    let by_value = match aggregate {
        Aggregate::Mean => None,
        Aggregate::Median => Some((sorted(0), sorted(1))),
    };
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut counts = vec![0u64; groups.len()];
    let mut ranks: Vec<Vec<u32>> = vec![Vec::with_capacity(resamples); ranked.len()];
    let mut sums = vec![Sums::default(); ranked.len()];
    let mut order: Vec<usize> = (0..ranked.len()).collect();
    for _ in 0..resamples {
        counts.iter_mut().for_each(|c| *c = 0);
        for _ in 0..groups.len() {
            counts[rng.random_range(0..groups.len())] += 1;
        }
        for (index, (sum, scorers)) in sums.iter_mut().zip(&areas).enumerate() {
            *sum = Sums::default();
            for &(group, potential, feasibility) in scorers {
                let times = counts[group];
                sum.n += times;
                sum.potential += times * potential;
                sum.feasibility += times * feasibility;
            }
            // A median compares as a mean of one: twice the medians stand for the sums.
            if let Some((potential, feasibility)) = &by_value
                && sum.n > 0
            {
                let doubled = |values: &[(usize, u64)]| doubled_weighted_median(values, &counts, sum.n);
                *sum = Sums { n: 1, potential: doubled(&potential[index]), feasibility: doubled(&feasibility[index]) };
            }
        }
        // Ranked as the data itself is: exactly equal combined scores share a rank (dense).
        order.sort_unstable_by(|&a, &b| sums[b].cmp(&sums[a]));
        let mut rank = 0;
        for (position, &area) in order.iter().enumerate() {
            if position == 0 || sums[order[position - 1]].cmp(&sums[area]) != std::cmp::Ordering::Equal {
                rank += 1;
            }
            ranks[area].push(rank);
        }
    }
    ranked
        .iter()
        .zip(ranks)
        .map(|(&(area, rank), mut drawn)| {
            drawn.sort_unstable();
            let at = |share: f64| drawn[((share * drawn.len() as f64).ceil() as usize).clamp(1, drawn.len()) - 1];
            let tail = (1.0 - BAND) / 2.0;
            let top = top
                .iter()
                .map(|&k| (k, drawn.iter().filter(|&&r| r <= k).count() as f64 / drawn.len() as f64))
                .collect();
            RankBand { area, best: at(tail).min(rank), worst: at(1.0 - tail).max(rank), top }
        })
        .collect()
}

/// Twice the median of `values` (lowest first), each counted as often as its group was drawn;
/// `n` draws in all.
fn doubled_weighted_median(values: &[(usize, u64)], counts: &[u64], n: u64) -> u64 {
    // The value at 0-based position `at` among the drawn values.
    let value_at = |at: u64| {
        let mut seen = 0;
        for &(group, value) in values {
            seen += counts[group];
            if seen > at {
                return value;
            }
        }
        unreachable!("`at` is below the number of draws")
    };
    if n % 2 == 1 { 2 * value_at(n / 2) } else { value_at(n / 2 - 1) + value_at(n / 2) }
}

/// One area's sums over a resample: how many draws of its groups, and their scores' totals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Sums {
    n: u64,
    potential: u64,
    feasibility: u64,
}

impl Sums {
    /// Compares combined scores exactly, Σp·Σf / n², cross-multiplied; an area drawn without
    /// any of its groups comes below every area that was scored.
    fn cmp(&self, other: &Sums) -> std::cmp::Ordering {
        match (self.n, other.n) {
            (0, 0) => std::cmp::Ordering::Equal,
            (0, _) => std::cmp::Ordering::Less,
            (_, 0) => std::cmp::Ordering::Greater,
            (n, m) => {
                let mine = u128::from(self.potential) * u128::from(self.feasibility) * u128::from(m) * u128::from(m);
                let theirs =
                    u128::from(other.potential) * u128::from(other.feasibility) * u128::from(n) * u128::from(n);
                mine.cmp(&theirs)
            }
        }
    }
}

/// The areas of `ranking` with their ranks, as [`rank_bands`] takes them.
pub fn ranked_of(ranking: &Ranking) -> Vec<(AreaId, u32)> {
    ranking.ranked.iter().map(|r| (r.area, r.rank)).collect()
}

/// A seed for [`rank_bands`] from the workshop, the scores themselves, the `top` places whose
/// odds are drawn and how scores are brought together: the same data always gives the same bands (whatever else changed, and
/// in every release), and no two workshops share a sequence. It also names what the bands
/// were drawn from.
pub fn band_seed(workshop: i64, sheets: &Sheets, top: &[u32], aggregate: Aggregate) -> u64 {
    // SplitMix64's finaliser folded over every pair: stable, unlike the standard hasher.
    let mix = |state: u64, value: u64| {
        let mut z = (state ^ value).wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let start = mix(mix(0, workshop as u64), aggregate as u64);
    let mut seed = top.iter().fold(start, |seed, &k| mix(seed, u64::from(k)));
    for (area, groups) in &sheets.by_area {
        seed = mix(seed, area.0 as u64);
        for (group, &(potential, feasibility)) in groups {
            seed = mix(seed, (group.0 as u64) << 16 | u64::from(potential) << 8 | u64::from(feasibility));
        }
    }
    seed
}

/// Each area's mean potential and feasibility with each group's own level taken out: a
/// group's score minus its mean over the areas it scored, plus the mean of all scores, per
/// axis. A group that rates everything high then weighs like one that uses the whole scale.
pub fn normalised_means(sheets: &Sheets) -> BTreeMap<AreaId, (f64, f64)> {
    let level = group_levels(sheets);
    let (all_p, all_f, all_n) =
        level.values().fold((0.0, 0.0, 0.0), |(p, f, n), &(sum_p, sum_f, count)| (p + sum_p, f + sum_f, n + count));
    let grand = (all_p / all_n, all_f / all_n);
    sheets
        .by_area
        .iter()
        .map(|(area, groups)| {
            let (mut p, mut f) = (0.0, 0.0);
            for (group, &(potential, feasibility)) in groups {
                let (sum_p, sum_f, n) = level[group];
                p += f64::from(potential) - sum_p / n + grand.0;
                f += f64::from(feasibility) - sum_f / n + grand.1;
            }
            let n = groups.len() as f64;
            (*area, (p / n, f / n))
        })
        .collect()
}

/// The ranking with each group's own level taken out ([`normalised_means`]): an aid to reading
/// the official one, not a result of its own. Each area's means are the normalised ones (its
/// spread too; its lowest and highest are the scores as given), ranked by their product as
/// floats, highest first; ties as in [`crate::rank_sheets`].
pub fn normalised_ranking(midlines: Midlines, areas: &[AreaId], sheets: &Sheets) -> Ranking {
    let (means, levels) = (normalised_means(sheets), group_levels(sheets));
    // Normalising is defined on means, whichever way the workshop brings scores together.
    let raw = crate::rank_sheets(midlines, Aggregate::Mean, areas, sheets);
    let position = |area: AreaId| areas.iter().position(|a| *a == area);
    let mut ranked: Vec<AreaResult> = raw
        .ranked
        .into_iter()
        .map(|mut result| {
            let (p, f) = means[&result.area];
            // The same shift for every score of an area's group: the spread around the mean.
            let shifted = |axis: Axis, mean: f64, stats: AxisStats| AxisStats {
                mean,
                sd: stats.sd.map(|_| normalised_sd(sheets, &levels, result.area, axis)),
                ..stats
            };
            result.potential = shifted(Axis::Potential, p, result.potential);
            result.feasibility = shifted(Axis::Feasibility, f, result.feasibility);
            result.combined = p * f;
            let high = |mean: f64, line: crate::Midline| mean >= line.value();
            result.quadrant = match (high(p, midlines.potential), high(f, midlines.feasibility)) {
                (true, true) => Quadrant::HighPotentialEasy,
                (true, false) => Quadrant::HighPotentialHard,
                (false, true) => Quadrant::LowPotentialEasy,
                (false, false) => Quadrant::LowPotentialHard,
            };
            result
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.combined
            .total_cmp(&a.combined)
            .then_with(|| b.potential.mean.total_cmp(&a.potential.mean))
            .then_with(|| position(a.area).cmp(&position(b.area)))
    });
    let mut rank = 0;
    let mut previous = None;
    for result in &mut ranked {
        if previous != Some(result.combined) {
            rank += 1;
        }
        previous = Some(result.combined);
        result.rank = rank;
    }
    Ranking { ranked, unscored: raw.unscored }
}

/// The sample standard deviation of an area's normalised scores on `axis`.
fn normalised_sd(sheets: &Sheets, levels: &BTreeMap<GroupId, (f64, f64, f64)>, area: AreaId, axis: Axis) -> f64 {
    let values = sheets.by_area[&area].iter().map(|(group, &(p, f))| {
        let (sum_p, sum_f, n) = levels[group];
        match axis {
            Axis::Potential => f64::from(p) - sum_p / n,
            Axis::Feasibility => f64::from(f) - sum_f / n,
        }
    });
    // The grand mean added to every value moves none of them apart: left out.
    sample_sd(values).unwrap_or(0.0)
}

/// Each group's sums of potential and feasibility over the areas it scored, and how many.
fn group_levels(sheets: &Sheets) -> BTreeMap<GroupId, (f64, f64, f64)> {
    let mut level: BTreeMap<GroupId, (f64, f64, f64)> = BTreeMap::new();
    for groups in sheets.by_area.values() {
        for (group, &(p, f)) in groups {
            let entry = level.entry(*group).or_default();
            *entry = (entry.0 + f64::from(p), entry.1 + f64::from(f), entry.2 + 1.0);
        }
    }
    level
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::{Cell, Midlines, Score, rank_areas};

    fn cells(sheets: &[(i64, i64, i64, i64)]) -> Vec<Cell> {
        sheets
            .iter()
            .flat_map(|&(group, area, p, f)| {
                [(Axis::Potential, p), (Axis::Feasibility, f)].map(|(axis, value)| Cell {
                    group: GroupId(group),
                    area: AreaId(area),
                    axis,
                    score: Score::parse(value, Scale::ONE_TO_TEN).unwrap(),
                })
            })
            .collect()
    }

    fn ranked(cells: &[Cell], areas: &[AreaId]) -> Vec<(AreaId, u32)> {
        rank_areas(Midlines::default(), areas, cells).ranked.iter().map(|r| (r.area, r.rank)).collect()
    }

    #[test]
    fn kendalls_w_by_hand() {
        // Three groups rank four areas by potential: 4,3,2,1 / 4,3,1,2 / 3,4,2,1 (scores).
        // Ranks (1 = best): A 1,1,2 → 4; B 2,2,1 → 5; C 3,4,3 → 10; D 4,3,4 → 11.
        // Mean rank sum 7.5; S = 12.25 + 6.25 + 6.25 + 12.25 = 37; W = 12·37 / (9·60) = 0.8222…
        let data = [(1, 1, 4, 1), (1, 2, 3, 1), (1, 3, 2, 1), (1, 4, 1, 1), (2, 1, 4, 1), (2, 2, 3, 1)];
        let more = [(2, 3, 1, 1), (2, 4, 2, 1), (3, 1, 3, 1), (3, 2, 4, 1), (3, 3, 2, 1), (3, 4, 1, 1)];
        let sheets = Sheets::from_cells(&cells(&[&data[..], &more[..]].concat()));
        let areas: Vec<AreaId> = (1..=4).map(AreaId).collect();
        let agreement = kendalls_w(&sheets, &areas, |(p, _)| f64::from(p)).unwrap();
        assert!((agreement.w - 444.0 / 540.0).abs() < 1e-12, "{agreement:?}");
        assert_eq!((agreement.groups, agreement.areas), (3, 4));
    }

    #[test]
    fn ties_are_corrected_for() {
        // Two groups, three areas; the second ties two of them: ranks 1,2,3 and 1.5,1.5,3.
        // Rank sums 2.5, 3.5, 6; mean 4; S = 2.25 + 0.25 + 4 = 6.5; ties Σ(t³−t) = 6.
        // W = 12·6.5 / (4·24 − 2·6) = 78 / 84.
        let sheets = Sheets::from_cells(&cells(&[
            (1, 1, 9, 1),
            (1, 2, 5, 1),
            (1, 3, 1, 1),
            (2, 1, 7, 1),
            (2, 2, 7, 1),
            (2, 3, 2, 1),
        ]));
        let areas: Vec<AreaId> = (1..=3).map(AreaId).collect();
        let agreement = kendalls_w(&sheets, &areas, |(p, _)| f64::from(p)).unwrap();
        assert!((agreement.w - 78.0 / 84.0).abs() < 1e-12, "{agreement:?}");
    }

    #[test]
    fn dissent_follows_the_normalised_sd_rule() {
        let split = dissent(&[1, 1, 10, 10], Scale::ONE_TO_TEN, 0.3).unwrap();
        assert!(split.flagged && split.normalised_sd > 0.5, "{split:?}");
        let close = dissent(&[7, 8, 7, 8], Scale::ONE_TO_TEN, 0.3).unwrap();
        assert!(!close.flagged, "{close:?}");
        assert_eq!(dissent(&[5], Scale::ONE_TO_TEN, 0.3), None);
    }

    #[test]
    fn a_band_is_ahead_of_across_or_behind_a_cut() {
        assert_eq!(Place::of(1, 3, 3), Place::ClearlyAhead);
        assert_eq!(Place::of(2, 4, 3), Place::Uncertain);
        assert_eq!(Place::of(4, 6, 3), Place::ClearlyBehind);
    }

    #[test]
    fn too_few_groups_give_no_band() {
        let two = cells(&[(1, 1, 5, 5), (2, 1, 6, 6), (1, 2, 3, 3), (2, 2, 4, 4)]);
        let areas = [AreaId(1), AreaId(2)];
        assert!(rank_bands(&Sheets::from_cells(&two), Aggregate::Mean, &ranked(&two, &areas), &[1], 200, 7).is_empty());
    }

    /// Up to 8 groups × 6 areas, every group scoring every area.
    fn workshops() -> impl Strategy<Value = Vec<(i64, i64, i64, i64)>> {
        (3usize..8, 2usize..6).prop_flat_map(|(groups, areas)| {
            proptest::collection::vec((1i64..=10, 1i64..=10), groups * areas).prop_map(move |values| {
                values
                    .iter()
                    .enumerate()
                    .map(|(i, &(p, f))| ((i / areas) as i64 + 1, (i % areas) as i64 + 1, p, f))
                    .collect()
            })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn bands_hold_the_rank_the_data_gives(data in workshops(), seed in any::<u64>()) {
            let sheets = Sheets::from_cells(&cells(&data));
            let areas: Vec<AreaId> = data.iter().map(|d| AreaId(d.1)).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
            for aggregate in [Aggregate::Mean, Aggregate::Median] {
                let ranked = ranked_of(&crate::rank_sheets(Midlines::default(), aggregate, &areas, &sheets));
                for band in rank_bands(&sheets, aggregate, &ranked, &[1, 3], 200, seed) {
                    let rank = ranked.iter().find(|(area, _)| *area == band.area).unwrap().1;
                    prop_assert!(band.best <= rank && rank <= band.worst, "{band:?} rank {rank}");
                    prop_assert!(band.top.iter().all(|&(_, share)| (0.0..=1.0).contains(&share)));
                }
            }
        }

        #[test]
        fn identical_groups_agree_completely(areas in proptest::collection::vec((1i64..=10, 1i64..=10), 2..6), groups in 3i64..7) {
            let data: Vec<_> = (1..=groups)
                .flat_map(|g| areas.iter().enumerate().map(move |(a, &(p, f))| (g, a as i64 + 1, p, f)))
                .collect();
            let cells = cells(&data);
            let ids: Vec<AreaId> = (1..=areas.len() as i64).map(AreaId).collect();
            let ranked = ranked(&cells, &ids);
            let sheets = Sheets::from_cells(&cells);
            for band in rank_bands(&sheets, Aggregate::Mean, &ranked, &[1], 100, 1) {
                let rank = ranked.iter().find(|(area, _)| *area == band.area).unwrap().1;
                // Resampling identical groups changes nothing.
                prop_assert!(band.best == rank && band.worst == rank, "{band:?} rank {rank}");
            }
            let distinct = areas.iter().map(|&(p, _)| p).collect::<std::collections::BTreeSet<_>>().len() > 1;
            if let Some(agreement) = kendalls_w(&sheets, &ids, |(p, _)| f64::from(p)) {
                prop_assert!((agreement.w - 1.0).abs() < 1e-9, "{agreement:?}");
            } else {
                prop_assert!(!distinct, "W exists whenever the groups tell areas apart");
            }
        }

        #[test]
        fn the_order_of_the_groups_changes_nothing(data in workshops(), seed in any::<u64>()) {
            let forward = cells(&data);
            let groups = data.iter().map(|d| d.0).max().unwrap();
            let renamed: Vec<_> = data.iter().map(|&(g, a, p, f)| (groups + 1 - g, a, p, f)).collect();
            let backward = cells(&renamed);
            let ids: Vec<AreaId> = data.iter().map(|d| AreaId(d.1)).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
            let (one, other) = (Sheets::from_cells(&forward), Sheets::from_cells(&backward));
            let w = |sheets: &Sheets| kendalls_w(sheets, &ids, |(p, f)| f64::from(p) * f64::from(f)).map(|a| a.w);
            match (w(&one), w(&other)) {
                (Some(a), Some(b)) => prop_assert!((a - b).abs() < 1e-9),
                (a, b) => prop_assert_eq!(a, b),
            }
            let means = |sheets: &Sheets| normalised_means(sheets).into_values().collect::<Vec<_>>();
            for (a, b) in means(&one).iter().zip(means(&other)) {
                prop_assert!((a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9);
            }
            let ranked = ranked(&forward, &ids);
            prop_assert_eq!(
                rank_bands(&one, Aggregate::Mean, &ranked, &[3], 100, seed),
                rank_bands(&other, Aggregate::Mean, &ranked, &[3], 100, seed)
            );
        }

        #[test]
        fn normalising_leaves_groups_at_the_grand_mean_alone(areas in proptest::collection::vec((1i64..=10, 1i64..=10), 2..6)) {
            // Two groups with the same sheet: each group's level is the grand mean already.
            let data: Vec<_> = (1..=2)
                .flat_map(|g| areas.iter().enumerate().map(move |(a, &(p, f))| (g, a as i64 + 1, p, f)))
                .collect();
            let normalised = normalised_means(&Sheets::from_cells(&cells(&data)));
            for (a, &(p, f)) in areas.iter().enumerate() {
                let (np, nf) = normalised[&AreaId(a as i64 + 1)];
                prop_assert!((np - p as f64).abs() < 1e-9 && (nf - f as f64).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn a_group_that_rates_everything_high_weighs_like_the_others_once_normalised() {
        // Group 1 rates high and scored only areas 1 and 2; groups 2 and 3 scored all three.
        let data = [
            (1, 1, 10, 8),
            (1, 2, 10, 8),
            (2, 1, 7, 5),
            (2, 2, 4, 5),
            (2, 3, 7, 5),
            (3, 1, 7, 5),
            (3, 2, 4, 5),
            (3, 3, 7, 5),
        ];
        let sheets = Sheets::from_cells(&cells(&data));
        let areas: Vec<AreaId> = (1..=3).map(AreaId).collect();
        let raw = rank_areas(Midlines::default(), &areas, &cells(&data));
        let order = |ranking: &Ranking| ranking.ranked.iter().map(|r| (r.area.0, r.rank)).collect::<Vec<_>>();
        assert_eq!(order(&raw), [(1, 1), (2, 2), (3, 3)], "raw: group 1's level lifts areas 1 and 2");
        let normalised = normalised_ranking(Midlines::default(), &areas, &sheets);
        assert_eq!(order(&normalised), [(3, 1), (1, 2), (2, 3)]);
        // Levels on potential: group 1 10, the others 6; grand mean 7. Area 3: (1 + 1) / 2 + 7.
        let first = &normalised.ranked[0];
        assert!((first.potential.mean - 8.0).abs() < 1e-9, "{}", first.potential.mean);
        assert!((first.feasibility.mean - 5.75).abs() < 1e-9, "feasibility: every group at its level");
        assert!((first.combined - 46.0).abs() < 1e-9);
        assert_eq!(first.potential.sd, Some(0.0), "both groups put it 1 above their level");
    }
}
