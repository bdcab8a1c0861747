-- Workshops can be deleted. SQLite gives a new row the largest id in the table plus one, so the
-- newest workshop's id, once deleted, would be given again; what is kept in memory by a
-- workshop's id must never reach another workshop. The largest id ever given is kept here, and
-- new workshops are numbered after it (see `Dialect::INSERT_WORKSHOP`).
CREATE TABLE workshop_ids (
    slot INTEGER PRIMARY KEY CHECK (slot = 1),
    last INTEGER NOT NULL
);
INSERT INTO workshop_ids (slot, last) SELECT 1, COALESCE(MAX(id), 0) FROM workshops;
CREATE TRIGGER workshop_ids_last AFTER INSERT ON workshops
BEGIN
    UPDATE workshop_ids SET last = MAX(last, NEW.id) WHERE slot = 1;
END;
