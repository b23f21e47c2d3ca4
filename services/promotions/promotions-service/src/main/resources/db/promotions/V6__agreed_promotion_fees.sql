-- The promotion fees (TermKind PROMOTION_FEE) of each signed agreement version of kam.negotiations.v1
-- (kam.agreement.signed / kam.agreement.amended), the default fees of the account's promotions: per version its days
-- in force and its promotion-fee terms as they were signed (a JSON array of {termId, buyerName, shape, percent,
-- amount}; empty when the agreement has none). Nothing else of the agreement is kept.
create table agreed_promotion_fees (
    agreement_id   uuid  not null,
    version        int   not null check (version > 0),
    account_id     uuid  not null,
    effective_from date  not null,
    effective_to   date  not null,
    fees           jsonb not null,
    primary key (agreement_id, version),
    check (effective_to >= effective_from)
);

create index agreed_promotion_fees_account on agreed_promotion_fees (account_id, effective_from);
