//! How far each group has come: the areas it has scored on both axes.

use std::collections::{BTreeMap, HashSet};

use crate::{AreaId, Axis, Cell, GroupId};

/// For each group with any score, how many of `areas` it has scored on both axes.
pub fn areas_scored(areas: &[AreaId], cells: &[Cell]) -> BTreeMap<GroupId, u32> {
    let listed: HashSet<AreaId> = areas.iter().copied().collect();
    let potential: HashSet<(GroupId, AreaId)> =
        cells.iter().filter(|cell| cell.axis == Axis::Potential).map(|cell| (cell.group, cell.area)).collect();
    let mut scored = BTreeMap::new();
    for cell in cells {
        let counted = scored.entry(cell.group).or_insert(0);
        if cell.axis == Axis::Feasibility && listed.contains(&cell.area) && potential.contains(&(cell.group, cell.area))
        {
            *counted += 1;
        }
    }
    scored
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Scale, Score};

    fn cell(group: i64, area: i64, axis: Axis) -> Cell {
        Cell { group: GroupId(group), area: AreaId(area), axis, score: Score::parse(5, Scale::default()).unwrap() }
    }

    #[test]
    fn an_area_counts_once_both_axes_are_scored() {
        let areas = [AreaId(1), AreaId(2)];
        let cells = [
            cell(1, 1, Axis::Potential),
            cell(1, 1, Axis::Feasibility),
            cell(1, 2, Axis::Potential),
            cell(2, 2, Axis::Feasibility),
            // An area no longer on the list does not count.
            cell(3, 9, Axis::Potential),
            cell(3, 9, Axis::Feasibility),
        ];
        let scored = areas_scored(&areas, &cells);
        assert_eq!(scored[&GroupId(1)], 1);
        assert_eq!(scored[&GroupId(2)], 0);
        assert_eq!(scored[&GroupId(3)], 0);
        assert_eq!(scored.len(), 3);
    }
}
