-- Forgetting a member (/plan forget, planbot forget) is the one hard delete:
-- their items, those items' history, their notes and their sends go. So that
-- an erased item's id is never given to a new item (posted retrospectives and
-- old buttons name items by id), each team keeps the highest item id it ever
-- gave out before a forget; a new item's id is one more than both that and the
-- team's highest stored id.

-- +goose Up
ALTER TABLE teams ADD COLUMN last_item_id INTEGER NOT NULL DEFAULT 0 CHECK (last_item_id >= 0);

-- +goose Down
-- DROP COLUMN (SQLite 3.35+) allows a column's own CHECK constraint.
ALTER TABLE teams DROP COLUMN last_item_id;
