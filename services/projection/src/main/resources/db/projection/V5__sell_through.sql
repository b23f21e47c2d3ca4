-- Sell-through figures, built from kam.sellthrough.v1. Every table can be emptied and rebuilt from the topic
-- (POST /api/reviews/rebuild). Amounts are exact decimals in the account's currency; units and sales are net: the
-- recorded figures plus every restatement's delta. Days are the retailer's business days (market time).

-- One row per (account, day, store code, GTIN): the finest grain. The key starts with account and day because a
-- chunk event holds lines of one account and one day, so its rows land next to each other in the index. The store's
-- region is not kept here: it is resolved from review_store by code when read, so that figures arriving before the
-- store's kam.store.opened still find their region later.
create table sell_through_fact (
    account_id uuid    not null,
    day        date    not null,
    store_code text    not null,
    gtin       text    not null,
    units      bigint  not null,
    sales      numeric not null,
    stock      integer,
    primary key (account_id, day, store_code, gtin)
);

-- Daily aggregates, maintained with the facts in the same transaction, so that reads never scan the facts.
create table sell_through_day (
    account_id uuid    not null,
    day        date    not null,
    units      bigint  not null,
    sales      numeric not null,
    primary key (account_id, day)
);

create table sell_through_store_day (
    account_id uuid    not null,
    store_code text    not null,
    day        date    not null,
    units      bigint  not null,
    sales      numeric not null,
    primary key (account_id, day, store_code)
);

create table sell_through_gtin_day (
    account_id uuid    not null,
    gtin       text    not null,
    day        date    not null,
    units      bigint  not null,
    sales      numeric not null,
    primary key (account_id, day, gtin)
);

-- Per account: its currency (fixed once figures exist) and how far the figures go.
create table sell_through_account (
    account_id uuid primary key,
    currency   text not null,
    first_day  date not null,
    last_day   date not null
);

-- Per batch: the parts applied, and once kam.sellthrough.batch-ingested is applied, how many it published and how
-- much it moved the totals; a batch is complete when parts_applied = parts.
create table sell_through_batch (
    account_id    uuid   not null,
    batch_id      text   not null,
    parts_applied int    not null default 0,
    parts         int,
    rows_read     bigint,
    delta_units   bigint,
    delta_sales   numeric,
    ingested_at   timestamptz,
    primary key (account_id, batch_id)
);

-- Store regions by code, for the figures' regions.
create index review_store_code on review_store (account_id, code);
