-- What a removal took away, kept for a while so that the facilitator can undo it: the row,
-- its scores, comments and tags, and which other rows pointed at it (JSON, read only by the
-- server). Only a workshop's last removal is kept; it is deleted when undone, and once the time
-- to undo has passed.
CREATE TABLE removals (
    -- Never handed out twice: an undo names its removal by id.
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    list        TEXT    NOT NULL CHECK (list IN ('categories', 'areas', 'groups')),
    removed     TEXT    NOT NULL,
    removed_at  TEXT    NOT NULL
);
CREATE INDEX removals_by_workshop ON removals (workshop_id, removed_at);
