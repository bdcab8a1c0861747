-- As SQLite's 0004_group_links.sql. gen_random_uuid() draws from a cryptographic source.
ALTER TABLE groups ADD COLUMN link_key TEXT NOT NULL DEFAULT '';
ALTER TABLE groups ADD COLUMN joined BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE groups SET link_key = replace(gen_random_uuid()::text, '-', '');
