package pe.cmep.reporting;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Recomputes the report aggregates from the source tables (backfill after the aggregates were
 * introduced, repair after a bug or a lost event), in one transaction: a reader sees the old
 * aggregates or the new ones, never half of each.
 *
 * <p>The rows are what the events would have produced: the estado_operativo of domain.md §3,
 * the current (vigente) gestor and medico the way the gateway names them in an event's state
 * (the newest vigente assignment), and {@code updated_at} as the row's version, so an event
 * still in the queue that describes an older state leaves the rebuilt row alone.
 */
public final class ReportRebuild {

    private static final String SOLICITUDES = "INSERT INTO reporte_solicitud (creado_en, solicitud_id, creado_por, "
            + "cliente_id, promotor_id, estado_atencion, estado_operativo, gestor_persona_id, medico_persona_id, "
            + "actualizado_en) "
            + "SELECT x.created_at, x.solicitud_id, x.created_by, x.cliente_id, x.promotor_id, x.estado_atencion, "
            + "CASE WHEN x.estado_atencion = 'CANCELADO' THEN 'CANCELADO' "
            + "WHEN x.estado_atencion = 'ATENDIDO' THEN 'CERRADO' "
            + "WHEN x.estado_pago = 'PAGADO' AND x.medico IS NOT NULL THEN 'ASIGNADO_MEDICO' "
            + "WHEN x.estado_pago = 'PAGADO' THEN 'PAGADO' "
            + "WHEN x.gestor IS NOT NULL THEN 'ASIGNADO_GESTOR' ELSE 'REGISTRADO' END, "
            + "x.gestor, x.medico, x.actualizado_en "
            + "FROM (SELECT s.solicitud_id, s.created_at, s.created_by, s.cliente_id, s.promotor_id, "
            + "s.estado_atencion, s.estado_pago, COALESCE(s.updated_at, s.created_at) AS actualizado_en, "
            + "(SELECT a.persona_id FROM solicitud_asignacion a WHERE a.solicitud_id = s.solicitud_id "
            + "AND a.rol = 'GESTOR' AND a.es_vigente = 1 ORDER BY a.asignacion_id DESC LIMIT 1) AS gestor, "
            + "(SELECT a.persona_id FROM solicitud_asignacion a WHERE a.solicitud_id = s.solicitud_id "
            + "AND a.rol = 'MEDICO' AND a.es_vigente = 1 ORDER BY a.asignacion_id DESC LIMIT 1) AS medico "
            + "FROM solicitud_cmep s) x";

    // validated_at IS NULL never happens (payments are validated on entry), but W_p asks for it.
    private static final String PAGOS = "INSERT INTO reporte_pago (fecha_pago, pago_id, solicitud_id, moneda, monto) "
            + "SELECT p.fecha_pago, p.pago_id, p.solicitud_id, p.moneda, p.monto FROM pago_solicitud p "
            + "WHERE p.fecha_pago IS NOT NULL AND p.validated_at IS NOT NULL";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;

    public ReportRebuild(DatabaseClient db, TransactionalOperator tx, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * {@code actualizado_en} becomes the rebuild's own time: the aggregates now reflect every change
     * committed before it.
     */
    public Mono<Result> run() {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return db.sql("DELETE FROM reporte_pago").then()
                .then(db.sql("DELETE FROM reporte_solicitud").then())
                .then(db.sql(SOLICITUDES).fetch().rowsUpdated())
                .flatMap(solicitudes -> db.sql(PAGOS).fetch().rowsUpdated()
                        .map(pagos -> new Result(solicitudes, pagos)))
                .flatMap(result -> db.sql("DELETE FROM reporte_estado").then()
                        .then(db.sql("INSERT INTO reporte_estado (particion, actualizado_en, eventos_aplicados, "
                                        + "reconstruido_en) VALUES (0, :now, 0, :now)")
                                .bind("now", now)
                                .then())
                        .thenReturn(result))
                .as(tx::transactional);
    }

    /** How many rows the rebuild wrote. */
    public record Result(long solicitudes, long pagos) {
    }
}
