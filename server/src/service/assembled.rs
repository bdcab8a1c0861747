//! Results assembled once per workshop version. After a Wi-Fi drop hundreds of phones reload the
//! results page at once: each then reads the workshop's row, whose version says whether anything
//! changed, instead of every score, comment and suggestion, and nothing is assembled twice.
//! Every change bumps the version, so results kept are never older than what they show.

use std::sync::Arc;

use kvadrant::WorkshopId;
use kvadrant_api::model::Results;

/// Workshops whose newest results are kept: a regional day's parallel workshops.
const WORKSHOPS: usize = 256;

pub struct AssembledResults {
    newest: quick_cache::sync::Cache<WorkshopId, (i64, Arc<Results>)>,
}

impl Default for AssembledResults {
    fn default() -> Self {
        AssembledResults { newest: quick_cache::sync::Cache::new(WORKSHOPS) }
    }
}

impl AssembledResults {
    /// The workshop's results at `version`, if they were assembled already.
    pub fn at(&self, workshop: WorkshopId, version: i64) -> Option<Arc<Results>> {
        self.newest.get(&workshop).filter(|(kept, _)| *kept == version).map(|(_, results)| results)
    }

    /// Keeps `results`, assembled at `version`, unless newer ones are kept already.
    pub fn keep(&self, workshop: WorkshopId, version: i64, results: Arc<Results>) {
        if self.newest.get(&workshop).is_none_or(|(kept, _)| kept <= version) {
            self.newest.insert(workshop, (version, results));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kvadrant_api::model::{Segment, Settings, Standings, Workshop};

    fn results(title: &str) -> Arc<Results> {
        let workshop = Workshop {
            code: "ABC234".into(),
            title: title.into(),
            description: String::new(),
            scoring_open: true,
            results_hidden: false,
            demo: false,
            settings: Settings::default(),
            categories: Vec::new(),
            areas: Vec::new(),
            groups: Vec::new(),
        };
        Arc::new(Results::new(
            workshop,
            Segment { tag: None, groups: 0 },
            Standings { ranked: Vec::new(), unscored: Vec::new(), comments: Vec::new(), raised: Vec::new() },
        ))
    }

    #[test]
    fn only_the_kept_version_is_served_and_an_older_one_never_replaces_it() {
        let assembled = AssembledResults::default();
        let workshop = WorkshopId(7);
        assert!(assembled.at(workshop, 3).is_none());
        assembled.keep(workshop, 3, results("three"));
        assert_eq!(assembled.at(workshop, 3).unwrap().workshop.title, "three");
        assert!(assembled.at(workshop, 4).is_none(), "a newer version is assembled afresh");
        assembled.keep(workshop, 5, results("five"));
        assembled.keep(workshop, 4, results("four"));
        assert!(assembled.at(workshop, 4).is_none());
        assert_eq!(assembled.at(workshop, 5).unwrap().workshop.title, "five");
        assert!(assembled.at(WorkshopId(8), 5).is_none());
    }
}
