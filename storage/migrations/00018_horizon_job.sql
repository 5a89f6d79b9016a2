-- Issue 17: the notice to a team's admins that the holiday calendar lists no
-- holidays for a year, a job of its own ('horizon'), sent once a year to each
-- admin (planner.HorizonRun). Its sends keep the ledger's key (team_id, job,
-- week, recipient, subject): subject names the year ("calendar 2027"), week is
-- the ISO week of the December before it in which the notice is first due.
-- SQLite cannot change a CHECK in place, so the table is made again with its
-- rows; nothing refers to it.

-- +goose Up
CREATE TABLE sends_horizon (
    team_id    TEXT    NOT NULL REFERENCES teams (id),
    job        TEXT    NOT NULL CHECK (job IN ('retro', 'plan', 'log', 'due', 'month', 'horizon')),
    week       TEXT    NOT NULL CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]'),
    recipient  TEXT    NOT NULL DEFAULT '',
    state      TEXT    NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'skipped')),
    attempts   INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    due_at     TEXT    NOT NULL CHECK (due_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    updated_at TEXT    NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    message_ts TEXT    NOT NULL DEFAULT '',
    detail     TEXT    NOT NULL DEFAULT '',
    subject    TEXT    NOT NULL DEFAULT '' CHECK (subject = '' OR job IN ('due', 'horizon')),
    PRIMARY KEY (team_id, job, week, recipient, subject)
) STRICT;
INSERT INTO sends_horizon (team_id, job, week, recipient, state, attempts, due_at, updated_at, message_ts, detail, subject)
    SELECT team_id, job, week, recipient, state, attempts, due_at, updated_at, message_ts, detail, subject FROM sends;
DROP INDEX sends_state_due;
DROP TABLE sends;
ALTER TABLE sends_horizon RENAME TO sends;
CREATE INDEX sends_state_due ON sends (state, due_at);

-- +goose Down
CREATE TABLE sends_month (
    team_id    TEXT    NOT NULL REFERENCES teams (id),
    job        TEXT    NOT NULL CHECK (job IN ('retro', 'plan', 'log', 'due', 'month')),
    week       TEXT    NOT NULL CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]'),
    recipient  TEXT    NOT NULL DEFAULT '',
    state      TEXT    NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'skipped')),
    attempts   INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    due_at     TEXT    NOT NULL CHECK (due_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    updated_at TEXT    NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    message_ts TEXT    NOT NULL DEFAULT '',
    detail     TEXT    NOT NULL DEFAULT '',
    subject    TEXT    NOT NULL DEFAULT '' CHECK (subject = '' OR job = 'due'),
    PRIMARY KEY (team_id, job, week, recipient, subject)
) STRICT;
INSERT INTO sends_month (team_id, job, week, recipient, state, attempts, due_at, updated_at, message_ts, detail, subject)
    SELECT team_id, job, week, recipient, state, attempts, due_at, updated_at, message_ts, detail, subject FROM sends
    WHERE job <> 'horizon';
DROP INDEX sends_state_due;
DROP TABLE sends;
ALTER TABLE sends_month RENAME TO sends;
CREATE INDEX sends_state_due ON sends (state, due_at);
