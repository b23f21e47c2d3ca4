-- Sell-through events carry up to a few thousand lines (about 80 KB of JSON each). PostgreSQL would compress each
-- envelope with pglz when it is written and decompress it when the relay reads it: measured in make bench, that
-- doubled the time to append a batch's events and cost the database more CPU than storing the rows themselves. The
-- envelopes are kept as they are (out of line, uncompressed); Kafka compresses them on the wire (lz4), and the relay
-- deletes published rows after the outbox retention. This changes only this service's database. See ADR 0008.
alter table kam_outbox alter column envelope set storage external;
