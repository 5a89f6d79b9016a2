-- The parts of a posted retrospective that follow its summary in the summary's
-- thread: each reply with members' weeks ('reply 2', 'reply 3', …) and the
-- chart ('chart'). A part is claimed here before it is posted, so that it is
-- posted at most once, also when a restart finds the summary already posted
-- (a crash before the send was recorded) and posts the parts still missing.
-- The key names the summary by its channel and Slack ts: a forced second post
-- of a week is a new summary, whose parts are its own. claimed_at is UTC
-- RFC 3339 text, set by the caller's clock.

-- +goose Up
CREATE TABLE retro_parts (
    team_id    TEXT NOT NULL REFERENCES teams (id),
    channel    TEXT NOT NULL CHECK (channel <> ''),
    summary_ts TEXT NOT NULL CHECK (summary_ts <> ''),
    part       TEXT NOT NULL CHECK (part = 'chart' OR part GLOB 'reply [0-9]*'),
    claimed_at TEXT NOT NULL CHECK (claimed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    PRIMARY KEY (team_id, channel, summary_ts, part)
) STRICT;

-- +goose Down
DROP TABLE retro_parts;
