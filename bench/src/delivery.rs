//! How long accepted scores took to reach every screen of their workshop, from the
//! acknowledgement to the last of those screens showing a version that includes them.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::follower::FollowerRecord;
use crate::scoring::Ack;

pub struct Delivery {
    /// Per submission that reached every screen, sorted.
    pub latencies: Vec<Duration>,
    /// Submissions some screen never showed.
    pub lost: u64,
}

/// `records` are the screens that connected; a submission reaches a screen of its workshop with
/// the first version at or above its own. Each workshop has its own versions.
pub fn delivery(acks: &[Ack], records: &[FollowerRecord]) -> Delivery {
    let mut screens: HashMap<usize, Vec<&FollowerRecord>> = HashMap::new();
    for record in records {
        screens.entry(record.workshop).or_default().push(record);
    }
    let shown: HashMap<usize, ShownVersions> =
        screens.into_iter().map(|(workshop, records)| (workshop, ShownVersions::of(&records))).collect();
    let mut lost = 0;
    let mut latencies = Vec::with_capacity(acks.len());
    for ack in acks {
        // A workshop no screen follows loses every update.
        match shown.get(&ack.workshop).and_then(|shown| shown.reached_all(ack.version)) {
            Some(at) => latencies.push(at.saturating_duration_since(ack.at)),
            None => lost += 1,
        }
    }
    latencies.sort_unstable();
    Delivery { latencies, lost }
}

/// Every version some screen showed, and when the last screen got to it. Screens only show
/// versions the server published, a few per second, so this stays small however many
/// submissions there were; a submission's version reaches each screen with the first published
/// version at or above it.
struct ShownVersions {
    /// Sorted.
    versions: Vec<i64>,
    /// Per version, when every screen showed it or a newer one; `None` if some screen never did.
    reached_all: Vec<Option<Instant>>,
}

impl ShownVersions {
    fn of(records: &[&FollowerRecord]) -> ShownVersions {
        let mut versions: Vec<i64> =
            records.iter().flat_map(|record| record.seen.iter().map(|&(version, _)| version)).collect();
        versions.sort_unstable();
        versions.dedup();
        let mut latest: Vec<Option<Instant>> = vec![None; versions.len()];
        let mut missed = vec![false; versions.len()];
        for record in records {
            let mut seen = record.seen.iter().peekable();
            for (index, version) in versions.iter().enumerate() {
                while seen.next_if(|&&(shown, _)| shown < *version).is_some() {}
                match seen.peek() {
                    Some(&&(_, at)) => latest[index] = latest[index].max(Some(at)),
                    None => missed[index] = true,
                }
            }
        }
        let reached_all = latest.into_iter().zip(missed).map(|(at, missed)| at.filter(|_| !missed)).collect();
        ShownVersions { versions, reached_all }
    }

    fn reached_all(&self, version: i64) -> Option<Instant> {
        let next_shown = self.versions.partition_point(|&shown| shown < version);
        self.reached_all.get(next_shown).copied().flatten()
    }
}

/// Milliseconds.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Percentiles {
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
}

impl Percentiles {
    /// Nearest rank over `sorted`; `None` when empty.
    pub fn of(sorted: &[Duration]) -> Option<Percentiles> {
        let last = sorted.last()?;
        let rank = |share: f64| {
            let index = ((share * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1;
            milliseconds(sorted[index])
        };
        Some(Percentiles { p50: rank(0.50), p95: rank(0.95), p99: rank(0.99), max: milliseconds(*last) })
    }
}

fn milliseconds(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ack(version: i64, at: Instant) -> Ack {
        Ack { workshop: 0, version, at, waited: Duration::ZERO }
    }

    fn screen(seen: Vec<(i64, Instant)>) -> FollowerRecord {
        FollowerRecord { seen, ..FollowerRecord::default() }
    }

    #[test]
    fn latency_is_up_to_the_slowest_screen_and_never_negative() {
        let start = Instant::now();
        let ms = |n| start + Duration::from_millis(n);
        let acks = [ack(3, ms(10)), ack(4, ms(20)), ack(5, ms(500))];
        let screens = [screen(vec![(1, ms(0)), (4, ms(30))]), screen(vec![(3, ms(50)), (5, ms(70))])];
        let measured = delivery(&acks, &screens);
        // 3: first at 30 and 50 → 40; 4: at 30 and 70 → 50; 5: only on the second screen → lost.
        assert_eq!(measured.latencies, vec![Duration::from_millis(40), Duration::from_millis(50)]);
        assert_eq!(measured.lost, 1);

        let early = delivery(&[ack(2, ms(100))], &[screen(vec![(2, ms(90))])]);
        assert_eq!(early.latencies, vec![Duration::ZERO]);
    }

    #[test]
    fn each_workshop_is_measured_on_its_own_screens() {
        let start = Instant::now();
        let ms = |n| start + Duration::from_millis(n);
        let on = |workshop, ack: Ack| Ack { workshop, ..ack };
        let acks = [on(0, ack(3, ms(0))), on(1, ack(3, ms(0))), on(2, ack(1, ms(0)))];
        let screen_of = |workshop, seen| FollowerRecord { workshop, ..screen(seen) };
        // Workshop 1's version 3 is not workshop 0's: its screen, still on 2, has not shown it.
        let screens =
            [screen_of(0, vec![(3, ms(20))]), screen_of(1, vec![(2, ms(5))]), screen_of(1, vec![(4, ms(90))])];
        let measured = delivery(&acks, &screens);
        assert_eq!(measured.latencies, vec![Duration::from_millis(20)]);
        // Workshop 1's screen never showed 3; workshop 2 has no screen.
        assert_eq!(measured.lost, 2);
    }

    #[test]
    fn percentiles_take_the_nearest_rank() {
        let sorted: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        let percentiles = Percentiles::of(&sorted).unwrap();
        assert_eq!((percentiles.p50, percentiles.p95, percentiles.p99, percentiles.max), (50.0, 95.0, 99.0, 100.0));
        assert!(Percentiles::of(&[]).is_none());
    }
}
