-- The true trade spend % of each signed agreement version (kam.agreement.signed / kam.agreement.amended of
-- kam.negotiations.v1): the actual of the plan KPI TRADE_SPEND_RATE for the year the version is in force, with the
-- source of the sales basis it was computed on (ADR 0012: never shown without it). Kept per version, whatever plans
-- exist, so that a plan created after the agreement still shows it; nothing else of the agreement is kept.
create table agreed_trade_spend (
    agreement_id        uuid          not null,
    version             int           not null check (version > 0),
    account_id          uuid          not null,
    negotiation_id      uuid          not null,
    effective_from      date          not null,
    effective_to        date          not null,
    signed_on           date          not null,
    trade_spend_percent numeric(5, 2) not null check (trade_spend_percent between 0 and 100),
    basis_source        text          not null
        check (basis_source in ('INVOICED_SALES', 'STATED_ESTIMATE', 'PLAN_SELL_THROUGH_TARGET')),
    primary key (agreement_id, version),
    check (effective_to >= effective_from)
);

create index agreed_trade_spend_account on agreed_trade_spend (account_id, effective_from);
