-- The evaluation: the product-cost table, the fees the retailer settled, each promotion's latest evaluation, and the
-- promotions due to be evaluated again. Also each account's promotion settings.
create table product_cost (
    account_id  uuid not null,
    gtin        text not null,
    category    text not null,
    list_price  numeric(10, 2) not null,
    unit_cost   numeric(10, 2) not null,
    updated_at  timestamptz not null,
    version     bigint not null,
    primary key (account_id, gtin)
);
create index product_cost_category on product_cost (account_id, category);

alter table promotion add column settled_fees jsonb;
-- The number of the latest evaluation (0: none yet) and the evaluated event it produced.
alter table promotion add column evaluation int not null default 0;
alter table promotion add column evaluated jsonb;
create index promotion_ripe on promotion (in_store_to) where status = 'ENDED' and evaluation = 0;

-- An evaluated promotion whose figures changed: the first trigger since its last evaluation.
create table evaluation_due (
    promotion_id    uuid primary key references promotion (id) on delete cascade,
    trigger         text not null,
    since           timestamptz not null
);

create table promotion_settings (
    account_id          uuid primary key,
    minimum_gap_days    int not null,
    updated_at          timestamptz not null,
    version             bigint not null
);
