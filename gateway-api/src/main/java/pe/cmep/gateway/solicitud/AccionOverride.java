package pe.cmep.gateway.solicitud;

import java.util.Arrays;
import java.util.List;

/** The sub-actions an OVERRIDE may run (api.md §7.5, domain.md §5.10), each the workflow action it runs. */
enum AccionOverride {
    EDITAR_DATOS(AccionSolicitud.EDITAR_DATOS),
    CAMBIAR_GESTOR(AccionSolicitud.CAMBIAR_GESTOR),
    CAMBIAR_MEDICO(AccionSolicitud.CAMBIAR_MEDICO),
    REGISTRAR_PAGO(AccionSolicitud.REGISTRAR_PAGO),
    CERRAR(AccionSolicitud.CERRAR),
    CANCELAR(AccionSolicitud.CANCELAR);

    static final List<String> NOMBRES = Arrays.stream(values()).map(Enum::name).toList();

    private final AccionSolicitud accion;

    AccionOverride(AccionSolicitud accion) {
        this.accion = accion;
    }

    AccionSolicitud accion() {
        return accion;
    }
}
