//! Results assembled once per workshop version. After a Wi-Fi drop hundreds of phones reload the
//! results page at once: each then reads the workshop's row, whose version says whether anything
//! changed, instead of every score, comment and suggestion, and nothing is assembled twice.
//! Every change bumps the version, so results kept are never older than what they show.

use std::sync::Arc;

use kvadrant::WorkshopId;
use kvadrant_api::model::Results;

/// Workshops whose newest results are kept: a regional day's parallel workshops.
const WORKSHOPS: usize = 256;

pub type AssembledResults = Newest<Results>;

/// The newest value made for each of the last few workshops, with the version it was made at.
pub struct Newest<T> {
    kept: quick_cache::sync::Cache<WorkshopId, (i64, Arc<T>)>,
}

impl<T> Default for Newest<T> {
    fn default() -> Self {
        Newest { kept: quick_cache::sync::Cache::new(WORKSHOPS) }
    }
}

impl<T> Newest<T> {
    /// The workshop's value at `version`, if it was made already.
    pub fn at(&self, workshop: WorkshopId, version: i64) -> Option<Arc<T>> {
        self.kept.get(&workshop).filter(|(kept, _)| *kept == version).map(|(_, value)| value)
    }

    /// Drops what is kept of a deleted workshop.
    pub fn forget(&self, workshop: WorkshopId) {
        self.kept.remove(&workshop);
    }

    /// Keeps `value`, made at `version`, unless one made at a newer version is kept already.
    pub fn keep(&self, workshop: WorkshopId, version: i64, value: Arc<T>) {
        if self.kept.get(&workshop).is_none_or(|(kept, _)| kept <= version) {
            self.kept.insert(workshop, (version, value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_kept_version_is_served_and_an_older_one_never_replaces_it() {
        let newest = Newest::<&str>::default();
        let workshop = WorkshopId(7);
        assert!(newest.at(workshop, 3).is_none());
        newest.keep(workshop, 3, Arc::new("three"));
        assert_eq!(*newest.at(workshop, 3).unwrap(), "three");
        assert!(newest.at(workshop, 4).is_none(), "a newer version is made afresh");
        newest.keep(workshop, 5, Arc::new("five"));
        newest.keep(workshop, 4, Arc::new("four"));
        assert!(newest.at(workshop, 4).is_none());
        assert_eq!(*newest.at(workshop, 5).unwrap(), "five");
        assert!(newest.at(WorkshopId(8), 5).is_none());
    }
}
