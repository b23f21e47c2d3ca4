-- Promotions as the promotions service announced them on kam.promotions.v1, kept by the promotions listener: the
-- terms of the latest revision this service heard of, and where that revision stands. An event of an older revision
-- changes nothing; the terms are fixed once the retailer agreed (AGREED and after).
create table promotion_replica (
    promotion_id  uuid primary key,
    account_id    uuid   not null,
    revision      int    not null check (revision >= 1),
    name          text   not null,
    mechanics     text[] not null,
    in_store_from date   not null,
    in_store_to   date   not null check (in_store_to >= in_store_from),
    status        text   not null check (status in ('DRAFT', 'PROPOSED', 'RETURNED', 'APPROVED', 'AGREED', 'RUNNING',
                                                   'ENDED', 'CANCELLED'))
);

-- The promoted SKUs of the revision held, with their promoted price in yuan.
create table promotion_replica_sku (
    promotion_id   uuid          not null references promotion_replica (promotion_id),
    position       int           not null,
    gtin           text          not null check (gtin ~ '^[0-9]{14}$'),
    promoted_price numeric(8, 2) not null,
    primary key (promotion_id, gtin)
);

-- The stores the revision held runs in.
create table promotion_replica_store (
    promotion_id uuid not null references promotion_replica (promotion_id),
    store_id     uuid not null,
    primary key (promotion_id, store_id)
);

create index promotion_replica_store_store on promotion_replica_store (store_id);
