-- Sell-through as kam.sellthrough.v1 told it: daily units and sales value per account, store and GTIN, the sum of
-- every recorded line and every restatement's delta. The store is kept by its code within the account, as the
-- events name it, and mapped to the store id through known_store when read: a line for a store this service does
-- not know yet is kept, and counts as soon as the store's StoreOpened arrives.
create table sell_through_day (
    account_id  uuid not null,
    store_code  text not null,
    gtin        text not null,
    day         date not null,
    units       bigint not null,
    sales       numeric(19, 4) not null,
    primary key (account_id, store_code, gtin, day)
);
