-- Issue 16: the team's name as an admin set it (/plan setup name 武进区招商局)
-- wins over the one a platform gives with each command (Slack's workspace,
-- Feishu's group). name_set is 1 while the stored name is the admin's:
-- EnsureMember then leaves it as it is. An added column: no row changes, so
-- no team's revision grows.

-- +goose Up
ALTER TABLE teams ADD COLUMN name_set INTEGER NOT NULL DEFAULT 0 CHECK (name_set IN (0, 1));

-- +goose Down
ALTER TABLE teams DROP COLUMN name_set;
