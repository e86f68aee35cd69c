-- Schema 5: session records (behandelverslagen, R-TRJ-2) with their products and batches, and
-- addenda (R-DOS-3). A draft may change; a signed session never does: its rows are only read,
-- and a correction is an addendum. Products, batches and devices are kept in plain text so a
-- supplier's recall can be searched (R-TRJ-4); the record's free text is sealed (R-SEC-3).

CREATE TABLE treatment_sessions (
  id TEXT PRIMARY KEY,
  trajectory_id TEXT NOT NULL REFERENCES trajectories (id),
  practice_id TEXT NOT NULL REFERENCES practices (id),
  location_id TEXT NOT NULL,
  client_id TEXT NOT NULL REFERENCES clients (id),
  type_key TEXT NOT NULL,
  type_version INTEGER NOT NULL,
  status TEXT NOT NULL,
  performed_at_us BIGINT NOT NULL,
  practitioner_id TEXT NOT NULL,
  device_name TEXT,
  record_sealed TEXT NOT NULL,
  signed_at_us BIGINT,
  signed_by TEXT,
  created_at_us BIGINT NOT NULL,
  updated_at_us BIGINT NOT NULL
);
CREATE INDEX treatment_sessions_trajectory ON treatment_sessions (trajectory_id, performed_at_us);
CREATE INDEX treatment_sessions_device ON treatment_sessions (practice_id, device_name);

CREATE TABLE session_products (
  session_id TEXT NOT NULL REFERENCES treatment_sessions (id),
  position INTEGER NOT NULL,
  practice_id TEXT NOT NULL,
  location_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  batch TEXT NOT NULL,
  batch_key TEXT NOT NULL,
  PRIMARY KEY (session_id, position)
);
CREATE INDEX session_products_batch ON session_products (practice_id, batch_key);

CREATE TABLE session_addenda (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES treatment_sessions (id),
  practice_id TEXT NOT NULL,
  location_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  author_id TEXT NOT NULL,
  at_us BIGINT NOT NULL,
  reason_sealed TEXT NOT NULL,
  text_sealed TEXT NOT NULL
);
CREATE INDEX session_addenda_session ON session_addenda (session_id, at_us);
