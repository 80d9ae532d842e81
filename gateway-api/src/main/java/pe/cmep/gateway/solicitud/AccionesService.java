package pe.cmep.gateway.solicitud;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.db.Binds;
import pe.cmep.gateway.db.DeadlockRetry;
import pe.cmep.gateway.policy.Accion;
import pe.cmep.gateway.policy.PolicyMatrix;
import pe.cmep.gateway.web.ApiException;
import pe.cmep.gateway.web.FieldReader;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The workflow actions of api.md §7.5 / domain.md §5.3–§5.10. Each runs in one transaction:
 * lock the solicitud (404), check the policy on its current estado_operativo (403), the
 * action's own preconditions (422/409), then write the change, its historial rows, and its
 * outbox event; the response is the refreshed detail.
 */
@Service
class AccionesService {

    static final String PAGO_ANTES_DE_MEDICO = "La solicitud debe estar pagada para asignar medico";

    private final DatabaseClient db;
    private final SolicitudLocks locks;
    private final PolicyMatrix policy;
    private final Asignador asignador;
    private final SolicitudEditor editor;
    private final HistorialWriter historial;
    private final SolicitudEventRecorder events;
    private final SolicitudQueries queries;
    private final TransactionalOperator tx;
    private final Clock clock;

    AccionesService(DatabaseClient db, SolicitudLocks locks, PolicyMatrix policy, Asignador asignador,
                    SolicitudEditor editor, HistorialWriter historial, SolicitudEventRecorder events,
                    SolicitudQueries queries, TransactionalOperator tx, Clock clock) {
        this.db = db;
        this.locks = locks;
        this.policy = policy;
        this.asignador = asignador;
        this.editor = editor;
        this.historial = historial;
        this.events = events;
        this.queries = queries;
        this.tx = tx;
        this.clock = clock;
    }

    /** asignar-gestor, cambiar-gestor, asignar-medico, cambiar-medico. */
    Mono<SolicitudDetail> assign(int solicitudId, Accion accion, int personaId, CurrentUser user) {
        String rol = accion == Accion.ASIGNAR_GESTOR || accion == Accion.CAMBIAR_GESTOR ? "GESTOR" : "MEDICO";
        String campo = switch (accion) {
            case ASIGNAR_GESTOR -> "asignacion_gestor";
            case CAMBIAR_GESTOR -> "cambio_gestor";
            case ASIGNAR_MEDICO -> "asignacion_medico";
            default -> "cambio_medico";
        };
        String field = "GESTOR".equals(rol) ? "persona_id_gestor" : "persona_id_medico";
        return act(solicitudId, accion, user, (s, now) -> {
            if ("MEDICO".equals(rol) && !"PAGADO".equals(s.estadoPago())) {
                return Mono.error(ApiException.validation(PAGO_ANTES_DE_MEDICO, field, PAGO_ANTES_DE_MEDICO));
            }
            return assignment(s, rol, personaId, campo, field, false, user.userId(), now, Mono.empty());
        });
    }

    Mono<SolicitudDetail> registrarPago(int solicitudId, PagoInput pago, CurrentUser user) {
        return act(solicitudId, Accion.REGISTRAR_PAGO, user, (s, now) -> pago(s, pago, user.userId(), now, Mono.empty()));
    }

    Mono<SolicitudDetail> cerrar(int solicitudId, String comentario, CurrentUser user) {
        return act(solicitudId, Accion.CERRAR, user, (s, now) -> {
            if ("ATENDIDO".equals(s.estadoAtencion())) {
                return Mono.error(ApiException.conflict("Solicitud ya esta ATENDIDA"));
            }
            if ("CANCELADO".equals(s.estadoAtencion())) {
                return Mono.error(ApiException.conflict("Solicitud ya esta CANCELADA"));
            }
            return count("SELECT COUNT(*) FROM pago_solicitud WHERE solicitud_id = :id", s.solicitudId())
                    .flatMap(pagos -> {
                        if (pagos == 0) {
                            return Mono.error(ApiException.conflict(
                                    "Debe existir al menos un pago registrado para cerrar la solicitud"));
                        }
                        if (s.medicoPersonaId() == null) {
                            return Mono.error(ApiException.conflict(
                                    "Debe haber un medico asignado para cerrar la solicitud"));
                        }
                        return close(s, comentario, user.userId(), now, Mono.empty());
                    });
        });
    }

    Mono<SolicitudDetail> cancelar(int solicitudId, String comentario, CurrentUser user) {
        return act(solicitudId, Accion.CANCELAR, user, (s, now) -> {
            if ("CANCELADO".equals(s.estadoAtencion())) {
                return Mono.error(ApiException.conflict("Solicitud ya esta CANCELADA"));
            }
            return cancel(s, comentario, comentario, user.userId(), now, Mono.empty());
        });
    }

    /**
     * OVERRIDE (§5.10, §10 #31): the sub-action skips state preconditions but keeps R10, validation and audit.
     * The {@code override} historial row comes first; the {@code solicitud.overridden} event precedes the
     * sub-action's own event (docs/events.md) and, like it, carries the state after the whole override.
     */
    Mono<SolicitudDetail> override(int solicitudId, OverrideRequest request, CurrentUser user) {
        return act(solicitudId, Accion.OVERRIDE, user, (s, now) -> {
            int userId = user.userId();
            String estadoAntes = s.estado().name();
            Mono<Void> audit = historial.write(s.solicitudId(), userId, now,
                    List.of(new Cambio("override", estadoAntes, "true", request.motivo())));
            Mono<Void> overridden = Mono.defer(() -> events.overridden(s.solicitudId(), userId, now,
                    request.accion(), request.motivo(), estadoAntes));
            Mono<LockedSolicitud> sub = switch (request.accion()) {
                case "EDITAR_DATOS" -> Mono.fromCallable(() -> EdicionRequest.read(request.payload(), true, "payload."))
                        .flatMap(edit -> checkServicio(edit.servicioId(), "payload.servicio_id")
                                .then(editor.apply(s, edit, userId, now)))
                        .flatMap(cambios -> historial.write(s.solicitudId(), userId, now, cambios)
                                .then(overridden)
                                .then(cambios.isEmpty() ? Mono.empty() : events.edited(s.solicitudId(), userId, now, cambios))
                                .thenReturn(s));
                case "CAMBIAR_GESTOR" -> payloadId(request, "persona_id_gestor").flatMap(personaId ->
                        assignment(s, "GESTOR", personaId, "override_cambiar_gestor", "payload.persona_id_gestor", true,
                                userId, now, overridden));
                case "CAMBIAR_MEDICO" -> payloadId(request, "persona_id_medico").flatMap(personaId ->
                        assignment(s, "MEDICO", personaId, "override_cambiar_medico", "payload.persona_id_medico", true,
                                userId, now, overridden));
                case "REGISTRAR_PAGO" -> Mono.fromCallable(() -> {
                    FieldReader r = new FieldReader(request.payload(), "payload.");
                    PagoInput pago = PagoInput.read(r);
                    r.validate();
                    return pago;
                }).flatMap(pago -> pago(s, pago, userId, now, overridden));
                case "CERRAR" -> close(s, null, userId, now, overridden);
                default -> cancel(s, null, request.motivo(), userId, now, overridden);
            };
            return audit.then(sub);
        });
    }

    private Mono<SolicitudDetail> act(int solicitudId, Accion accion, CurrentUser user,
                                      Step step) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return locks.lock(solicitudId)
                .flatMap(s -> {
                    EstadoOperativo estado = s.estado();
                    if (!policy.allows(user.roles(), estado, accion)) {
                        return Mono.error(ApiException.forbidden(
                                "Accion '" + accion.name() + "' no permitida en estado '" + estado.name() + "'"));
                    }
                    return step.run(s, now).flatMap(after -> locks.save(after, user.userId(), now));
                })
                .then(Mono.defer(() -> queries.detail(solicitudId, user)))
                .as(tx::transactional)
                .retryWhen(DeadlockRetry.of(accion.name() + " solicitud_id=" + solicitudId));
    }

    /**
     * @param beforeEvent runs after the writes, right before the action's event (an override's own event)
     * @return the solicitud as the assignment leaves it
     */
    private Mono<LockedSolicitud> assignment(LockedSolicitud s, String rol, int personaId, String campo,
                                             String field, boolean viaOverride, int userId, LocalDateTime now,
                                             Mono<Void> beforeEvent) {
        return asignador.checkAssignable(personaId, rol, field)
                .flatMap(nombre -> asignador.assign(s.solicitudId(), personaId, rol, userId, now)
                        .flatMap(prev -> historial.write(s.solicitudId(), userId, now,
                                        List.of(Cambio.of(campo, prev.nombre(), nombre)))
                                .then(beforeEvent)
                                .then(events.assigned(s.solicitudId(), userId, now, rol, campo, prev, personaId,
                                        nombre, viaOverride))
                                .thenReturn(s.conAsignado(rol, personaId))));
    }

    private Mono<LockedSolicitud> pago(LockedSolicitud s, PagoInput pago, int userId, LocalDateTime now,
                                       Mono<Void> beforeEvent) {
        List<Cambio> cambios = new ArrayList<>();
        cambios.add(Cambio.of("pago_registrado", null, Formats.money(pago.monto())));
        if (!"PAGADO".equals(s.estadoPago())) {
            cambios.add(Cambio.of("estado_pago", s.estadoPago(), "PAGADO"));
        }
        DatabaseClient.GenericExecuteSpec insert = db.sql("INSERT INTO pago_solicitud (solicitud_id, canal_pago, "
                        + "fecha_pago, monto, moneda, referencia_transaccion, comentario, validated_by, validated_at, "
                        + "created_by, created_at, updated_at) VALUES (:id, :canal, :fecha, :monto, :moneda, :ref, "
                        + ":comentario, :userId, :now, :userId, :now, :now)")
                .bind("id", s.solicitudId()).bind("canal", pago.canalPago()).bind("fecha", pago.fechaPago())
                .bind("monto", pago.monto()).bind("moneda", pago.moneda())
                .bind("userId", userId).bind("now", now);
        insert = Binds.nullable(insert, "ref", pago.referenciaTransaccion());
        insert = Binds.nullable(insert, "comentario", pago.comentario());
        return insert.filter(st -> st.returnGeneratedValues("pago_id"))
                .map((row, meta) -> ((Number) row.get(0)).intValue())
                .one()
                .flatMap(pagoId -> db.sql("UPDATE solicitud_cmep SET estado_pago = 'PAGADO' WHERE solicitud_id = :id")
                        .bind("id", s.solicitudId()).then()
                        .then(historial.write(s.solicitudId(), userId, now, cambios))
                        .then(beforeEvent)
                        .then(events.paymentRegistered(s.solicitudId(), userId, now, pagoId, pago, s.estadoPago()))
                        .thenReturn(s.pagada()));
    }

    private Mono<LockedSolicitud> close(LockedSolicitud s, String comentario, int userId, LocalDateTime now,
                                        Mono<Void> beforeEvent) {
        return db.sql("UPDATE solicitud_cmep SET estado_atencion = 'ATENDIDO', fecha_cierre = :now, cerrado_por = :userId "
                        + "WHERE solicitud_id = :id")
                .bind("now", now).bind("userId", userId).bind("id", s.solicitudId())
                .then()
                .then(historial.write(s.solicitudId(), userId, now,
                        List.of(new Cambio("estado_atencion", s.estadoAtencion(), "ATENDIDO", comentario))))
                .then(beforeEvent)
                .then(events.closed(s.solicitudId(), userId, now))
                .thenReturn(s.conAtencion("ATENDIDO"));
    }

    /**
     * @param comentario the historial comment (the request's comentario; none for an override)
     * @param motivo     the new motivo_cancelacion when non-empty (otherwise the column keeps its value)
     */
    private Mono<LockedSolicitud> cancel(LockedSolicitud s, String comentario, String motivo, int userId,
                                         LocalDateTime now, Mono<Void> beforeEvent) {
        boolean setMotivo = motivo != null && !motivo.isBlank();
        DatabaseClient.GenericExecuteSpec update = db.sql("UPDATE solicitud_cmep SET estado_atencion = 'CANCELADO', "
                        + "fecha_cancelacion = :now, cancelado_por = :userId"
                        + (setMotivo ? ", motivo_cancelacion = :motivo" : "") + " WHERE solicitud_id = :id")
                .bind("now", now).bind("userId", userId).bind("id", s.solicitudId());
        if (setMotivo) {
            update = update.bind("motivo", motivo);
        }
        return update.then()
                .then(historial.write(s.solicitudId(), userId, now,
                        List.of(new Cambio("estado_atencion", s.estadoAtencion(), "CANCELADO", comentario))))
                .then(beforeEvent)
                .then(events.cancelled(s.solicitudId(), userId, now, setMotivo ? motivo : null))
                .thenReturn(s.conAtencion("CANCELADO"));
    }

    /** The persona id of an override's payload: missing or falsy (null, 0, false, "") → 422 (api.md §7.5). */
    private Mono<Integer> payloadId(OverrideRequest request, String name) {
        return Mono.fromCallable(() -> {
            tools.jackson.databind.JsonNode value = request.payload().get(name);
            boolean falsy = value == null || value.isNull()
                    || (value.isNumber() && value.asDouble() == 0)
                    || (value.isBoolean() && !value.asBoolean())
                    || (value.isString() && value.asString().isEmpty());
            if (falsy) {
                throw ApiException.validation("payload debe incluir " + name, "payload." + name,
                        "payload debe incluir " + name);
            }
            FieldReader r = new FieldReader(request.payload(), "payload.");
            Integer id = r.requiredId(name);
            r.validate();
            return id;
        });
    }

    Mono<Void> checkServicio(Integer servicioId, String field) {
        if (servicioId == null) {
            return Mono.empty();
        }
        return count("SELECT COUNT(*) FROM servicios WHERE servicio_id = :id", servicioId)
                .flatMap(n -> n > 0 ? Mono.<Void>empty()
                        : Mono.error(ApiException.validation(field, "No existe el servicio " + servicioId)));
    }

    private Mono<Long> count(String sql, int id) {
        return db.sql(sql).bind("id", id).map((row, meta) -> ((Number) row.get(0)).longValue()).one();
    }

    /** An action's own checks and writes; yields the solicitud as the action leaves it. */
    @FunctionalInterface
    private interface Step {
        Mono<LockedSolicitud> run(LockedSolicitud solicitud, LocalDateTime now);
    }

    /** The validated top level of an override body; the payload is validated by the sub-action. */
    record OverrideRequest(String motivo, String accion, ObjectNode payload) {

        static final List<String> ACCIONES = List.of("EDITAR_DATOS", "CAMBIAR_GESTOR", "CAMBIAR_MEDICO",
                "REGISTRAR_PAGO", "CERRAR", "CANCELAR");

        static OverrideRequest read(ObjectNode body, JsonMapper mapper) {
            FieldReader r = new FieldReader(body);
            String motivo = r.requiredString("motivo", 1, 10_000);
            String accion = r.requiredEnum("accion", ACCIONES);
            ObjectNode payload = null;
            if (body.has("payload") && !body.get("payload").isNull()) {
                if (body.get("payload").isObject()) {
                    payload = (ObjectNode) body.get("payload");
                } else {
                    r.error("payload", "Debe ser un objeto");
                }
            }
            r.validate();
            return new OverrideRequest(motivo, accion, payload == null ? mapper.createObjectNode() : payload);
        }
    }
}
