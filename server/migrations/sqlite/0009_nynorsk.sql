-- Nynorsk: a workshop's language may be 'nn'. SQLite cannot change a column's check, so the
-- column is made anew beside the old one, filled, and takes its name.
ALTER TABLE workshops ADD COLUMN language_code TEXT NOT NULL DEFAULT 'nb' CHECK (language_code IN ('nb', 'nn', 'en'));
UPDATE workshops SET language_code = language;
ALTER TABLE workshops DROP COLUMN language;
ALTER TABLE workshops RENAME COLUMN language_code TO language;
