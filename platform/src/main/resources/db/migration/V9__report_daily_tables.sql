-- CMEP schema, version 9: daily tables of the report read model (docs/reports.md, decision 43).
-- The row tables of V5 stay the truth; these hold, per day, what the report sums over a window, so that
-- GET /admin/reportes reads a few rows per day instead of every solicitud and payment of the window.
-- Kept by the workflow-worker's projector in the same transaction as the row tables (the difference
-- between a solicitud's contribution before and after the event), and recomputed from the row tables by
-- the rebuild. A row whose figures are all 0 means the same as no row. Runs on MySQL 8.0 and MariaDB 10.11.

-- Solicitudes per creation day (UTC) and estado_operativo: KPIs, distribution, series.
CREATE TABLE reporte_dia (
    dia              DATE        NOT NULL,
    estado_operativo VARCHAR(15) NOT NULL,
    solicitudes      INT         NOT NULL,
    PRIMARY KEY (dia, estado_operativo)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Payments per fecha_pago and currency: ingresos, ingresos_por_moneda, series.
CREATE TABLE reporte_pago_dia (
    fecha_pago DATE          NOT NULL,
    moneda     VARCHAR(3)    NOT NULL,
    pagos      INT           NOT NULL,
    monto      DECIMAL(16,2) NOT NULL,
    PRIMARY KEY (fecha_pago, moneda)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The distinct solicitudes with a payment in a window (ticket_promedio), which do not add up across days.
-- Each distinct (solicitud, fecha_pago) is counted under its date and the days since the same solicitud's
-- previous payment date (0: none). A solicitud has a payment in [desde, hasta] exactly when one of its dates
-- there has no previous date at or after desde, so the count is
--   SUM(solicitudes) over fecha_pago in the window with dias_desde_anterior = 0 or > DATEDIFF(fecha_pago, desde).
CREATE TABLE reporte_pago_dia_solicitud (
    fecha_pago          DATE NOT NULL,
    dias_desde_anterior INT  NOT NULL,
    solicitudes         INT  NOT NULL,
    PRIMARY KEY (fecha_pago, dias_desde_anterior)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The promoter ranking: solicitudes per creation day and promotor, and the distinct clientes by the same
-- rule as above over the days on which a cliente registered solicitudes with that promotor.
CREATE TABLE reporte_promotor_dia (
    dia                 DATE NOT NULL,
    promotor_id         INT  NOT NULL,
    dias_desde_anterior INT  NOT NULL,
    clientes            INT  NOT NULL,
    solicitudes         INT  NOT NULL,
    PRIMARY KEY (dia, promotor_id, dias_desde_anterior)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The team ranking's counts per creation day: rol GESTOR / MEDICO (miembro_id = the vigente assignee's
-- persona) and OPERADOR (miembro_id = the user who registered it, creado_por). ultima_actividad is a MAX,
-- which a decrement cannot maintain: it is read from reporte_solicitud through the indexes below.
CREATE TABLE reporte_equipo_dia (
    rol         VARCHAR(8) NOT NULL,
    dia         DATE       NOT NULL,
    miembro_id  INT        NOT NULL,
    solicitudes INT        NOT NULL,
    cerradas    INT        NOT NULL,
    PRIMARY KEY (rol, dia, miembro_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ultima_actividad of one member: its newest actualizado_en first, the first one created in the window wins.
CREATE INDEX ix_reporte_solicitud_gestor ON reporte_solicitud (gestor_persona_id, actualizado_en, creado_en);
CREATE INDEX ix_reporte_solicitud_medico ON reporte_solicitud (medico_persona_id, actualizado_en, creado_en);
CREATE INDEX ix_reporte_solicitud_operador ON reporte_solicitud (creado_por, actualizado_en, creado_en);
-- The projector's read of one cliente's solicitudes with one promotor.
CREATE INDEX ix_reporte_solicitud_promotor_cliente ON reporte_solicitud (promotor_id, cliente_id, creado_en);

-- Backfill from the row tables, as ReportRebuildRepository does.
INSERT INTO reporte_dia (dia, estado_operativo, solicitudes)
SELECT DATE(r.creado_en), r.estado_operativo, COUNT(*) FROM reporte_solicitud r
GROUP BY DATE(r.creado_en), r.estado_operativo;

INSERT INTO reporte_equipo_dia (rol, dia, miembro_id, solicitudes, cerradas)
SELECT m.rol, m.dia, m.miembro_id, COUNT(*), SUM(m.cerrada) FROM (
    SELECT 'GESTOR' AS rol, DATE(r.creado_en) AS dia, r.gestor_persona_id AS miembro_id,
           CASE WHEN r.estado_atencion = 'ATENDIDO' THEN 1 ELSE 0 END AS cerrada
    FROM reporte_solicitud r WHERE r.gestor_persona_id IS NOT NULL
    UNION ALL
    SELECT 'MEDICO', DATE(r.creado_en), r.medico_persona_id, CASE WHEN r.estado_atencion = 'ATENDIDO' THEN 1 ELSE 0 END
    FROM reporte_solicitud r WHERE r.medico_persona_id IS NOT NULL
    UNION ALL
    SELECT 'OPERADOR', DATE(r.creado_en), r.creado_por, CASE WHEN r.estado_atencion = 'ATENDIDO' THEN 1 ELSE 0 END
    FROM reporte_solicitud r WHERE r.creado_por IS NOT NULL) m
GROUP BY m.rol, m.dia, m.miembro_id;

INSERT INTO reporte_promotor_dia (dia, promotor_id, dias_desde_anterior, clientes, solicitudes)
SELECT p.dia, p.promotor_id, COALESCE(DATEDIFF(p.dia, p.anterior), 0), COUNT(*), SUM(p.n) FROM (
    SELECT g.promotor_id, g.dia, g.n, LAG(g.dia) OVER (PARTITION BY g.promotor_id, g.cliente_id ORDER BY g.dia) AS anterior
    FROM (SELECT r.promotor_id, r.cliente_id, DATE(r.creado_en) AS dia, COUNT(*) AS n FROM reporte_solicitud r
          WHERE r.promotor_id IS NOT NULL GROUP BY r.promotor_id, r.cliente_id, DATE(r.creado_en)) g) p
GROUP BY p.dia, p.promotor_id, COALESCE(DATEDIFF(p.dia, p.anterior), 0);

INSERT INTO reporte_pago_dia (fecha_pago, moneda, pagos, monto)
SELECT p.fecha_pago, p.moneda, COUNT(*), SUM(p.monto) FROM reporte_pago p GROUP BY p.fecha_pago, p.moneda;

INSERT INTO reporte_pago_dia_solicitud (fecha_pago, dias_desde_anterior, solicitudes)
SELECT x.fecha_pago, COALESCE(DATEDIFF(x.fecha_pago, x.anterior), 0), COUNT(*) FROM (
    SELECT d.fecha_pago, LAG(d.fecha_pago) OVER (PARTITION BY d.solicitud_id ORDER BY d.fecha_pago) AS anterior
    FROM (SELECT DISTINCT p.solicitud_id, p.fecha_pago FROM reporte_pago p) d) x
GROUP BY x.fecha_pago, COALESCE(DATEDIFF(x.fecha_pago, x.anterior), 0);
