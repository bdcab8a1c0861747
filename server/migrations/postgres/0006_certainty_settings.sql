-- As SQLite's 0007_certainty_settings.sql.
ALTER TABLE workshops ADD COLUMN aggregate TEXT NOT NULL DEFAULT 'mean' CHECK (aggregate IN ('mean', 'median'));
ALTER TABLE workshops ADD COLUMN dissent_percent SMALLINT NOT NULL DEFAULT 30;
ALTER TABLE workshops ADD COLUMN top_places TEXT NOT NULL DEFAULT '3,5';
ALTER TABLE workshops ADD COLUMN min_segment_groups SMALLINT NOT NULL DEFAULT 2;
