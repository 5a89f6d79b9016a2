-- Issue 16: amounts. An item's amount is the money its title names (签约常诚车业
-- 总投资12亿元); a company's is its project's total investment, set by a lead
-- line or by a signing item (planner.CompanyAmountFrom). Each is an exact
-- integer in 万 of its currency (amount_wan) and an ISO 4217 code
-- (amount_currency), both NULL when there is none, and both or neither set.
-- Added columns: no table is made again, and no row changes, so no team's
-- revision grows.

-- +goose Up
ALTER TABLE items ADD COLUMN amount_wan INTEGER CHECK (amount_wan IS NULL OR amount_wan >= 1);
ALTER TABLE items ADD COLUMN amount_currency TEXT
    CHECK (amount_currency IS NULL OR length(amount_currency) = 3 AND amount_currency = upper(amount_currency));
ALTER TABLE companies ADD COLUMN amount_wan INTEGER CHECK (amount_wan IS NULL OR amount_wan >= 1);
ALTER TABLE companies ADD COLUMN amount_currency TEXT
    CHECK (amount_currency IS NULL OR length(amount_currency) = 3 AND amount_currency = upper(amount_currency));

-- +goose Down
ALTER TABLE companies DROP COLUMN amount_currency;
ALTER TABLE companies DROP COLUMN amount_wan;
ALTER TABLE items DROP COLUMN amount_currency;
ALTER TABLE items DROP COLUMN amount_wan;
