//! The one way results are assembled: from a snapshot of a workshop, for the results a request
//! asks for and for the live views alike.

use std::collections::BTreeSet;

use kvadrant::{AreaId, Cell, GroupId, Tag, rank_areas, segment};
use kvadrant_api::model::{Group, GroupTag, Segment, Standings, Workshop};

use crate::store::Snapshot;

/// A workshop version as its results show it.
pub struct Assembly {
    /// The workshop as its viewers see it.
    pub workshop: Workshop,
    /// Every group's valid scores (a stored score outside the scale is logged and left out).
    pub cells: Vec<Cell>,
    /// The groups the standings count: all of them, or one segment's.
    pub segment: Segment,
    /// The ranked areas, the unscored ones, the comments and the areas raised but not scored.
    pub standings: Standings,
}

impl Assembly {
    /// The standings of `snapshot`, counting only the groups tagged `segment` if one is given.
    pub fn of(snapshot: &Snapshot, segment: Option<&Tag>) -> Assembly {
        let workshop = snapshot.record.view(snapshot.content.clone());
        let cells = snapshot.cells();
        let members: Option<BTreeSet<GroupId>> = segment.map(|tag| {
            let tagged = |group: &&Group| group.tags.iter().any(|t| tag.is(&t.dimension, &t.value));
            workshop.groups.iter().filter(tagged).map(|group| group.id).collect()
        });
        let in_segment;
        let (counted, comments, groups) = match &members {
            None => (&cells[..], snapshot.comments.clone(), workshop.groups.len()),
            Some(members) => {
                in_segment = segment::cells_of(&cells, members);
                let comments = snapshot.comments.iter().filter(|c| members.contains(&c.group_id)).cloned().collect();
                (&in_segment[..], comments, members.len())
            }
        };
        let areas: Vec<AreaId> = workshop.areas.iter().map(|area| area.id).collect();
        let ranking = rank_areas(snapshot.record.settings.midlines(), &areas, counted);
        let standings = Standings::new(&workshop, ranking, comments, &snapshot.suggestions);
        let segment = Segment { tag: segment.map(GroupTag::from), groups: groups as u32 };
        Assembly { workshop, cells, segment, standings }
    }
}
