//! The one way results are assembled, for the results a request asks for and for the live
//! views alike.

use std::collections::BTreeSet;

use kvadrant::certainty::{Band, assess, band_seed, normalised_ranking, ranked_of};
use kvadrant::{AreaId, Cell, GroupId, Sheets, Tag, rank_sheets, segment};
use kvadrant_api::model::{AreaComment, Group, GroupTag, ResultsView, Segment, Standings, Suggestion, Workshop};

use kvadrant::limits::OPEN_PAIRS_SHOWN;

use crate::bands::{BandJob, Drawn};
use crate::store::{Content, WorkshopRecord};
use crate::views;

/// A workshop version as its results show it.
pub struct Assembly {
    /// The workshop as its viewers see it.
    pub workshop: Workshop,
    /// Every group's valid scores (a stored score outside the scale is logged and left out).
    pub cells: Vec<Cell>,
    /// The groups the standings count: all of them, or one segment's.
    pub segment: Segment,
    /// The ranked areas, the unscored ones, the comments and the areas raised but not scored.
    /// Their rank bands come apart: see [`Assembly::with_bands`].
    pub standings: Standings,
    /// Names the scores the standings were ranked from, and so the bands that belong to them.
    pub band_seed: u64,
}

impl Assembly {
    /// The standings of a workshop from what the store holds of it, counting only the groups
    /// tagged `segment` if one is given, and what drawing their rank bands takes. A request for
    /// results reads just these parts; a live view takes them from its [`crate::store::Snapshot`].
    pub fn new(
        record: &WorkshopRecord,
        content: Content,
        cells: Vec<Cell>,
        mut comments: Vec<AreaComment>,
        suggestions: &[Suggestion],
        segment: Option<&Tag>,
        view: ResultsView,
    ) -> (Assembly, BandJob) {
        let workshop = views::workshop(record, content);
        let members: Option<BTreeSet<GroupId>> = segment.map(|tag| {
            let tagged = |group: &&Group| group.tags.iter().any(|t| tag.is(&t.dimension, &t.value));
            workshop.groups.iter().filter(tagged).map(|group| group.id).collect()
        });
        let in_segment;
        let (counted, groups) = match &members {
            None => (&cells[..], workshop.groups.len()),
            Some(members) => {
                in_segment = segment::cells_of(&cells, members);
                comments.retain(|comment| members.contains(&comment.group_id));
                (&in_segment[..], members.len())
            }
        };
        let areas: Vec<AreaId> = workshop.areas.iter().map(|area| area.id).collect();
        let sheets = Sheets::from_cells(counted);
        let midlines = record.settings.midlines();
        let aggregate = record.settings.aggregate;
        let official = rank_sheets(midlines, aggregate, &areas, &sheets);
        let official_ranks = ranked_of(&official);
        // Bands are always of the official ranks: the other view is an aid to reading them.
        let ranking = match view {
            ResultsView::Official => official,
            ResultsView::Normalised => normalised_ranking(midlines, &areas, &sheets),
        };
        let reading = &record.settings.certainty;
        let certainty = assess(&ranking, &sheets, record.settings.scale, reading);
        let top = reading.top_places.clone();
        let band_seed = band_seed(record.id.0, &sheets, &top, aggregate);
        let scope = (record.id, segment.cloned());
        let mut standings = Standings::new(&workshop, ranking, certainty, comments, suggestions);
        // Who gave what grows each view with groups × areas: while scoring is open, and every
        // screen follows every change, only in workshop-sized rooms. The strips' counts carry
        // the distribution meanwhile.
        let pairs: usize = standings.ranked.iter().map(|row| row.certainty.scores.len()).sum();
        if record.scoring_open && pairs > OPEN_PAIRS_SHOWN {
            standings.ranked.iter_mut().for_each(|row| row.certainty.scores.clear());
        }
        if view == ResultsView::Normalised {
            for row in &mut standings.ranked {
                row.official_rank = official_ranks.iter().find(|(area, _)| *area == row.area_id).map(|(_, rank)| *rank);
            }
        }
        let job = BandJob { scope, seed: band_seed, ranked: official_ranks, sheets, top, aggregate };
        let segment = Segment { tag: segment.map(GroupTag::from), groups: groups as u32 };
        (Assembly { workshop, cells, segment, standings, band_seed }, job)
    }

    /// Puts `drawn` bands on the ranked areas; they may be of earlier scores (a live view shows
    /// the latest until new ones are drawn), which the standings then say.
    pub fn with_bands(mut self, drawn: Option<&Drawn>) -> Assembly {
        let standings = &mut self.standings;
        standings.bands_behind = drawn.is_none_or(|drawn| drawn.seed != self.band_seed);
        for row in &mut standings.ranked {
            let band = drawn.and_then(|drawn| drawn.bands.iter().find(|band| band.area == row.area_id));
            row.certainty.band = band.map(Band::of);
        }
        self
    }
}
