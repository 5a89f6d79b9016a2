-- The company pipeline (issue 7): the companies and projects a team courts,
-- every stage change of each (its whole lifecycle), and which itinerary items
-- concern which company. A company's name is unique in its team by its key
-- (planner.CompanyKey: case and full/half width folded). owner_id is the
-- member who follows it, '' once that member is forgotten, so it has no
-- foreign key; by_user, like item_history's, keeps whoever made the change.

-- +goose Up
CREATE TABLE companies (
    team_id    TEXT    NOT NULL REFERENCES teams (id),
    id         INTEGER NOT NULL CHECK (id >= 1),
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    key        TEXT    NOT NULL CHECK (length(key) >= 1),
    notes      TEXT    NOT NULL DEFAULT '',
    owner_id   TEXT    NOT NULL DEFAULT '',
    stage      TEXT    NOT NULL CHECK (stage IN ('lead', 'contacted', 'negotiating', 'signed', 'landed',
                                                 'construction', 'production', 'on_hold', 'lost')),
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (team_id, id),
    UNIQUE (team_id, key)
) STRICT;

CREATE TABLE company_stages (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id    TEXT    NOT NULL,
    company_id INTEGER NOT NULL,
    from_stage TEXT    NOT NULL DEFAULT '',
    to_stage   TEXT    NOT NULL,
    by_user    TEXT    NOT NULL,
    at         TEXT    NOT NULL,
    note       TEXT    NOT NULL DEFAULT '',
    FOREIGN KEY (team_id, company_id) REFERENCES companies (team_id, id)
) STRICT;

CREATE INDEX company_stages_company ON company_stages (team_id, company_id, seq);
CREATE INDEX company_stages_at ON company_stages (team_id, at);

CREATE TABLE item_companies (
    team_id    TEXT    NOT NULL,
    item_id    INTEGER NOT NULL,
    company_id INTEGER NOT NULL,
    PRIMARY KEY (team_id, item_id, company_id),
    FOREIGN KEY (team_id, item_id) REFERENCES items (team_id, id),
    FOREIGN KEY (team_id, company_id) REFERENCES companies (team_id, id)
) STRICT;

CREATE INDEX item_companies_company ON item_companies (team_id, company_id);

-- +goose Down
DROP TABLE item_companies;
DROP INDEX company_stages_at;
DROP TABLE company_stages;
DROP TABLE companies;
