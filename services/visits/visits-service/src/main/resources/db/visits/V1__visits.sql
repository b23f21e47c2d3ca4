-- Visits and store execution (拜访与终端执行).

-- The store master as the accounts service announced it on kam.accounts.v1, kept by the accounts listener.
create table account_replica (
    account_id uuid primary key,
    name       text,          -- null until kam.account.opened arrives
    tier       text check (tier in ('A', 'B', 'C'))
);

create table store_replica (
    store_id     uuid primary key,
    account_id   uuid    not null,
    code         text    not null,
    name         text,
    city         text,
    region       text    not null,
    format       text,
    opening_date date,
    open         boolean not null,
    closed_on    date
);

create index store_replica_account on store_replica (account_id);
create index store_replica_region on store_replica (region) where open;

-- Visit frequency standards (拜访频率的标准) per account tier and store format; a pair without a row plans nothing.
create table visit_standard (
    tier       text        not null check (tier in ('A', 'B', 'C')),
    format     text        not null,
    frequency  text        not null check (frequency in ('TWICE_WEEKLY', 'WEEKLY', 'FORTNIGHTLY', 'MONTHLY')),
    changed_by text        not null,
    changed_at timestamptz not null,
    primary key (tier, format)
);

-- The defaults the service starts with, for national KA managers to change: A accounts' big stores weekly, B accounts'
-- fortnightly, everything of C accounts and the small formats less often.
insert into visit_standard (tier, format, frequency, changed_by, changed_at) values
    ('A', 'HYPERMARKET', 'WEEKLY', 'kam-visits', now()),
    ('A', 'SUPERMARKET', 'WEEKLY', 'kam-visits', now()),
    ('A', 'CONVENIENCE', 'FORTNIGHTLY', 'kam-visits', now()),
    ('A', 'WHOLESALE', 'FORTNIGHTLY', 'kam-visits', now()),
    ('A', 'DISTRIBUTOR', 'FORTNIGHTLY', 'kam-visits', now()),
    ('B', 'HYPERMARKET', 'FORTNIGHTLY', 'kam-visits', now()),
    ('B', 'SUPERMARKET', 'FORTNIGHTLY', 'kam-visits', now()),
    ('B', 'CONVENIENCE', 'MONTHLY', 'kam-visits', now()),
    ('B', 'WHOLESALE', 'MONTHLY', 'kam-visits', now()),
    ('B', 'DISTRIBUTOR', 'MONTHLY', 'kam-visits', now()),
    ('C', 'HYPERMARKET', 'MONTHLY', 'kam-visits', now()),
    ('C', 'SUPERMARKET', 'MONTHLY', 'kam-visits', now()),
    ('C', 'CONVENIENCE', 'MONTHLY', 'kam-visits', now()),
    ('C', 'WHOLESALE', 'MONTHLY', 'kam-visits', now()),
    ('C', 'DISTRIBUTOR', 'MONTHLY', 'kam-visits', now());

-- Who coordinates each region; a region without a row is unassigned.
create table region_coordinator (
    region      text primary key,
    coordinator text        not null,
    changed_by  text        not null,
    changed_at  timestamptz not null
);

create table visit (
    id                uuid primary key,
    account_id        uuid        not null,
    store_id          uuid,                 -- null: a visit to the head office
    region            text        not null,
    coordinator       text,                 -- null while the region has no coordinator
    origin            text        not null check (origin in ('SCHEDULE', 'AD_HOC')),
    type              text        not null,
    purpose           text        not null,
    status            text        not null check (status in ('PLANNED', 'COMPLETED', 'MISSED', 'CANCELLED')),
    due_date          date,
    planned_date      date        not null,
    slot              text        not null,
    log_deadline      timestamptz not null,
    previous_visit_id uuid,
    created_at        timestamptz not null,
    completed_at      timestamptz,
    late              boolean     not null,
    version           bigint      not null,
    check ((origin = 'SCHEDULE') = (due_date is not null)),
    check (origin = 'AD_HOC' or store_id is not null),
    check ((status = 'COMPLETED') = (completed_at is not null))
);

-- The schedule plans a store at most once per due day.
create unique index visit_scheduled_once on visit (store_id, due_date) where origin = 'SCHEDULE' and status <> 'CANCELLED';
create index visit_store on visit (store_id, planned_date);
create index visit_region_day on visit (region, planned_date);
create index visit_account_day on visit (account_id, planned_date);
create index visit_coordinator_day on visit (coordinator, planned_date);
create index visit_awaiting_log on visit (log_deadline) where status = 'PLANNED';

-- 三准备: objective, appointment, material, contact.
create table visit_preparation (
    visit_id            uuid primary key references visit (id),
    objective           text        not null,
    place               text,
    confirmed_by_phone  boolean     not null,
    materials           text        not null,  -- comma-separated Material names
    contact_name        text,
    contact_position    text,
    contact_head_office boolean     not null,
    prepared_by         text        not null,
    prepared_at         timestamptz not null
);

-- The log: 三必谈 and 三必到, each a note or the reason it did not apply.
create table visit_log (
    visit_id          uuid primary key references visit (id),
    logged_by         text        not null,
    logged_at         timestamptz not null,
    late              boolean     not null,
    late_reason       text,
    sales_status_note text, sales_status_na text,
    market_note       text, market_na       text,
    problems_note     text, problems_na     text,
    shelf_note        text, shelf_na        text,
    trade_flow_note   text, trade_flow_na   text,
    training_note     text, training_na     text,
    outcome           text        not null,
    outcome_note      text,
    next_visit_id     uuid,
    check (late = (late_reason is not null)),
    check ((sales_status_note is null) <> (sales_status_na is null)),
    check ((market_note is null) <> (market_na is null)),
    check ((problems_note is null) <> (problems_na is null)),
    check ((shelf_note is null) <> (shelf_na is null)),
    check ((trade_flow_note is null) <> (trade_flow_na is null)),
    check ((training_note is null) <> (training_na is null))
);

create table follow_up (
    id       uuid primary key,
    visit_id uuid not null references visit (id),
    position int  not null,
    task     text not null,
    owner    text not null,
    due      date not null
);

create index follow_up_visit on follow_up (visit_id, position);

-- What coordinators may promise each account (不可做出任何政策外的承诺); no row allows nothing.
create table commitment_policy (
    account_id uuid primary key,
    allowed    text   not null,  -- comma-separated CommitmentType names
    version    bigint not null
);

create table commitment (
    id            uuid primary key,
    visit_id      uuid        not null references visit (id),
    account_id    uuid        not null,
    store_id      uuid,
    region        text        not null,
    type          text        not null,
    description   text        not null,
    status        text        not null check (status in ('RECORDED', 'FLAGGED', 'APPROVED', 'REJECTED')),
    made_by       text        not null,
    made_at       timestamptz not null,
    decided_by    text,
    decided_at    timestamptz,
    decision_note text,
    version       bigint      not null
);

create index commitment_visit on commitment (visit_id);
create index commitment_status_region on commitment (status, region, made_at);

-- The SKUs each account lists, at the retail price agreed with it (yuan).
create table listed_sku (
    id                  uuid primary key,
    account_id          uuid          not null,
    gtin                text          not null check (gtin ~ '^[0-9]{14}$'),
    name                text          not null,
    agreed_retail_price numeric(8, 2) not null check (agreed_retail_price > 0),
    version             bigint        not null,
    constraint listed_sku_once unique (account_id, gtin)
);

-- Store checks (终端检查), one per visit.
create table store_check (
    id                 uuid primary key,
    visit_id           uuid          not null references visit (id),
    account_id         uuid          not null,
    store_id           uuid          not null,
    region             text          not null,
    checked_by         text          not null,
    checked_at         timestamptz   not null,
    score              numeric(4, 1) not null check (score between 0 and 100),
    distribution       numeric(5, 4) not null,
    availability       numeric(5, 4) not null,
    price              numeric(5, 4) not null,
    display            numeric(5, 4) not null,
    secondary_displays int           not null,
    poster             boolean       not null,
    hanging_flag       boolean       not null,
    display_cabinet    boolean       not null,
    promoter_present   boolean       not null,
    constraint store_check_once_per_visit unique (visit_id)
);

create index store_check_store on store_check (store_id, checked_at);

create table store_check_sku (
    id                  uuid primary key,
    check_id            uuid          not null references store_check (id),
    position            int           not null,
    gtin                text          not null,
    on_shelf            boolean       not null,
    shelf_price         numeric(8, 2),
    agreed_retail_price numeric(8, 2) not null,
    deviation_percent   numeric(8, 2),
    facings             int           not null,
    out_of_stock        boolean       not null,
    check (on_shelf = (shelf_price is not null))
);

create index store_check_sku_check on store_check_sku (check_id, position);

create table competitor_observation (
    id        uuid primary key,
    check_id  uuid not null references store_check (id),
    position  int  not null,
    brand     text not null,
    product   text not null,
    price     numeric(8, 2),
    promotion text
);

create index competitor_observation_check on competitor_observation (check_id, position);

-- Photo evidence: metadata here, bytes apart so that listings never read them (ADR 0006).
create table store_check_photo (
    id           uuid primary key,
    check_id     uuid        not null references store_check (id),
    content_type text        not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    size         bigint      not null,
    sha256       text        not null,
    added_by     text        not null,
    added_at     timestamptz not null
);

create index store_check_photo_check on store_check_photo (check_id, added_at);

create table photo_content (
    photo_id uuid primary key references store_check_photo (id),
    content  bytea not null
);

-- Complaints and objections (嫌货人才是买货人).
create table complaint (
    id                     uuid primary key,
    account_id             uuid        not null,
    store_id               uuid,
    region                 text        not null,
    type                   text        not null,
    description            text        not null,
    visit_id               uuid,
    status                 text        not null check (status in ('OPEN', 'INVESTIGATING', 'RESOLVED', 'CLOSED')),
    opened_by              text        not null,
    opened_at              timestamptz not null,
    investigation_note     text,
    resolution             text,
    resolution_description text,
    promised_date          date,
    promise_kept_on        date,
    close_reason           text,
    updated_at             timestamptz not null,
    version                bigint      not null,
    check ((resolution = 'PROMISED_DATE') = (promised_date is not null))
);

create index complaint_region on complaint (region, status, opened_at);
create index complaint_account on complaint (account_id, opened_at);

-- Trips (出差): proposed, agreed, returned, reported.
create table trip (
    id             uuid primary key,
    region         text        not null,
    coordinator    text        not null,
    title          text        not null,
    start_date     date        not null,
    end_date       date        not null,
    status         text        not null check (status in ('PROPOSED', 'AGREED', 'RETURNED', 'REPORTED')),
    decided_by     text,
    decided_at     timestamptz,
    return_comment text,
    goals          text,
    reported_at    timestamptz,
    created_at     timestamptz not null,
    version        bigint      not null,
    check (end_date >= start_date)
);

create index trip_region on trip (region, start_date);

create table trip_visit (
    id         uuid primary key,
    trip_id    uuid    not null references trip (id),
    visit_id   uuid    not null references visit (id),
    account_id uuid    not null,
    active     boolean not null
);

-- A visit is on at most one trip that is not returned.
create unique index trip_visit_active_once on trip_visit (visit_id) where active;
create index trip_visit_trip on trip_visit (trip_id);

create table trip_summary (
    id       uuid primary key,
    trip_id  uuid        not null references trip (id),
    date     date        not null,
    summary  text        not null,
    added_at timestamptz not null,
    constraint trip_summary_once_per_day unique (trip_id, date)
);

create table trip_finding (
    id       uuid primary key,
    trip_id  uuid not null references trip (id),
    position int  not null,
    visit_id uuid,
    problem  text not null,
    solution text not null
);
