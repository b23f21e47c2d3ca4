-- The live reviews' cache asks for the journal's last position of the account names (the referral chain shows other
-- accounts' names): one index lookup instead of a scan.
create index review_journal_type on review_journal (type, seq);
