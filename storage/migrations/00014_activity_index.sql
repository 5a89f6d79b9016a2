-- Issue 16: the activity index (招商活跃指数), opt-in per team. A team without
-- a row has it off with planner.DefaultIndexWeights. Each weight is what one
-- unit of its measure adds to a member's index (planner.Measure): a whole
-- number from 0 (the measure counts for nothing) to 1000, as planner
-- allows.
-- A table of its own: no team row changes, so no team's revision grows.

-- +goose Up
CREATE TABLE activity_index (
    team_id      TEXT    NOT NULL PRIMARY KEY REFERENCES teams (id),
    enabled      INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    signing      INTEGER NOT NULL CHECK (signing BETWEEN 0 AND 1000),
    construction INTEGER NOT NULL CHECK (construction BETWEEN 0 AND 1000),
    visit        INTEGER NOT NULL CHECK (visit BETWEEN 0 AND 1000),
    reception    INTEGER NOT NULL CHECK (reception BETWEEN 0 AND 1000),
    event        INTEGER NOT NULL CHECK (event BETWEEN 0 AND 1000),
    lead         INTEGER NOT NULL CHECK (lead BETWEEN 0 AND 1000)
) STRICT;

-- +goose Down
DROP TABLE activity_index;
