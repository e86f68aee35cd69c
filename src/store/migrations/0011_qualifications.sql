-- Schema 11: qualified staff (R-STAFF-1, R-STAFF-2, issue 12): each staff member's
-- diplomas, BIG registration, certificates and training, with the codes they cover (which
-- treatment types name) and the days they are valid. Kept when an account is disabled.
CREATE TABLE qualifications (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  covers TEXT NOT NULL,
  big_number TEXT,
  valid_from TEXT NOT NULL,
  valid_until TEXT,
  created_at_us BIGINT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX qualifications_user ON qualifications (user_id, valid_from);
CREATE INDEX qualifications_practice ON qualifications (practice_id, valid_until);
