-- Items by team and start date, with their owner and status: the week views'
-- and retrospectives' range scans as before, and CountItems (who was active in
-- the weeks before, who planned what next week) from the index alone, without
-- reading the rows. It replaces items_team_start, its prefix.

-- +goose Up
CREATE INDEX items_team_start_user ON items (team_id, start_date, user_id, status);
DROP INDEX items_team_start;

-- +goose Down
CREATE INDEX items_team_start ON items (team_id, start_date);
DROP INDEX items_team_start_user;
