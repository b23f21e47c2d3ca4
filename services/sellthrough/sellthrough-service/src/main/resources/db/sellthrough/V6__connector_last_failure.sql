-- A pull that finds nothing new clears the connector's current error, but the reason and time of its last failure
-- stay (issue 17): until then an empty pull after failures left no trace of why they failed.
alter table connector add column last_failure    text;
alter table connector add column last_failure_at timestamptz;
update connector set last_failure = last_error, last_failure_at = updated_at where failures > 0;

-- Reasons kept so far may hold what a source answered or the text of an exception (issue 17); only the status and
-- a fixed reason stay.
update connector set last_error = regexp_replace(last_error, '^(the source answered HTTP [0-9]+):.*$', '\1')
where last_error ~ '^the source answered HTTP [0-9]+:';
update connector set last_failure = regexp_replace(last_failure, '^(the source answered HTTP [0-9]+):.*$', '\1')
where last_failure ~ '^the source answered HTTP [0-9]+:';
update connector set last_error = regexp_replace(last_error, '^(could not reach [^:]*):.*$', '\1')
where last_error ~ '^could not reach ';
update connector set last_failure = regexp_replace(last_failure, '^(could not reach [^:]*):.*$', '\1')
where last_failure ~ '^could not reach ';
