-- CMEP schema, version 8: the number of solicitudes in each estado_operativo, kept exact for the list's meta.total
-- (api.md §0 D4) so that a page without a filter, or filtered only by estado_operativo, does not count the whole
-- table (docs/decisions.md §41). Each state is split into 16 slots (solicitud_id MOD 16): two transactions that
-- move different solicitudes rarely touch the same row, so writers do not queue on one counter. Every write that
-- inserts, deletes or changes the estado_operativo of a solicitud moves these counters in its own transaction;
-- a row written straight into the database is brought back to truth by the recount below (docs/performance.md).
CREATE TABLE solicitud_conteo (
    estado_operativo VARCHAR(15) NOT NULL,
    slot             INT         NOT NULL,
    n                BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (estado_operativo, slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- every row exists from the start: a write only ever UPDATEs a counter by primary key
INSERT INTO solicitud_conteo (estado_operativo, slot, n)
SELECT e.estado_operativo, d.slot, 0
FROM (SELECT 'REGISTRADO' AS estado_operativo UNION ALL SELECT 'ASIGNADO_GESTOR' UNION ALL SELECT 'PAGADO'
      UNION ALL SELECT 'ASIGNADO_MEDICO' UNION ALL SELECT 'CERRADO' UNION ALL SELECT 'CANCELADO') e
CROSS JOIN (SELECT 0 AS slot UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9
            UNION ALL SELECT 10 UNION ALL SELECT 11 UNION ALL SELECT 12 UNION ALL SELECT 13 UNION ALL SELECT 14
            UNION ALL SELECT 15) d;

-- the recount (SolicitudConteoRepository.RECONTAR)
UPDATE solicitud_conteo c
LEFT JOIN (SELECT estado_operativo, solicitud_id MOD 16 AS slot, COUNT(*) AS n
           FROM solicitud_cmep GROUP BY estado_operativo, slot) t
    ON t.estado_operativo = c.estado_operativo AND t.slot = c.slot
SET c.n = COALESCE(t.n, 0);
