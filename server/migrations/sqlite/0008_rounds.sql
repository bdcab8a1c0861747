-- Rounds: after discussing, the groups may score again. `round` is the round being scored
-- now; `scores` holds its scores, and each finished round's scores are kept in
-- `earlier_scores` as they were when the next round began, never to change again.
ALTER TABLE workshops ADD COLUMN round INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1);
-- Changes whenever the workshop's kept scores do (a round kept, an area or group removed or put
-- back): what a copy of them kept in memory is checked against.
ALTER TABLE workshops ADD COLUMN kept_version INTEGER NOT NULL DEFAULT 0;

CREATE TABLE earlier_scores (
    round       INTEGER NOT NULL CHECK (round >= 1),
    group_id    INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    area_id     INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    axis        TEXT    NOT NULL CHECK (axis IN ('potential', 'feasibility')),
    value       INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
    PRIMARY KEY (group_id, area_id, axis, round)
);
CREATE INDEX earlier_scores_by_area ON earlier_scores (area_id);
