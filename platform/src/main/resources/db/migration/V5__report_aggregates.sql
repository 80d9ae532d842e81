-- CMEP schema, version 5: the report read model (domain.md §7, docs/reports.md).
-- Written only by the workflow-worker (from the solicitud events, or by the rebuild from the
-- source tables); read only by GET /admin/reportes. Runs unchanged on MySQL 8.0 and MariaDB 10.11.

-- ---------------------------------------------------------------------------
-- reporte_solicitud: one row per existing solicitud with what the report needs.
-- Clustered by creation time, so the solicitud window W_s is one contiguous range read;
-- the events find their row through the unique solicitud_id.
-- actualizado_en is the solicitud's updated_at of the state applied last: a state older
-- than the stored one is never applied over it.
-- ---------------------------------------------------------------------------
CREATE TABLE reporte_solicitud (
    creado_en         DATETIME    NOT NULL,
    solicitud_id      INT         NOT NULL,
    creado_por        INT         NULL DEFAULT NULL,
    cliente_id        INT         NOT NULL,
    promotor_id       INT         NULL DEFAULT NULL,
    estado_atencion   VARCHAR(10) NOT NULL,
    estado_operativo  VARCHAR(15) NOT NULL,
    gestor_persona_id INT         NULL DEFAULT NULL,
    medico_persona_id INT         NULL DEFAULT NULL,
    actualizado_en    DATETIME    NOT NULL,
    PRIMARY KEY (creado_en, solicitud_id),
    CONSTRAINT uq_reporte_solicitud_id UNIQUE (solicitud_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------
-- reporte_pago: one row per payment, clustered by its date (the payment window W_p).
-- ---------------------------------------------------------------------------
CREATE TABLE reporte_pago (
    fecha_pago   DATE          NOT NULL,
    pago_id      INT           NOT NULL,
    solicitud_id INT           NOT NULL,
    moneda       VARCHAR(3)    NOT NULL,
    monto        DECIMAL(12,2) NOT NULL,
    PRIMARY KEY (fecha_pago, pago_id),
    CONSTRAINT uq_reporte_pago_id UNIQUE (pago_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_reporte_pago_solicitud ON reporte_pago (solicitud_id);

-- ---------------------------------------------------------------------------
-- reporte_estado: how fresh the aggregates are. Each event stamps the row of its partition
-- (solicitud_id mod 32), so events of different solicitudes never wait for one another's
-- lock; the freshness is the MAX over the rows. actualizado_en = occurred_at of the newest
-- event applied (api.md §0 D13); no row means nothing applied yet. A rebuild leaves a single
-- row with its own time in both columns.
-- ---------------------------------------------------------------------------
CREATE TABLE reporte_estado (
    particion         INT      NOT NULL,
    actualizado_en    DATETIME NOT NULL,
    eventos_aplicados BIGINT   NOT NULL DEFAULT 0,
    reconstruido_en   DATETIME NULL DEFAULT NULL,
    PRIMARY KEY (particion)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
