-- Each team's last_item_id becomes its item counter: the last id it gave out,
-- kept by every insert (storage/items.go insertItem), not only by forget. A
-- counter bumped by primary key costs a tenth of finding MAX(id) on every add.
-- Existing teams start from the highest id they stored or erased.

-- +goose Up
UPDATE teams SET last_item_id = MAX(last_item_id,
    COALESCE((SELECT MAX(id) FROM items WHERE items.team_id = teams.id), 0));

-- +goose Down
-- Nothing to undo: the counter is still a valid high-water mark for 00004.
SELECT 1;
