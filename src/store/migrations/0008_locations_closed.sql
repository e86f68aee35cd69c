-- Schema 8: a location can be closed (issue 12): no new clients there, its clients stay
-- readable and can be moved. NULL while it is open.
ALTER TABLE locations ADD COLUMN closed_at_us BIGINT;
