package pe.cmep.reporting;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import pe.cmep.events.EstadoOperativo;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The statements of the report rebuild ({@link ReportRebuild}): empty the aggregates and fill them again from the
 * source tables. The rows are what the events would have produced: the estado_operativo of domain.md §3 by the one
 * rule both sides share ({@link EstadoOperativo#sqlCase}), the current (vigente) gestor and medico as the
 * solicitud row holds them (gateway-api's SolicitudRepository writes those columns in the same transaction as the
 * assignment rows, and they are what an event's state carries), and {@code updated_at} as the row's version, so
 * an event still in the queue that describes an older state leaves the rebuilt row alone.
 */
public class ReportRebuildRepository {

    private static final String SOLICITUDES = """
            INSERT INTO reporte_solicitud (creado_en, solicitud_id, creado_por, cliente_id, promotor_id,
                estado_atencion, estado_operativo, gestor_persona_id, medico_persona_id, actualizado_en)
            SELECT s.created_at, s.solicitud_id, s.created_by, s.cliente_id, s.promotor_id, s.estado_atencion,
                %s,
                s.gestor_persona_id, s.medico_persona_id, COALESCE(s.updated_at, s.created_at)
            FROM solicitud_cmep s
            """.formatted(EstadoOperativo.sqlCase("s.estado_atencion", "s.estado_pago", "s.gestor_persona_id",
            "s.medico_persona_id"));

    // validated_at IS NULL never happens (payments are validated on entry), but W_p asks for it.
    private static final String PAGOS = """
            INSERT INTO reporte_pago (fecha_pago, pago_id, solicitud_id, moneda, monto)
            SELECT p.fecha_pago, p.pago_id, p.solicitud_id, p.moneda, p.monto FROM pago_solicitud p
            WHERE p.fecha_pago IS NOT NULL AND p.validated_at IS NOT NULL
            """;

    /** The daily tables (V9) from the row tables; V9__report_daily_tables.sql backfills with the same statements. */
    private static final List<String> DIARIAS = List.of("""
            INSERT INTO reporte_dia (dia, estado_operativo, solicitudes)
            SELECT DATE(r.creado_en), r.estado_operativo, COUNT(*) FROM reporte_solicitud r
            GROUP BY DATE(r.creado_en), r.estado_operativo
            """, """
            INSERT INTO reporte_equipo_dia (rol, dia, miembro_id, solicitudes, cerradas)
            SELECT m.rol, m.dia, m.miembro_id, COUNT(*), SUM(m.cerrada) FROM (
                SELECT 'GESTOR' AS rol, DATE(r.creado_en) AS dia, r.gestor_persona_id AS miembro_id,
                       CASE WHEN r.estado_atencion = 'ATENDIDO' THEN 1 ELSE 0 END AS cerrada
                FROM reporte_solicitud r WHERE r.gestor_persona_id IS NOT NULL
                UNION ALL
                SELECT 'MEDICO', DATE(r.creado_en), r.medico_persona_id,
                       CASE WHEN r.estado_atencion = 'ATENDIDO' THEN 1 ELSE 0 END
                FROM reporte_solicitud r WHERE r.medico_persona_id IS NOT NULL
                UNION ALL
                SELECT 'OPERADOR', DATE(r.creado_en), r.creado_por,
                       CASE WHEN r.estado_atencion = 'ATENDIDO' THEN 1 ELSE 0 END
                FROM reporte_solicitud r WHERE r.creado_por IS NOT NULL) m
            GROUP BY m.rol, m.dia, m.miembro_id
            """, """
            INSERT INTO reporte_promotor_dia (dia, promotor_id, dias_desde_anterior, clientes, solicitudes)
            SELECT p.dia, p.promotor_id, COALESCE(DATEDIFF(p.dia, p.anterior), 0), COUNT(*), SUM(p.n) FROM (
                SELECT g.promotor_id, g.dia, g.n,
                       LAG(g.dia) OVER (PARTITION BY g.promotor_id, g.cliente_id ORDER BY g.dia) AS anterior
                FROM (SELECT r.promotor_id, r.cliente_id, DATE(r.creado_en) AS dia, COUNT(*) AS n
                      FROM reporte_solicitud r WHERE r.promotor_id IS NOT NULL
                      GROUP BY r.promotor_id, r.cliente_id, DATE(r.creado_en)) g) p
            GROUP BY p.dia, p.promotor_id, COALESCE(DATEDIFF(p.dia, p.anterior), 0)
            """, """
            INSERT INTO reporte_pago_dia (fecha_pago, moneda, pagos, monto)
            SELECT p.fecha_pago, p.moneda, COUNT(*), SUM(p.monto) FROM reporte_pago p GROUP BY p.fecha_pago, p.moneda
            """, """
            INSERT INTO reporte_pago_dia_solicitud (fecha_pago, dias_desde_anterior, solicitudes)
            SELECT x.fecha_pago, COALESCE(DATEDIFF(x.fecha_pago, x.anterior), 0), COUNT(*) FROM (
                SELECT d.fecha_pago, LAG(d.fecha_pago) OVER (PARTITION BY d.solicitud_id ORDER BY d.fecha_pago) AS anterior
                FROM (SELECT DISTINCT p.solicitud_id, p.fecha_pago FROM reporte_pago p) d) x
            GROUP BY x.fecha_pago, COALESCE(DATEDIFF(x.fecha_pago, x.anterior), 0)
            """);

    private static final String ESTADO = """
            INSERT INTO reporte_estado (particion, actualizado_en, eventos_aplicados, reconstruido_en)
            VALUES (0, :now, 0, :now)
            """;

    private final DatabaseClient db;

    public ReportRebuildRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> vaciar() {
        return Flux.just("reporte_dia", "reporte_equipo_dia", "reporte_promotor_dia", "reporte_pago_dia",
                        "reporte_pago_dia_solicitud")
                .concatMap(tabla -> db.sql("DELETE FROM " + tabla).then())
                .then(db.sql("DELETE FROM reporte_pago").then())
                .then(db.sql("DELETE FROM reporte_solicitud").then())
                .then(db.sql("DELETE FROM reporte_estado").then());
    }

    /** @return the rows written */
    Mono<Long> llenarSolicitudes() {
        return db.sql(SOLICITUDES).fetch().rowsUpdated();
    }

    /** @return the rows written */
    Mono<Long> llenarPagos() {
        return db.sql(PAGOS).fetch().rowsUpdated();
    }

    /** After the row tables: the daily tables are their sums. */
    Mono<Void> llenarDiarias() {
        return Flux.fromIterable(DIARIAS).concatMap(sql -> db.sql(sql).then()).then();
    }

    /** The aggregates reflect every change committed before {@code now}. */
    Mono<Void> marcarReconstruido(LocalDateTime now) {
        return db.sql(ESTADO).bind("now", now).then();
    }
}
