-- Dead letters an operator re-drove to their original topic (platform/consumer's DeadLetterReplay): one row per
-- record of a dead-letter topic, written in the transaction that sends it again, so no record is re-driven twice.
create table kam_dead_letter_replay (
    dlt_topic      text        not null,
    dlt_partition  int         not null,
    dlt_offset     bigint      not null,
    consumer_group text        not null,
    record_key     text,
    replayed_by    text        not null,
    replayed_at    timestamptz not null default clock_timestamp(),
    primary key (dlt_topic, dlt_partition, dlt_offset)
);
