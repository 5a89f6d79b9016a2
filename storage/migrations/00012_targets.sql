-- Issue 16: targets (目标任务). A team's admins set goals for a year ('2026')
-- or a quarter ('2026-Q1'), for the team (user_id '') or for one member, one
-- goal per metric (planner.Metrics): a count, or 万元 for the signed amount.
-- Setting a goal replaces the one before; removing a target deletes its row
-- (a target is a setting, not a record of work). user_id has no foreign key,
-- since '' is the team; ForgetMember deletes a member's targets. Nothing here
-- is in a week view, so no team's revision grows.

-- +goose Up
CREATE TABLE targets (
    team_id TEXT    NOT NULL REFERENCES teams (id),
    period  TEXT    NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
    user_id TEXT    NOT NULL DEFAULT '',
    metric  TEXT    NOT NULL CHECK (metric IN ('signed_projects', 'signed_wan', 'visits', 'reception', 'event',
                                               'trip', 'fund', 'training', 'review', 'meeting')),
    goal    INTEGER NOT NULL CHECK (goal >= 1),
    set_by  TEXT    NOT NULL,
    set_at  TEXT    NOT NULL,
    PRIMARY KEY (team_id, period, user_id, metric)
) STRICT;

-- +goose Down
DROP TABLE targets;
