package pe.cmep.gateway.solicitud;

import java.util.ArrayList;
import java.util.List;
import pe.cmep.events.EstadoAtencion;
import pe.cmep.events.EstadoOperativo;
import pe.cmep.events.EstadoPago;
import pe.cmep.events.GestorAssigned;
import pe.cmep.events.GestorChanged;
import pe.cmep.events.MedicoAssigned;
import pe.cmep.events.MedicoChanged;
import pe.cmep.events.PaymentRegistered;
import pe.cmep.events.SolicitudCancelled;
import pe.cmep.events.SolicitudClosed;
import pe.cmep.events.SolicitudEdited;
import pe.cmep.events.SolicitudEventPayload;
import pe.cmep.events.SolicitudOverridden;
import pe.cmep.events.SolicitudState;
import pe.cmep.gateway.persona.PersonaBloqueada;
import pe.cmep.gateway.web.ApiException;

/**
 * The solicitud aggregate: the row as a locked read found it, with its vigente assignments. Each workflow action
 * checks its preconditions here (422/409 with the messages of api.md and domain.md) and returns a
 * {@link Transicion}: the solicitud after it, its historial rows, the other rows to write and its events. The
 * policy (403) is checked by the caller before; an override's sub-action skips the state preconditions (§10 #31).
 */
record Solicitud(int id, int clienteId, Integer apoderadoId, EstadoAtencion atencion, EstadoPago pago,
                 DatosSolicitud datos, List<AsignacionVigente> vigentes, boolean tienePagos, Desenlace desenlace) {

    static final String PAGO_ANTES_DE_MEDICO = "La solicitud debe estar pagada para asignar medico";

    Solicitud {
        vigentes = List.copyOf(vigentes);
    }

    EstadoOperativo estado() {
        return EstadoOperativo.derive(atencion, pago, asignado(RolAsignacion.GESTOR) != null,
                asignado(RolAsignacion.MEDICO) != null);
    }

    /** The newest vigente assignment of the role, or null. */
    AsignacionVigente asignado(RolAsignacion rol) {
        AsignacionVigente last = null;
        for (AsignacionVigente a : vigentes) {
            if (a.rol() == rol) {
                last = a;
            }
        }
        return last;
    }

    /** The state an event carries: this solicitud as the change leaves it, updated at the change's time. */
    SolicitudState estadoEvento(Actor actor) {
        AsignacionVigente gestor = asignado(RolAsignacion.GESTOR);
        AsignacionVigente medico = asignado(RolAsignacion.MEDICO);
        return new SolicitudState(atencion.name(), pago.name(), estado().name(),
                gestor == null ? null : gestor.personaId(), medico == null ? null : medico.personaId(),
                actor.instante());
    }

    /**
     * ASIGNAR/CAMBIAR GESTOR/MEDICO (domain.md §5.3), directly or through an override: payment before a doctor
     * (not for an override), then R10 on {@code candidato} (null when the persona has no employee row of the role).
     */
    Transicion asignar(AccionSolicitud accion, int personaId, Candidato candidato, boolean viaOverride) {
        RolAsignacion rol = accion.rol();
        String field = (viaOverride ? "payload." : "") + accion.campoPersona();
        if (rol == RolAsignacion.MEDICO && !viaOverride && pago != EstadoPago.PAGADO) {
            throw ApiException.validation(PAGO_ANTES_DE_MEDICO, field, PAGO_ANTES_DE_MEDICO);
        }
        String nombre = Asignabilidad.nombre(rol, personaId, candidato, field);
        AsignacionVigente previo = asignado(rol);
        Integer previoId = previo == null ? null : previo.personaId();
        String previoNombre = previo == null ? null
                : previo.nombre() == null ? String.valueOf(previo.personaId()) : previo.nombre();
        List<AsignacionVigente> despues = new ArrayList<>();
        List<Integer> cerrar = new ArrayList<>();
        for (AsignacionVigente a : vigentes) {
            if (a.rol() == rol) {
                cerrar.add(a.asignacionId());
            } else {
                despues.add(a);
            }
        }
        despues.add(new AsignacionVigente(0, rol, personaId, nombre));
        String campo = viaOverride ? accion.campoOverride() : accion.campo();
        EventoSolicitud evento = (state, pagoId) -> asignacionEvento(accion, personaId, nombre, previoId,
                previoNombre, viaOverride, state);
        return new Transicion(conVigentes(despues), List.of(Cambio.of(campo, previoNombre, nombre)),
                List.of(new Escritura.NuevaAsignacion(rol, personaId, cerrar)), List.of(evento));
    }

    private static SolicitudEventPayload asignacionEvento(AccionSolicitud accion, int personaId, String nombre,
                                                          Integer previoId, String previoNombre, boolean viaOverride,
                                                          SolicitudState state) {
        return switch (accion.evento()) {
            case GESTOR_ASSIGNED -> new GestorAssigned(personaId, nombre, previoId, previoNombre, viaOverride, state);
            case GESTOR_CHANGED -> new GestorChanged(personaId, nombre, previoId, previoNombre, viaOverride, state);
            case MEDICO_ASSIGNED -> new MedicoAssigned(personaId, nombre, previoId, previoNombre, viaOverride, state);
            case MEDICO_CHANGED -> new MedicoChanged(personaId, nombre, previoId, previoNombre, viaOverride, state);
            default -> throw new IllegalArgumentException(accion + " is not an assignment");
        };
    }

    /** REGISTRAR_PAGO (§5.4): always allowed by the policy's states; the first payment makes it PAGADO. */
    Transicion registrarPago(PagoInput nuevo) {
        List<Cambio> cambios = new ArrayList<>();
        cambios.add(Cambio.of(AccionSolicitud.REGISTRAR_PAGO.campo(), null, Formats.money(nuevo.monto())));
        if (pago != EstadoPago.PAGADO) {
            cambios.add(Cambio.of("estado_pago", pago.name(), EstadoPago.PAGADO.name()));
        }
        String anterior = pago.name();
        EventoSolicitud evento = (state, pagoId) -> new PaymentRegistered(pagoId, nuevo.canalPago(),
                nuevo.fechaPago(), nuevo.monto(), nuevo.moneda(), anterior, state);
        Solicitud despues = new Solicitud(id, clienteId, apoderadoId, atencion, EstadoPago.PAGADO, datos, vigentes,
                true, desenlace);
        return new Transicion(despues, cambios, List.of(new Escritura.NuevoPago(nuevo)), List.of(evento));
    }

    /** CERRAR (§5.6): not twice, not cancelled, with a payment and a doctor; an override skips all four. */
    Transicion cerrar(String comentario, Actor actor, boolean viaOverride) {
        if (!viaOverride) {
            if (atencion == EstadoAtencion.ATENDIDO) {
                throw ApiException.conflict("Solicitud ya esta ATENDIDA");
            }
            if (atencion == EstadoAtencion.CANCELADO) {
                throw ApiException.conflict("Solicitud ya esta CANCELADA");
            }
            if (!tienePagos) {
                throw ApiException.conflict("Debe existir al menos un pago registrado para cerrar la solicitud");
            }
            if (asignado(RolAsignacion.MEDICO) == null) {
                throw ApiException.conflict("Debe haber un medico asignado para cerrar la solicitud");
            }
        }
        Solicitud despues = new Solicitud(id, clienteId, apoderadoId, EstadoAtencion.ATENDIDO, pago, datos, vigentes,
                tienePagos, desenlace.cerrada(actor));
        return new Transicion(despues, List.of(new Cambio(AccionSolicitud.CERRAR.campo(), atencion.name(),
                EstadoAtencion.ATENDIDO.name(), comentario)), List.of(), List.of((state, pagoId) -> new SolicitudClosed(state)));
    }

    /**
     * CANCELAR (§5.7): not twice (not for an override).
     *
     * @param comentario the historial comment (the request's comentario; none for an override)
     * @param motivo     the new motivo_cancelacion when not blank (otherwise the column keeps its value)
     */
    Transicion cancelar(String comentario, String motivo, Actor actor, boolean viaOverride) {
        if (!viaOverride && atencion == EstadoAtencion.CANCELADO) {
            throw ApiException.conflict("Solicitud ya esta CANCELADA");
        }
        String nuevoMotivo = motivo == null || motivo.isBlank() ? null : motivo;
        Solicitud despues = new Solicitud(id, clienteId, apoderadoId, EstadoAtencion.CANCELADO, pago, datos,
                vigentes, tienePagos, desenlace.cancelada(actor, nuevoMotivo));
        return new Transicion(despues, List.of(new Cambio(AccionSolicitud.CANCELAR.campo(), atencion.name(),
                EstadoAtencion.CANCELADO.name(), comentario)), List.of(),
                List.of((state, pagoId) -> new SolicitudCancelled(nuevoMotivo, state)));
    }

    /**
     * EDITAR_DATOS (§5.2): a field changes only when its text form differs, each change is one historial row and
     * an edit that changes nothing writes nothing (no updated_at, no event).
     *
     * @param cliente   the cliente's fields, read under lock; null when the edit names none
     * @param apoderado the apoderado's fields, read under lock; null when there is none or the edit names none
     */
    Transicion editar(EdicionRequest edicion, PersonaBloqueada cliente, PersonaBloqueada apoderado) {
        List<Cambio> cambios = new ArrayList<>();
        DatosSolicitud nuevos = datos;
        for (EdicionRequest.Edit edit : edicion.solicitud()) {
            if (cambia(datos.texto(edit.column()), edit, "", cambios)) {
                nuevos = nuevos.con(edit);
            }
        }
        List<Escritura> escrituras = new ArrayList<>();
        editarPersona(cliente, edicion.cliente(), "cliente.", cambios, escrituras);
        editarPersona(apoderado, edicion.apoderado(), "apoderado.", cambios, escrituras);
        if (cambios.isEmpty()) {
            return Transicion.ninguna(this);
        }
        List<SolicitudEdited.Change> changes = cambios.stream()
                .map(c -> new SolicitudEdited.Change(c.campo(), c.valorAnterior(), c.valorNuevo()))
                .toList();
        Solicitud despues = new Solicitud(id, clienteId, apoderadoId, atencion, pago, nuevos, vigentes, tienePagos,
                desenlace);
        return new Transicion(despues, cambios, escrituras, List.of((state, pagoId) -> new SolicitudEdited(changes, state)));
    }

    private static void editarPersona(PersonaBloqueada persona, List<EdicionRequest.Edit> edits, String prefijo,
                                      List<Cambio> cambios, List<Escritura> escrituras) {
        if (persona == null || edits.isEmpty()) {
            return;
        }
        List<EdicionRequest.Edit> cambiados = new ArrayList<>();
        for (EdicionRequest.Edit edit : edits) {
            if (cambia(persona.texto(edit.column()), edit, prefijo, cambios)) {
                cambiados.add(edit);
            }
        }
        if (!cambiados.isEmpty()) {
            escrituras.add(new Escritura.EdicionPersona(persona.personaId(), cambiados));
        }
    }

    private static boolean cambia(String anterior, EdicionRequest.Edit edit, String prefijo, List<Cambio> cambios) {
        String nuevo = edit.text();
        if (anterior == null ? nuevo == null : anterior.equals(nuevo)) {
            return false;
        }
        cambios.add(Cambio.of(prefijo + edit.column(), anterior, nuevo));
        return true;
    }

    /**
     * OVERRIDE (§5.10): the {@code override} historial row and the {@code solicitud.overridden} event come before
     * the sub-action's own, and both events carry the state after the whole override.
     */
    Transicion override(AccionOverride accion, String motivo, Transicion subAccion) {
        String estadoAntes = estado().name();
        Transicion auditoria = new Transicion(this,
                List.of(new Cambio(AccionSolicitud.OVERRIDE.campo(), estadoAntes, "true", motivo)), List.of(),
                List.of((state, pagoId) -> new SolicitudOverridden(accion.name(), motivo, estadoAntes, state)));
        return auditoria.luego(subAccion);
    }

    private Solicitud conVigentes(List<AsignacionVigente> nuevos) {
        return new Solicitud(id, clienteId, apoderadoId, atencion, pago, datos, nuevos, tienePagos, desenlace);
    }
}
