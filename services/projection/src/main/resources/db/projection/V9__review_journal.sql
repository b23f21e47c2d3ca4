-- The journal of every event the projection applied, written by the listeners in the transaction that applies it
-- (ADR 0013): the envelope as received and when the platform recorded it (the envelope's time, taken in the
-- producing service's transaction), so that an as-of read can replay an account's events known by then through the
-- same projectors. Like every table here it is emptied and re-created by a rebuild; nothing here is the source of
-- truth (the topics are, retained forever).
create table review_journal (
    seq         bigint generated always as identity primary key,
    event_id    uuid        not null unique,
    account_id  uuid        not null,
    topic       text        not null,
    type        text        not null,
    recorded_at timestamptz not null,
    envelope    text        not null
);

-- An as-of read replays one account's events recorded up to an instant, in the order they were applied.
create index review_journal_account on review_journal (account_id, seq) include (recorded_at);
-- The chains' national average of the trade-spend section needs every account's agreements known by then.
create index review_journal_topic on review_journal (topic, seq) include (recorded_at);
