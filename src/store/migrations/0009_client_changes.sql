-- Schema 9: a client's data kept current (issue 12): every create and change with its
-- author and time. Which fields changed is in the clear (no personal data); from what to
-- what is sealed with the client's key (R-SEC-3), so it goes when the key is destroyed.
CREATE TABLE client_changes (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients (id),
  practice_id TEXT NOT NULL REFERENCES practices (id),
  location_id TEXT NOT NULL,
  at_us BIGINT NOT NULL,
  changed_by TEXT NOT NULL,
  fields TEXT NOT NULL,
  values_sealed TEXT NOT NULL
);
CREATE INDEX client_changes_client ON client_changes (client_id, at_us);
