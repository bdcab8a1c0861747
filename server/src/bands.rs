//! Rank bands, drawn off the live path. Drawing a band resamples the groups 2,000 times: a few
//! milliseconds for a workshop of a dozen groups, a third of a second for 500. So a live view
//! never waits for one: it shows the workshop's latest bands and asks for new ones, at most one
//! drawing a second per workshop while scores change and one more when they settle ([`Pacer`]).
//! A request for results waits for the bands of exactly its scores. Bands of the same scores
//! are drawn once, whoever asks.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use kvadrant::certainty::{RESAMPLES, RankBand, rank_bands};
use kvadrant::{Aggregate, AreaId, Sheets, Tag, WorkshopId};
use tokio::sync::{Notify, Semaphore};
use tokio::time::Instant;

/// Whose bands: a workshop's, of all its groups or of one segment, in one round.
pub type Scope = (WorkshopId, Option<Tag>, u32);

/// Workshops and segments whose latest bands are kept: a regional day's, with a few segments each.
const SCOPES: usize = 1024;
/// A live workshop's bands are drawn at most this often.
pub const PACE: Duration = Duration::from_secs(1);

/// Bands drawn from the scores `seed` names (see [`kvadrant::certainty::band_seed`]).
#[derive(Debug, Clone)]
pub struct Drawn {
    pub seed: u64,
    pub bands: Arc<Vec<RankBand>>,
}

/// What a drawing needs: the scores, the ranks they give, and the top places given odds.
pub struct BandJob {
    pub scope: Scope,
    pub seed: u64,
    pub sheets: Sheets,
    pub ranked: Vec<(AreaId, u32)>,
    pub top: Vec<u32>,
    pub aggregate: Aggregate,
}

pub struct RankBands {
    latest: quick_cache::sync::Cache<Scope, Drawn>,
    /// One drawing at a time: a large workshop keeps one core busy, never all of them.
    drawing: Semaphore,
}

impl Default for RankBands {
    fn default() -> Self {
        RankBands { latest: quick_cache::sync::Cache::new(SCOPES), drawing: Semaphore::new(1) }
    }
}

impl RankBands {
    /// The latest bands drawn for `scope`, perhaps from earlier scores.
    pub fn latest(&self, scope: &Scope) -> Option<Drawn> {
        self.latest.get(scope)
    }

    /// The bands of exactly the job's scores, drawn now unless they were already.
    pub async fn draw(&self, job: BandJob) -> Drawn {
        let current = |latest: Option<Drawn>| latest.filter(|drawn| drawn.seed == job.seed);
        if let Some(drawn) = current(self.latest(&job.scope)) {
            return drawn;
        }
        let _turn = self.drawing.acquire().await.expect("the drawing semaphore is never closed");
        // Whoever held the turn before may have drawn these very scores.
        if let Some(drawn) = current(self.latest(&job.scope)) {
            return drawn;
        }
        let BandJob { scope, seed, sheets, ranked, top, aggregate } = job;
        let bands = tokio::task::spawn_blocking(move || rank_bands(&sheets, aggregate, &ranked, &top, RESAMPLES, seed))
            .await
            .expect("drawing rank bands does not panic");
        let drawn = Drawn { seed, bands: Arc::new(bands) };
        self.latest.insert(scope, drawn.clone());
        drawn
    }
}

/// One live workshop's drawings: at most one running and one starting per [`PACE`]. A view
/// whose bands are behind its scores offers its job; the pacer starts it, or tells when it may.
#[derive(Default)]
pub struct Pacer {
    running: Arc<AtomicBool>,
    last_start: Option<Instant>,
    held_until: Option<Instant>,
}

impl Pacer {
    /// Draws `job` now if the pace allows, and wakes `done` when it is drawn; otherwise holds
    /// it back: [`Pacer::due`] says when to offer the newest job again. A drawing already
    /// running wakes `done` too, and the newest job is offered then.
    pub fn offer(&mut self, job: BandJob, bands: &Arc<RankBands>, done: &Arc<Notify>) {
        if self.running.load(Ordering::Acquire) {
            return;
        }
        let now = Instant::now();
        if let Some(next) = self.last_start.map(|last| last + PACE).filter(|next| *next > now) {
            self.held_until = Some(next);
            return;
        }
        self.last_start = Some(now);
        self.held_until = None;
        self.running.store(true, Ordering::Release);
        let (running, bands, done) = (self.running.clone(), bands.clone(), done.clone());
        tokio::spawn(async move {
            bands.draw(job).await;
            running.store(false, Ordering::Release);
            done.notify_one();
        });
    }

    /// Ready when a job held back may be offered again; never while none is.
    pub async fn due(&mut self) {
        match self.held_until {
            Some(when) => {
                tokio::time::sleep_until(when).await;
                self.held_until = None;
            }
            None => std::future::pending().await,
        }
    }
}

#[cfg(test)]
mod tests {
    use kvadrant::certainty::{band_seed, ranked_of};
    use kvadrant::{Aggregate, Cell, GroupId, Midlines, Scale, Score, rank_sheets};

    use super::*;

    fn job(workshop: i64, shift: u8) -> BandJob {
        let areas: Vec<AreaId> = (1..=3).map(AreaId).collect();
        let cells: Vec<Cell> = (1..=4)
            .flat_map(|group| {
                areas.iter().flat_map(move |&area| {
                    kvadrant::Axis::ALL.map(|axis| Cell {
                        group: GroupId(group),
                        area,
                        axis,
                        score: Score::parse(1 + (area.0 * 3 + group + i64::from(shift)) % 10, Scale::ONE_TO_TEN)
                            .expect("on the scale"),
                    })
                })
            })
            .collect();
        let sheets = Sheets::from_cells(&cells);
        let ranking = rank_sheets(Midlines::default(), Aggregate::Mean, &areas, &sheets);
        let top = vec![1, 2];
        let seed = band_seed(workshop, &sheets, &top, Aggregate::Mean);
        BandJob {
            scope: (WorkshopId(workshop), None, 1),
            seed,
            ranked: ranked_of(&ranking),
            sheets,
            top,
            aggregate: Aggregate::Mean,
        }
    }

    #[tokio::test]
    async fn the_same_scores_are_drawn_once_and_kept_as_the_latest() {
        let bands = RankBands::default();
        let first = bands.draw(job(1, 0)).await;
        let again = bands.draw(job(1, 0)).await;
        assert!(Arc::ptr_eq(&first.bands, &again.bands), "drawn once");
        assert_eq!(first.bands.len(), 3);
        let other = bands.draw(job(1, 1)).await;
        assert_ne!(other.seed, first.seed);
        assert_eq!(bands.latest(&(WorkshopId(1), None, 1)).map(|d| d.seed), Some(other.seed));
        assert!(bands.latest(&(WorkshopId(2), None, 1)).is_none(), "each workshop its own");
    }

    #[tokio::test]
    async fn a_live_workshop_is_drawn_at_most_once_per_pace_and_once_more_after() {
        let (bands, done) = (Arc::new(RankBands::default()), Arc::new(Notify::new()));
        let mut pacer = Pacer::default();
        let started = Instant::now();
        pacer.offer(job(1, 0), &bands, &done);
        done.notified().await;
        assert_eq!(bands.latest(&(WorkshopId(1), None, 1)).map(|d| d.seed), Some(job(1, 0).seed));
        // New scores right after: held back until a pace after the first drawing began.
        pacer.offer(job(1, 1), &bands, &done);
        assert_eq!(bands.latest(&(WorkshopId(1), None, 1)).map(|d| d.seed), Some(job(1, 0).seed));
        pacer.due().await;
        assert!(started.elapsed() >= PACE);
        pacer.offer(job(1, 1), &bands, &done);
        done.notified().await;
        assert_eq!(bands.latest(&(WorkshopId(1), None, 1)).map(|d| d.seed), Some(job(1, 1).seed));
    }
}
