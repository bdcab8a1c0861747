-- As SQLite's 0008_rounds.sql.
ALTER TABLE workshops ADD COLUMN round SMALLINT NOT NULL DEFAULT 1 CHECK (round >= 1);
ALTER TABLE workshops ADD COLUMN kept_version BIGINT NOT NULL DEFAULT 0;

CREATE TABLE earlier_scores (
    round       SMALLINT NOT NULL CHECK (round >= 1),
    group_id    BIGINT   NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    area_id     BIGINT   NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    axis        TEXT     NOT NULL CHECK (axis IN ('potential', 'feasibility')),
    value       SMALLINT NOT NULL CHECK (value BETWEEN 0 AND 10),
    PRIMARY KEY (group_id, area_id, axis, round)
);
CREATE INDEX earlier_scores_by_area ON earlier_scores (area_id);
