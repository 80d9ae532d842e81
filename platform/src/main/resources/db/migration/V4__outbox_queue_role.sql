-- CMEP schema, version 4: the outbox feeds more than one queue.
-- queue_role names the queue a row is published to (a role of cmep-aws-resources.properties):
-- solicitud events go to 'solicitud-events', file events to 'file-events'. Rows of one solicitud
-- still leave in outbox_id order whatever their queue (the relay's NOT EXISTS keeps to solicitud_id).
ALTER TABLE outbox_event
    ADD COLUMN queue_role VARCHAR(30) NOT NULL DEFAULT 'solicitud-events' AFTER event_version;
