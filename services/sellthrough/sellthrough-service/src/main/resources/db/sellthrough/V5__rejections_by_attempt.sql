-- Every update of a batch run is fenced by its attempt (issue 17): a run that was taken over can neither report
-- progress nor finish the batch, nor add reasons to the report of the run that took over. Reasons so far belong to
-- their batch's current attempt.
alter table batch_rejection add column attempt integer;
update batch_rejection r set attempt = b.attempt from batch b where b.no = r.batch_no;
alter table batch_rejection alter column attempt set not null;
drop index batch_rejection_batch_line;
create index batch_rejection_batch_line on batch_rejection (batch_no, attempt, line, n);
