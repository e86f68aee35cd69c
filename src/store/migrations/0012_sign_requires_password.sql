-- Schema 12: a practice can require the signer's password to sign a session (issue 12).
ALTER TABLE practices ADD COLUMN sign_requires_password INTEGER NOT NULL DEFAULT 0;
