-- ---------------------------------------------------------------------------
-- processed_event.seq: the order in which a consumer applied events (decision 44). A FIFO group hands out an
-- event only after the previous one of the group was applied and deleted, so per solicitud the seq of its events
-- must follow their outbox_id; the system tests (system-tests/) check exactly that across several workers, and an
-- operator can read what a consumer applied in which order.
-- ---------------------------------------------------------------------------
ALTER TABLE processed_event
    ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT,
    ADD CONSTRAINT uq_processed_event_seq UNIQUE (seq);
