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
/// While scoring is open, results say who gave what only in workshops with at most this many
/// scored group-area pairs (a room of 20 groups and 15 areas): every screen receives every change,
/// and at 500 groups the pairs would make each view 100 KB. Once scoring closes, always.
pub const OPEN_PAIRS_SHOWN: usize = 300;
/// Rounds per workshop: a workshop scores once, and again after discussing, seldom more.
pub const MAX_ROUNDS: u32 = 9;
