package pe.cmep.bench.raw;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * GET /admin/reportes as gateway-api runs it on main: the nine statements of
 * {@code pe.cmep.gateway.reportes.ReportesRepository} (ESTADOS, SOLICITUDES_POR_PERIODO, PAGOS, INGRESOS_POR_PERIODO,
 * PROMOTORES, MIEMBROS over ASIGNADOS for gestores and medicos and over OPERADORES, ACTUALIZADO_EN), the period label
 * of {@code Agrupacion#etiqueta}, no estado filter. The API runs them concurrently on the pool; here they run one after
 * the other on one connection.
 */
public record RawReport(LocalDate desde, LocalDate hasta, boolean semanal) implements RawEndpoint {

    static final int RANKING = 20;
    static final String W_S = "r.creado_en >= ? AND r.creado_en <= ?";
    static final String W_P = "p.fecha_pago >= ? AND p.fecha_pago <= ?";
    static final String ESTADOS = """
            SELECT r.estado_operativo, COUNT(*) AS n,
                   SUM(CASE WHEN r.estado_atencion = 'ATENDIDO' THEN 1 ELSE 0 END) AS cerradas
            FROM reporte_solicitud r WHERE %s
            GROUP BY r.estado_operativo
            """.formatted(W_S);
    static final String SOLICITUDES_POR_PERIODO = """
            SELECT %1$s AS periodo, COUNT(*) AS n
            FROM reporte_solicitud r WHERE WINDOW %2$s
            GROUP BY periodo
            """.replace("WINDOW", W_S);
    static final String PAGOS = """
            SELECT COUNT(DISTINCT p.solicitud_id) AS solicitudes,
                   COALESCE(SUM(p.monto), 0) AS total,
                   COALESCE(SUM(CASE WHEN p.moneda = 'PEN' THEN p.monto END), 0) AS pen,
                   COALESCE(SUM(CASE WHEN p.moneda = 'USD' THEN p.monto END), 0) AS usd
            FROM reporte_pago p WHERE %s
            """.formatted(W_P);
    static final String INGRESOS_POR_PERIODO = """
            SELECT %s AS periodo, SUM(p.monto) AS total
            FROM reporte_pago p WHERE WINDOW
            GROUP BY periodo
            """.replace("WINDOW", W_P);
    static final String PROMOTORES = """
            SELECT t.promotor_id, t.clientes, t.solicitudes, pr.tipo_promotor, pr.razon_social,
                   pr.nombre_promotor_otros, pe.nombres, pe.apellidos
            FROM (SELECT r.promotor_id, COUNT(DISTINCT r.cliente_id) AS clientes, COUNT(*) AS solicitudes
                  FROM reporte_solicitud r WHERE %s AND r.promotor_id IS NOT NULL
                  GROUP BY r.promotor_id ORDER BY clientes DESC, solicitudes DESC, r.promotor_id LIMIT %d) t
            LEFT JOIN promotores pr ON pr.promotor_id = t.promotor_id
            LEFT JOIN personas pe ON pe.persona_id = pr.persona_id
            ORDER BY t.clientes DESC, t.solicitudes DESC, t.promotor_id
            """.formatted(W_S, RANKING);
    static final String ASIGNADOS = """
            SELECT r.%1$s AS persona_id, COUNT(*) AS solicitudes,
                   SUM(CASE WHEN r.estado_atencion = 'ATENDIDO' THEN 1 ELSE 0 END) AS cerradas,
                   MAX(r.actualizado_en) AS ultima
            FROM reporte_solicitud r WHERE WINDOW AND r.%1$s IS NOT NULL
            GROUP BY r.%1$s
            """.replace("WINDOW", W_S);
    static final String OPERADORES = """
            SELECT u.persona_id, COUNT(*) AS solicitudes,
                   SUM(CASE WHEN r.estado_atencion = 'ATENDIDO' THEN 1 ELSE 0 END) AS cerradas,
                   MAX(r.actualizado_en) AS ultima
            FROM reporte_solicitud r
            JOIN users u ON u.user_id = r.creado_por
            JOIN user_role ur ON ur.user_id = u.user_id AND ur.user_role = 'OPERADOR'
            WHERE %s
            GROUP BY u.persona_id
            """.formatted(W_S);
    static final String MIEMBROS = """
            SELECT t.persona_id, t.solicitudes, t.cerradas, t.ultima, pe.nombres, pe.apellidos
            FROM (%s ORDER BY solicitudes DESC, persona_id LIMIT %d) t
            LEFT JOIN personas pe ON pe.persona_id = t.persona_id
            ORDER BY t.solicitudes DESC, t.persona_id
            """;
    static final String ACTUALIZADO_EN = """
            SELECT MAX(actualizado_en) AS actualizado_en FROM reporte_estado
            """;

    /** {@code Agrupacion#etiqueta}. */
    static String etiqueta(boolean semanal, String column) {
        return semanal ? "CONCAT(DATE_FORMAT(" + column + ", '%Y'), '-W', LPAD(WEEK(" + column + ", 1), 2, '0'))"
                : "DATE_FORMAT(" + column + ", '%Y-%m')";
    }

    /** The statements of one report, each with the window it binds: 's' (W_s), 'p' (W_p) or none. */
    List<String[]> statements() {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {ESTADOS, "s"});
        out.add(new String[] {SOLICITUDES_POR_PERIODO.formatted(etiqueta(semanal, "r.creado_en"), ""), "s"});
        out.add(new String[] {PAGOS, "p"});
        out.add(new String[] {INGRESOS_POR_PERIODO.formatted(etiqueta(semanal, "p.fecha_pago")), "p"});
        out.add(new String[] {PROMOTORES, "s"});
        out.add(new String[] {MIEMBROS.formatted(ASIGNADOS.formatted("gestor_persona_id").strip(), RANKING), "s"});
        out.add(new String[] {MIEMBROS.formatted(ASIGNADOS.formatted("medico_persona_id").strip(), RANKING), "s"});
        out.add(new String[] {MIEMBROS.formatted(OPERADORES.strip(), RANKING), "s"});
        out.add(new String[] {ACTUALIZADO_EN, ""});
        return out;
    }

    @Override
    public RawCall open(Connection connection) throws java.sql.SQLException {
        List<PreparedStatement> prepared = new ArrayList<>();
        for (String[] s : statements()) {
            PreparedStatement p = connection.prepareStatement(s[0]);
            if (s[1].equals("s")) {
                p.setTimestamp(1, Timestamp.valueOf(desde.atStartOfDay()));
                p.setTimestamp(2, Timestamp.valueOf(hasta.atTime(LocalTime.of(23, 59, 59))));
            } else if (s[1].equals("p")) {
                p.setObject(1, desde);
                p.setObject(2, hasta);
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
