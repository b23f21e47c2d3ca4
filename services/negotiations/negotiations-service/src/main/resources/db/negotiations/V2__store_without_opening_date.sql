-- The accounts service may announce a store without its opening day (a store the chain ran before it was
-- recorded). Such a store is open for every period, so per-store fees count it, and it is never a new store, so
-- new-store fees do not. Refusing the row instead stopped the replica at that event.
alter table known_store alter column opening_date drop not null;
