-- Two indexes for the reads every command and retrospective makes:
-- - items by team and start date, with their owner and status: the team's week
--   and the retrospective's range scans as before, and CountItems (who was
--   active in the weeks before, who planned what next week) from the index
--   alone, without reading the rows. It replaces items_team_start, its prefix.
-- - items by team, member and start date: /plan week reads one member's ten
--   items instead of scanning the whole team's week.

-- +goose Up
CREATE INDEX items_team_start_user ON items (team_id, start_date, user_id, status);
CREATE INDEX items_team_user_start ON items (team_id, user_id, start_date);
DROP INDEX items_team_start;

-- +goose Down
CREATE INDEX items_team_start ON items (team_id, start_date);
DROP INDEX items_team_user_start;
DROP INDEX items_team_start_user;
