-- Issue 17: a company's other names (aliases), so that one company written
-- several ways ("常诚车业", "Changcheng Auto") is one: each alias's key
-- (planner.CompanyKey) is unique in its team, and no company of the team has
-- it as its name's key (checked by AddCompanyAlias and AddCompany, in their
-- write). Companies are never deleted, nor are their aliases; seq tells
-- MatchCompanies' keys in memory that one was added.

-- +goose Up
CREATE TABLE company_aliases (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id    TEXT    NOT NULL,
    company_id INTEGER NOT NULL,
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    key        TEXT    NOT NULL CHECK (length(key) >= 1),
    UNIQUE (team_id, key),
    FOREIGN KEY (team_id, company_id) REFERENCES companies (team_id, id)
) STRICT;

CREATE INDEX company_aliases_company ON company_aliases (team_id, company_id);

-- +goose Down
DROP INDEX company_aliases_company;
DROP TABLE company_aliases;
