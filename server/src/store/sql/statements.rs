//! The statements both databases run, as text both accept: `$1`-style parameters, portable
//! types and text timestamps. The few that name a table or a column are built from closed sets
//! ([`List`], [`Counted`], [`Switch`]); [`common`] lists every one of them. What a database runs
//! alone (writing many rows at once) is in its own module.

use kvadrant::Field;

use crate::store::records::List;

/// Declares each statement as a constant and lists them all in `FIXED`.
macro_rules! statements {
    ($($(#[$doc:meta])* $name:ident = $sql:expr;)*) => {
        $($(#[$doc])* pub(super) const $name: &str = $sql;)*
        const FIXED: &[(&str, &str)] = &[$((stringify!($name), $name)),*];
    };
}

/// Writes a new workshop, returning its id. Where the database does not number workshops the
/// way they must be (never giving a deleted one's id again), `$id` names the column and the value.
macro_rules! insert_workshop {
    ($($id:literal, $value:literal)?) => {
        concat!(
            "INSERT INTO workshops (", $($id, ", ",)? "code, title, description, secret_hash, review_hash, demo, \
            scale_min, scale_max, potential_label, feasibility_label, potential_midline, feasibility_midline, \
            language, scoring_open, dissent_percent, top_places, min_segment_groups, aggregate) VALUES (",
            $($value, ", ",)? "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) \
            RETURNING id"
        )
    };
}
pub(crate) use insert_workshop;

statements! {
    /// Starts a write: the row lock queues concurrent writers of one workshop.
    BUMP_VERSION = "UPDATE workshops SET version = version + 1 WHERE id = $1";
    OPEN_FOR_SCORING = "UPDATE workshops SET version = version + 1 WHERE id = $1 AND scoring_open \
        RETURNING version, scale_min, scale_max";
    WORKSHOP_BY_CODE = "SELECT id, code, title, description, secret_hash, scoring_open, results_hidden, demo, \
        scale_min, scale_max, potential_label, feasibility_label, potential_midline, feasibility_midline, language, \
        aggregate, dissent_percent, top_places, min_segment_groups, review_hash, review_generation, round, kept_version, version \
        FROM workshops WHERE code = $1";
    WORKSHOP_BY_ID = "SELECT id, code, title, description, secret_hash, scoring_open, results_hidden, demo, \
        scale_min, scale_max, potential_label, feasibility_label, potential_midline, feasibility_midline, language, \
        aggregate, dissent_percent, top_places, min_segment_groups, review_hash, review_generation, round, kept_version, version \
        FROM workshops WHERE id = $1";
    DELETE_WORKSHOP = "DELETE FROM workshops WHERE id = $1";
    /// When a workshop last changed: its newest logged change, else its creation.
    LAST_CHANGE = "SELECT COALESCE((SELECT at FROM changes WHERE workshop_id = $1 ORDER BY id DESC LIMIT 1), \
        (SELECT created_at FROM workshops WHERE id = $1))";
    /// Every workshop with when it was made and last changed, and how much it holds.
    SUMMARIES = "SELECT w.code, w.title, w.created_at, \
        COALESCE((SELECT at FROM changes c WHERE c.workshop_id = w.id ORDER BY c.id DESC LIMIT 1), w.created_at), \
        (SELECT COUNT(*) FROM areas a WHERE a.workshop_id = w.id), \
        (SELECT COUNT(*) FROM groups g WHERE g.workshop_id = w.id), \
        (SELECT COUNT(*) FROM scores s JOIN groups g ON g.id = s.group_id WHERE g.workshop_id = w.id) + \
        (SELECT COUNT(*) FROM earlier_scores e JOIN groups g ON g.id = e.group_id WHERE g.workshop_id = w.id), \
        (SELECT COUNT(*) FROM comments m JOIN groups g ON g.id = m.group_id WHERE g.workshop_id = w.id) \
        FROM workshops w ORDER BY w.id";
    /// The workshops that have not changed since `$1`.
    UNCHANGED_SINCE = "SELECT id FROM workshops w WHERE COALESCE((SELECT at FROM changes c \
        WHERE c.workshop_id = w.id ORDER BY c.id DESC LIMIT 1), w.created_at) < $1 ORDER BY id";
    COUNT_WORKSHOPS = "SELECT COUNT(*) FROM workshops";
    PING = "SELECT 1";
    DEMO_CODE = "SELECT code FROM workshops WHERE demo ORDER BY id LIMIT 1";
    WORKSHOP_TEXT = "SELECT title, description FROM workshops WHERE id = $1";
    UPDATE_WORKSHOP_TEXT = "UPDATE workshops SET title = $1, description = $2 WHERE id = $3";
    /// The scale may change only while no group has scored, in this round or an earlier one.
    UPDATE_SETTINGS = "UPDATE workshops SET scale_min = $1, scale_max = $2, potential_label = $3, \
        feasibility_label = $4, potential_midline = $5, feasibility_midline = $6, language = $7, \
        dissent_percent = $9, top_places = $10, min_segment_groups = $11, aggregate = $12 \
        WHERE id = $8 AND ((scale_min = $1 AND scale_max = $2) OR (NOT EXISTS ( \
        SELECT 1 FROM scores s JOIN groups g ON g.id = s.group_id WHERE g.workshop_id = $8) AND NOT EXISTS ( \
        SELECT 1 FROM earlier_scores e JOIN groups g ON g.id = e.group_id WHERE g.workshop_id = $8)))";
    SET_REVIEW = "UPDATE workshops SET review_hash = $1, review_generation = $2 WHERE id = $3";
    SET_SECRET = "UPDATE workshops SET secret_hash = $1, review_hash = $2 WHERE id = $3";
    SET_CODE = "UPDATE workshops SET code = $1 WHERE id = $2";

    CATEGORIES = "SELECT id, name, description FROM categories WHERE workshop_id = $1 ORDER BY position, id";
    INSERT_CATEGORY = "INSERT INTO categories (workshop_id, name, description, position) \
        VALUES ($1, $2, $3, $4) RETURNING id";
    CATEGORY_TEXT = "SELECT name, description FROM categories WHERE id = $1 AND workshop_id = $2";
    UPDATE_CATEGORY = "UPDATE categories SET name = $1, description = $2 WHERE id = $3";
    /// A category's name for the change log; empty for none.
    CATEGORY_NAME = "SELECT COALESCE((SELECT name FROM categories WHERE id = $1), '')";

    AREAS = "SELECT id, name, description, category_id FROM areas WHERE workshop_id = $1 ORDER BY position, id";
    AREA_IDS = "SELECT id FROM areas WHERE workshop_id = $1";
    INSERT_AREA = "INSERT INTO areas (workshop_id, category_id, name, description, position) \
        VALUES ($1, $2, $3, $4, $5) RETURNING id";
    AREA_FIELDS = "SELECT name, description, category_id FROM areas WHERE id = $1 AND workshop_id = $2";
    UPDATE_AREA = "UPDATE areas SET category_id = $1, name = $2, description = $3 WHERE id = $4";

    GROUPS = "SELECT id, name, joined FROM groups WHERE workshop_id = $1 ORDER BY position, id";
    GROUP_LINKS = "SELECT id, link_key FROM groups WHERE workshop_id = $1 ORDER BY position, id";
    INSERT_GROUP = "INSERT INTO groups (workshop_id, name, position, link_key) VALUES ($1, $2, $3, $4) RETURNING id";
    GROUP_NAME = "SELECT name FROM groups WHERE id = $1 AND workshop_id = $2";
    RENAME_GROUP = "UPDATE groups SET name = $1 WHERE id = $2";
    GROUP_KEY = "SELECT link_key FROM groups WHERE id = $1 AND workshop_id = $2";
    GROUP_EXISTS = "SELECT id FROM groups WHERE id = $1 AND workshop_id = $2";
    CLAIM_GROUP = "UPDATE groups SET joined = TRUE WHERE id = $1 AND workshop_id = $2 AND NOT joined \
        RETURNING link_key";
    RENEW_GROUP_LINK = "UPDATE groups SET link_key = $1, joined = joined AND NOT $2 \
        WHERE id = $3 AND workshop_id = $4 RETURNING name";

    TAGS = "SELECT t.group_id, t.dimension, t.value FROM group_tags t \
        JOIN groups g ON g.id = t.group_id WHERE g.workshop_id = $1 ORDER BY t.group_id, t.position";
    GROUP_TAGS = "SELECT dimension, value FROM group_tags WHERE group_id = $1 ORDER BY position";
    INSERT_TAG = "INSERT INTO group_tags (group_id, dimension, value, position) VALUES ($1, $2, $3, $4)";
    DELETE_TAGS = "DELETE FROM group_tags WHERE group_id = $1";

    SCORES = "SELECT s.group_id, s.area_id, s.axis, s.value FROM scores s \
        JOIN groups g ON g.id = s.group_id WHERE g.workshop_id = $1";
    GROUP_SCORES = "SELECT s.group_id, s.area_id, s.axis, s.value FROM scores s \
        JOIN groups g ON g.id = s.group_id WHERE g.workshop_id = $1 AND s.group_id = $2";
    /// A group's whole sheet, as a write needs it to tell changed cells from kept ones.
    SHEET = "SELECT area_id, axis, value FROM scores WHERE group_id = $1";
    /// Every finished round's scores, round by round.
    EARLIER_SCORES = "SELECT e.round, e.group_id, e.area_id, e.axis, e.value FROM earlier_scores e \
        JOIN groups g ON g.id = e.group_id WHERE g.workshop_id = $1 ORDER BY e.round";
    /// One group's scores in one finished round: what its sheet shows beside the new ones.
    GROUP_EARLIER_SCORES = "SELECT group_id, area_id, axis, value FROM earlier_scores \
        WHERE group_id = $1 AND round = $2";
    /// Begins round `$2` after round `$2 - 1`, open for scoring; none if another began meanwhile.
    NEXT_ROUND = "UPDATE workshops SET round = $2, scoring_open = TRUE, kept_version = kept_version + 1 \
        WHERE id = $1 AND round = $2 - 1";
    /// The workshop's kept scores changed otherwise: an area or a group went, or came back.
    KEPT_CHANGED = "UPDATE workshops SET kept_version = kept_version + 1 WHERE id = $1";
    /// Keeps the current round's scores as round `$2`'s, for good.
    KEEP_ROUND = "INSERT INTO earlier_scores (round, group_id, area_id, axis, value) \
        SELECT $2, s.group_id, s.area_id, s.axis, s.value FROM scores s \
        JOIN groups g ON g.id = s.group_id WHERE g.workshop_id = $1";
    /// Empties every sheet for the next round, once the round's scores are kept.
    CLEAR_SHEETS = "DELETE FROM scores WHERE group_id IN (SELECT id FROM groups WHERE workshop_id = $1)";
    ACTIVITY = "SELECT s.group_id, MAX(s.updated_at) FROM scores s \
        JOIN groups g ON g.id = s.group_id WHERE g.workshop_id = $1 GROUP BY s.group_id";

    COMMENTS = "SELECT c.group_id, c.area_id, c.rationale, c.risks, c.timeframe FROM comments c \
        JOIN groups g ON g.id = c.group_id WHERE g.workshop_id = $1";
    COMMENT = "SELECT rationale, risks, timeframe FROM comments WHERE group_id = $1 AND area_id = $2";
    DELETE_COMMENT = "DELETE FROM comments WHERE group_id = $1 AND area_id = $2";
    UPSERT_COMMENT = "INSERT INTO comments (group_id, area_id, rationale, risks, timeframe, updated_at) \
        VALUES ($1, $2, $3, $4, $5, $6) \
        ON CONFLICT (group_id, area_id) DO UPDATE SET rationale = excluded.rationale, \
        risks = excluded.risks, timeframe = excluded.timeframe, updated_at = excluded.updated_at";
    COMMENT_TOTALS = "SELECT COUNT(*), COALESCE(SUM(LENGTH(c.rationale) + LENGTH(c.risks)), 0) FROM comments c \
        JOIN groups g ON g.id = c.group_id WHERE g.workshop_id = $1";

    SUGGESTIONS = "SELECT id, name, description, group_id, status, area_id FROM suggestions \
        WHERE workshop_id = $1 ORDER BY id";
    SUGGESTION = "SELECT name, description, status FROM suggestions WHERE id = $1 AND workshop_id = $2";
    INSERT_SUGGESTION = "INSERT INTO suggestions (workshop_id, group_id, name, description, created_at) \
        VALUES ($1, $2, $3, $4, $5) RETURNING id";
    SET_SUGGESTION = "UPDATE suggestions SET status = $1, area_id = $2 WHERE id = $3";

    /// A removal keeps what it took away until it is undone or the time to undo has passed.
    INSERT_REMOVAL = "INSERT INTO removals (workshop_id, list, removed, removed_at) VALUES ($1, $2, $3, $4) \
        RETURNING id";
    REMOVAL = "SELECT list, removed FROM removals WHERE id = $1 AND workshop_id = $2 AND removed_at >= $3";
    DELETE_REMOVAL = "DELETE FROM removals WHERE id = $1";
    /// Only a workshop's last removal can be undone: a new one forgets the others, so that an
    /// id SQLite hands out again cannot take another removal's scores.
    FORGET_REMOVALS = "DELETE FROM removals WHERE workshop_id = $1";
    /// What can no longer be undone goes, in every workshop: it may hold comments.
    FORGET_EXPIRED_REMOVALS = "DELETE FROM removals WHERE removed_at < $1";
    CATEGORY_OF_WORKSHOP = "SELECT id FROM categories WHERE id = $1 AND workshop_id = $2";
    WORKSHOP_SCALE = "SELECT scale_min, scale_max FROM workshops WHERE id = $1";
    REMOVED_CATEGORY = "SELECT name, description, position FROM categories WHERE id = $1 AND workshop_id = $2";
    REMOVED_AREA = "SELECT name, description, position, category_id FROM areas WHERE id = $1 AND workshop_id = $2";
    REMOVED_GROUP = "SELECT name, position, link_key, joined FROM groups WHERE id = $1 AND workshop_id = $2";
    RESTORE_CATEGORY = "INSERT INTO categories (id, workshop_id, name, description, position) \
        VALUES ($1, $2, $3, $4, $5)";
    RESTORE_AREA = "INSERT INTO areas (id, workshop_id, name, description, position, category_id) \
        VALUES ($1, $2, $3, $4, $5, $6)";
    RESTORE_GROUP = "INSERT INTO groups (id, workshop_id, name, position, link_key, joined) \
        VALUES ($1, $2, $3, $4, $5, $6)";
    RESTORE_SCORE = "INSERT INTO scores (group_id, area_id, axis, value, updated_at) VALUES ($1, $2, $3, $4, $5)";
    RESTORE_EARLIER_SCORE = "INSERT INTO earlier_scores (group_id, area_id, axis, value, round) \
        VALUES ($1, $2, $3, $4, $5)";
    RESTORE_COMMENT = "INSERT INTO comments (group_id, area_id, rationale, risks, timeframe, updated_at) \
        VALUES ($1, $2, $3, $4, $5, $6)";

    /// The last `$3` lines, of one area if `$2` names one.
    CHANGES = "SELECT at, actor, group_id, group_name, action, area_id, area_name, subject, field, old_value, \
        new_value FROM changes WHERE workshop_id = $1 AND (area_id = $2 OR $2 IS NULL) ORDER BY id DESC LIMIT $3";
}

pub(super) fn next_position(list: List) -> String {
    format!("SELECT COALESCE(MAX(position), 0) + 1 FROM {} WHERE workshop_id = $1", list.table())
}

pub(super) fn order(list: List) -> String {
    format!("SELECT id FROM {} WHERE workshop_id = $1 ORDER BY position, id", list.table())
}

pub(super) fn reorder(list: List) -> String {
    format!("UPDATE {} SET position = $1 WHERE id = $2 AND workshop_id = $3", list.table())
}

pub(super) fn name_of(list: List) -> String {
    format!("SELECT name FROM {} WHERE id = $1 AND workshop_id = $2", list.table())
}

pub(super) fn delete(list: List) -> String {
    format!("DELETE FROM {} WHERE id = $1", list.table())
}

/// The rows of `table` that point at an item of `list` through their `{list}_id` column.
pub(super) fn pointing_at(table: Pointing, list: List) -> String {
    format!("SELECT id FROM {} WHERE {} = $1", table.table(), list.reference())
}

/// Points a row of `table` at an item of `list` again, if it still points nowhere.
pub(super) fn point_again(table: Pointing, list: List) -> String {
    let column = list.reference();
    format!("UPDATE {} SET {column} = $1 WHERE id = $2 AND workshop_id = $3 AND {column} IS NULL", table.table())
}

/// The scores or comments of one area or one group.
pub(super) fn cells_of(table: Cells, list: List) -> String {
    let columns = match table {
        Cells::Scores => "group_id, area_id, axis, value, updated_at",
        Cells::Comments => "group_id, area_id, rationale, risks, timeframe, updated_at",
        Cells::EarlierScores => "group_id, area_id, axis, value, round",
    };
    format!("SELECT {columns} FROM {} WHERE {} = $1", table.table(), list.reference())
}

/// Moves the items from position `$2` on one down, for an item put back where it was.
pub(super) fn shift_from(list: List) -> String {
    format!("UPDATE {} SET position = position + 1 WHERE workshop_id = $1 AND position >= $2", list.table())
}

/// Whether a row of `list` has this id.
pub(super) fn id_taken(list: List) -> String {
    format!("SELECT COUNT(*) FROM {} WHERE id = $1", list.table())
}

/// How many of the workshop's rows in `list` other than `$3` have this name.
pub(super) fn named(list: List) -> String {
    format!("SELECT COUNT(*) FROM {} WHERE workshop_id = $1 AND name = $2 AND id <> $3", list.table())
}

/// Tables whose rows point at another list's items and outlive them (the pointer turns NULL):
/// the change log and suggestions at areas and groups, areas at categories.
#[derive(Debug, Clone, Copy)]
pub(super) enum Pointing {
    Changes,
    Suggestions,
    Areas,
}

impl Pointing {
    /// Every table with the lists its rows point at.
    const ALL: [(Pointing, List); 5] = [
        (Pointing::Changes, List::Areas),
        (Pointing::Changes, List::Groups),
        (Pointing::Suggestions, List::Areas),
        (Pointing::Suggestions, List::Groups),
        (Pointing::Areas, List::Categories),
    ];

    fn table(self) -> &'static str {
        match self {
            Pointing::Changes => "changes",
            Pointing::Suggestions => "suggestions",
            Pointing::Areas => "areas",
        }
    }
}

/// Tables of one group's entries on one area, which go with either.
#[derive(Debug, Clone, Copy)]
pub(super) enum Cells {
    Scores,
    Comments,
    EarlierScores,
}

impl Cells {
    const ALL: [Cells; 3] = [Cells::Scores, Cells::Comments, Cells::EarlierScores];

    fn table(self) -> &'static str {
        match self {
            Cells::Scores => "scores",
            Cells::Comments => "comments",
            Cells::EarlierScores => "earlier_scores",
        }
    }
}

/// A list a workshop may hold only so many rows of.
#[derive(Debug, Clone, Copy)]
pub(super) struct Counted {
    table: &'static str,
    pub field: Field,
    pub limit: usize,
}

impl Counted {
    pub const CATEGORIES: Counted =
        Counted { table: "categories", field: Field::Categories, limit: kvadrant::limits::MAX_CATEGORIES };
    pub const AREAS: Counted = Counted { table: "areas", field: Field::Areas, limit: kvadrant::limits::MAX_AREAS };
    pub const GROUPS: Counted = Counted { table: "groups", field: Field::Groups, limit: kvadrant::limits::MAX_GROUPS };
    pub const SUGGESTIONS: Counted =
        Counted { table: "suggestions", field: Field::Suggestions, limit: kvadrant::limits::MAX_SUGGESTIONS };
    const ALL: [Counted; 4] = [Counted::CATEGORIES, Counted::AREAS, Counted::GROUPS, Counted::SUGGESTIONS];

    pub fn count(self) -> String {
        format!("SELECT COUNT(*) FROM {} WHERE workshop_id = $1", self.table)
    }
}

/// A workshop's on/off columns.
#[derive(Debug, Clone, Copy)]
pub(super) enum Switch {
    ScoringOpen,
    ResultsHidden,
}

impl Switch {
    const ALL: [Switch; 2] = [Switch::ScoringOpen, Switch::ResultsHidden];

    /// Sets the column; updates no row if it was set already.
    pub fn set(self) -> String {
        let column = match self {
            Switch::ScoringOpen => "scoring_open",
            Switch::ResultsHidden => "results_hidden",
        };
        format!("UPDATE workshops SET {column} = $1 WHERE id = $2 AND {column} <> $1")
    }
}

/// Every statement both databases run, with a name to report it by.
pub(in crate::store) fn common() -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = FIXED.iter().map(|(name, sql)| (name.to_string(), sql.to_string())).collect();
    for list in List::ALL {
        let table = list.table();
        all.push((format!("next_position({table})"), next_position(list)));
        all.push((format!("order({table})"), order(list)));
        all.push((format!("reorder({table})"), reorder(list)));
        all.push((format!("name_of({table})"), name_of(list)));
        all.push((format!("delete({table})"), delete(list)));
        all.push((format!("shift_from({table})"), shift_from(list)));
        all.push((format!("id_taken({table})"), id_taken(list)));
        all.push((format!("named({table})"), named(list)));
    }
    for (table, list) in Pointing::ALL {
        all.push((format!("pointing_at({table:?}, {list:?})"), pointing_at(table, list)));
        all.push((format!("point_again({table:?}, {list:?})"), point_again(table, list)));
    }
    for list in [List::Areas, List::Groups] {
        for table in Cells::ALL {
            all.push((format!("cells_of({table:?}, {list:?})"), cells_of(table, list)));
        }
    }
    for counted in Counted::ALL {
        all.push((format!("count({})", counted.table), counted.count()));
    }
    for switch in Switch::ALL {
        all.push((format!("{switch:?}.set"), switch.set()));
    }
    all
}
