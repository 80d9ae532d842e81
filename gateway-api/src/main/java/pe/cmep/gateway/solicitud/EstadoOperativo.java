package pe.cmep.gateway.solicitud;

import java.util.Arrays;
import java.util.Optional;

/**
 * The workflow state of a solicitud, derived from its estado_atencion, its estado_pago and its current assignments
 * (domain.md §3). The detail and the policy checks derive it from the live rows; every action saves the result on
 * the solicitud row (V7), where the list filters on it; the migration that added that column filled it with the
 * same rules in SQL (EstadoOperativoColumnTest holds the two equal on every combination).
 */
public enum EstadoOperativo {
    REGISTRADO, ASIGNADO_GESTOR, PAGADO, ASIGNADO_MEDICO, CERRADO, CANCELADO;

    /** domain.md §3: the first matching rule wins. */
    public static EstadoOperativo derive(String estadoAtencion, String estadoPago, boolean tieneGestor,
                                         boolean tieneMedico) {
        if ("CANCELADO".equals(estadoAtencion)) {
            return CANCELADO;
        }
        if ("ATENDIDO".equals(estadoAtencion)) {
            return CERRADO;
        }
        boolean pagado = "PAGADO".equals(estadoPago);
        if (pagado && tieneMedico) {
            return ASIGNADO_MEDICO;
        }
        if (pagado) {
            return PAGADO;
        }
        if (tieneGestor) {
            return ASIGNADO_GESTOR;
        }
        return REGISTRADO;
    }

    /** Exact names only, as the API's enums are case-sensitive; null or anything else is empty. */
    public static Optional<EstadoOperativo> parse(String value) {
        return Arrays.stream(values()).filter(e -> e.name().equals(value)).findFirst();
    }
}
