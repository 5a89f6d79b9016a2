-- The ledger of scheduled sends, each team's job schedules, and a member's
-- choice of no reminders. A send's key is (team_id, job, week, recipient):
-- recipient is a member's user id, or '' for the team's channel, so it has no
-- foreign key to members. due_at and updated_at are UTC RFC 3339 text, set by
-- the caller's clock. weekday is Go's time.Weekday: 0 is Sunday.

-- +goose Up
CREATE TABLE sends (
    team_id    TEXT    NOT NULL REFERENCES teams (id),
    job        TEXT    NOT NULL CHECK (job IN ('retro', 'plan', 'log')),
    week       TEXT    NOT NULL CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]'),
    recipient  TEXT    NOT NULL DEFAULT '',
    state      TEXT    NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'skipped')),
    attempts   INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    due_at     TEXT    NOT NULL CHECK (due_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    updated_at TEXT    NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    message_ts TEXT    NOT NULL DEFAULT '',
    detail     TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (team_id, job, week, recipient)
) STRICT;

CREATE INDEX sends_state_due ON sends (state, due_at);

CREATE TABLE schedules (
    team_id TEXT    NOT NULL REFERENCES teams (id),
    job     TEXT    NOT NULL CHECK (job IN ('retro', 'plan', 'log')),
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    hour    INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
    minute  INTEGER NOT NULL CHECK (minute BETWEEN 0 AND 59),
    off     INTEGER NOT NULL DEFAULT 0 CHECK (off IN (0, 1)),
    PRIMARY KEY (team_id, job)
) STRICT;

ALTER TABLE members ADD COLUMN remind_off INTEGER NOT NULL DEFAULT 0 CHECK (remind_off IN (0, 1));

-- +goose Down
-- DROP COLUMN (SQLite 3.35+) allows a column's own CHECK constraint.
ALTER TABLE members DROP COLUMN remind_off;
DROP TABLE schedules;
DROP INDEX sends_state_due;
DROP TABLE sends;
