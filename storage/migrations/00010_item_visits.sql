-- Issue 13: three new kinds of item (reception 接待, event 活动, leave 请假),
-- and visits: how many enterprises a trip visited (出差上海 拜访3家企业), 0 for
-- none. items.kind has a CHECK listing the kinds, and SQLite cannot change a
-- CHECK in place, so the table is made again: its rows copied aside, the table
-- dropped and created anew, the rows copied back, then its indexes and
-- triggers (00006, 00008) made again. The rows keep their ids, so the history
-- and company links (item_history, item_companies) that name them still hold:
-- defer_foreign_keys (reset at commit) lets those references dangle for the
-- moment between the drop and the copy back, and the commit fails if any
-- still does. The revision triggers are made after the copy: no view changes
-- (every row's visits is 0), so no team's revision grows. A partial index
-- finds the leaves (请假) that cover a day, for the reminders and the
-- retrospective's silent list.

-- +goose Up
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE items_copy AS SELECT * FROM items;
DROP TABLE items;

CREATE TABLE items (
    team_id    TEXT    NOT NULL,
    id         INTEGER NOT NULL CHECK (id >= 1),
    user_id    TEXT    NOT NULL,
    start_date TEXT    NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    end_date   TEXT    NOT NULL CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND end_date >= start_date),
    kind       TEXT    NOT NULL CHECK (kind IN ('trip', 'signing', 'fund', 'reception', 'visit', 'event',
                                                'training', 'review', 'meeting', 'leave', 'other')),
    count      INTEGER NOT NULL CHECK (count BETWEEN 1 AND 999),
    place      TEXT    NOT NULL DEFAULT '',
    title      TEXT    NOT NULL,
    status     TEXT    NOT NULL CHECK (status IN ('planned', 'done', 'cancelled')),
    outcome    TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    visits     INTEGER NOT NULL DEFAULT 0 CHECK (visits >= 0),
    PRIMARY KEY (team_id, id),
    FOREIGN KEY (team_id, user_id) REFERENCES members (team_id, user_id)
) STRICT;

INSERT INTO items (team_id, id, user_id, start_date, end_date, kind, count, place, title, status, outcome,
                   created_at, updated_at)
SELECT team_id, id, user_id, start_date, end_date, kind, count, place, title, status, outcome,
       created_at, updated_at
FROM items_copy;
DROP TABLE items_copy;

CREATE INDEX items_team_start_user ON items (team_id, start_date, user_id, status);
CREATE INDEX items_team_user_start ON items (team_id, user_id, start_date);
-- The leaves that reach a day or a week (storage/leaves.go Leaves): a leave
-- may run for months, so they are found by their end, among the leaves only.
CREATE INDEX items_team_leave_end ON items (team_id, end_date) WHERE kind = 'leave' AND status <> 'cancelled';

-- +goose StatementBegin
CREATE TRIGGER items_insert_revision AFTER INSERT ON items BEGIN
    UPDATE teams SET revision = revision + 1 WHERE id = NEW.team_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER items_update_revision AFTER UPDATE ON items BEGIN
    UPDATE teams SET revision = revision + 1 WHERE id IN (OLD.team_id, NEW.team_id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER items_delete_revision AFTER DELETE ON items BEGIN
    UPDATE teams SET revision = revision + 1 WHERE id = OLD.team_id;
END;
-- +goose StatementEnd

-- +goose Down
-- The table as 00009 left it. Its CHECK knows only the old kinds: an item of
-- a new kind becomes 'other' (its title still says what it was), and visits go.
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE items_copy AS SELECT * FROM items;
DROP TABLE items;

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

INSERT INTO items (team_id, id, user_id, start_date, end_date, kind, count, place, title, status, outcome,
                   created_at, updated_at)
SELECT team_id, id, user_id, start_date, end_date,
       CASE WHEN kind IN ('reception', 'event', 'leave') THEN 'other' ELSE kind END,
       count, place, title, status, outcome, created_at, updated_at
FROM items_copy;
DROP TABLE items_copy;

CREATE INDEX items_team_start_user ON items (team_id, start_date, user_id, status);
CREATE INDEX items_team_user_start ON items (team_id, user_id, start_date);

-- +goose StatementBegin
CREATE TRIGGER items_insert_revision AFTER INSERT ON items BEGIN
    UPDATE teams SET revision = revision + 1 WHERE id = NEW.team_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER items_update_revision AFTER UPDATE ON items BEGIN
    UPDATE teams SET revision = revision + 1 WHERE id IN (OLD.team_id, NEW.team_id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER items_delete_revision AFTER DELETE ON items BEGIN
    UPDATE teams SET revision = revision + 1 WHERE id = OLD.team_id;
END;
-- +goose StatementEnd
