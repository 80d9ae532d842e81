package pe.cmep.gateway.solicitud;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import pe.cmep.events.ArchivoDeleted;
import pe.cmep.events.ArchivoEvent;
import pe.cmep.events.GestorAssigned;
import pe.cmep.events.GestorChanged;
import pe.cmep.events.MedicoAssigned;
import pe.cmep.events.MedicoChanged;
import pe.cmep.events.PaymentRegistered;
import pe.cmep.events.SolicitudCancelled;
import pe.cmep.events.SolicitudClosed;
import pe.cmep.events.SolicitudCreated;
import pe.cmep.events.SolicitudDeleted;
import pe.cmep.events.SolicitudEdited;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudEventPayload;
import pe.cmep.events.SolicitudOverridden;
import pe.cmep.events.SolicitudState;
import pe.cmep.gateway.outbox.Outbox;
import reactor.core.publisher.Mono;

/**
 * Turns each change into its domain event (events-schema) and appends it to the outbox in
 * the caller's transaction. Every event carries the solicitud's state after the change,
 * read inside that same transaction.
 */
@Component
class SolicitudEventRecorder {

    private final DatabaseClient db;
    private final Outbox outbox;

    SolicitudEventRecorder(DatabaseClient db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    Mono<Void> created(int solicitudId, int userId, LocalDateTime now) {
        return db.sql("SELECT codigo, cliente_id, apoderado_id, promotor_id, servicio_id, tarifa_monto, tarifa_moneda "
                        + "FROM solicitud_cmep WHERE solicitud_id = :id")
                .bind("id", solicitudId)
                .map((row, meta) -> {
                    // read the row now: it is released once this mapping returns
                    String codigo = Rows.str(row, "codigo");
                    int clienteId = Rows.integer(row, "cliente_id");
                    Integer apoderadoId = Rows.integer(row, "apoderado_id");
                    Integer promotorId = Rows.integer(row, "promotor_id");
                    Integer servicioId = Rows.integer(row, "servicio_id");
                    java.math.BigDecimal tarifa = Rows.decimal(row, "tarifa_monto");
                    String moneda = Rows.str(row, "tarifa_moneda");
                    return (Function<SolicitudState, SolicitudEventPayload>) state -> new SolicitudCreated(codigo,
                            clienteId, apoderadoId, promotorId, servicioId, tarifa, moneda, userId, instant(now), state);
                })
                .one()
                .flatMap(payload -> record(solicitudId, userId, now, payload));
    }

    Mono<Void> edited(int solicitudId, int userId, LocalDateTime now, List<Cambio> cambios) {
        List<SolicitudEdited.Change> changes = cambios.stream()
                .map(c -> new SolicitudEdited.Change(c.campo(), c.valorAnterior(), c.valorNuevo()))
                .toList();
        return record(solicitudId, userId, now, state -> new SolicitudEdited(changes, state));
    }

    /** @param campo the historial campo, which says whether it was an assignment or a change */
    Mono<Void> assigned(int solicitudId, int userId, LocalDateTime now, String rol, String campo,
                        Asignador.Previous previous, int personaId, String nombre, boolean viaOverride) {
        boolean change = !campo.startsWith("asignacion_");
        Function<SolicitudState, SolicitudEventPayload> payload;
        if ("GESTOR".equals(rol)) {
            payload = change
                    ? state -> new GestorChanged(personaId, nombre, previous.personaId(), previous.nombre(), viaOverride, state)
                    : state -> new GestorAssigned(personaId, nombre, previous.personaId(), previous.nombre(), viaOverride, state);
        } else {
            payload = change
                    ? state -> new MedicoChanged(personaId, nombre, previous.personaId(), previous.nombre(), viaOverride, state)
                    : state -> new MedicoAssigned(personaId, nombre, previous.personaId(), previous.nombre(), viaOverride, state);
        }
        return record(solicitudId, userId, now, payload);
    }

    Mono<Void> paymentRegistered(int solicitudId, int userId, LocalDateTime now, int pagoId, PagoInput pago,
                                 String estadoPagoAnterior) {
        return record(solicitudId, userId, now, state -> new PaymentRegistered(pagoId, pago.canalPago(),
                pago.fechaPago(), pago.monto(), pago.moneda(), estadoPagoAnterior, state));
    }

    Mono<Void> closed(int solicitudId, int userId, LocalDateTime now) {
        return record(solicitudId, userId, now, SolicitudClosed::new);
    }

    Mono<Void> cancelled(int solicitudId, int userId, LocalDateTime now, String motivo) {
        return record(solicitudId, userId, now, state -> new SolicitudCancelled(motivo, state));
    }

    Mono<Void> overridden(int solicitudId, int userId, LocalDateTime now, String accion, String motivo,
                          String estadoAnterior) {
        return record(solicitudId, userId, now,
                state -> new SolicitudOverridden(accion, motivo, estadoAnterior, state));
    }

    Mono<Void> deleted(int solicitudId, int userId, LocalDateTime now, List<String> storageKeys) {
        return outbox.append(SolicitudEvent.of(solicitudId, userId, instant(now), new SolicitudDeleted(storageKeys)));
    }

    /** For the file-worker, which deletes the object; the file's rows went in the same transaction. */
    Mono<Void> archivoDeleted(int archivoId, int solicitudId, int userId, LocalDateTime now, String storageKey) {
        return outbox.append(ArchivoEvent.of(archivoId, solicitudId, userId, instant(now),
                new ArchivoDeleted(storageKey)));
    }

    private Mono<Void> record(int solicitudId, int userId, LocalDateTime now,
                              Function<SolicitudState, SolicitudEventPayload> payload) {
        return state(solicitudId, now)
                .flatMap(state -> outbox.append(SolicitudEvent.of(solicitudId, userId, instant(now),
                        payload.apply(state))));
    }

    /** The state after the change; {@code updated_at} is {@code now}, which every change writes. */
    private Mono<SolicitudState> state(int solicitudId, LocalDateTime now) {
        return db.sql("SELECT s.estado_atencion, s.estado_pago, "
                        + "(SELECT persona_id FROM solicitud_asignacion WHERE solicitud_id = s.solicitud_id "
                        + "AND rol = 'GESTOR' AND es_vigente = 1 ORDER BY asignacion_id DESC LIMIT 1) AS gestor, "
                        + "(SELECT persona_id FROM solicitud_asignacion WHERE solicitud_id = s.solicitud_id "
                        + "AND rol = 'MEDICO' AND es_vigente = 1 ORDER BY asignacion_id DESC LIMIT 1) AS medico "
                        + "FROM solicitud_cmep s WHERE s.solicitud_id = :id")
                .bind("id", solicitudId)
                .map((row, meta) -> {
                    String atencion = Rows.str(row, "estado_atencion");
                    String pago = Rows.str(row, "estado_pago");
                    Integer gestor = Rows.integer(row, "gestor");
                    Integer medico = Rows.integer(row, "medico");
                    return new SolicitudState(atencion, pago,
                            EstadoOperativo.derive(atencion, pago, gestor != null, medico != null).name(),
                            gestor, medico, instant(now));
                })
                .one();
    }

    private static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }
}
