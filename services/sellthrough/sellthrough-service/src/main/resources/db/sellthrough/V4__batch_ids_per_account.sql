-- A batch id is the client's, within its account: two retailers may both send "2027-03-15" without one squatting the
-- other's. The batch's number ("no", already unique) is what everything else refers to; the rejection reasons move
-- from the id to it. Ids were global until now, so the join below finds exactly one batch per reason.
alter table batch_rejection add column batch_no bigint;
update batch_rejection r set batch_no = b.no from batch b where b.id = r.batch_id;
delete from batch_rejection where batch_no is null;
alter table batch_rejection alter column batch_no set not null;
drop index batch_rejection_batch_line;
alter table batch_rejection drop column batch_id;
create index batch_rejection_batch_line on batch_rejection (batch_no, line, n);

alter table batch drop constraint batch_pkey;
alter table batch add constraint batch_pkey primary key (account_id, id);
create index batch_id on batch (id);
