-- The limits of each account's signed agreement versions, as kam.agreement.signed and kam.agreement.amended carry them
-- on kam.negotiations.v1, kept by the negotiations listener: only the terms in force that limit a commitment made at a
-- visit, with their agreed value; nothing of the negotiation (positions, costs, shares, rounds). A version is signed once
-- and never changes; the version in force on a day is the highest covering it, decided when read. A replica: emptied
-- with the consumer's processed ids and replayed from the earliest offset, it comes back the same.
create table agreement_limit_version (
    agreement_id   uuid not null,
    version        int  not null check (version >= 1),
    account_id     uuid not null,
    negotiation_id uuid not null,
    effective_from date not null,
    effective_to   date not null check (effective_to >= effective_from),
    -- the days and limits as recorded, so that the same version delivered with other ones is refused
    digest         text not null,
    primary key (agreement_id, version)
);

create index agreement_limit_version_account on agreement_limit_version (account_id, effective_from, effective_to);

create table agreement_limit (
    agreement_id uuid           not null,
    version      int            not null,
    position     int            not null,
    kind         text           not null,
    unit         text           not null check (unit in ('PERCENT', 'YUAN')),
    per          text,
    value        numeric(14, 2) not null check (value >= 0),
    primary key (agreement_id, version, position),
    foreign key (agreement_id, version) references agreement_limit_version (agreement_id, version)
);

-- What a promotion agreed with the retailer allows at a visit: its promoted SKUs' regular prices (the cut off them is
-- the agreed discount) and its fees. Null regular prices are those of promotions replicated before this migration,
-- until the replica is rebuilt by replay.
alter table promotion_replica_sku add column regular_price numeric(8, 2);

create table promotion_replica_fee (
    promotion_id uuid           not null references promotion_replica (promotion_id),
    position     int            not null,
    kind         text           not null,
    basis        text           not null,
    amount       numeric(14, 2) not null,
    primary key (promotion_id, position)
);

-- A commitment's amount, in the unit of its type (at most one is set), and the guard's answer as JSON: the limit that
-- allowed it (allowed_by) or the one it exceeded (exceeded). Commitments without an amount have none of them.
alter table commitment
    add column discount_percent numeric(5, 2) check (discount_percent > 0 and discount_percent <= 100),
    add column amount           numeric(10, 2) check (amount > 0),
    add column units            bigint check (units > 0),
    add column allowed_by       text,
    add column exceeded         text;
