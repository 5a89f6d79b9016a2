-- Instants are UTC RFC 3339 text (2025-11-17T09:00:00Z); calendar days are
-- YYYY-MM-DD text; ISO weeks are YYYY-Www text. Nothing is ever deleted.

-- +goose Up
CREATE TABLE teams (
    id         TEXT NOT NULL PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE members (
    team_id    TEXT NOT NULL REFERENCES teams (id),
    user_id    TEXT NOT NULL,
    name       TEXT NOT NULL,
    lang       TEXT NOT NULL DEFAULT '' CHECK (lang IN ('', 'en', 'zh')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (team_id, user_id)
) STRICT;

CREATE TABLE items (
    team_id    TEXT    NOT NULL,
    id         INTEGER NOT NULL CHECK (id >= 1),
    user_id    TEXT    NOT NULL,
    start_date TEXT    NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    end_date   TEXT    NOT NULL CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND end_date >= start_date),
    kind       TEXT    NOT NULL CHECK (kind IN ('trip', 'signing', 'fund', 'visit', 'training', 'review', 'meeting', 'other')),
    count      INTEGER NOT NULL CHECK (count BETWEEN 1 AND 999),
    place      TEXT    NOT NULL DEFAULT '',
    title      TEXT    NOT NULL,
    status     TEXT    NOT NULL CHECK (status IN ('planned', 'done', 'cancelled')),
    outcome    TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (team_id, id),
    FOREIGN KEY (team_id, user_id) REFERENCES members (team_id, user_id)
) STRICT;

CREATE INDEX items_team_start ON items (team_id, start_date);

CREATE TABLE item_history (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id TEXT    NOT NULL,
    item_id INTEGER NOT NULL,
    at      TEXT    NOT NULL,
    by_user TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    detail  TEXT    NOT NULL DEFAULT '',
    FOREIGN KEY (team_id, item_id) REFERENCES items (team_id, id)
) STRICT;

CREATE INDEX item_history_item ON item_history (team_id, item_id, seq);

CREATE TABLE notes (
    team_id    TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    week       TEXT NOT NULL CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]'),
    text       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (team_id, user_id, week),
    FOREIGN KEY (team_id, user_id) REFERENCES members (team_id, user_id)
) STRICT;

-- +goose Down
DROP TABLE notes;
DROP TABLE item_history;
DROP TABLE items;
DROP TABLE members;
DROP TABLE teams;
