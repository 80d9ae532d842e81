package pe.cmep.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.events.PaymentRegistered;
import pe.cmep.events.SolicitudCreated;
import pe.cmep.events.SolicitudDeleted;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudState;
import reactor.core.publisher.Mono;

/**
 * Applies one solicitud event to the report aggregates (docs/reports.md), at most once per
 * consumer and event id: the {@code processed_event} row and the aggregate changes commit in
 * one transaction, so a redelivered event finds its id and changes nothing.
 *
 * <p>The aggregates hold the solicitud's state as the event carries it, never a running total,
 * so applying a state is the same however often it happens; a state older than the one stored
 * (by {@code updated_at}) is skipped, which keeps a rebuild from being undone by events
 * that were still on their way when it ran.
 */
public final class ReportProjector {

    /** Rows of {@code reporte_estado}; see V5__report_aggregates.sql. */
    static final int PARTICIONES = 32;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final String consumer;

    /** @param consumer the name under which {@code processed_event} remembers the applied events */
    public ReportProjector(DatabaseClient db, TransactionalOperator tx, Clock clock, String consumer) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.consumer = consumer;
    }

    public Mono<Outcome> apply(SolicitudEvent event) {
        return remember(event)
                .flatMap(first -> first
                        ? change(event).then(stamp(event)).thenReturn(Outcome.APPLIED)
                        : Mono.just(Outcome.DUPLICATE))
                .as(tx::transactional);
    }

    private Mono<Boolean> remember(SolicitudEvent event) {
        return db.sql("INSERT IGNORE INTO processed_event (consumer, event_id, processed_at) VALUES (:consumer, :id, :now)")
                .bind("consumer", consumer)
                .bind("id", event.eventId().toString())
                .bind("now", LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS))
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    private Mono<Void> change(SolicitudEvent event) {
        int id = event.solicitudId();
        if (event.payload() instanceof SolicitudDeleted) {
            return db.sql("DELETE FROM reporte_pago WHERE solicitud_id = :id").bind("id", id).then()
                    .then(db.sql("DELETE FROM reporte_solicitud WHERE solicitud_id = :id").bind("id", id).then());
        }
        Mono<Void> specific = Mono.empty();
        if (event.payload() instanceof SolicitudCreated created) {
            specific = insert(id, created);
        } else if (event.payload() instanceof PaymentRegistered pago) {
            specific = insert(id, pago);
        }
        return specific.then(state(id, event.payload().state()));
    }

    private Mono<Void> insert(int id, SolicitudCreated c) {
        SolicitudState s = c.state();
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT IGNORE INTO reporte_solicitud (creado_en, solicitud_id, "
                        + "creado_por, cliente_id, promotor_id, estado_atencion, estado_operativo, gestor_persona_id, "
                        + "medico_persona_id, actualizado_en) VALUES (:creado, :id, :por, :cliente, :promotor, :atencion, "
                        + ":operativo, :gestor, :medico, :actualizado)")
                .bind("creado", utc(c.createdAt()))
                .bind("id", id)
                .bind("por", c.createdBy())
                .bind("cliente", c.clienteId())
                .bind("atencion", s.estadoAtencion())
                .bind("operativo", s.estadoOperativo())
                .bind("actualizado", utc(s.updatedAt()));
        spec = nullable(spec, "promotor", c.promotorId());
        spec = nullable(spec, "gestor", s.gestorPersonaId());
        spec = nullable(spec, "medico", s.medicoPersonaId());
        return spec.then();
    }

    private Mono<Void> insert(int id, PaymentRegistered p) {
        return db.sql("INSERT IGNORE INTO reporte_pago (fecha_pago, pago_id, solicitud_id, moneda, monto) "
                        + "VALUES (:fecha, :pago, :id, :moneda, :monto)")
                .bind("fecha", p.fechaPago())
                .bind("pago", p.pagoId())
                .bind("id", id)
                .bind("moneda", p.moneda())
                .bind("monto", p.monto())
                .then();
    }

    /** Only an existing row changes: the solicitud's creation data comes with {@code solicitud.created} alone. */
    private Mono<Void> state(int id, SolicitudState s) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("UPDATE reporte_solicitud SET estado_atencion = :atencion, "
                        + "estado_operativo = :operativo, gestor_persona_id = :gestor, medico_persona_id = :medico, "
                        + "actualizado_en = :actualizado WHERE solicitud_id = :id AND actualizado_en <= :actualizado")
                .bind("atencion", s.estadoAtencion())
                .bind("operativo", s.estadoOperativo())
                .bind("actualizado", utc(s.updatedAt()))
                .bind("id", id);
        spec = nullable(spec, "gestor", s.gestorPersonaId());
        spec = nullable(spec, "medico", s.medicoPersonaId());
        return spec.then();
    }

    /**
     * Events of different solicitudes are applied in parallel, so the newest one is kept, not the last; each
     * stamps the row of its partition, so their transactions never queue on one row lock.
     */
    private Mono<Void> stamp(SolicitudEvent event) {
        return db.sql("INSERT INTO reporte_estado (particion, actualizado_en, eventos_aplicados) "
                        + "VALUES (:particion, :occurred, 1) ON DUPLICATE KEY UPDATE "
                        + "actualizado_en = GREATEST(actualizado_en, VALUES(actualizado_en)), "
                        + "eventos_aplicados = eventos_aplicados + 1")
                .bind("particion", event.solicitudId() % PARTICIONES)
                .bind("occurred", utc(event.occurredAt()))
                .then();
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
                                                              Integer value) {
        return value == null ? spec.bindNull(name, Integer.class) : spec.bind(name, value);
    }

    /** What became of an event. */
    public enum Outcome {
        /** its changes are in the aggregates now */
        APPLIED,
        /** it had been applied before (a redelivery or a duplicate): nothing changed */
        DUPLICATE
    }
}
