-- Processed event ids are kept for kam.consumer.processed.retention (30 days), then pruned oldest first.
create index kam_processed_event_processed_at on kam_processed_event (processed_at);
