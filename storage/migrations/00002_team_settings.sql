-- Team settings and member profiles. Every new column has a non-NULL default,
-- as ALTER TABLE ADD COLUMN requires of a NOT NULL column, so rows created
-- before this migration read as "not set": '' and 0. Time zones are IANA names
-- (checked by planner, not here); profile_at is UTC RFC 3339 text, or '' for
-- a profile never fetched.

-- +goose Up
ALTER TABLE teams ADD COLUMN tz TEXT NOT NULL DEFAULT '';
ALTER TABLE teams ADD COLUMN lang TEXT NOT NULL DEFAULT '' CHECK (lang IN ('', 'en', 'zh'));
ALTER TABLE teams ADD COLUMN digest_channel TEXT NOT NULL DEFAULT '';

ALTER TABLE members ADD COLUMN tz TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1));
ALTER TABLE members ADD COLUMN profile_at TEXT NOT NULL DEFAULT ''
    CHECK (profile_at = '' OR profile_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z');

-- +goose Down
-- DROP COLUMN (SQLite 3.35+) allows a column's own CHECK constraint.
ALTER TABLE members DROP COLUMN profile_at;
ALTER TABLE members DROP COLUMN is_admin;
ALTER TABLE members DROP COLUMN tz;

ALTER TABLE teams DROP COLUMN digest_channel;
ALTER TABLE teams DROP COLUMN lang;
ALTER TABLE teams DROP COLUMN tz;
