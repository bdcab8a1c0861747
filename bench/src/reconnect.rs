//! The mass reconnect: while scores come in, every screen drops its stream and opens a new one
//! on a new connection, the drops spread evenly over one second; then how long each screen took
//! to be back on the version that was the latest when it dropped.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::delivery::Percentiles;
use crate::follower::FollowerRecord;
use crate::scoring::Ack;

/// Scoring runs this long before the first drop, so that the screens follow a workshop that is
/// changing when they go.
pub const START: Duration = Duration::from_secs(2);
/// The drops are spread over this window; each screen asks for its new stream as soon as it has
/// dropped the old one. A browser would wait for the server's `retry:` first: this is harder.
pub const WINDOW: Duration = Duration::from_secs(1);
/// Each screen is to be back this soon after its drop.
pub const BACK_WITHIN: Duration = Duration::from_secs(5);
/// Scores keep coming in until the last screen to drop may still be getting back.
pub const MIN_SCORING: Duration = START.saturating_add(WINDOW).saturating_add(BACK_WITHIN);

/// When screen `index` of `screens` drops its stream, from the start of the wave: evenly spaced,
/// so that the new connections arrive at a steady rate over the window.
pub fn drop_offset(index: usize, screens: usize, window: Duration) -> Duration {
    window.mul_f64(index as f64 / screens.max(1) as f64)
}

/// What the wave of reconnects came to.
#[derive(Debug, Clone, Serialize)]
pub struct ReconnectReport {
    /// Screens that dropped their stream and asked for a new one.
    pub dropped: usize,
    /// New streams refused, failed or broken before the bench closed them, by reason.
    pub errors: BTreeMap<String, u64>,
    /// From a screen's drop until its new stream showed the version that was the latest when it
    /// dropped, over the screens that got there.
    pub back_ms: Option<Percentiles>,
    pub back_within_limit: usize,
    pub limit_seconds: u64,
}

impl ReconnectReport {
    /// `None` when no screen dropped: a run of another scenario.
    pub fn of(acks: &[Ack], records: &[FollowerRecord]) -> Option<ReconnectReport> {
        let reconnections: Vec<_> = records.iter().filter_map(|record| record.reconnection.as_ref()).collect();
        if reconnections.is_empty() {
            return None;
        }
        let mut errors = BTreeMap::new();
        for failure in reconnections.iter().filter_map(|reconnection| reconnection.failure.as_ref()) {
            *errors.entry(failure.clone()).or_default() += 1;
        }
        let mut back: Vec<Duration> = back_times(acks, records).into_iter().flatten().collect();
        back.sort_unstable();
        Some(ReconnectReport {
            dropped: reconnections.len(),
            errors,
            back_ms: Percentiles::of(&back),
            back_within_limit: back.iter().filter(|&&time| time <= BACK_WITHIN).count(),
            limit_seconds: BACK_WITHIN.as_secs(),
        })
    }

    pub fn error_count(&self) -> u64 {
        self.errors.values().sum()
    }
}

/// For each screen that dropped, in order: how long from its drop until its new stream showed a
/// version at least the newest acknowledged on its workshop by then; `None` if it never did.
/// The server may publish that version up to one coalescing window after acknowledging it, so a
/// screen back in the middle of a window waits for the next one, as it would have without the drop.
pub fn back_times(acks: &[Ack], records: &[FollowerRecord]) -> Vec<Option<Duration>> {
    let newest = NewestAcknowledged::of(acks);
    records
        .iter()
        .filter_map(|record| record.reconnection.as_ref().map(|reconnection| (record.workshop, reconnection)))
        .map(|(workshop, reconnection)| {
            let wanted = newest.at(workshop, reconnection.dropped);
            let back = reconnection.shown.iter().find(|&&(version, _)| wanted.is_none_or(|wanted| version >= wanted));
            back.map(|&(_, at)| at.saturating_duration_since(reconnection.dropped))
        })
        .collect()
}

/// Per workshop, the newest version acknowledged by each moment.
struct NewestAcknowledged {
    /// Per workshop, acknowledgements in the order they came, each with the newest version so far.
    by_workshop: HashMap<usize, Vec<(Instant, i64)>>,
}

impl NewestAcknowledged {
    fn of(acks: &[Ack]) -> NewestAcknowledged {
        let mut by_workshop: HashMap<usize, Vec<(Instant, i64)>> = HashMap::new();
        for ack in acks {
            by_workshop.entry(ack.workshop).or_default().push((ack.at, ack.version));
        }
        for acknowledged in by_workshop.values_mut() {
            acknowledged.sort_unstable();
            let mut newest = i64::MIN;
            for (_, version) in acknowledged.iter_mut() {
                newest = newest.max(*version);
                *version = newest;
            }
        }
        NewestAcknowledged { by_workshop }
    }

    /// `None` before the workshop's first acknowledgement.
    fn at(&self, workshop: usize, moment: Instant) -> Option<i64> {
        let acknowledged = self.by_workshop.get(&workshop)?;
        let count = acknowledged.partition_point(|&(at, _)| at <= moment);
        count.checked_sub(1).map(|last| acknowledged[last].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::follower::Reconnection;

    #[test]
    fn drops_are_spread_evenly_over_the_window() {
        let offsets: Vec<Duration> = (0..4).map(|index| drop_offset(index, 4, WINDOW)).collect();
        assert_eq!(offsets, [0, 250, 500, 750].map(Duration::from_millis));
        let many: Vec<Duration> = (0..5_000).map(|index| drop_offset(index, 5_000, WINDOW)).collect();
        assert!(many.is_sorted() && many[4_999] < WINDOW);
        assert_eq!(many[2_500], Duration::from_millis(500));
        assert_eq!(drop_offset(0, 1, WINDOW), Duration::ZERO);
    }

    fn ack(workshop: usize, version: i64, at: Instant) -> Ack {
        Ack { workshop, version, at, waited: Duration::ZERO }
    }

    fn screen(workshop: usize, dropped: Instant, shown: Vec<(i64, Instant)>) -> FollowerRecord {
        let reconnection = Reconnection { dropped, shown, failure: None };
        FollowerRecord { workshop, reconnection: Some(reconnection), ..FollowerRecord::default() }
    }

    #[test]
    fn a_screen_is_back_once_it_shows_what_was_latest_when_it_dropped() {
        let start = Instant::now();
        let ms = |n| start + Duration::from_millis(n);
        // Acknowledged out of order: 7 at 10 ms, 6 at 20 ms; the newest by 25 ms is 7.
        let acks = [ack(0, 7, ms(10)), ack(0, 6, ms(20)), ack(0, 9, ms(40)), ack(1, 50, ms(5))];
        let records = [
            // Its new stream starts one version behind, then catches up.
            screen(0, ms(25), vec![(6, ms(30)), (8, ms(60))]),
            // Dropped before any acknowledgement: its first view counts.
            screen(0, ms(1), vec![(3, ms(4))]),
            // Never shows version 50 of its own workshop.
            screen(1, ms(30), vec![(49, ms(35))]),
            // Did not drop.
            FollowerRecord::default(),
        ];
        let back = back_times(&acks, &records);
        assert_eq!(back, vec![Some(Duration::from_millis(35)), Some(Duration::from_millis(3)), None]);
    }

    #[test]
    fn the_report_counts_errors_and_screens_back_in_time() {
        let start = Instant::now();
        let late = screen(0, start, vec![(1, start + BACK_WITHIN + Duration::from_millis(1))]);
        let mut refused = screen(0, start, Vec::new());
        if let Some(reconnection) = &mut refused.reconnection {
            reconnection.failure = Some("HTTP 429".into());
        }
        let records = [screen(0, start, vec![(1, start + Duration::from_millis(80))]), late, refused];
        let report = ReconnectReport::of(&[ack(0, 1, start)], &records).unwrap();
        assert_eq!((report.dropped, report.back_within_limit, report.error_count()), (3, 1, 1));
        assert_eq!(report.back_ms.map(|ms| ms.p50), Some(80.0));
        assert!(ReconnectReport::of(&[], &[FollowerRecord::default()]).is_none());
    }
}
