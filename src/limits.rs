//! How much one workshop may hold: far above any real workshop, so that no one can make a
//! workshop's pages expensive to render or its lists unreadable.

pub const MAX_CATEGORIES: usize = 50;
pub const MAX_AREAS: usize = 200;
pub const MAX_GROUPS: usize = 500;
/// Suggestions per workshop: far more than a room raises, few enough that no one can flood the list.
pub const MAX_SUGGESTIONS: usize = 200;
/// The most groups one request may add; more than any workshop room holds.
pub const MAX_GROUPS_PER_REQUEST: usize = 100;
/// How long a removed category, area or group can be put back, with its scores and comments.
pub const UNDO_MINUTES: i64 = 10;
