-- Schema 4: trajectories (behandeltrajecten) with the information duty (R-TRJ-1), decision
-- consults (R-CONSENT-1), decisions (R-CONSENT-2) and signed consents (R-CONSENT-3..5).
-- Free text is sealed with the client's key (R-SEC-3). Nothing here is ever updated or
-- deleted by the application: a correction is a new row.

CREATE TABLE trajectories (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices (id),
  location_id TEXT NOT NULL,
  client_id TEXT NOT NULL REFERENCES clients (id),
  type_key TEXT NOT NULL,
  type_version INTEGER NOT NULL,
  info_sealed TEXT NOT NULL,
  intake_version INTEGER NOT NULL,
  created_at_us BIGINT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX trajectories_client ON trajectories (practice_id, client_id, created_at_us);

CREATE TABLE consults (
  id TEXT PRIMARY KEY,
  trajectory_id TEXT NOT NULL REFERENCES trajectories (id),
  practice_id TEXT NOT NULL,
  location_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  at_us BIGINT NOT NULL,
  leaflet_version TEXT NOT NULL,
  proposed_sealed TEXT NOT NULL,
  intake_version INTEGER NOT NULL,
  recorded_at_us BIGINT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX consults_trajectory ON consults (trajectory_id, at_us);

CREATE TABLE decisions (
  id TEXT PRIMARY KEY,
  trajectory_id TEXT NOT NULL REFERENCES trajectories (id),
  practice_id TEXT NOT NULL,
  location_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  consult_id TEXT NOT NULL REFERENCES consults (id),
  at_us BIGINT NOT NULL,
  recorded_at_us BIGINT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX decisions_trajectory ON decisions (trajectory_id, at_us);

CREATE TABLE consents (
  id TEXT PRIMARY KEY,
  trajectory_id TEXT NOT NULL REFERENCES trajectories (id),
  practice_id TEXT NOT NULL,
  location_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  text_sealed TEXT NOT NULL,
  text_sha256 TEXT NOT NULL,
  signature_kind TEXT NOT NULL,
  signature_sealed TEXT NOT NULL,
  intake_version INTEGER NOT NULL,
  signed_at_us BIGINT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX consents_trajectory ON consents (trajectory_id, signed_at_us);
