package pe.cmep.reporting;

import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import pe.cmep.events.PaymentRegistered;
import pe.cmep.events.SolicitudCreated;
import pe.cmep.events.SolicitudState;
import reactor.core.publisher.Mono;

/**
 * The rows {@link ReportProjector} writes: the report aggregates (docs/reports.md) and the consumer's
 * {@code processed_event} rows. Every method runs in the caller's transaction.
 */
public final class ReportAggregateRepository {

    private static final String REMEMBER = """
            INSERT IGNORE INTO processed_event (consumer, event_id, processed_at) VALUES (:consumer, :id, :now)
            """;
    private static final String DELETE_PAGOS = """
            DELETE FROM reporte_pago WHERE solicitud_id = :id
            """;
    private static final String DELETE_SOLICITUD = """
            DELETE FROM reporte_solicitud WHERE solicitud_id = :id
            """;
    private static final String INSERT_SOLICITUD = """
            INSERT IGNORE INTO reporte_solicitud (creado_en, solicitud_id, creado_por, cliente_id, promotor_id,
                                                  estado_atencion, estado_operativo, gestor_persona_id,
                                                  medico_persona_id, actualizado_en)
            VALUES (:creado, :id, :por, :cliente, :promotor, :atencion, :operativo, :gestor, :medico, :actualizado)
            """;
    private static final String INSERT_PAGO = """
            INSERT IGNORE INTO reporte_pago (fecha_pago, pago_id, solicitud_id, moneda, monto)
            VALUES (:fecha, :pago, :id, :moneda, :monto)
            """;
    private static final String UPDATE_STATE = """
            UPDATE reporte_solicitud SET estado_atencion = :atencion, estado_operativo = :operativo,
                                         gestor_persona_id = :gestor, medico_persona_id = :medico,
                                         actualizado_en = :actualizado
            WHERE solicitud_id = :id AND actualizado_en <= :actualizado
            """;
    private static final String STAMP = """
            INSERT INTO reporte_estado (particion, actualizado_en, eventos_aplicados) VALUES (:particion, :occurred, 1)
            ON DUPLICATE KEY UPDATE actualizado_en = GREATEST(actualizado_en, VALUES(actualizado_en)),
                                    eventos_aplicados = eventos_aplicados + 1
            """;

    private final DatabaseClient db;

    public ReportAggregateRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Records the event as applied by this consumer; false when it already was. */
    Mono<Boolean> remember(String consumer, String eventId, LocalDateTime now) {
        return db.sql(REMEMBER)
                .bind("consumer", consumer)
                .bind("id", eventId)
                .bind("now", now)
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    Mono<Void> delete(int solicitudId) {
        return db.sql(DELETE_PAGOS).bind("id", solicitudId).then()
                .then(db.sql(DELETE_SOLICITUD).bind("id", solicitudId).then());
    }

    Mono<Void> insert(int id, SolicitudCreated c) {
        SolicitudState s = c.state();
        DatabaseClient.GenericExecuteSpec spec = db.sql(INSERT_SOLICITUD)
                .bind("creado", ReportProjector.utc(c.createdAt()))
                .bind("id", id)
                .bind("por", c.createdBy())
                .bind("cliente", c.clienteId())
                .bind("atencion", s.estadoAtencion())
                .bind("operativo", s.estadoOperativo())
                .bind("actualizado", ReportProjector.utc(s.updatedAt()));
        spec = nullable(spec, "promotor", c.promotorId());
        spec = nullable(spec, "gestor", s.gestorPersonaId());
        spec = nullable(spec, "medico", s.medicoPersonaId());
        return spec.then();
    }

    Mono<Void> insert(int id, PaymentRegistered p) {
        return db.sql(INSERT_PAGO)
                .bind("fecha", p.fechaPago())
                .bind("pago", p.pagoId())
                .bind("id", id)
                .bind("moneda", p.moneda())
                .bind("monto", p.monto())
                .then();
    }

    /** Only an existing row, and only with a state at least as new as the stored one. */
    Mono<Void> updateState(int id, SolicitudState s) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(UPDATE_STATE)
                .bind("atencion", s.estadoAtencion())
                .bind("operativo", s.estadoOperativo())
                .bind("actualizado", ReportProjector.utc(s.updatedAt()))
                .bind("id", id);
        spec = nullable(spec, "gestor", s.gestorPersonaId());
        spec = nullable(spec, "medico", s.medicoPersonaId());
        return spec.then();
    }

    /** Keeps the partition's newest {@code occurred_at} and counts the event. */
    Mono<Void> stamp(int particion, LocalDateTime occurred) {
        return db.sql(STAMP)
                .bind("particion", particion)
                .bind("occurred", occurred)
                .then();
    }

    private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
                                                              Integer value) {
        return value == null ? spec.bindNull(name, Integer.class) : spec.bind(name, value);
    }
}
