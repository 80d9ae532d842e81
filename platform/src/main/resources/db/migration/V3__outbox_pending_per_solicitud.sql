-- The relay takes a pending row only when no earlier row of its solicitud is still pending
-- (NOT EXISTS on solicitud_id + published_at + outbox_id); this index keeps that check cheap
-- when one solicitud has a long backlog.
CREATE INDEX ix_outbox_solicitud_pending ON outbox_event (solicitud_id, published_at, outbox_id);
