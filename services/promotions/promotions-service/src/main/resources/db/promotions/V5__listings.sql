-- The SKUs listed for each account, as the visits service tells them (kam.visits.v1: kam.sku.listed, changed,
-- delisted): a promotion promotes listed SKUs only.
create table known_listing (
    account_id  uuid not null,
    gtin        text not null,
    name        text not null,
    listed      boolean not null,
    primary key (account_id, gtin)
);
