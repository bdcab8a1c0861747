-- The facilitator can hide results from participants until they are revealed.
ALTER TABLE workshops ADD COLUMN results_hidden INTEGER NOT NULL DEFAULT 0 CHECK (results_hidden IN (0, 1));
