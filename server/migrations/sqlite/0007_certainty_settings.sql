-- How a workshop reads the certainty of its ranking (see kvadrant::CertaintySettings):
-- the dissent threshold in per cent of the scale's range, the top places given odds
-- (ascending, comma-separated), and the fewest groups a segment shown on its own may have.
ALTER TABLE workshops ADD COLUMN dissent_percent INTEGER NOT NULL DEFAULT 30;
ALTER TABLE workshops ADD COLUMN top_places TEXT NOT NULL DEFAULT '3,5';
ALTER TABLE workshops ADD COLUMN min_segment_groups INTEGER NOT NULL DEFAULT 2;
