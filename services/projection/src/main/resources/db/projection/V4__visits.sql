-- Store execution (拜访与终端执行), built from kam.visits.v1 for the review's execution section: visits against the
-- frequency standards, store checks with their SKU lines, the account's listed SKUs and complaints. Like V1 to V3,
-- every table can be emptied and rebuilt from the topic; coverage, scores, deviations, rates and complaint counts are
-- derived from these rows when a review is read, never stored.

-- Every visits event applied, once: how many the execution section reflects, and up to when.
create table visit_event (
    event_id    uuid primary key,
    account_id  uuid        not null,
    type        text        not null,
    occurred_at timestamptz not null
);

create index visit_event_account on visit_event (account_id);

-- One row per visit. status only moves forward (PLANNED, MISSED, CANCELLED, COMPLETED, in that order), so an event
-- applied twice or published again leaves it where it is. planned_date and log_deadline are those of the latest
-- event (by its own time, planned_at) that set them: a preparation may move the day within its due week.
create table visit (
    visit_id     uuid primary key,
    account_id   uuid    not null,
    store_id     uuid,
    region       text    not null,
    origin       text,
    type         text,
    due_date     date,
    planned_date date,
    log_deadline timestamptz,
    planned_at   timestamptz,
    status       text    not null,
    late         boolean not null default false,
    completed_at timestamptz
);

create index visit_account_planned on visit (account_id, planned_date);

-- One row per store check, as recorded: a check is never changed afterwards.
create table store_check (
    check_id   uuid primary key,
    account_id uuid        not null,
    visit_id   uuid,
    store_id   uuid,
    region     text        not null,
    checked_at timestamptz not null,
    score      numeric     not null
);

create index store_check_account on store_check (account_id, checked_at);

-- Each listed SKU a check looked at: on shelf or not, shelf and agreed price, deviation, out of stock.
create table store_check_sku (
    check_id            uuid    not null references store_check on delete cascade,
    gtin                text    not null,
    on_shelf            boolean not null,
    shelf_price         numeric,
    agreed_retail_price numeric,
    deviation_percent   numeric,
    out_of_stock        boolean not null,
    primary key (check_id, gtin)
);

-- The account's listed SKUs as their latest listing, change or delisting (by its own time) left them: the names
-- shown beside the SKUs most often off price.
create table listed_sku (
    account_id          uuid        not null,
    gtin                text        not null,
    name                text,
    agreed_retail_price numeric,
    listed              boolean     not null,
    changed_at          timestamptz not null,
    primary key (account_id, gtin)
);

-- One row per complaint. status only moves forward (OPEN, INVESTIGATING, then RESOLVED or CLOSED); opened_at is
-- when kam.complaint.opened happened.
create table complaint (
    complaint_id    uuid primary key,
    account_id      uuid not null,
    store_id        uuid,
    region          text not null,
    type            text,
    status          text not null,
    resolution      text,
    promised_date   date,
    promise_kept_on date,
    opened_at       timestamptz
);

create index complaint_account on complaint (account_id);
