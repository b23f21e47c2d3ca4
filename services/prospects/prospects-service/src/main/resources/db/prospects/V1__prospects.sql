-- Prospects (潜在客户开发): the accounts known from kam.accounts.v1, screening criteria per territory, prospects with
-- their ratings and every score they were given.

-- The accounts that exist, from kam.accounts.v1: referrals must name one, and conversions must not duplicate one.
create table known_account (
    id        uuid primary key,
    name      text,
    city      text,
    opened_at timestamptz
);

create index known_account_name on known_account (lower(name));

-- The screening criteria (目标客户筛选准则) of a territory, versioned: a new definition is a new version.
create table screening_criteria (
    region           text           not null,
    version          int            not null,
    qualifying_score numeric(5, 2)  not null check (qualifying_score between 0 and 100),
    defined_by       text           not null,
    defined_at       timestamptz    not null,
    primary key (region, version)
);

create table criterion (
    id        uuid primary key,
    region    text          not null,
    version   int           not null,
    position  int           not null,
    key       text          not null,
    name      text          not null,
    weight    numeric(5, 2) not null check (weight > 0 and weight <= 100),
    scale_max int           not null check (scale_max between 1 and 10),
    foreign key (region, version) references screening_criteria (region, version),
    unique (region, version, key)
);

create table prospect (
    id                          uuid primary key,
    -- the id of the account the prospect becomes if converted; every event of the prospect is keyed by it
    account_id                  uuid           not null unique,
    company_name                text           not null,
    name_key                    text           not null,
    channel                     text           not null,
    street                      text           not null,
    city                        text           not null,
    city_key                    text           not null,
    province                    text,
    postal_code                 text,
    region                      text           not null,
    tax_id                      text,
    source                      text           not null,
    referring_account_id        uuid,
    competitor                  text,
    competitor_loyalty          text check (competitor_loyalty in ('HIGH', 'LOW')),
    owner                       text           not null,
    operations                  text,
    market_situation            text,
    estimated_annual_volume     numeric(16, 2) check (estimated_annual_volume >= 0),
    financial_status            text,
    credit_standing             text,
    organisation_and_purchasing text,
    past_dealings               text,
    development_assessment      text,
    -- the latest score, also kept in prospect_score with its explanation
    score                       numeric(5, 2),
    qualifying_score            numeric(5, 2),
    qualifies                   boolean,
    target_class                text,
    criteria_version            int,
    stage                       text           not null,
    stage_entered_at            timestamptz    not null,
    next_action                 text,
    next_action_due             date,
    drop_reason                 text,
    drop_note                   text,
    converted_by                text,
    converted_at                timestamptz,
    override_reason             text,
    account_opened_at           timestamptz,
    identified_by               text           not null,
    identified_at               timestamptz    not null,
    updated_at                  timestamptz    not null,
    version                     bigint         not null,
    check ((source = 'REFERRAL') = (referring_account_id is not null))
);

-- The duplicate rules: the same company name in the same city, or the same tax id, is one prospect.
create unique index prospect_name_city on prospect (name_key, city_key);
create unique index prospect_tax_id on prospect (tax_id) where tax_id is not null;
create index prospect_region_stage on prospect (region, stage);

-- The current rating of each criterion, by criterion key; kept across criteria versions while the key exists.
create table prospect_rating (
    id          uuid primary key,
    prospect_id uuid        not null references prospect (id),
    key         text        not null,
    rating      int         not null check (rating >= 0),
    rated_by    text        not null,
    rated_at    timestamptz not null,
    unique (prospect_id, key)
);

-- Every score a prospect was given, with its explanation: the history survives changes of the criteria.
create table prospect_score (
    id               uuid primary key,
    seq              bigint generated always as identity unique,
    prospect_id      uuid           not null references prospect (id),
    region           text           not null,
    criteria_version int            not null,
    score            numeric(5, 2)  not null,
    qualifying_score numeric(5, 2)  not null,
    qualifies        boolean        not null,
    target_class     text           not null,
    cause            text           not null,
    scored_at        timestamptz    not null
);

create index prospect_score_prospect on prospect_score (prospect_id, seq);

create table prospect_score_line (
    id        uuid primary key,
    score_id  uuid          not null references prospect_score (id),
    position  int           not null,
    key       text          not null,
    name      text          not null,
    weight    numeric(5, 2) not null,
    rating    int,
    scale_max int           not null,
    points    numeric(5, 2) not null
);

create index prospect_score_line_score on prospect_score_line (score_id, position);
