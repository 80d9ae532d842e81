package pe.cmep.reporting;

import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import pe.cmep.events.EstadoOperativo;
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

    private static final String ESTADO = """
            INSERT INTO reporte_estado (particion, actualizado_en, eventos_aplicados, reconstruido_en)
            VALUES (0, :now, 0, :now)
            """;

    private final DatabaseClient db;

    public ReportRebuildRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> vaciar() {
        return db.sql("DELETE FROM reporte_pago").then()
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

    /** The aggregates reflect every change committed before {@code now}. */
    Mono<Void> marcarReconstruido(LocalDateTime now) {
        return db.sql(ESTADO).bind("now", now).then();
    }
}
