CREATE TABLE workshops (
    id            INTEGER PRIMARY KEY,
    code          TEXT    NOT NULL UNIQUE,
    title         TEXT    NOT NULL,
    description   TEXT    NOT NULL DEFAULT '',
    secret_hash   BLOB    NOT NULL,
    scoring_open  INTEGER NOT NULL DEFAULT 1 CHECK (scoring_open IN (0, 1)),
    demo          INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
    scale_min     INTEGER NOT NULL DEFAULT 1 CHECK (scale_min BETWEEN 0 AND 1),
    scale_max     INTEGER NOT NULL DEFAULT 10 CHECK (scale_max BETWEEN 2 AND 10),
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE categories (
    id           INTEGER PRIMARY KEY,
    workshop_id  INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    description  TEXT    NOT NULL DEFAULT '',
    position     INTEGER NOT NULL
);
CREATE INDEX categories_by_workshop ON categories (workshop_id, position);

CREATE TABLE areas (
    id           INTEGER PRIMARY KEY,
    workshop_id  INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    category_id  INTEGER REFERENCES categories (id) ON DELETE SET NULL,
    name         TEXT    NOT NULL,
    description  TEXT    NOT NULL DEFAULT '',
    position     INTEGER NOT NULL
);
CREATE INDEX areas_by_workshop ON areas (workshop_id, position);

CREATE TABLE groups (
    id           INTEGER PRIMARY KEY,
    workshop_id  INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    position     INTEGER NOT NULL
);
CREATE INDEX groups_by_workshop ON groups (workshop_id, position);

CREATE TABLE scores (
    group_id    INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    area_id     INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    axis        TEXT    NOT NULL CHECK (axis IN ('potential', 'feasibility')),
    value       INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
    updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (group_id, area_id, axis)
);
CREATE INDEX scores_by_area ON scores (area_id);
