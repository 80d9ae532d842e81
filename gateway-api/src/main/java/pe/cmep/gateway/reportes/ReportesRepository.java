package pe.cmep.gateway.reportes;

import io.r2dbc.spi.Row;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import pe.cmep.gateway.text.Timestamps;
import reactor.core.publisher.Mono;

/**
 * Reads what the admin report (domain.md §7) is computed from, out of the read model the workflow-worker keeps
 * (docs/reports.md, decision 43): the daily tables of V9 for every count and sum, {@code reporte_solicitud} only
 * for each ranked member's {@code ultima_actividad}, {@code reporte_estado} for the freshness. The source tables are
 * never read; names come from the small catalogues (personas, promotores, users). Three statements, whose cost
 * grows with the days of the window (times the promotores or members active on them), not with its solicitudes.
 */
@Repository
class ReportesRepository {

    static final int RANKING = 20;
    private static final String VACIO = "—";

    /**
     * Every count and sum, in one statement: per period and estado_operativo the solicitudes (S), per period and
     * currency the income (P), the distinct solicitudes with a payment (D, see V9) and the freshness (A).
     * {@code %1$s} is the period label of {@code d.dia}, {@code %2$s} that of {@code p.fecha_pago}.
     */
    private static final String CIFRAS = """
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
    /** Distinct clientes per promotor by the rule of V9's reporte_promotor_dia. */
    private static final String PROMOTORES = """
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
    /*
     * ultima_actividad: the member's solicitudes by actualizado_en, newest first, in the index of V9; the first one
     * created in the window is the MAX. It reads the member's solicitudes updated after that one, which for a window
     * ending today are few (the index is forced: without it the optimizer may read the whole window and sort).
     */
    private static final String ULTIMA = """
            (SELECT r.actualizado_en FROM reporte_solicitud r FORCE INDEX (%1$s)
             WHERE r.%2$s = %3$s AND r.creado_en >= :desdeInicio AND r.creado_en <= :hastaFin
             ORDER BY r.actualizado_en DESC LIMIT 1)""";
    /** {@code %1$s} the rol, {@code %2$s} ultima_actividad. */
    private static final String ASIGNADOS = """
            SELECT '%1$s' AS rol, t.persona_id, t.solicitudes, t.cerradas, %2$s AS ultima, pe.nombres, pe.apellidos
            FROM (SELECT e.miembro_id AS persona_id, SUM(e.solicitudes) AS solicitudes, SUM(e.cerradas) AS cerradas
                  FROM reporte_equipo_dia e WHERE e.rol = '%1$s' AND e.dia >= :desde AND e.dia <= :hasta
                  GROUP BY e.miembro_id HAVING SUM(e.solicitudes) > 0
                  ORDER BY solicitudes DESC, persona_id LIMIT %3$d) t
            LEFT JOIN personas pe ON pe.persona_id = t.persona_id
            """;
    /** domain.md §10 #9: users holding OPERADOR now, by the solicitudes they registered, grouped by their persona. */
    private static final String OPERADORES = """
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
    /** The three team rankings in one statement, each in its order. */
    private static final String EQUIPO = """
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

    private final DatabaseClient db;

    ReportesRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Everything the report is computed from, read concurrently. */
    Mono<Lectura> leer(ReporteFiltro f) {
        return Mono.zip(cifras(f), promotores(f), equipo(f))
                .map(t -> t.getT1().lectura(f, t.getT2(), t.getT3()));
    }

    private Mono<Cifras> cifras(ReporteFiltro f) {
        String sql = CIFRAS.formatted(f.agrupacion().etiqueta("d.dia"), f.agrupacion().etiqueta("p.fecha_pago"));
        return dias(f, db.sql(sql))
                .map((row, meta) -> Cifra.of(row))
                .all()
                .collectList()
                .map(Cifras::new);
    }

    /** Ties broken by solicitudes, then id, so the top 20 is one list. */
    private Mono<List<Lectura.Promotor>> promotores(ReporteFiltro f) {
        return dias(f, db.sql(PROMOTORES))
                .map((row, meta) -> new Lectura.Promotor(number(row.get("promotor_id")).intValue(),
                        nombrePromotor(row.get("tipo_promotor", String.class), row.get("nombres", String.class),
                                row.get("apellidos", String.class), row.get("razon_social", String.class),
                                row.get("nombre_promotor_otros", String.class)),
                        number(row.get("clientes")).longValue(), number(row.get("solicitudes")).longValue()))
                .all()
                .collectList();
    }

    private Mono<Reporte.RankingEquipo> equipo(ReporteFiltro f) {
        return dias(f, db.sql(EQUIPO))
                .bind("desdeInicio", f.desde().atStartOfDay())
                .bind("hastaFin", f.hasta().atTime(LocalTime.of(23, 59, 59)))
                .map((row, meta) -> Miembro.of(row))
                .all()
                .collectList()
                .map(miembros -> new Reporte.RankingEquipo(Miembro.de(miembros, "GESTOR"),
                        Miembro.de(miembros, "MEDICO"), Miembro.de(miembros, "OPERADOR")));
    }

    /*
     * The days of the window, both ends included: the same solicitudes as domain.md's
     * "created_at >= desde AND created_at < hasta + 1 day" (the daily tables hold the UTC date of created_at), and
     * answerable when hasta is 9999-12-31.
     */
    private static DatabaseClient.GenericExecuteSpec dias(ReporteFiltro f, DatabaseClient.GenericExecuteSpec spec) {
        return spec.bind("desde", f.desde()).bind("hasta", f.hasta());
    }

    /** domain.md §7.4: by promotor type, with the type's placeholder when its name is missing; blank → "—". */
    static String nombrePromotor(String tipo, String nombres, String apellidos, String razonSocial, String otros) {
        String nombre;
        if ("PERSONA".equals(tipo)) {
            nombre = nombres == null ? "Persona" : nombres + " " + apellidos;
        } else if ("EMPRESA".equals(tipo)) {
            nombre = razonSocial == null ? "Empresa" : razonSocial;
        } else {
            nombre = otros == null ? "Otro" : otros;
        }
        return nombre.isBlank() ? VACIO : nombre;
    }

    /** domain.md §7.5: "nombres apellidos", "—" when empty or unknown. */
    static String nombrePersona(String nombres, String apellidos) {
        if (nombres == null && apellidos == null) {
            return VACIO;
        }
        String nombre = (nombres == null ? "" : nombres) + " " + (apellidos == null ? "" : apellidos);
        return nombre.isBlank() ? VACIO : nombre;
    }

    private static Number number(Object value) {
        return value == null ? 0 : (Number) value;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    /** One row of {@link #CIFRAS}. */
    private record Cifra(String tipo, String periodo, String clave, BigDecimal valor, LocalDateTime fecha) {

        static Cifra of(Row row) {
            return new Cifra(row.get("tipo", String.class), row.get("periodo", String.class),
                    row.get("clave", String.class), row.get("valor") == null ? null : decimal(row.get("valor")),
                    row.get("fecha", LocalDateTime.class));
        }
    }

    /** The rows of {@link #CIFRAS}, folded into what {@link Lectura} holds. */
    private record Cifras(List<Cifra> filas) {

        Lectura lectura(ReporteFiltro f, List<Lectura.Promotor> promotores, Reporte.RankingEquipo equipo) {
            Map<String, long[]> estados = new HashMap<>();
            Map<String, Long> solicitudesPorPeriodo = new HashMap<>();
            Map<String, BigDecimal> ingresosPorPeriodo = new HashMap<>();
            Map<String, BigDecimal> porMoneda = new HashMap<>();
            long pagadas = 0;
            String actualizadoEn = null;
            for (Cifra c : filas) {
                switch (c.tipo()) {
                    case "S" -> {
                        long n = c.valor().longValueExact();
                        long[] e = estados.computeIfAbsent(c.clave(), k -> new long[2]);
                        e[0] += n;
                        e[1] += "CERRADO".equals(c.clave()) ? n : 0;
                        if (f.estado() == null || f.estado().name().equals(c.clave())) {
                            solicitudesPorPeriodo.merge(c.periodo(), n, Long::sum);
                        }
                    }
                    case "P" -> {
                        ingresosPorPeriodo.merge(c.periodo(), c.valor(), BigDecimal::add);
                        porMoneda.merge(c.clave(), c.valor(), BigDecimal::add);
                    }
                    case "D" -> pagadas = c.valor().longValueExact();
                    default -> actualizadoEn = Timestamps.format(c.fecha());
                }
            }
            BigDecimal pen = porMoneda.getOrDefault("PEN", BigDecimal.ZERO);
            BigDecimal usd = porMoneda.getOrDefault("USD", BigDecimal.ZERO);
            BigDecimal total = porMoneda.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return new Lectura(estados, solicitudesPorPeriodo, new Lectura.Pagos(pagadas, total, pen, usd),
                    ingresosPorPeriodo, promotores, equipo, actualizadoEn);
        }
    }

    /** One row of {@link #EQUIPO}. */
    private record Miembro(String rol, Reporte.MiembroItem item) {

        static Miembro of(Row row) {
            return new Miembro(row.get("rol", String.class), new Reporte.MiembroItem(
                    number(row.get("persona_id")).intValue(),
                    nombrePersona(row.get("nombres", String.class), row.get("apellidos", String.class)),
                    number(row.get("solicitudes")).longValue(), number(row.get("cerradas")).longValue(),
                    Timestamps.format(row.get("ultima", LocalDateTime.class))));
        }

        /** The statement orders them within each rol. */
        static List<Reporte.MiembroItem> de(List<Miembro> miembros, String rol) {
            return miembros.stream().filter(m -> m.rol().equals(rol)).map(Miembro::item).toList();
        }
    }
}
