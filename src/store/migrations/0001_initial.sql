-- Schema 1: practices and their locations, staff and login state, sessions, clients with
-- their wrapped data keys, and the hash-chained audit log.
-- Portable SQL for SQLite and PostgreSQL. Times are UTC microseconds since the epoch.
-- Every table that holds client data carries practice_id and location_id (sharding by
-- practice). Binary values are stored as text (base64url or hex).

CREATE TABLE practices (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  totp_required INTEGER NOT NULL,
  created_at_us BIGINT NOT NULL
);

CREATE TABLE locations (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices (id),
  name TEXT NOT NULL,
  created_at_us BIGINT NOT NULL
);
CREATE INDEX locations_practice ON locations (practice_id);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices (id),
  email TEXT NOT NULL,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  all_locations INTEGER NOT NULL,
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL,
  totp_secret TEXT,
  totp_pending_secret TEXT,
  totp_last_step BIGINT NOT NULL,
  disabled INTEGER NOT NULL,
  access_expires_at_us BIGINT,
  created_at_us BIGINT NOT NULL,
  updated_at_us BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (email);

CREATE TABLE user_locations (
  user_id TEXT NOT NULL REFERENCES users (id),
  location_id TEXT NOT NULL REFERENCES locations (id),
  PRIMARY KEY (user_id, location_id)
);

-- Failed logins per login name (a hash of it), known account or not.
CREATE TABLE login_failures (
  login_hash TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at_us BIGINT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  practice_id TEXT NOT NULL REFERENCES practices (id),
  created_at_us BIGINT NOT NULL,
  last_seen_at_us BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE clients (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices (id),
  location_id TEXT NOT NULL REFERENCES locations (id),
  given_name TEXT NOT NULL,
  name_prefix TEXT,
  family_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  phone TEXT,
  phone_digits TEXT NOT NULL,
  email TEXT,
  records_consent TEXT,
  photo_preference TEXT,
  sort_key TEXT NOT NULL,
  search_text TEXT NOT NULL,
  created_at_us BIGINT NOT NULL,
  updated_at_us BIGINT NOT NULL
);
CREATE INDEX clients_sort ON clients (practice_id, sort_key);
CREATE INDEX clients_birth ON clients (practice_id, date_of_birth);

-- R-SEC-3: each client's data key, wrapped by the master key; NULL once destroyed.
CREATE TABLE client_keys (
  client_id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices (id),
  location_id TEXT NOT NULL,
  wrapped_key TEXT,
  created_at_us BIGINT NOT NULL,
  destroyed_at_us BIGINT
);

-- R-AUD-1..3: one row per access, chained by hash per practice. No health data.
CREATE TABLE audit_log (
  practice_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  at_us BIGINT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  on_behalf_of TEXT,
  client_id TEXT,
  location_id TEXT,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT,
  remote_addr TEXT NOT NULL,
  outcome TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (practice_id, seq)
);
CREATE INDEX audit_log_client ON audit_log (practice_id, client_id, seq);
CREATE INDEX audit_log_actor ON audit_log (practice_id, actor_id, seq);

-- The last entry of each practice's chain: appends lock this row, so that several servers
-- on one PostgreSQL database extend one chain in order.
CREATE TABLE audit_heads (
  practice_id TEXT PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
