-- The promotions service's own tables. The platform's (kam_outbox, kam_processed_event) come first from db/kam-platform.

-- What the accounts service told (kam.accounts.v1): the accounts, and their stores with region, format and whether
-- they are open, so that a promotion names only open stores of its own account.
create table known_account (
    id          uuid primary key,
    name        text not null
);

create table known_store (
    id          uuid primary key,
    account_id  uuid not null,
    code        text not null,
    region      text not null,
    format      text not null,
    open        boolean not null
);
create index known_store_account on known_store (account_id, region, format) where open;

-- A promotion and its current terms. The terms (mechanics, SKUs, stores, periods, fees, forecast) travel as the
-- events' JSON; the columns beside them are what queries filter on.
create table promotion (
    id              uuid primary key,
    account_id      uuid not null,
    name            text not null,
    status          text not null,
    revision        int not null,
    terms           jsonb not null,
    in_store_from   date not null,
    in_store_to     date not null,
    author          text not null,
    editors         text[] not null,
    last_editor     text,
    proposed_by     text,
    approved_by     text,
    agreement       jsonb,
    status_reason   text,
    warnings        jsonb not null default '[]',
    regions         text[] not null,
    updated_at      timestamptz not null,
    version         bigint not null
);
create index promotion_account on promotion (account_id, in_store_from);
create index promotion_due on promotion (status, in_store_from, in_store_to);

-- Each SKU in each store for the in-store period of a promotion that holds it: the clash check looks here.
create table promotion_slot (
    promotion_id    uuid not null references promotion (id) on delete cascade,
    account_id      uuid not null,
    store_id        uuid not null,
    gtin            text not null,
    category        text not null,
    in_store_from   date not null,
    in_store_to     date not null,
    primary key (promotion_id, store_id, gtin)
);
create index promotion_slot_clash on promotion_slot (store_id, gtin, in_store_from);
create index promotion_slot_category on promotion_slot (store_id, category, in_store_from);
