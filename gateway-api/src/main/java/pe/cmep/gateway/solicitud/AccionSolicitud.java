package pe.cmep.gateway.solicitud;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import pe.cmep.events.SolicitudEventType;
import pe.cmep.gateway.policy.Accion;

/**
 * The one table of the workflow actions: the route segment a client posts to, the policy action it needs, the
 * historial {@code campo} it writes (domain.md §5.12; an edit writes one per changed field), the event it records,
 * and for the assignments the role and the body field naming the persona. An override runs a sub-action with the
 * historial field {@code override_<accion>} where the spec gives one (§5.10).
 */
enum AccionSolicitud {
    EDITAR_DATOS(null, Accion.EDITAR_DATOS, null, SolicitudEventType.EDITED, null),
    ASIGNAR_GESTOR("asignar-gestor", Accion.ASIGNAR_GESTOR, "asignacion_gestor", SolicitudEventType.GESTOR_ASSIGNED,
            RolAsignacion.GESTOR),
    CAMBIAR_GESTOR("cambiar-gestor", Accion.CAMBIAR_GESTOR, "cambio_gestor", SolicitudEventType.GESTOR_CHANGED,
            RolAsignacion.GESTOR),
    REGISTRAR_PAGO("registrar-pago", Accion.REGISTRAR_PAGO, "pago_registrado", SolicitudEventType.PAYMENT_REGISTERED,
            null),
    ASIGNAR_MEDICO("asignar-medico", Accion.ASIGNAR_MEDICO, "asignacion_medico", SolicitudEventType.MEDICO_ASSIGNED,
            RolAsignacion.MEDICO),
    CAMBIAR_MEDICO("cambiar-medico", Accion.CAMBIAR_MEDICO, "cambio_medico", SolicitudEventType.MEDICO_CHANGED,
            RolAsignacion.MEDICO),
    CERRAR("cerrar", Accion.CERRAR, "estado_atencion", SolicitudEventType.CLOSED, null),
    CANCELAR("cancelar", Accion.CANCELAR, "estado_atencion", SolicitudEventType.CANCELLED, null),
    OVERRIDE("override", Accion.OVERRIDE, "override", SolicitudEventType.OVERRIDDEN, null);

    /** The route segments of the four assignment actions, as the controller's mapping names them. */
    static final String RUTAS_ASIGNACION = "asignar-gestor|cambiar-gestor|asignar-medico|cambiar-medico";

    private final String ruta;
    private final Accion politica;
    private final String campo;
    private final SolicitudEventType evento;
    private final RolAsignacion rol;

    AccionSolicitud(String ruta, Accion politica, String campo, SolicitudEventType evento, RolAsignacion rol) {
        this.ruta = ruta;
        this.politica = politica;
        this.campo = campo;
        this.evento = evento;
        this.rol = rol;
    }

    String ruta() {
        return ruta;
    }

    Accion politica() {
        return politica;
    }

    String campo() {
        return campo;
    }

    SolicitudEventType evento() {
        return evento;
    }

    /** GESTOR or MEDICO for the assignment actions; null for the others. */
    RolAsignacion rol() {
        return rol;
    }

    /** The body field that names the persona of an assignment: {@code persona_id_gestor} / {@code _medico}. */
    String campoPersona() {
        return rol == null ? null : "persona_id_" + rol.name().toLowerCase(Locale.ROOT);
    }

    /** The historial field of this action run by an override: {@code override_cambiar_gestor}, … */
    String campoOverride() {
        return "override_" + name().toLowerCase(Locale.ROOT);
    }

    static Optional<AccionSolicitud> deRuta(String ruta) {
        return Arrays.stream(values()).filter(a -> ruta.equals(a.ruta)).findFirst();
    }
}
