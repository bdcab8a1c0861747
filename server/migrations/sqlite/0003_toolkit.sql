-- Settings: axis names (empty for the usual ones), midlines in half steps (NULL for the
-- scale's midpoint), the workshop's language.
ALTER TABLE workshops ADD COLUMN potential_label TEXT NOT NULL DEFAULT '';
ALTER TABLE workshops ADD COLUMN feasibility_label TEXT NOT NULL DEFAULT '';
ALTER TABLE workshops ADD COLUMN potential_midline INTEGER CHECK (potential_midline BETWEEN 0 AND 20);
ALTER TABLE workshops ADD COLUMN feasibility_midline INTEGER CHECK (feasibility_midline BETWEEN 0 AND 20);
ALTER TABLE workshops ADD COLUMN language TEXT NOT NULL DEFAULT 'nb' CHECK (language IN ('nb', 'en'));
-- The leaders' read-only link: the hash of its secret, and how many times it was renewed.
ALTER TABLE workshops ADD COLUMN review_hash BLOB;
ALTER TABLE workshops ADD COLUMN review_generation INTEGER NOT NULL DEFAULT 0;

CREATE TABLE group_tags (
    group_id   INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    dimension  TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (group_id, dimension)
);

CREATE TABLE comments (
    group_id    INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    area_id     INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    rationale   TEXT    NOT NULL DEFAULT '',
    risks       TEXT    NOT NULL DEFAULT '',
    timeframe   TEXT    CHECK (timeframe IN ('short', 'medium', 'long')),
    updated_at  TEXT    NOT NULL,
    PRIMARY KEY (group_id, area_id)
);
CREATE INDEX comments_by_area ON comments (area_id);

CREATE TABLE suggestions (
    id           INTEGER PRIMARY KEY,
    workshop_id  INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    group_id     INTEGER REFERENCES groups (id) ON DELETE SET NULL,
    name         TEXT    NOT NULL,
    description  TEXT    NOT NULL DEFAULT '',
    status       TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'kept')),
    area_id      INTEGER REFERENCES areas (id) ON DELETE SET NULL,
    created_at   TEXT    NOT NULL
);
CREATE INDEX suggestions_by_workshop ON suggestions (workshop_id, id);
