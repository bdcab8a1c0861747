-- Each group's link key: whoever holds it reads and writes that group's sheet and nothing else.
-- Kept as it is, not hashed, so that the facilitator can show and print every group's link
-- at any time; it opens one sheet, which anyone reading the database could read anyway.
-- `joined`: someone took the group from the join page, which then no longer offers it.
ALTER TABLE groups ADD COLUMN link_key TEXT NOT NULL DEFAULT '';
ALTER TABLE groups ADD COLUMN joined BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE groups SET link_key = lower(hex(randomblob(16)));
