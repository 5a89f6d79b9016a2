-- Issue 16: deadlines (督办). A pipeline company's next-step deadline:
-- due_date, the last day its next step may happen on (YYYY-MM-DD, a calendar
-- day of the team's zone), NULL when it has none; due_step, the stage it is
-- to reach by then, '' when the lead line named none. Companies with a
-- deadline are read by it (companies_due), a small part of the pipeline.
--
-- A deadline's reminder to its owner is a send of job 'due' whose identity
-- holds the company and the day ('company 5 due 2026-03-31'), so that each
-- deadline is reminded of once: sends gains subject ('' for the weekly jobs)
-- in its key. SQLite changes neither a key nor a CHECK in place, so sends is
-- made again with its rows; nothing else refers to it.

-- +goose Up
ALTER TABLE companies ADD COLUMN due_date TEXT
    CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE companies ADD COLUMN due_step TEXT NOT NULL DEFAULT ''
    CHECK (due_step IN ('', 'lead', 'contacted', 'negotiating', 'signed', 'landed',
                        'construction', 'production', 'on_hold', 'lost'));
CREATE INDEX companies_due ON companies (team_id, due_date) WHERE due_date IS NOT NULL;

CREATE TABLE sends_due (
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
INSERT INTO sends_due (team_id, job, week, recipient, state, attempts, due_at, updated_at, message_ts, detail)
    SELECT team_id, job, week, recipient, state, attempts, due_at, updated_at, message_ts, detail FROM sends;
DROP INDEX sends_state_due;
DROP TABLE sends;
ALTER TABLE sends_due RENAME TO sends;
CREATE INDEX sends_state_due ON sends (state, due_at);

-- +goose Down
CREATE TABLE sends_weekly (
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
INSERT INTO sends_weekly (team_id, job, week, recipient, state, attempts, due_at, updated_at, message_ts, detail)
    SELECT team_id, job, week, recipient, state, attempts, due_at, updated_at, message_ts, detail FROM sends
    WHERE job <> 'due';
DROP INDEX sends_state_due;
DROP TABLE sends;
ALTER TABLE sends_weekly RENAME TO sends;
CREATE INDEX sends_state_due ON sends (state, due_at);

DROP INDEX companies_due;
ALTER TABLE companies DROP COLUMN due_step;
ALTER TABLE companies DROP COLUMN due_date;
