-- Annual business plans (生意计划) with their action progress, purchase heat, the relationship wall and SWOT counts.
-- Like V1, every table can be emptied and rebuilt from the topic. Rows are keyed by what they describe, always
-- within the account, so that an event applied twice writes the same row.

-- One row per plan version, drafts included: the review shows the highest approved version of the year asked.
-- An approved version never changes: later draft events for it are ignored, and kam.plan.approved carries the
-- whole approved content.
create table review_plan_version (
    account_id  uuid    not null,
    year        integer not null,
    version     integer not null,
    plan_id     uuid    not null,
    status      text    not null,
    author      text,
    approved_by text,
    approved_at timestamptz,
    primary key (account_id, year, version)
);

create index review_plan_version_approved on review_plan_version (account_id, year, version) where status = 'APPROVED';

-- A version's targets, one per KPI; unit and comparison basis follow from the KPI.
create table review_plan_target (
    account_id uuid    not null,
    year       integer not null,
    version    integer not null,
    kpi        text    not null,
    target     numeric not null,
    baseline   numeric,
    primary key (account_id, year, version, kpi)
);

-- The monthly phasing of a version's sell-through value target. Monthly actuals (sell-through data, a later
-- projection) join on (account_id, year, month).
create table review_plan_month (
    account_id uuid     not null,
    year       integer  not null,
    version    integer  not null,
    month      smallint not null check (month between 1 and 12),
    target     numeric  not null,
    primary key (account_id, year, version, month)
);

-- The departments a version depends on: the relationship wall's findings are about these.
create table review_plan_dependency (
    account_id uuid    not null,
    year       integer not null,
    version    integer not null,
    department text    not null,
    primary key (account_id, year, version, department)
);

-- A version's action-plan items.
create table review_plan_item (
    account_id        uuid    not null,
    year              integer not null,
    version           integer not null,
    item_id           uuid    not null,
    what              text,
    owner             text,
    due               date,
    region            text,
    serves_kpi        text,
    serves_swot_point uuid,
    primary key (account_id, year, version, item_id)
);

-- The progress of an action item, across the plan's versions: the latest report (by its own time) wins.
create table review_action_progress (
    account_id    uuid        not null,
    item_id       uuid        not null,
    status        text        not null,
    note          text,
    progressed_by text,
    progressed_at timestamptz not null,
    primary key (account_id, item_id)
);

-- Every purchase-heat assessment, once: the history the trend is computed from.
create table review_heat_assessment (
    account_id    uuid        not null,
    assessment_id uuid        not null,
    score         integer     not null,
    assessed_by   text,
    assessed_at   timestamptz not null,
    primary key (account_id, assessment_id)
);

create table review_heat_factor (
    account_id    uuid    not null,
    assessment_id uuid    not null,
    factor        text    not null,
    rating        integer not null,
    note          text,
    primary key (account_id, assessment_id, factor)
);

-- The relationship wall: one cell per department and level, as its latest change (by its own time) left it.
create table review_wall_cell (
    account_id   uuid        not null,
    department   text        not null,
    level        text        not null,
    strength     integer     not null,
    last_contact date,
    changed_at   timestamptz not null,
    primary key (account_id, department, level)
);

-- SWOT points and action key points, counted by kind.
create table review_swot_point (
    account_id uuid not null,
    point_id   uuid not null,
    kind       text not null,
    primary key (account_id, point_id)
);

-- Plan submissions, approvals and returns on the timeline: which plan year and version, and the return's comment.
alter table review_timeline
    add column plan_year    integer,
    add column plan_version integer,
    add column comment      text;
