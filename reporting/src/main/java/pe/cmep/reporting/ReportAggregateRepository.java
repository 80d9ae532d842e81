package pe.cmep.reporting;

import io.r2dbc.spi.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import pe.cmep.events.PaymentRegistered;
import pe.cmep.events.SolicitudCreated;
import pe.cmep.events.SolicitudState;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The rows {@link ReportProjector} writes: the report aggregates (docs/reports.md) and the consumer's
 * {@code processed_event} rows. Every method runs in the caller's transaction. The reads lock what they read
 * ({@code FOR UPDATE}), so they see the latest committed rows and nothing changes them until the event commits: the
 * daily tables' deltas are computed from them.
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
    private static final String FILA = """
            SELECT creado_en, creado_por, cliente_id, promotor_id, estado_atencion, estado_operativo,
                   gestor_persona_id, medico_persona_id, actualizado_en
            FROM reporte_solicitud WHERE solicitud_id = :id FOR UPDATE
            """;
    private static final String PAGOS = """
            SELECT fecha_pago, moneda, monto FROM reporte_pago WHERE solicitud_id = :id FOR UPDATE
            """;
    /**
     * Through ix_reporte_solicitud_promotor_cliente, after the new row is in: a second new solicitud of the group
     * waits for this one's row (or deadlocks with it, and is retried), so the two deltas are computed in turn.
     */
    private static final String GRUPO = """
            SELECT creado_en FROM reporte_solicitud WHERE promotor_id = :promotor AND cliente_id = :cliente FOR UPDATE
            """;
    /** {@code %1$s} table, {@code %2$s} columns, {@code %3$s} rows of parameters, {@code %4$s} the additions. */
    private static final String DELTA = """
            INSERT INTO %1$s (%2$s) VALUES %3$s ON DUPLICATE KEY UPDATE %4$s
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

    /** The solicitud's row, locked; empty when there is none. */
    Mono<Optional<FilaReporte>> fila(int id) {
        return db.sql(FILA).bind("id", id)
                .map((row, meta) -> fila(row))
                .one()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    /** The solicitud's payments, locked. */
    Mono<List<PagoReporte>> pagos(int id) {
        return db.sql(PAGOS).bind("id", id)
                .map((row, meta) -> new PagoReporte(row.get("fecha_pago", LocalDate.class),
                        row.get("moneda", String.class), row.get("monto", BigDecimal.class)))
                .all()
                .collectList();
    }

    /** The creation days of one cliente's solicitudes with one promotor (once per solicitud), locked. */
    Mono<List<LocalDate>> grupo(int promotorId, int clienteId) {
        return db.sql(GRUPO).bind("promotor", promotorId).bind("cliente", clienteId)
                .map((row, meta) -> row.get("creado_en", LocalDateTime.class).toLocalDate())
                .all()
                .collectList();
    }

    /** Adds the changes to the daily tables: one statement per table that changes. */
    Mono<Void> aplicar(Deltas deltas) {
        return Flux.fromIterable(deltas.cambios().entrySet())
                .concatMap(e -> delta(e.getKey(), e.getValue()))
                .then();
    }

    private Mono<Void> delta(TablaDiaria tabla, Map<List<Object>, BigDecimal[]> filas) {
        List<String> columnas = new ArrayList<>(tabla.claves);
        columnas.addAll(tabla.cifras);
        List<String> valores = new ArrayList<>();
        for (int i = 0; i < filas.size(); i++) {
            int fila = i;
            valores.add(columnas.stream().map(c -> ":" + c + fila).collect(Collectors.joining(", ", "(", ")")));
        }
        String sql = DELTA.formatted(tabla.tabla, String.join(", ", columnas), String.join(", ", valores),
                tabla.cifras.stream().map(c -> c + " = " + c + " + VALUES(" + c + ")").collect(Collectors.joining(", ")));
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        int fila = 0;
        for (Map.Entry<List<Object>, BigDecimal[]> e : filas.entrySet()) {
            for (int k = 0; k < tabla.claves.size(); k++) {
                spec = spec.bind(tabla.claves.get(k) + fila, e.getKey().get(k));
            }
            for (int k = 0; k < tabla.cifras.size(); k++) {
                spec = spec.bind(tabla.cifras.get(k) + fila, e.getValue()[k]);
            }
            fila++;
        }
        return spec.then();
    }

    /** @return whether the row was new */
    Mono<Boolean> insert(int id, SolicitudCreated c) {
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
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** @return whether the payment was new */
    Mono<Boolean> insert(int id, PaymentRegistered p) {
        return db.sql(INSERT_PAGO)
                .bind("fecha", p.fechaPago())
                .bind("pago", p.pagoId())
                .bind("id", id)
                .bind("moneda", p.moneda())
                .bind("monto", p.monto())
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
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

    private static FilaReporte fila(Row row) {
        return new FilaReporte(row.get("creado_en", LocalDateTime.class), row.get("creado_por", Integer.class),
                row.get("cliente_id", Integer.class), row.get("promotor_id", Integer.class),
                row.get("estado_atencion", String.class), row.get("estado_operativo", String.class),
                row.get("gestor_persona_id", Integer.class), row.get("medico_persona_id", Integer.class),
                row.get("actualizado_en", LocalDateTime.class));
    }

    private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
                                                              Integer value) {
        return value == null ? spec.bindNull(name, Integer.class) : spec.bind(name, value);
    }
}
