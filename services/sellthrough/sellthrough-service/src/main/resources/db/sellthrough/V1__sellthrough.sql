-- Sell-through (门店销售数据): replicas of the accounts and stores the rows refer to, each account's settings and
-- connector, the batches with their rejected rows, and the figures themselves.

-- Replicas, applied from kam.accounts.v1 (account opened/updated, store opened/closed). Never cleared: a store's
-- number keys its figures.
create table account (
    id          uuid primary key,
    name        text not null,
    home_region text,
    status      text not null
);

create table store (
    no           integer generated always as identity primary key,
    id           uuid    not null unique,
    account_id   uuid    not null,
    code         text    not null,
    region       text    not null,
    opening_date date,
    closed_on    date,
    constraint store_code_unique unique (account_id, code)
);

create index store_account_region on store (account_id, region) where closed_on is null;

-- How the service treats an account's rows; an account without a row here has the defaults (CNY, no returns).
create table account_settings (
    account_id      uuid primary key,
    retailer_code   text,
    currency        text        not null check (currency ~ '^[A-Z]{3}$'),
    returns_allowed boolean     not null,
    version         bigint      not null,
    updated_by      text        not null,
    updated_at      timestamptz not null
);

create unique index account_settings_retailer_code on account_settings (lower(retailer_code));

-- One row per client batch id. "no" keys the figures a batch wrote; the counters are the progress while RECEIVING
-- (written by the ingesting instance every second, with heartbeat_at) and the result once final.
create table batch (
    no             bigint generated always as identity unique,
    id             text        primary key,
    account_id     uuid        not null,
    source         text        not null check (source in ('PUSH', 'PULL')),
    connector_id   uuid,
    mode           text        not null check (mode in ('LENIENT', 'STRICT')),
    format         text        not null check (format in ('CSV', 'NDJSON')),
    charset        text        not null,
    status         text        not null check (status in ('RECEIVING', 'COMPLETED', 'REJECTED', 'FAILED')),
    submitted_by   text        not null,
    attempt        integer     not null,
    started_at     timestamptz not null,
    heartbeat_at   timestamptz not null,
    finished_at    timestamptz,
    bytes_total    bigint,
    bytes_read     bigint      not null default 0,
    rows_read      bigint      not null default 0,
    accepted       bigint      not null default 0,
    recorded       bigint      not null default 0,
    restated       bigint      not null default 0,
    unchanged      bigint      not null default 0,
    rejected       bigint      not null default 0,
    parts          integer     not null default 0,
    first_day      date,
    last_day       date,
    digest         text,
    problem_code   text,
    problem_detail text
);

create index batch_account_started on batch (account_id, started_at desc);

-- Why rows were rejected: one row per reason (a row may have several), n numbering them in the order found. Written as the batch is read, outside its
-- transaction, so that a strict batch's reasons survive its rollback; cleared when a failed batch id is sent again.
create table batch_rejection (
    batch_id text   not null,
    n        bigint not null,
    line     bigint not null,
    field    text   not null,
    reason   text   not null,
    value    text
);

create index batch_rejection_batch_line on batch_rejection (batch_id, line, n);

-- The figures: the latest accepted row per day, store and GTIN (GTIN-14 as a number). prev_* hold what the latest
-- row replaced, which is how a restatement's delta is computed under the row lock. The key starts with the day: POS
-- files bring recent days, so new rows land at the right edge of the index instead of all over it.
create table sale (
    store_no   integer not null,
    gtin       bigint  not null,
    day        date    not null,
    units      integer not null,
    sales      numeric not null,
    stock      integer,
    batch_no   bigint  not null,
    line       bigint  not null,
    prev_units integer,
    prev_sales numeric,
    prev_stock integer,
    primary key (day, store_no, gtin)
);

-- Pull connectors: at most one per account. The cursor moves in the transaction of the batch it pulled.
create table connector (
    id            uuid primary key,
    account_id    uuid        not null unique,
    kind          text        not null check (kind in ('HTTP', 'FOLDER')),
    url           text,
    folder        text,
    format        text        not null check (format in ('CSV', 'NDJSON')),
    charset       text        not null,
    mode          text        not null check (mode in ('LENIENT', 'STRICT')),
    every_seconds integer     not null check (every_seconds > 0),
    auth_header   text,
    enabled       boolean     not null,
    cursor        text,
    pulls         bigint      not null default 0,
    last_pull_at  timestamptz,
    next_pull_at  timestamptz not null,
    lease_until   timestamptz,
    failures      integer     not null default 0,
    last_error    text,
    last_batch_id text,
    version       bigint      not null,
    updated_by    text        not null,
    updated_at    timestamptz not null,
    check ((kind = 'HTTP') = (url is not null)),
    check ((kind = 'FOLDER') = (folder is not null))
);

create index connector_due on connector (next_pull_at) where enabled;
