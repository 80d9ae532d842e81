-- Each consumer forgets its processed_event rows older than its dedup window, in batches: the oldest ids are
-- found with SELECT event_id ... WHERE consumer = ? AND processed_at < ? ORDER BY processed_at LIMIT ?, then
-- deleted by key. Without this index each batch would read every id of the consumer through the primary key
-- (consumer, event_id) to find the old ones.
-- outbox_event needs no new index for its pruning: ix_outbox_pending (published_at, outbox_id) serves
-- DELETE ... WHERE published_at < ? ORDER BY published_at, outbox_id LIMIT ? (it reads only the rows it deletes).
CREATE INDEX ix_processed_event_age ON processed_event (consumer, processed_at);
