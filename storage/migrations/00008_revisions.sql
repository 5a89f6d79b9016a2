-- Revisions: a counter on each team and on each member that grows with every
-- change to what their week views show, so that a view read at one revision
-- is known current while the revision is unchanged (bot.WeekCache keeps
-- rendered week views this way). Triggers keep them, so every writer counts,
-- another process's included:
--   members.revision: the member's own items (added, changed, erased), their name;
--   teams.revision:   any item of the team, a member's name, a member joining, the team's name.
-- Each raise of a member's revision raises the team's too, so a member's is
-- never above the team's, and a member who joins (or comes back after
-- ForgetMember erased them) starts at the team's: above anything the old row
-- had, whose kept views must not match again. The counters only grow; their
-- values mean nothing but "changed".

-- +goose Up
ALTER TABLE teams ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

-- +goose StatementBegin
CREATE TRIGGER items_insert_revision AFTER INSERT ON items BEGIN
    UPDATE teams SET revision = revision + 1 WHERE id = NEW.team_id;
    UPDATE members SET revision = revision + 1 WHERE team_id = NEW.team_id AND user_id = NEW.user_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER items_update_revision AFTER UPDATE ON items BEGIN
    UPDATE teams SET revision = revision + 1 WHERE id IN (OLD.team_id, NEW.team_id);
    UPDATE members SET revision = revision + 1
     WHERE (team_id = OLD.team_id AND user_id = OLD.user_id) OR (team_id = NEW.team_id AND user_id = NEW.user_id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER items_delete_revision AFTER DELETE ON items BEGIN
    UPDATE teams SET revision = revision + 1 WHERE id = OLD.team_id;
    UPDATE members SET revision = revision + 1 WHERE team_id = OLD.team_id AND user_id = OLD.user_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER members_insert_revision AFTER INSERT ON members BEGIN
    UPDATE teams SET revision = revision + 1 WHERE id = NEW.team_id;
    UPDATE members SET revision = (SELECT revision FROM teams WHERE id = NEW.team_id)
     WHERE team_id = NEW.team_id AND user_id = NEW.user_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER members_name_revision AFTER UPDATE OF name ON members WHEN OLD.name IS NOT NEW.name BEGIN
    UPDATE teams SET revision = revision + 1 WHERE id = NEW.team_id;
    UPDATE members SET revision = revision + 1 WHERE team_id = NEW.team_id AND user_id = NEW.user_id;
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
DROP TRIGGER members_insert_revision;
DROP TRIGGER items_delete_revision;
DROP TRIGGER items_update_revision;
DROP TRIGGER items_insert_revision;
ALTER TABLE members DROP COLUMN revision;
ALTER TABLE teams DROP COLUMN revision;
