-- Accounts (重点客户): the retailer, its stores and contacts, and the history of classification and stage.

create table account (
    id               uuid primary key,
    name             text        not null,
    banner           text        not null,
    format           text        not null,
    ownership        text,
    hq_street        text        not null,
    hq_city          text        not null,
    hq_province      text,
    hq_postal_code   text,
    scope            text        not null check (scope in ('NATIONAL', 'REGIONAL')),
    home_region      text,
    owner            text        not null,
    status           text        not null,
    tier             text check (tier in ('A', 'B', 'C')),
    role             text check (role in ('RED', 'BLACK', 'WHITE')),
    stage            text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null,
    check ((scope = 'REGIONAL') = (home_region is not null))
);

create unique index account_name_unique on account (lower(name));
create index account_tier on account (tier);
create index account_stage on account (stage);
create index account_home_region on account (home_region);

create table store (
    id           uuid primary key,
    account_id   uuid        not null references account (id),
    code         text        not null,
    name         text        not null,
    city         text        not null,
    region       text        not null,
    format       text        not null,
    opening_date date,
    status       text        not null check (status in ('OPEN', 'CLOSED')),
    closed_on    date,
    close_reason text,
    created_at   timestamptz not null,
    constraint store_code_unique unique (account_id, code)
);

create index store_account_region on store (account_id, region, status);
create index store_region_open on store (region) where status = 'OPEN';

create table contact (
    id         uuid primary key,
    account_id uuid   not null references account (id),
    name       text   not null,
    department text   not null,
    role       text   not null,
    level      text   not null,
    phone      text,
    email      text,
    version    bigint not null
);

create index contact_account on contact (account_id, department);

create table classification_change (
    id             uuid primary key,
    account_id     uuid        not null references account (id),
    tier           text        not null,
    role           text        not null,
    previous_tier  text,
    previous_role  text,
    reason         text        not null,
    changed_by     text        not null,
    changed_at     timestamptz not null
);

create index classification_change_account on classification_change (account_id, changed_at);

create table stage_change (
    id          uuid primary key,
    account_id  uuid        not null references account (id),
    from_stage  text        not null,
    to_stage    text        not null,
    evidence    text        not null,
    reason      text,
    changed_by  text        not null,
    changed_at  timestamptz not null
);

create index stage_change_account on stage_change (account_id, changed_at);
