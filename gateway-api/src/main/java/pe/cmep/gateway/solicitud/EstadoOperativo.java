package pe.cmep.gateway.solicitud;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The workflow state of a solicitud, derived (never stored) from its estado_atencion, its
 * estado_pago and its current assignments (domain.md §3). Java and SQL derive it from the
 * same ordered rules, so the detail, the list filter, the policy checks and the reports agree.
 */
public enum EstadoOperativo {
    REGISTRADO, ASIGNADO_GESTOR, PAGADO, ASIGNADO_MEDICO, CERRADO, CANCELADO;

    private static final Pattern SQL_ALIAS = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

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

    /**
     * The rules of {@link #derive} as a SQL CASE expression (MySQL 8 and MariaDB alike) over the
     * {@code solicitud_cmep} row named {@code solicitudAlias}, yielding the state's name. It can be
     * used in a SELECT list and in a WHERE clause, so a list filters before paging (domain.md §10 #4).
     *
     * @param solicitudAlias the alias of {@code solicitud_cmep} in the enclosing query; it is pasted
     *                       into the SQL, so only a plain identifier is accepted
     */
    public static String sqlExpression(String solicitudAlias) {
        if (solicitudAlias == null || !SQL_ALIAS.matcher(solicitudAlias).matches()) {
            throw new IllegalArgumentException("Not a SQL alias: " + solicitudAlias);
        }
        String s = solicitudAlias;
        return "(CASE"
                + " WHEN " + s + ".estado_atencion = 'CANCELADO' THEN 'CANCELADO'"
                + " WHEN " + s + ".estado_atencion = 'ATENDIDO' THEN 'CERRADO'"
                + " WHEN " + s + ".estado_pago = 'PAGADO' AND " + vigente(s, "MEDICO") + " THEN 'ASIGNADO_MEDICO'"
                + " WHEN " + s + ".estado_pago = 'PAGADO' THEN 'PAGADO'"
                + " WHEN " + vigente(s, "GESTOR") + " THEN 'ASIGNADO_GESTOR'"
                + " ELSE 'REGISTRADO' END)";
    }

    /** Exact names only, as the API's enums are case-sensitive; null or anything else is empty. */
    public static Optional<EstadoOperativo> parse(String value) {
        return Arrays.stream(values()).filter(e -> e.name().equals(value)).findFirst();
    }

    // The sub-query's alias is unusual on purpose, so it never shadows an alias of the enclosing query.
    private static String vigente(String s, String rol) {
        String a = "eo_" + rol.toLowerCase(Locale.ROOT);
        return "EXISTS (SELECT 1 FROM solicitud_asignacion " + a + " WHERE " + a + ".solicitud_id = " + s
                + ".solicitud_id AND " + a + ".rol = '" + rol + "' AND " + a + ".es_vigente = 1)";
    }
}
