-- solicitud_conteo (V8, decision 41): the seed writes solicitudes straight into the table, so the list's counters
-- are brought back to truth with SolicitudConteoRepository's recount
UPDATE solicitud_conteo c
LEFT JOIN (SELECT estado_operativo, solicitud_id MOD 16 AS slot, COUNT(*) AS n
           FROM solicitud_cmep GROUP BY estado_operativo, slot) t
    ON t.estado_operativo = c.estado_operativo AND t.slot = c.slot
SET c.n = COALESCE(t.n, 0);
