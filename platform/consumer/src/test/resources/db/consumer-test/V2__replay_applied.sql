create table replay_applied (consumer text not null, event_id uuid not null, account_id uuid not null, n int not null);
