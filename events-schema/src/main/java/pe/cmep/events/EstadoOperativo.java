package pe.cmep.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The workflow state of a solicitud, derived from its estado_atencion, its estado_pago and its current (vigente)
 * assignments (domain.md §3). It lives here because both sides of the solicitud events need the one rule: gateway-api
 * derives it for the policy, the detail and the list column, and reporting derives it when it rebuilds the
 * aggregates from the source tables. {@link #derive} and its SQL twin {@link #sqlCase} are the only copies; a test
 * holds them equal on every combination.
 */
public enum EstadoOperativo {
    REGISTRADO, ASIGNADO_GESTOR, PAGADO, ASIGNADO_MEDICO, CERRADO, CANCELADO;

    /** domain.md §3: the first matching rule wins. */
    public static EstadoOperativo derive(EstadoAtencion atencion, EstadoPago pago, boolean tieneGestor,
                                         boolean tieneMedico) {
        if (atencion == EstadoAtencion.CANCELADO) {
            return CANCELADO;
        }
        if (atencion == EstadoAtencion.ATENDIDO) {
            return CERRADO;
        }
        boolean pagado = pago == EstadoPago.PAGADO;
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

    /** {@link #derive} on the stored texts; a text that names no value matches no rule, as in SQL. */
    public static EstadoOperativo derive(String atencion, String pago, boolean tieneGestor, boolean tieneMedico) {
        return derive(parse(EstadoAtencion.class, atencion), parse(EstadoPago.class, pago), tieneGestor, tieneMedico);
    }

    /**
     * The SQL twin of {@link #derive}: a CASE expression over the four given column expressions (the gestor and
     * medico ones are persona ids, NULL when there is no vigente assignment). Portable to MySQL 8 and MariaDB.
     */
    public static String sqlCase(String atencion, String pago, String gestor, String medico) {
        return """
                CASE WHEN %1$s = 'CANCELADO' THEN 'CANCELADO' \
                WHEN %1$s = 'ATENDIDO' THEN 'CERRADO' \
                WHEN %2$s = 'PAGADO' AND %4$s IS NOT NULL THEN 'ASIGNADO_MEDICO' \
                WHEN %2$s = 'PAGADO' THEN 'PAGADO' \
                WHEN %3$s IS NOT NULL THEN 'ASIGNADO_GESTOR' ELSE 'REGISTRADO' END"""
                .formatted(atencion, pago, gestor, medico);
    }

    /** Exact names only, as the API's enums are case-sensitive; null or anything else is empty. */
    public static Optional<EstadoOperativo> parse(String value) {
        return Arrays.stream(values()).filter(e -> e.name().equals(value)).findFirst();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(null);
    }
}
