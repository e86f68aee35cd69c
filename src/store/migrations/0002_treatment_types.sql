-- Schema 2: the treatment catalogue of each practice (R-CAT) and the practice's reflection
-- periods (R-CONSENT-2). A type is never changed in place: an edit adds a version, so a
-- session keeps pointing at the version it was recorded with.

CREATE TABLE treatment_types (
  practice_id TEXT NOT NULL REFERENCES practices (id),
  type_key TEXT NOT NULL,
  version INTEGER NOT NULL,
  regime TEXT NOT NULL,
  category INTEGER NOT NULL,
  name_nl TEXT NOT NULL,
  name_en TEXT NOT NULL,
  visible_results INTEGER NOT NULL,
  qualification TEXT NOT NULL,
  device_required INTEGER NOT NULL,
  medical_act INTEGER NOT NULL,
  retired INTEGER NOT NULL,
  created_at_us BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (practice_id, type_key, version)
);

ALTER TABLE practices ADD COLUMN reflection_days_1 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE practices ADD COLUMN reflection_days_2 INTEGER NOT NULL DEFAULT 1;
ALTER TABLE practices ADD COLUMN reflection_days_3 INTEGER NOT NULL DEFAULT 7;
