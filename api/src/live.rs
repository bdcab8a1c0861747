//! How often a live workshop's screens get a new version.

use std::time::Duration;

/// A workshop nobody is waiting on publishes this soon after its last version.
const NARROWEST: Duration = Duration::from_millis(25);
/// Added for each screen following the workshop: sending a version to each costs time, so the
/// more screens follow, the more changes are worth folding into one version.
const PER_FOLLOWER: Duration = Duration::from_micros(15);
/// However many follow, a change reaches them this soon after the previous version.
const WIDEST: Duration = Duration::from_millis(100);

/// After a version is published, changes within this window are coalesced into the next one; a
/// change to a workshop that has been quiet for longer is published at once.
pub fn coalescing_window(followers: usize) -> Duration {
    let followers = u32::try_from(followers).unwrap_or(u32::MAX);
    NARROWEST.saturating_add(PER_FOLLOWER.saturating_mul(followers)).min(WIDEST)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widens_with_the_audience_up_to_a_limit() {
        assert_eq!(coalescing_window(0), NARROWEST);
        assert_eq!(coalescing_window(500), Duration::from_micros(32_500));
        assert_eq!(coalescing_window(5_000), WIDEST);
        assert_eq!(coalescing_window(usize::MAX), WIDEST);
        let windows: Vec<Duration> = (0..6_000).step_by(250).map(coalescing_window).collect();
        assert!(windows.is_sorted(), "never narrower for more followers");
    }
}
