-- Promotion funds (促销费用) per account and year, for one category or (null) for all, and what approval commits on
-- them. (V2 is the sell-through store of the evaluation.)
create table fund (
    id          uuid primary key,
    account_id  uuid not null,
    year        int not null,
    category    text,
    amount      numeric(14, 2) not null,
    source      text not null,
    plan_version int,
    updated_at  timestamptz not null,
    version     bigint not null
);
create unique index fund_scope on fund (account_id, year, coalesce(category, ''));

alter table promotion add column fund_id uuid references fund (id);
alter table promotion add column committed_spend numeric(14, 2);
create index promotion_fund on promotion (fund_id) where fund_id is not null;
