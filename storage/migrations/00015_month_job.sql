-- Issue 16: the monthly report, a job of its own ('month'), posted on each
-- month's first working day. Its sends keep the ledger's key as 00013 left it
-- (team_id, job, week, recipient, subject; subject ''): week is the ISO week
-- in which the month reported on begins (planner.MonthlyRun), one per month. Its schedule is a row of
-- schedules whose weekday is not used (0). SQLite cannot change a CHECK in
-- place, so both tables are made again with their rows; nothing refers to
-- either.

-- +goose Up
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
    SELECT team_id, job, week, recipient, state, attempts, due_at, updated_at, message_ts, detail, subject FROM sends;
DROP INDEX sends_state_due;
DROP TABLE sends;
ALTER TABLE sends_month RENAME TO sends;
CREATE INDEX sends_state_due ON sends (state, due_at);

CREATE TABLE schedules_month (
    team_id TEXT    NOT NULL REFERENCES teams (id),
    job     TEXT    NOT NULL CHECK (job IN ('retro', 'plan', 'log', 'month')),
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    hour    INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
    minute  INTEGER NOT NULL CHECK (minute BETWEEN 0 AND 59),
    off     INTEGER NOT NULL DEFAULT 0 CHECK (off IN (0, 1)),
    PRIMARY KEY (team_id, job)
) STRICT;
INSERT INTO schedules_month (team_id, job, weekday, hour, minute, off)
    SELECT team_id, job, weekday, hour, minute, off FROM schedules;
DROP TABLE schedules;
ALTER TABLE schedules_month RENAME TO schedules;

-- +goose Down
CREATE TABLE sends_weekly (
    team_id    TEXT    NOT NULL REFERENCES teams (id),
    job        TEXT    NOT NULL CHECK (job IN ('retro', 'plan', 'log', 'due')),
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
INSERT INTO sends_weekly (team_id, job, week, recipient, state, attempts, due_at, updated_at, message_ts, detail, subject)
    SELECT team_id, job, week, recipient, state, attempts, due_at, updated_at, message_ts, detail, subject FROM sends
    WHERE job <> 'month';
DROP INDEX sends_state_due;
DROP TABLE sends;
ALTER TABLE sends_weekly RENAME TO sends;
CREATE INDEX sends_state_due ON sends (state, due_at);

CREATE TABLE schedules_weekly (
    team_id TEXT    NOT NULL REFERENCES teams (id),
    job     TEXT    NOT NULL CHECK (job IN ('retro', 'plan', 'log')),
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    hour    INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
    minute  INTEGER NOT NULL CHECK (minute BETWEEN 0 AND 59),
    off     INTEGER NOT NULL DEFAULT 0 CHECK (off IN (0, 1)),
    PRIMARY KEY (team_id, job)
) STRICT;
INSERT INTO schedules_weekly (team_id, job, weekday, hour, minute, off)
    SELECT team_id, job, weekday, hour, minute, off FROM schedules WHERE job <> 'month';
DROP TABLE schedules;
ALTER TABLE schedules_weekly RENAME TO schedules;
