-- The negotiations service's own tables. The platform's (kam_outbox, kam_processed_event) come first from db/kam-platform.

-- What the accounts service told (kam.accounts.v1): the accounts, their stores with the days they opened and closed
-- (per-store fees are counted on them), and each year's approved plan (its sell-through value target is a possible
-- sales basis, its new-listings target the count per-SKU fees are multiplied by).
create table known_account (
    id          uuid primary key,
    name        text not null
);

create table known_store (
    id            uuid primary key,
    account_id    uuid not null,
    opening_date  date not null,
    closed_on     date
);
create index known_store_account on known_store (account_id);

create table approved_plan (
    account_id            uuid not null,
    year                  int not null,
    plan_id               uuid not null,
    plan_version          int not null,
    sell_through_target   numeric(16, 2),
    new_listings_target   int,
    primary key (account_id, year)
);

-- What the visits service told (kam.visits.v1): the SKUs listed for each account and the day each was first listed.
create table known_listing (
    account_id   uuid not null,
    gtin         text not null,
    first_listed date not null,
    listed       boolean not null,
    primary key (account_id, gtin)
);

-- The account's alias table: a name the buyer uses (compared trimmed and case-insensitive) and its canonical kind.
create table term_alias (
    account_id   uuid not null,
    name_key     text not null,
    buyer_name   text not null,
    kind         text not null,
    mapped_by    text not null,
    mapped_at    timestamptz not null,
    primary key (account_id, name_key)
);

-- A negotiation of an account's year. The latest preparation revision travels as its event's JSON, with who wrote
-- any revision of it (none of them may approve it).
create table negotiation (
    id                     uuid primary key,
    account_id             uuid not null,
    year                   int not null,
    status                 text not null,
    previous_agreement_id  uuid,
    opened_by              text not null,
    preparation            jsonb,
    preparation_authors    text[] not null default '{}',
    approved_by            text,
    rounds                 int not null default 0,
    gives                  int not null default 0,
    agreement_id           uuid,
    updated_at             timestamptz not null,
    version                bigint not null,
    unique (account_id, year)
);

-- The rounds held and the concession ledger: each as its event's JSON, in order.
create table negotiation_round (
    negotiation_id  uuid not null references negotiation (id),
    round           int not null,
    held_on         date not null,
    body            jsonb not null,
    primary key (negotiation_id, round)
);

create table give (
    id              uuid primary key,
    negotiation_id  uuid not null references negotiation (id),
    sequence        int not null,
    round           int not null,
    term_id         uuid not null,
    body            jsonb not null,
    unique (negotiation_id, sequence)
);

-- Every signed version of every agreement, as signed: immutable, an amendment is a new row.
create table agreement_version (
    agreement_id      uuid not null,
    version           int not null,
    account_id        uuid not null,
    negotiation_id    uuid not null references negotiation (id),
    year              int not null,
    effective_from    date not null,
    effective_to      date not null,
    terms             jsonb not null,
    trade_spend       numeric(7, 2) not null,
    recorded_by       text not null,
    recorded_at       timestamptz not null,
    amendment_reason  text,
    primary key (agreement_id, version)
);
create index agreement_version_account on agreement_version (account_id, year);
