package pe.cmep.gateway.solicitud;

import io.r2dbc.spi.Row;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import pe.cmep.events.EstadoAtencion;
import pe.cmep.events.EstadoPago;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudState;
import pe.cmep.gateway.db.Binds;
import pe.cmep.gateway.outbox.Outbox;
import pe.cmep.gateway.persona.PersonaRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads the {@link Solicitud} aggregate under its row lock and writes what an action decided: the other rows, the
 * historial, the solicitud's row and the outbox events, in that order and in the caller's transaction.
 *
 * <p>Every write to a solicitud starts by locking its row without waiting: of two requests changing the same
 * solicitud at once, one proceeds and the other gets a 409 at once (NOWAIT refusals map to CONFLICT), instead of
 * acting on a state it never saw. Holding that lock before appending to the outbox is also what keeps a
 * solicitud's events in commit order (docs/decisions.md §9).
 */
@Repository
class SolicitudRepository {

    private static final String BLOQUEAR = """
            SELECT solicitud_id, cliente_id, apoderado_id, estado_atencion, estado_pago, tipo_atencion,
                lugar_atencion, comentario, servicio_id, estado_certificado, fecha_cierre, cerrado_por,
                fecha_cancelacion, cancelado_por, motivo_cancelacion
            FROM solicitud_cmep WHERE solicitud_id = :id FOR UPDATE NOWAIT
            """;
    // a plain read: a locking one would also lock the payments' index range, up to other solicitudes' rows
    private static final String TIENE_PAGOS = """
            SELECT COUNT(*) AS n FROM pago_solicitud WHERE solicitud_id = :id
            """;
    private static final String GUARDAR = """
            UPDATE solicitud_cmep SET estado_atencion = :atencion, estado_pago = :pago,
                estado_operativo = :estado, gestor_persona_id = :gestor, medico_persona_id = :medico,
                tipo_atencion = :tipo, lugar_atencion = :lugar, comentario = :comentario, servicio_id = :servicio,
                estado_certificado = :certificado, fecha_cierre = :fechaCierre, cerrado_por = :cerradoPor,
                fecha_cancelacion = :fechaCancelacion, cancelado_por = :canceladoPor, motivo_cancelacion = :motivo,
                updated_by = :userId, updated_at = :now
            WHERE solicitud_id = :id
            """;

    private final DatabaseClient db;
    private final AsignacionRepository asignaciones;
    private final PagoRepository pagos;
    private final HistorialRepository historial;
    private final PersonaRepository personas;
    private final Outbox outbox;
    private final SolicitudConteoRepository conteos;

    SolicitudRepository(DatabaseClient db, AsignacionRepository asignaciones, PagoRepository pagos,
                        HistorialRepository historial, PersonaRepository personas, Outbox outbox,
                        SolicitudConteoRepository conteos) {
        this.db = db;
        this.asignaciones = asignaciones;
        this.pagos = pagos;
        this.historial = historial;
        this.personas = personas;
        this.outbox = outbox;
        this.conteos = conteos;
    }

    /** Must run inside the request's transaction; empty when the solicitud does not exist. */
    Mono<Solicitud> bloquear(int solicitudId) {
        return db.sql(BLOQUEAR).bind("id", solicitudId)
                .map((row, meta) -> fila(row))
                .one()
                .flatMap(fila -> Mono.zip(asignaciones.vigentes(solicitudId), tienePagos(solicitudId))
                        .map(t -> fila.solicitud(t.getT1(), t.getT2())));
    }

    /**
     * Writes the transition of {@code antes}, the solicitud as {@link #bloquear} read it; one that changes nothing
     * writes nothing. The state counters move last (SolicitudConteoRepository).
     */
    Mono<Void> guardar(Solicitud antes, Transicion transicion, Actor actor) {
        if (transicion.vacia()) {
            return Mono.empty();
        }
        Solicitud s = transicion.despues();
        return Flux.fromIterable(transicion.escrituras())
                .concatMap(e -> escribir(s.id(), e, actor))
                .reduce(0, Math::max)
                .flatMap(pagoId -> historial.escribir(s.id(), actor, transicion.historial())
                        .then(actualizar(s, actor))
                        .then(Mono.defer(() -> {
                            SolicitudState estado = s.estadoEvento(actor);
                            return Flux.fromIterable(transicion.eventos())
                                    .concatMap(e -> outbox.append(SolicitudEvent.of(s.id(), actor.userId(),
                                            actor.instante(), e.payload(estado, pagoId == 0 ? null : pagoId))))
                                    .then();
                        }))
                        .then(conteos.mover(s.id(), antes.estado(), s.estado())));
    }

    /** @return the generated pago_id of a payment, 0 for the other rows */
    private Mono<Integer> escribir(int solicitudId, Escritura escritura, Actor actor) {
        if (escritura instanceof Escritura.NuevaAsignacion a) {
            return asignaciones.asignar(solicitudId, a, actor).thenReturn(0);
        }
        if (escritura instanceof Escritura.NuevoPago p) {
            return pagos.insertar(solicitudId, p.pago(), actor);
        }
        Escritura.EdicionPersona edicion = (Escritura.EdicionPersona) escritura;
        Map<String, Object> columnas = new LinkedHashMap<>();
        edicion.cambios().forEach(e -> columnas.put(e.column(), e.value()));
        return personas.replace(edicion.personaId(), columnas, actor.userId(), actor.ahora()).thenReturn(0);
    }

    /** The row as the aggregate leaves it, with the derived columns the list filters on (V7). */
    private Mono<Void> actualizar(Solicitud s, Actor actor) {
        AsignacionVigente gestor = s.asignado(RolAsignacion.GESTOR);
        AsignacionVigente medico = s.asignado(RolAsignacion.MEDICO);
        Desenlace d = s.desenlace();
        DatosSolicitud datos = s.datos();
        GenericExecuteSpec update = db.sql(GUARDAR)
                .bind("atencion", s.atencion().name())
                .bind("pago", s.pago().name())
                .bind("estado", s.estado().name())
                .bind("userId", actor.userId())
                .bind("now", actor.ahora())
                .bind("id", s.id());
        update = Binds.nullable(update, "gestor", gestor == null ? null : gestor.personaId(), Integer.class);
        update = Binds.nullable(update, "medico", medico == null ? null : medico.personaId(), Integer.class);
        update = Binds.nullable(update, "tipo", datos.tipoAtencion());
        update = Binds.nullable(update, "lugar", datos.lugarAtencion());
        update = Binds.nullable(update, "comentario", datos.comentario());
        update = Binds.nullable(update, "servicio", datos.servicioId(), Integer.class);
        update = Binds.nullable(update, "certificado", datos.estadoCertificado());
        update = Binds.nullable(update, "fechaCierre", d.fechaCierre(), LocalDateTime.class);
        update = Binds.nullable(update, "cerradoPor", d.cerradoPor(), Integer.class);
        update = Binds.nullable(update, "fechaCancelacion", d.fechaCancelacion(), LocalDateTime.class);
        update = Binds.nullable(update, "canceladoPor", d.canceladoPor(), Integer.class);
        update = Binds.nullable(update, "motivo", d.motivoCancelacion());
        return update.then();
    }

    private Mono<Boolean> tienePagos(int solicitudId) {
        return db.sql(TIENE_PAGOS).bind("id", solicitudId)
                .map((row, meta) -> Rows.integer(row, "n") > 0)
                .one();
    }

    private static Fila fila(Row row) {
        return new Fila(Rows.integer(row, "solicitud_id"), Rows.integer(row, "cliente_id"),
                Rows.integer(row, "apoderado_id"), EstadoAtencion.valueOf(Rows.str(row, "estado_atencion")),
                EstadoPago.valueOf(Rows.str(row, "estado_pago")),
                new DatosSolicitud(Rows.str(row, "tipo_atencion"), Rows.str(row, "lugar_atencion"),
                        Rows.str(row, "comentario"), Rows.integer(row, "servicio_id"),
                        Rows.str(row, "estado_certificado")),
                new Desenlace(Rows.dateTime(row, "fecha_cierre"), Rows.integer(row, "cerrado_por"),
                        Rows.dateTime(row, "fecha_cancelacion"), Rows.integer(row, "cancelado_por"),
                        Rows.str(row, "motivo_cancelacion")));
    }

    /** The locked row, before its assignments and payments are read. */
    private record Fila(int id, int clienteId, Integer apoderadoId, EstadoAtencion atencion, EstadoPago pago,
                        DatosSolicitud datos, Desenlace desenlace) {

        Solicitud solicitud(List<AsignacionVigente> vigentes, boolean tienePagos) {
            return new Solicitud(id, clienteId, apoderadoId, atencion, pago, datos, vigentes, tienePagos, desenlace);
        }
    }
}
