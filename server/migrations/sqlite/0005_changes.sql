-- Every change to a workshop: who made it (a role, and the group's name, never a person),
-- what and when. Written in the transaction of the change it records.
-- The group's and the area's names are kept as they were, so that the history still reads
-- after either is removed (their ids then turn NULL). `subject` names the category or group a
-- change is about; `field`, `old_value` and `new_value` what changed (an axis and its scores,
-- a setting, a name).
CREATE TABLE changes (
    id          INTEGER PRIMARY KEY,
    workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    at          TEXT    NOT NULL,
    actor       TEXT    NOT NULL CHECK (actor IN ('facilitator', 'group', 'facilitator_for_group')),
    group_id    INTEGER REFERENCES groups (id) ON DELETE SET NULL,
    group_name  TEXT,
    action      TEXT    NOT NULL,
    area_id     INTEGER REFERENCES areas (id) ON DELETE SET NULL,
    area_name   TEXT,
    subject     TEXT,
    field       TEXT,
    old_value   TEXT,
    new_value   TEXT
);
CREATE INDEX changes_by_workshop ON changes (workshop_id, id);
CREATE INDEX changes_by_area ON changes (area_id, id);
CREATE INDEX changes_by_group ON changes (group_id);
