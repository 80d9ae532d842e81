package pe.cmep.bench.raw;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET /admin/reportes as gateway-api runs it: the three statements of
 * {@code pe.cmep.gateway.reportes.ReportesRepository} (CIFRAS, PROMOTORES, EQUIPO over ASIGNADOS, OPERADORES and
 * ULTIMA, decision 43) with the period label of {@code Agrupacion#etiqueta}, no estado filter. The API runs them
 * concurrently on the pool; here they run one after the other on one connection. Their named parameters are bound
 * by name, as the API binds them.
 */
public record RawReport(LocalDate desde, LocalDate hasta, boolean semanal) implements RawEndpoint {

    static final int RANKING = 20;
    private static final Pattern NAMED = Pattern.compile(":([a-zA-Z]+)");

    static final String CIFRAS = """
            SELECT 'S' AS tipo, %1$s AS periodo, d.estado_operativo AS clave, SUM(d.solicitudes) AS valor, NULL AS fecha
            FROM reporte_dia d WHERE d.dia >= :desde AND d.dia <= :hasta
            GROUP BY periodo, d.estado_operativo HAVING SUM(d.solicitudes) <> 0
            UNION ALL
            SELECT 'P', %2$s AS periodo, p.moneda, SUM(p.monto), NULL
            FROM reporte_pago_dia p WHERE p.fecha_pago >= :desde AND p.fecha_pago <= :hasta
            GROUP BY periodo, p.moneda HAVING SUM(p.pagos) <> 0
            UNION ALL
            SELECT 'D', NULL, NULL, COALESCE(SUM(CASE WHEN x.dias_desde_anterior = 0
                    OR x.dias_desde_anterior > DATEDIFF(x.fecha_pago, :desde) THEN x.solicitudes ELSE 0 END), 0), NULL
            FROM reporte_pago_dia_solicitud x WHERE x.fecha_pago >= :desde AND x.fecha_pago <= :hasta
            UNION ALL
            SELECT 'A', NULL, NULL, NULL, MAX(e.actualizado_en) FROM reporte_estado e
            """;

    static final String PROMOTORES = """
            SELECT t.promotor_id, t.clientes, t.solicitudes, pr.tipo_promotor, pr.razon_social,
                   pr.nombre_promotor_otros, pe.nombres, pe.apellidos
            FROM (SELECT x.promotor_id,
                         SUM(CASE WHEN x.dias_desde_anterior = 0 OR x.dias_desde_anterior > DATEDIFF(x.dia, :desde)
                             THEN x.clientes ELSE 0 END) AS clientes,
                         SUM(x.solicitudes) AS solicitudes
                  FROM reporte_promotor_dia x WHERE x.dia >= :desde AND x.dia <= :hasta
                  GROUP BY x.promotor_id HAVING SUM(x.solicitudes) > 0
                  ORDER BY clientes DESC, solicitudes DESC, x.promotor_id LIMIT %d) t
            LEFT JOIN promotores pr ON pr.promotor_id = t.promotor_id
            LEFT JOIN personas pe ON pe.persona_id = pr.persona_id
            ORDER BY t.clientes DESC, t.solicitudes DESC, t.promotor_id
            """.formatted(RANKING);

    static final String ULTIMA = """
            (SELECT r.actualizado_en FROM reporte_solicitud r FORCE INDEX (%1$s)
             WHERE r.%2$s = %3$s AND r.creado_en >= :desdeInicio AND r.creado_en <= :hastaFin
             ORDER BY r.actualizado_en DESC LIMIT 1)""";

    static final String ASIGNADOS = """
            SELECT '%1$s' AS rol, t.persona_id, t.solicitudes, t.cerradas, %2$s AS ultima, pe.nombres, pe.apellidos
            FROM (SELECT e.miembro_id AS persona_id, SUM(e.solicitudes) AS solicitudes, SUM(e.cerradas) AS cerradas
                  FROM reporte_equipo_dia e WHERE e.rol = '%1$s' AND e.dia >= :desde AND e.dia <= :hasta
                  GROUP BY e.miembro_id HAVING SUM(e.solicitudes) > 0
                  ORDER BY solicitudes DESC, persona_id LIMIT %3$d) t
            LEFT JOIN personas pe ON pe.persona_id = t.persona_id
            """;

    static final String OPERADORES = """
            SELECT 'OPERADOR' AS rol, t.persona_id, t.solicitudes, t.cerradas,
                   (SELECT MAX(%1$s) FROM users uo
                    JOIN user_role uro ON uro.user_id = uo.user_id AND uro.user_role = 'OPERADOR'
                    WHERE uo.persona_id = t.persona_id) AS ultima,
                   pe.nombres, pe.apellidos
            FROM (SELECT u.persona_id, SUM(e.solicitudes) AS solicitudes, SUM(e.cerradas) AS cerradas
                  FROM reporte_equipo_dia e
                  JOIN users u ON u.user_id = e.miembro_id
                  JOIN user_role ur ON ur.user_id = u.user_id AND ur.user_role = 'OPERADOR'
                  WHERE e.rol = 'OPERADOR' AND e.dia >= :desde AND e.dia <= :hasta
                  GROUP BY u.persona_id HAVING SUM(e.solicitudes) > 0
                  ORDER BY solicitudes DESC, persona_id LIMIT %2$d) t
            LEFT JOIN personas pe ON pe.persona_id = t.persona_id
            """;

    static final String EQUIPO = """
            %s
            UNION ALL
            %s
            UNION ALL
            %s
            ORDER BY rol, solicitudes DESC, persona_id
            """.formatted(
            ASIGNADOS.formatted("GESTOR", ULTIMA.formatted("ix_reporte_solicitud_gestor", "gestor_persona_id",
                    "t.persona_id"), RANKING).strip(),
            ASIGNADOS.formatted("MEDICO", ULTIMA.formatted("ix_reporte_solicitud_medico", "medico_persona_id",
                    "t.persona_id"), RANKING).strip(),
            OPERADORES.formatted(ULTIMA.formatted("ix_reporte_solicitud_operador", "creado_por", "uo.user_id"),
                    RANKING).strip());

    /** {@code Agrupacion#etiqueta}. */
    static String etiqueta(boolean semanal, String column) {
        return semanal ? "CONCAT(DATE_FORMAT(" + column + ", '%Y'), '-W', LPAD(WEEK(" + column + ", 1), 2, '0'))"
                : "DATE_FORMAT(" + column + ", '%Y-%m')";
    }

    List<String> statements() {
        return List.of(CIFRAS.formatted(etiqueta(semanal, "d.dia"), etiqueta(semanal, "p.fecha_pago")), PROMOTORES,
                EQUIPO);
    }

    private Object value(String name) {
        return switch (name) {
            case "desde" -> desde;
            case "hasta" -> hasta;
            case "desdeInicio" -> Timestamp.valueOf(desde.atStartOfDay());
            case "hastaFin" -> Timestamp.valueOf(hasta.atTime(LocalTime.of(23, 59, 59)));
            default -> throw new IllegalArgumentException("unknown parameter :" + name);
        };
    }

    @Override
    public RawCall open(Connection connection) throws java.sql.SQLException {
        List<PreparedStatement> prepared = new ArrayList<>();
        for (String sql : statements()) {
            List<String> names = new ArrayList<>();
            Matcher m = NAMED.matcher(sql);
            while (m.find()) {
                names.add(m.group(1));
            }
            PreparedStatement p = connection.prepareStatement(NAMED.matcher(sql).replaceAll("?"));
            for (int i = 0; i < names.size(); i++) {
                p.setObject(i + 1, value(names.get(i)));
            }
            prepared.add(p);
        }
        return () -> {
            for (PreparedStatement p : prepared) {
                RawEndpoint.drain(p.executeQuery());
            }
        };
    }
}
