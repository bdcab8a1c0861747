-- Nynorsk: a workshop's language may be 'nn'.
ALTER TABLE workshops DROP CONSTRAINT workshops_language_check;
ALTER TABLE workshops ADD CONSTRAINT workshops_language_check CHECK (language IN ('nb', 'nn', 'en'));
