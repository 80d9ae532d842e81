-- Each consumer deletes its processed_event rows older than its dedup window, in batches
-- (DELETE ... WHERE consumer = ? AND processed_at < ? ORDER BY processed_at LIMIT ?): without this index every
-- batch would read all of the consumer's rows through the primary key (consumer, event_id) to find the old ones.
-- outbox_event needs no new index for its pruning: ix_outbox_pending (published_at, outbox_id) serves
-- DELETE ... WHERE published_at < ? ORDER BY published_at, outbox_id LIMIT ?.
CREATE INDEX ix_processed_event_age ON processed_event (consumer, processed_at);
