-- A revision for each team: a counter that grows with every change to what
-- the team's week views show (its items, its members' names, its name), so
-- that a view read at one revision is known current while the revision is
-- unchanged (bot.WeekCache keeps rendered week views this way). Triggers keep
-- it, so every writer counts, another process's included. Teams are never
-- deleted, so a revision never goes back, not even for a member erased by
-- ForgetMember and back. A week view shows no companies (ItemsStarting does
-- not read the links), so companies and their links do not count: should a
-- view show them one day, they need triggers here too. One counter per team,
-- not per member: a member's own cost every add 15 % more (another row to
-- update in each commit), for views that cost little to read again.

-- +goose Up
ALTER TABLE teams ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

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

-- +goose StatementBegin
CREATE TRIGGER members_name_revision AFTER UPDATE OF name ON members WHEN OLD.name IS NOT NEW.name BEGIN
    UPDATE teams SET revision = revision + 1 WHERE id = NEW.team_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER teams_name_revision AFTER UPDATE OF name ON teams WHEN OLD.name IS NOT NEW.name BEGIN
    UPDATE teams SET revision = revision + 1 WHERE id = NEW.id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER teams_name_revision;
DROP TRIGGER members_name_revision;
DROP TRIGGER items_delete_revision;
DROP TRIGGER items_update_revision;
DROP TRIGGER items_insert_revision;
ALTER TABLE teams DROP COLUMN revision;
