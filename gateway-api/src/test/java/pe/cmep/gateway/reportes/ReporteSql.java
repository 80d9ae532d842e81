package pe.cmep.gateway.reportes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin report computed the slow, obvious way: SQL straight over the source tables, written from the
 * definitions of domain.md §7 (and §3 for estado_operativo), without the aggregates or any code of the
 * application. The report tests compare GET /admin/reportes against it; the benchmark times it.
 *
 * <p>The spec leaves ties in the rankings unordered; this reference breaks them the way the endpoint does
 * (promotores: solicitudes desc, then id; equipo: persona id), so the top 20 is one list.
 */
public final class ReporteSql {

    static final List<String> ESTADOS = List.of("REGISTRADO", "ASIGNADO_GESTOR", "PAGADO", "ASIGNADO_MEDICO",
            "CERRADO", "CANCELADO");

    /** domain.md §3, rule by rule. */
    private static final String EO = "(CASE WHEN s.estado_atencion = 'CANCELADO' THEN 'CANCELADO' "
            + "WHEN s.estado_atencion = 'ATENDIDO' THEN 'CERRADO' "
            + "WHEN s.estado_pago = 'PAGADO' AND EXISTS (SELECT 1 FROM solicitud_asignacion m WHERE "
            + "m.solicitud_id = s.solicitud_id AND m.rol = 'MEDICO' AND m.es_vigente = 1) THEN 'ASIGNADO_MEDICO' "
            + "WHEN s.estado_pago = 'PAGADO' THEN 'PAGADO' "
            + "WHEN EXISTS (SELECT 1 FROM solicitud_asignacion g WHERE g.solicitud_id = s.solicitud_id "
            + "AND g.rol = 'GESTOR' AND g.es_vigente = 1) THEN 'ASIGNADO_GESTOR' ELSE 'REGISTRADO' END)";

    private static final String W_S = " s.created_at >= :desde AND s.created_at < :hastaExcl ";
    private static final String W_P = " p.fecha_pago >= :pDesde AND p.fecha_pago < :pHastaExcl "
            + "AND p.validated_at IS NOT NULL ";
    private static final String NOMBRE_PERSONA = "CASE WHEN pe.persona_id IS NULL "
            + "OR TRIM(CONCAT(pe.nombres, ' ', pe.apellidos)) = '' THEN '—' "
            + "ELSE CONCAT(pe.nombres, ' ', pe.apellidos) END";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final DatabaseClient db;
    private final JsonMapper json = JsonMapper.builder().build();

    public ReporteSql(DatabaseClient db) {
        this.db = db;
    }

    /** The {@code data} of the report without {@code actualizado_en}, as JSON parsed from text. */
    public JsonNode reporte(LocalDate desde, LocalDate hasta, String estado, String agrupacion) {
        String etiquetaS = etiqueta(agrupacion, "s.created_at");
        String etiquetaP = etiqueta(agrupacion, "p.fecha_pago");
        String filtroEstado = estado == null ? "" : " AND " + EO + " = '" + estado + "' ";

        long solicitudes = number("SELECT COUNT(*) FROM solicitud_cmep s WHERE" + W_S + filtroEstado, desde, hasta)
                .longValue();
        long cerradas = number("SELECT COUNT(*) FROM solicitud_cmep s WHERE" + W_S
                + "AND s.estado_atencion = 'ATENDIDO'", desde, hasta).longValue();
        BigDecimal ingresos = decimal("SELECT COALESCE(SUM(p.monto), 0) FROM pago_solicitud p WHERE" + W_P, desde, hasta);
        BigDecimal pen = decimal("SELECT COALESCE(SUM(p.monto), 0) FROM pago_solicitud p WHERE" + W_P
                + "AND p.moneda = 'PEN'", desde, hasta);
        BigDecimal usd = decimal("SELECT COALESCE(SUM(p.monto), 0) FROM pago_solicitud p WHERE" + W_P
                + "AND p.moneda = 'USD'", desde, hasta);
        BigDecimal ticket = decimal("SELECT COALESCE(ROUND(SUM(p.monto) / COUNT(DISTINCT p.solicitud_id), 2), 0) "
                + "FROM pago_solicitud p WHERE" + W_P, desde, hasta);

        ObjectNode data = json.createObjectNode();
        ObjectNode kpis = data.putObject("kpis");
        kpis.put("solicitudes", solicitudes);
        kpis.put("cerradas", cerradas);
        kpis.put("ingresos", ingresos.doubleValue());
        kpis.put("ticket_promedio", ticket.doubleValue());
        ObjectNode moneda = kpis.putObject("ingresos_por_moneda");
        moneda.put("PEN", pen.doubleValue());
        moneda.put("USD", usd.doubleValue());

        ArrayNode series = data.putArray("series");
        rows("SELECT x.periodo, SUM(x.solicitudes) AS solicitudes, SUM(x.ingresos) AS ingresos FROM ("
                + "SELECT " + etiquetaS + " AS periodo, COUNT(*) AS solicitudes, 0 AS ingresos FROM solicitud_cmep s "
                + "WHERE" + W_S + filtroEstado + "GROUP BY " + etiquetaS
                + " UNION ALL SELECT " + etiquetaP + " AS periodo, 0 AS solicitudes, SUM(p.monto) AS ingresos "
                + "FROM pago_solicitud p WHERE" + W_P + "GROUP BY " + etiquetaP
                + ") x GROUP BY x.periodo ORDER BY CAST(x.periodo AS BINARY)", desde, hasta)
                .forEach(r -> {
                    ObjectNode item = series.addObject();
                    item.put("periodo", (String) r.get("periodo"));
                    item.put("solicitudes", ((Number) r.get("solicitudes")).longValue());
                    item.put("ingresos", new BigDecimal(r.get("ingresos").toString()).doubleValue());
                });

        ArrayNode distribucion = data.putArray("distribucion");
        Map<String, Long> porEstado = new java.util.HashMap<>();
        rows("SELECT " + EO + " AS eo, COUNT(*) AS n FROM solicitud_cmep s WHERE" + W_S + "GROUP BY eo", desde, hasta)
                .forEach(r -> porEstado.put((String) r.get("eo"), ((Number) r.get("n")).longValue()));
        ESTADOS.forEach(e -> distribucion.addObject().put("estado", e).put("cantidad", porEstado.getOrDefault(e, 0L)));

        long k = solicitudes == 0 ? 1 : solicitudes;
        ArrayNode promotores = data.putArray("ranking_promotores");
        rows("SELECT s.promotor_id, COUNT(DISTINCT s.cliente_id) AS clientes, COUNT(*) AS solicitudes, "
                + "ROUND(COUNT(*) * 100 / " + k + ", 1) AS porcentaje, "
                + "CASE WHEN TRIM(CASE pr.tipo_promotor "
                + "  WHEN 'PERSONA' THEN COALESCE(CONCAT(pe.nombres, ' ', pe.apellidos), 'Persona') "
                + "  WHEN 'EMPRESA' THEN COALESCE(pr.razon_social, 'Empresa') "
                + "  ELSE COALESCE(pr.nombre_promotor_otros, 'Otro') END) = '' THEN '—' "
                + "ELSE (CASE pr.tipo_promotor "
                + "  WHEN 'PERSONA' THEN COALESCE(CONCAT(pe.nombres, ' ', pe.apellidos), 'Persona') "
                + "  WHEN 'EMPRESA' THEN COALESCE(pr.razon_social, 'Empresa') "
                + "  ELSE COALESCE(pr.nombre_promotor_otros, 'Otro') END) END AS nombre "
                + "FROM solicitud_cmep s JOIN promotores pr ON pr.promotor_id = s.promotor_id "
                + "LEFT JOIN personas pe ON pe.persona_id = pr.persona_id "
                + "WHERE" + W_S + "GROUP BY s.promotor_id, pr.tipo_promotor, pr.razon_social, "
                + "pr.nombre_promotor_otros, pe.nombres, pe.apellidos "
                + "ORDER BY clientes DESC, solicitudes DESC, s.promotor_id LIMIT 20", desde, hasta)
                .forEach(r -> promotores.addObject()
                        .put("promotor_id", ((Number) r.get("promotor_id")).intValue())
                        .put("nombre", (String) r.get("nombre"))
                        .put("clientes", ((Number) r.get("clientes")).longValue())
                        .put("solicitudes", ((Number) r.get("solicitudes")).longValue())
                        .put("porcentaje", new BigDecimal(r.get("porcentaje").toString()).doubleValue()));

        ObjectNode equipo = data.putObject("ranking_equipo");
        equipo.set("gestores", miembros("FROM solicitud_cmep s JOIN solicitud_asignacion a ON a.solicitud_id = "
                + "s.solicitud_id AND a.rol = 'GESTOR' AND a.es_vigente = 1 "
                + "LEFT JOIN personas pe ON pe.persona_id = a.persona_id WHERE" + W_S, "a.persona_id", desde, hasta));
        equipo.set("medicos", miembros("FROM solicitud_cmep s JOIN solicitud_asignacion a ON a.solicitud_id = "
                + "s.solicitud_id AND a.rol = 'MEDICO' AND a.es_vigente = 1 "
                + "LEFT JOIN personas pe ON pe.persona_id = a.persona_id WHERE" + W_S, "a.persona_id", desde, hasta));
        equipo.set("operadores", miembros("FROM solicitud_cmep s JOIN users u ON u.user_id = s.created_by "
                + "JOIN user_role ur ON ur.user_id = u.user_id AND ur.user_role = 'OPERADOR' "
                + "LEFT JOIN personas pe ON pe.persona_id = u.persona_id WHERE" + W_S, "u.persona_id", desde, hasta));
        return json.readTree(json.writeValueAsString(data));
    }

    private ArrayNode miembros(String from, String persona, LocalDate desde, LocalDate hasta) {
        ArrayNode out = json.createArrayNode();
        rows("SELECT " + persona + " AS persona_id, " + NOMBRE_PERSONA + " AS nombre, COUNT(*) AS solicitudes, "
                + "SUM(s.estado_atencion = 'ATENDIDO') AS cerradas, MAX(s.updated_at) AS ultima " + from
                + "GROUP BY " + persona + ", pe.persona_id, pe.nombres, pe.apellidos "
                + "ORDER BY solicitudes DESC, persona_id LIMIT 20", desde, hasta)
                .forEach(r -> out.addObject()
                        .put("persona_id", ((Number) r.get("persona_id")).intValue())
                        .put("nombre", (String) r.get("nombre"))
                        .put("solicitudes", ((Number) r.get("solicitudes")).longValue())
                        .put("cerradas", ((Number) r.get("cerradas")).longValue())
                        .put("ultima_actividad", r.get("ultima") == null ? null
                                : ISO.format((LocalDateTime) r.get("ultima"))));
        return out;
    }

    /** domain.md §7.2, verbatim. */
    private static String etiqueta(String agrupacion, String d) {
        return "semanal".equals(agrupacion)
                ? "CONCAT(DATE_FORMAT(" + d + ", '%Y'), '-W', LPAD(WEEK(" + d + ", 1), 2, '0'))"
                : "DATE_FORMAT(" + d + ", '%Y-%m')";
    }

    private Number number(String sql, LocalDate desde, LocalDate hasta) {
        return (Number) rows(sql, desde, hasta).get(0).values().iterator().next();
    }

    private BigDecimal decimal(String sql, LocalDate desde, LocalDate hasta) {
        return new BigDecimal(rows(sql, desde, hasta).get(0).values().iterator().next().toString());
    }

    /** Every row as column → value, read eagerly; only the binds the statement names are bound. */
    private List<Map<String, Object>> rows(String sql, LocalDate desde, LocalDate hasta) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        if (sql.contains(":desde")) {
            spec = spec.bind("desde", desde.atStartOfDay()).bind("hastaExcl", hasta.plusDays(1).atStartOfDay());
        }
        if (sql.contains(":pDesde")) {
            spec = spec.bind("pDesde", desde).bind("pHastaExcl", hasta.plusDays(1));
        }
        return spec.map((row, meta) -> {
                    Map<String, Object> values = new java.util.LinkedHashMap<>();
                    meta.getColumnMetadatas().forEach(c -> values.put(c.getName(), row.get(c.getName())));
                    return values;
                })
                .all()
                .collectList()
                .blockOptional(java.time.Duration.ofMinutes(2))
                .orElse(List.of());
    }
}
