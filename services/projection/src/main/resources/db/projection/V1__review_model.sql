-- The business-review read model, built from kam.accounts.v1. Every table can be emptied and rebuilt from the
-- topic (POST /api/reviews/rebuild); nothing here is the source of truth.

-- One row per account: the header as the latest events describe it. Columns stay null until an event sets them,
-- so that an account whose first event seen is not kam.account.opened is still recorded.
create table review_account (
    account_id  uuid primary key,
    name        text,
    banner      text,
    format      text,
    scope       text,
    home_region text,
    owner       text,
    status      text,
    tier        text,
    role        text,
    stage       text
);

-- Every event applied, once: how many events a review reflects, up to when, and in which order they came.
create table review_event (
    seq         bigint generated always as identity primary key,
    event_id    uuid        not null unique,
    account_id  uuid        not null,
    type        text        not null,
    occurred_at timestamptz not null
);

create index review_event_account on review_event (account_id);

-- Stores keyed by store id; counts are derived with GROUP BY, so an event applied twice cannot count twice.
create table review_store (
    store_id   uuid primary key,
    account_id uuid    not null,
    code       text,
    region     text    not null,
    open       boolean not null,
    closed_on  date
);

create index review_store_open_by_account on review_store (account_id, region) where open;

-- Contacts keyed by contact id, with the department and level the relationship wall counts.
create table review_contact (
    contact_id uuid primary key,
    account_id uuid not null,
    department text not null,
    level      text
);

create index review_contact_account on review_contact (account_id);

-- Classification and stage changes: who, when, from what to what, and why.
create table review_timeline (
    event_id   uuid primary key,
    account_id uuid        not null,
    kind       text        not null,
    changed_at timestamptz not null,
    changed_by text,
    from_tier  text,
    to_tier    text,
    from_role  text,
    to_role    text,
    from_stage text,
    to_stage   text,
    reason     text,
    evidence   text
);

create index review_timeline_account on review_timeline (account_id, changed_at);
