-- The review's promotions section (促销), built from kam.promotions.v1, and the promotion execution store checks find,
-- from kam.visits.v1. Like V1 to V5, every table can be emptied and rebuilt from the topics; statuses, compliance,
-- spend, fund and plan figures are derived from these rows when a review is read, never stored.

-- Every promotions event applied, once: how many the section reflects, and up to when.
create table promotion_event (
    event_id    uuid primary key,
    account_id  uuid        not null,
    type        text        not null,
    occurred_at timestamptz not null
);

create index promotion_event_account on promotion_event (account_id);

-- One row per promotion, at the latest revision any of its events named. An event of an older revision changes
-- nothing; one of a newer revision makes it the known one and clears what the older revision's approval, agreement
-- and calendar had set (a revised promotion is a draft again, and its approval no longer commits spend). The terms
-- are those of the latest drafted, changed or revised event of the revision (by its own time, terms_at). The status
-- is derived from the facts (promotion_state, below); stage is the latest of DRAFT, PROPOSED and RETURNED before
-- approval.
create table promotion (
    promotion_id    uuid primary key,
    account_id      uuid    not null,
    revision        integer not null,
    name            text,
    mechanics       text[]  not null default '{}',
    in_store_from   date,
    in_store_to     date,
    terms_at        timestamptz,
    stage           text    not null,
    approved        boolean not null default false,
    fund_id         uuid,
    committed_spend numeric,
    agreed_on       date,
    reference       text,
    started_on      date,
    ended_on        date,
    cancelled       boolean not null default false
);

create index promotion_account on promotion (account_id);

-- The promoted SKUs and the stores of a promotion's current terms, replaced with them.
create table promotion_sku (
    promotion_id   uuid    not null references promotion on delete cascade,
    gtin           text    not null,
    category       text    not null,
    promoted_price numeric not null,
    primary key (promotion_id, gtin)
);

create table promotion_store (
    promotion_id uuid not null references promotion on delete cascade,
    store_id     uuid not null,
    primary key (promotion_id, store_id)
);

-- A promotion's evaluation with the highest number (a lower one arriving later changes nothing), for its revision.
create table promotion_evaluation (
    promotion_id              uuid primary key,
    account_id                uuid    not null,
    revision                  integer not null,
    evaluation                integer not null,
    trigger                   text    not null,
    uplift_percent            numeric,
    net_incremental_units     numeric not null,
    actual_sales              numeric not null,
    incremental_gross_profit  numeric,
    investment                numeric not null,
    fees_settled              boolean not null,
    roi                       numeric,
    cost_per_incremental_unit numeric,
    missing_costs             integer not null
);

-- An account's promotion funds (促销费用) per year, each as its latest kam.fund.set (by its own time) left it.
create table promotion_fund (
    fund_id    uuid primary key,
    account_id uuid        not null,
    year       integer     not null,
    category   text,
    amount     numeric     not null,
    source     text        not null,
    set_at     timestamptz not null
);

create index promotion_fund_account on promotion_fund (account_id, year);

-- Where a promotion stands, from its facts: cancelled, else evaluated (an evaluation of its revision), ended,
-- running, agreed, approved, else its stage before approval.
create view promotion_state as
select p.*,
       case
           when p.cancelled then 'CANCELLED'
           when e.evaluation is not null then 'EVALUATED'
           when p.ended_on is not null then 'ENDED'
           when p.started_on is not null then 'RUNNING'
           when p.agreed_on is not null then 'AGREED'
           when p.approved then 'APPROVED'
           else p.stage
       end as status
from promotion p
left join promotion_evaluation e on e.promotion_id = p.promotion_id and e.revision = p.revision;

-- Written by the visits listener (kam.promotion-execution.checked) and emptied with the execution tables: for each
-- promotion, revision and store, the latest check of its execution there (by checked_at, then check id).
create table promotion_check (
    promotion_id uuid        not null,
    revision     integer     not null,
    store_id     uuid        not null,
    account_id   uuid        not null,
    region       text        not null,
    check_id     uuid        not null,
    checked_at   timestamptz not null,
    executed     boolean     not null,
    deviations   text[]      not null,
    primary key (promotion_id, revision, store_id)
);

create index promotion_check_account on promotion_check (account_id);
