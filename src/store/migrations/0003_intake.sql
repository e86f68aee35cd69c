-- Schema 3: the intake (health questionnaire), versioned (R-DOS). Each version is sealed
-- with the client's own key (R-SEC-3); a change adds a version, none is ever overwritten.

CREATE TABLE intake_versions (
  client_id TEXT NOT NULL REFERENCES clients (id),
  version INTEGER NOT NULL,
  practice_id TEXT NOT NULL REFERENCES practices (id),
  location_id TEXT NOT NULL,
  answers_sealed TEXT NOT NULL,
  author_id TEXT NOT NULL,
  created_at_us BIGINT NOT NULL,
  PRIMARY KEY (client_id, version)
);
