-- The prospect pipeline (潜在客户开发), built from kam.prospects.v1: where each prospect stands, how long it stayed in
-- each stage, and what a converted one brings to its account's review (its origin). Like V1 and V2, every table can
-- be emptied and rebuilt from the topic. Counts, rates and durations are derived from these rows when read.

-- One row per prospect: what is known of it, as its latest details (by their own time) tell it, and its conversion.
-- account_id is the account it becomes if converted: the key of all its events.
create table prospect (
    prospect_id          uuid primary key,
    account_id           uuid not null,
    company_name         text,
    region               text,
    source               text,
    referring_account_id uuid,
    owner                text,
    details_at           timestamptz,
    identified_at        timestamptz,
    converted_at         timestamptz,
    converted_by         text,
    score                numeric,
    qualifying_score     numeric,
    overridden           boolean
);

create index prospect_account on prospect (account_id);
create index prospect_region on prospect (region);

-- Every stay of a prospect in a stage, keyed by the stage and when it was entered, so that an event applied twice (or
-- published twice) writes one row. A stay ends when the next one begins (left_at, recomputed as stays arrive); the
-- stay without an end is the prospect's current stage.
create table prospect_stage_stay (
    prospect_id uuid        not null,
    stage       text        not null,
    entered_at  timestamptz not null,
    left_at     timestamptz,
    primary key (prospect_id, stage, entered_at)
);

create index prospect_stage_stay_current on prospect_stage_stay (stage) where left_at is null;
