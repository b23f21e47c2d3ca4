-- An event the broker refuses for good (too large, an invalid record) is set aside with the reason instead of
-- blocking the relay; the account's later events wait behind it, so that they never overtake it.
alter table kam_outbox
    add column quarantined_at    timestamptz,
    add column quarantine_reason text;

create index kam_outbox_quarantined on kam_outbox (record_key, seq) where quarantined_at is not null;
