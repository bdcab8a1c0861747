-- How a workshop brings each area's scores together (mean or median), and how it reads the
-- certainty of its ranking (see kvadrant::CertaintySettings):
-- the dissent threshold in per cent of the scale's range, the top places given odds
-- (ascending, comma-separated), and the fewest groups a segment shown on its own may have.
ALTER TABLE workshops ADD COLUMN aggregate TEXT NOT NULL DEFAULT 'mean' CHECK (aggregate IN ('mean', 'median'));
ALTER TABLE workshops ADD COLUMN dissent_percent INTEGER NOT NULL DEFAULT 30;
ALTER TABLE workshops ADD COLUMN top_places TEXT NOT NULL DEFAULT '3,5';
ALTER TABLE workshops ADD COLUMN min_segment_groups INTEGER NOT NULL DEFAULT 2;
