-- CMEP schema, version 2: transactional outbox, consumer idempotency, login throttling.
-- Runs unchanged on MySQL 8.0 and MariaDB 10.11. Timestamps are naive UTC DATETIME,
-- always written by the application.

-- ---------------------------------------------------------------------------
-- outbox_event: written in the same transaction as the state change it describes;
-- the relay publishes pending rows (published_at IS NULL) in outbox_id order and
-- stamps published_at. solicitud_id has no FK: the event outlives a deleted solicitud.
-- ---------------------------------------------------------------------------
CREATE TABLE outbox_event (
    outbox_id     BIGINT        NOT NULL AUTO_INCREMENT,
    event_id      CHAR(36)      NOT NULL,
    event_type    VARCHAR(100)  NOT NULL,
    event_version INT           NOT NULL,
    solicitud_id  INT           NOT NULL,
    payload       MEDIUMTEXT    NOT NULL,
    occurred_at   DATETIME      NOT NULL,
    published_at  DATETIME      NULL DEFAULT NULL,
    attempts      INT           NOT NULL DEFAULT 0,
    last_error    VARCHAR(1000) NULL DEFAULT NULL,
    PRIMARY KEY (outbox_id),
    CONSTRAINT uq_outbox_event_id UNIQUE (event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_outbox_pending ON outbox_event (published_at, outbox_id);

-- ---------------------------------------------------------------------------
-- processed_event: each consumer remembers the event ids it has applied
-- (at-least-once delivery, idempotent consumers).
-- ---------------------------------------------------------------------------
CREATE TABLE processed_event (
    consumer     VARCHAR(50) NOT NULL,
    event_id     CHAR(36)    NOT NULL,
    processed_at DATETIME    NOT NULL,
    PRIMARY KEY (consumer, event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------
-- login_failure: failed-login counters shared by every API instance (domain.md §10 #33).
-- scope ACCOUNT -> scope_key is the normalised login e-mail; ADDRESS -> the client address.
-- ---------------------------------------------------------------------------
CREATE TABLE login_failure (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    scope     VARCHAR(7)   NOT NULL,
    scope_key VARCHAR(255) NOT NULL,
    failed_at DATETIME     NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_login_failure_scope
        CHECK (scope COLLATE utf8mb4_bin IN ('ACCOUNT','ADDRESS'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_login_failure_lookup ON login_failure (scope, scope_key, failed_at);
