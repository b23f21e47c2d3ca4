-- The review's trade-spend section, built from kam.negotiations.v1. Every table can be emptied and rebuilt from the
-- topic (POST /api/reviews/rebuild). Negotiations and terms are confidential: only national KA managers are served
-- what these tables hold. Money is yuan, percentages percent, both as the events carry them (scale 2).

-- Every negotiations event applied: the section's eventsApplied and asOf.
create table negotiation_event (
    event_id    uuid primary key,
    account_id  uuid        not null,
    type        text        not null,
    occurred_at timestamptz not null
);
create index negotiation_event_account on negotiation_event (account_id);

-- One row per negotiation (one per account and year): its year and opening once kam.negotiation.opened is applied,
-- the latest preparation revision submitted (its concession budget and the number of asks it expects) and the
-- highest revision approved, and the agreement it ended in.
create table negotiation (
    negotiation_id       uuid primary key,
    account_id           uuid not null,
    year                 int,
    opened_at            timestamptz,
    opened_by            text,
    preparation_revision int,
    concession_budget    numeric,
    expected_asks        int,
    approved_revision    int,
    approved_by          text,
    agreement_id         uuid
);
create index negotiation_account on negotiation (account_id);

-- Every round as recorded: the buyer's asks and the counterpart's claims counted, whether someone senior sat on
-- their side.
create table negotiation_round (
    negotiation_id uuid    not null,
    round          int     not null,
    account_id     uuid    not null,
    held_on        date    not null,
    asks           int     not null,
    claims         int     not null,
    senior_present boolean not null,
    primary key (negotiation_id, round)
);

-- Every give of the concession ledger (让步), with what it bought: the get's kind and estimated value, or
-- unreturned.
create table negotiation_give (
    give_id        uuid primary key,
    negotiation_id uuid    not null,
    account_id     uuid    not null,
    round          int     not null,
    sequence       int     not null,
    kind           text    not null,
    cost           numeric not null,
    get_kind       text,
    get_value      numeric,
    unreturned     boolean not null,
    overridden     boolean not null,
    warnings       text[]  not null
);
create index negotiation_give_negotiation on negotiation_give (negotiation_id);

-- Every signed version of every agreement, immutable as signed (kam.agreement.signed is version 1,
-- kam.agreement.amended the next ones): its period, basis, totals. Which version is in force on a day is derived
-- when the review is read.
create table agreement_version (
    agreement_id           uuid    not null,
    version                int     not null,
    account_id             uuid    not null,
    negotiation_id         uuid    not null,
    effective_from         date    not null,
    effective_to           date    not null,
    signed_on              date    not null,
    basis_source           text    not null,
    basis_sales            numeric not null,
    basis_note             text,
    financing_rate_percent numeric not null,
    total_annual_cost      numeric not null,
    trade_spend_percent    numeric not null,
    amendment_reason       text,
    primary key (agreement_id, version)
);
create index agreement_version_account on agreement_version (account_id);
create index agreement_version_period on agreement_version (effective_from, effective_to);

-- The terms of each version, normalised as the agreement carries them; value is the TermValue as JSON.
create table agreement_term (
    agreement_id    uuid    not null,
    version         int     not null,
    term_id         uuid    not null,
    position        int     not null,
    account_id      uuid    not null,
    kind            text    not null,
    buyer_name      text    not null,
    value           jsonb   not null,
    annual_cost     numeric not null,
    share_of_sales  numeric not null,
    units           bigint,
    applied_percent numeric,
    primary key (agreement_id, version, term_id)
);
