-- Annual business plans (生意计划): one plan per account and year, with numbered versions. A version's targets,
-- phasing and action items are frozen once it is approved; revising it starts the next version as a draft.

create table business_plan (
    id         uuid primary key,
    account_id uuid        not null references account (id),
    year       int         not null check (year between 2000 and 2100),
    created_by text        not null,
    created_at timestamptz not null,
    constraint business_plan_one_per_year unique (account_id, year)
);

create table plan_version (
    id             uuid primary key,
    plan_id        uuid        not null references business_plan (id),
    number         int         not null check (number > 0),
    status         text        not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED')),
    revision_of    int,
    author         text        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    submitted_by   text,
    submitted_at   timestamptz,
    decided_by     text,
    decided_at     timestamptz,
    return_comment text,
    -- the retailer departments the plan depends on, comma-separated Department names
    depends_on     text        not null,
    version        bigint      not null,
    constraint plan_version_number_unique unique (plan_id, number),
    check (status <> 'APPROVED' or (decided_by is not null and decided_at is not null)),
    check (status <> 'RETURNED' or return_comment is not null)
);

-- At most one version of a plan is being worked on at a time: a revision starts only from an approved plan.
create unique index plan_version_one_open on plan_version (plan_id) where status <> 'APPROVED';

create table plan_target (
    id         uuid primary key,
    version_id uuid           not null references plan_version (id) on delete cascade,
    kpi        text           not null,
    value      numeric(16, 2) not null check (value >= 0),
    baseline   numeric(16, 2) check (baseline >= 0),
    constraint plan_target_one_per_kpi unique (version_id, kpi)
);

-- The sell-through value target by month; the months sum to the annual target (checked by the service).
create table plan_phase (
    id         uuid primary key,
    version_id uuid           not null references plan_version (id) on delete cascade,
    month      int            not null check (month between 1 and 12),
    value      numeric(16, 2) not null check (value >= 0),
    constraint plan_phase_one_per_month unique (version_id, month)
);

-- Action items of a version. item_id is the item's identity across versions (a revision copies it), id the row's.
create table plan_action_item (
    id                uuid primary key,
    version_id        uuid        not null references plan_version (id) on delete cascade,
    item_id           uuid        not null,
    position          int         not null,
    what              text        not null,
    owner             text        not null,
    due               date        not null,
    region            text,
    serves_kpi        text,
    serves_swot_point uuid,
    version           bigint      not null,
    constraint plan_action_item_once_per_version unique (version_id, item_id),
    check (serves_kpi is not null or serves_swot_point is not null)
);

create index plan_action_item_swot_point on plan_action_item (serves_swot_point) where serves_swot_point is not null;

-- Progress of an item, kept across versions: every change appended, the latest is the item's status.
create table plan_action_progress (
    id         uuid primary key,
    seq        bigint generated always as identity unique,
    plan_id    uuid        not null references business_plan (id),
    item_id    uuid        not null,
    status     text        not null check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    note       text,
    changed_by text        not null,
    changed_at timestamptz not null
);

create index plan_action_progress_item on plan_action_progress (plan_id, item_id, seq);
