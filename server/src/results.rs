//! The one way results are assembled, for the results a request asks for and for the live
//! views alike.

use std::collections::BTreeSet;
use std::sync::Arc;

use kvadrant::certainty::{Band, assess, band_seed, normalised_ranking, ranked_of};
use kvadrant::rounds::FinishedRound;
use kvadrant::{AreaId, Cell, GroupId, Sheets, Tag, rank_sheets, segment};
use kvadrant_api::model::{
    AreaComment, EarlierPlace, Group, GroupTag, ResultsView, Segment, Standings, Suggestion, Workshop,
};

use kvadrant::limits::OPEN_PAIRS_SHOWN;

use crate::bands::{BandJob, Drawn};
use crate::store::{Content, WorkshopRecord};
use crate::views;

/// A workshop's scores: the current round's, and each finished round's as it was kept.
pub struct RoundScores {
    pub current: Vec<Cell>,
    pub finished: Arc<[FinishedRound]>,
}

/// Which results to assemble, checked: of every group or of one segment, ranked officially or
/// with each group's own level taken out, of one round.
pub struct Shown {
    pub segment: Option<Tag>,
    pub view: ResultsView,
    pub round: u32,
}

impl Shown {
    /// The official results of every group in the current round: what the live views show.
    pub fn live(record: &WorkshopRecord) -> Shown {
        Shown { segment: None, view: ResultsView::Official, round: record.round }
    }
}

/// A workshop version as its results show it.
pub struct Assembly {
    /// The workshop as its viewers see it.
    pub workshop: Workshop,
    /// Every group's valid scores in the round shown (a stored score outside the scale is
    /// logged and left out).
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
    /// The standings `shown` asks for from what the store holds of a workshop, each area with
    /// its places in the rounds before, and what drawing their rank bands takes. A request for
    /// results reads just these parts; a live view takes them from its [`crate::store::Snapshot`].
    pub fn new(
        record: &WorkshopRecord,
        content: Content,
        scores: RoundScores,
        mut comments: Vec<AreaComment>,
        suggestions: &[Suggestion],
        shown: &Shown,
    ) -> (Assembly, BandJob) {
        let workshop = views::workshop(record, content);
        let members: Option<BTreeSet<GroupId>> = shown.segment.as_ref().map(|tag| {
            let tagged = |group: &&Group| group.tags.iter().any(|t| tag.is(&t.dimension, &t.value));
            workshop.groups.iter().filter(tagged).map(|group| group.id).collect()
        });
        if let Some(members) = &members {
            comments.retain(|comment| members.contains(&comment.group_id));
        }
        let counted_of = |cells: &[Cell]| -> Sheets {
            match &members {
                None => Sheets::from_cells(cells),
                Some(members) => Sheets::from_cells(&segment::cells_of(cells, members)),
            }
        };
        let groups = members.as_ref().map_or(workshop.groups.len(), BTreeSet::len);
        let RoundScores { current, finished } = scores;
        let cells = match finished.iter().find(|round| round.number == shown.round) {
            Some(round) => round.cells.clone(),
            None => current,
        };
        let areas: Vec<AreaId> = workshop.areas.iter().map(|area| area.id).collect();
        let sheets = counted_of(&cells);
        let midlines = record.settings.midlines();
        let aggregate = record.settings.aggregate;
        let official = rank_sheets(midlines, aggregate, &areas, &sheets);
        let official_ranks = ranked_of(&official);
        // Bands are always of the official ranks: the other view is an aid to reading them.
        let ranking = match shown.view {
            ResultsView::Official => official,
            ResultsView::Normalised => normalised_ranking(midlines, &areas, &sheets),
        };
        let reading = &record.settings.certainty;
        let certainty = assess(&ranking, &sheets, record.settings.scale, reading);
        let top = reading.top_places.clone();
        let band_seed = band_seed(record.id.0, &sheets, &top, aggregate);
        let scope = (record.id, shown.segment.clone(), shown.round);
        let mut standings = Standings::new(&workshop, ranking, certainty, comments, suggestions);
        // Who gave what grows each view with groups × areas: while scoring is open, and every
        // screen follows every change, only in workshop-sized rooms. The strips' counts carry
        // the distribution meanwhile.
        let pairs: usize = standings.ranked.iter().map(|row| row.certainty.scores.len()).sum();
        if record.scoring_open && pairs > OPEN_PAIRS_SHOWN {
            standings.ranked.iter_mut().for_each(|row| row.certainty.scores.clear());
        }
        if shown.view == ResultsView::Normalised {
            for row in &mut standings.ranked {
                row.official_rank = official_ranks.iter().find(|(area, _)| *area == row.area_id).map(|(_, rank)| *rank);
            }
        }
        for round in finished.iter().filter(|round| round.number < shown.round) {
            let ranking = rank_sheets(midlines, aggregate, &areas, &counted_of(&round.cells));
            for place in ranking.ranked {
                if let Some(row) = standings.ranked.iter_mut().find(|row| row.area_id == place.area) {
                    row.earlier.push(EarlierPlace {
                        round: round.number,
                        rank: place.rank,
                        potential: place.potential.centre(aggregate),
                        feasibility: place.feasibility.centre(aggregate),
                        combined: place.combined,
                    });
                }
            }
        }
        let job = BandJob { scope, seed: band_seed, ranked: official_ranks, sheets, top, aggregate };
        let segment = Segment { tag: shown.segment.as_ref().map(GroupTag::from), groups: groups as u32 };
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
