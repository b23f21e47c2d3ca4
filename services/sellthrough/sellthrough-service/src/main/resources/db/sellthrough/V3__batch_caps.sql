-- A batch keeps the reasons of at most kam.sellthrough.max-stored-rejections rejected rows for its report; the others
-- are only counted here. Reasons are pruned once their batch finished longer than rejections-retention ago, oldest
-- batches first, which the index on finished_at serves.
alter table batch add column reasons_not_kept bigint not null default 0;

create index batch_finished on batch (finished_at) where finished_at is not null;
