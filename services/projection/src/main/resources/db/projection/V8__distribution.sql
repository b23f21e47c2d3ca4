-- Distribution (铺货) and display actuals, built from kam.visits.v1 like V4: the history of every SKU's listing
-- (so that the SKUs listed at a past year's end and those first listed in a year can be told) and the secondary
-- displays each store check found. Like every projected table, both are emptied and rebuilt from the topic.

-- Every listing, change and delisting of an account's SKUs, by its own time: listed is the SKU's state from then on.
-- Keyed by what it describes, so an event applied twice or published again leaves one row.
create table listed_sku_change (
    account_id uuid        not null,
    gtin       text        not null,
    changed_at timestamptz not null,
    listed     boolean     not null,
    primary key (account_id, gtin, changed_at)
);

-- The listings already projected, as far as their latest state tells; a rebuild replays the full history.
insert into listed_sku_change (account_id, gtin, changed_at, listed)
select account_id, gtin, changed_at, listed from listed_sku;

-- The secondary display placements (end caps, islands, stacks) the check found; null for checks projected before
-- this migration, until a rebuild replays them.
alter table store_check add column secondary_displays integer;
