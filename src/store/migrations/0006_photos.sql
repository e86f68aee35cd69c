-- Schema 6: photos (R-PHOTO-1..4). The image and its thumbnail are sealed with the client's
-- key (R-PHOTO-3): as files in the data folder on SQLite, in photo_blobs on PostgreSQL so that
-- several servers share them.

CREATE TABLE photos (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices (id),
  location_id TEXT NOT NULL,
  client_id TEXT NOT NULL REFERENCES clients (id),
  trajectory_id TEXT,
  session_id TEXT,
  phase TEXT NOT NULL,
  body_area TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  source_type TEXT NOT NULL,
  uploaded_at_us BIGINT NOT NULL,
  uploaded_by TEXT NOT NULL
);
CREATE INDEX photos_client ON photos (practice_id, client_id, uploaded_at_us);

CREATE TABLE photo_blobs (
  photo_id TEXT NOT NULL REFERENCES photos (id),
  kind TEXT NOT NULL,
  practice_id TEXT NOT NULL,
  location_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  sealed TEXT NOT NULL,
  PRIMARY KEY (photo_id, kind)
);
