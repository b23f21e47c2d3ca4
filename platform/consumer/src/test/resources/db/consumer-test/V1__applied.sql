create table applied (event_id uuid primary key, account_id uuid not null, n int not null);
