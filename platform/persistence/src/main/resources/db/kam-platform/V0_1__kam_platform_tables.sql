-- Tables every service database has. Versions below 1 are the platform's; services start at V1.

-- Transactional outbox: written in the same transaction as the state change, published by the relay.
create table kam_outbox (
    seq          bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    event_type   text        not null,
    envelope     text        not null,
    created_at   timestamptz not null default clock_timestamp(),
    published_at timestamptz
);

create index kam_outbox_unpublished on kam_outbox (seq) where published_at is null;
create index kam_outbox_published_at on kam_outbox (published_at) where published_at is not null;

-- Wakes the relay when a transaction that wrote events commits (notifications are delivered on commit).
create function kam_outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('kam_outbox', '');
    return null;
end
$$;

create trigger kam_outbox_notify after insert on kam_outbox
    for each statement execute function kam_outbox_notify();

-- Consumer idempotency: an event id is recorded in the same transaction as its effect.
create table kam_processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default clock_timestamp(),
    primary key (consumer, event_id)
);
