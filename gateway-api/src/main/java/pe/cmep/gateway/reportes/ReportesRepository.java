package pe.cmep.gateway.reportes;

import io.r2dbc.spi.Row;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import pe.cmep.gateway.text.Timestamps;
import reactor.core.publisher.Mono;

/**
 * Reads what the admin report (domain.md §7) is computed from, out of the aggregates the workflow-worker keeps
 * (docs/reports.md):
 * {@code reporte_solicitud} for W_s, {@code reporte_pago} for W_p, {@code reporte_estado} for the freshness.
 * The source tables are never read; names come from the small catalogues (personas, promotores, users).
 * The independent queries run concurrently on the pool.
 */
@Repository
class ReportesRepository {

    static final int RANKING = 20;
    /*
     * domain.md §7 writes the windows as "< hasta + 1 day"; they are bound as "<= hasta" (its last second for the
     * DATETIME, which holds whole seconds) because hasta + 1 day is past what the columns hold when hasta is 9999-12-31.
     */
    private static final String W_S = """
            r.creado_en >= :desde AND r.creado_en <= :hastaFin""";
    private static final String W_P = """
            p.fecha_pago >= :pDesde AND p.fecha_pago <= :pHasta""";
    private static final String VACIO = "—";

    private static final String ESTADOS = """
            SELECT r.estado_operativo, COUNT(*) AS n,
                   SUM(CASE WHEN r.estado_atencion = 'ATENDIDO' THEN 1 ELSE 0 END) AS cerradas
            FROM reporte_solicitud r WHERE %s
            GROUP BY r.estado_operativo
            """.formatted(W_S);
    /** {@code %1$s} is the period label of {@code r.creado_en}, {@code %2$s} the optional estado condition. */
    private static final String SOLICITUDES_POR_PERIODO = """
            SELECT %1$s AS periodo, COUNT(*) AS n
            FROM reporte_solicitud r WHERE WINDOW %2$s
            GROUP BY periodo
            """.replace("WINDOW", W_S);
    private static final String PAGOS = """
            SELECT COUNT(DISTINCT p.solicitud_id) AS solicitudes,
                   COALESCE(SUM(p.monto), 0) AS total,
                   COALESCE(SUM(CASE WHEN p.moneda = 'PEN' THEN p.monto END), 0) AS pen,
                   COALESCE(SUM(CASE WHEN p.moneda = 'USD' THEN p.monto END), 0) AS usd
            FROM reporte_pago p WHERE %s
            """.formatted(W_P);
    /** {@code %s} is the period label of {@code p.fecha_pago}. */
    private static final String INGRESOS_POR_PERIODO = """
            SELECT %s AS periodo, SUM(p.monto) AS total
            FROM reporte_pago p WHERE WINDOW
            GROUP BY periodo
            """.replace("WINDOW", W_P);
    private static final String PROMOTORES = """
            SELECT t.promotor_id, t.clientes, t.solicitudes, pr.tipo_promotor, pr.razon_social,
                   pr.nombre_promotor_otros, pe.nombres, pe.apellidos
            FROM (SELECT r.promotor_id, COUNT(DISTINCT r.cliente_id) AS clientes, COUNT(*) AS solicitudes
                  FROM reporte_solicitud r WHERE %s AND r.promotor_id IS NOT NULL
                  GROUP BY r.promotor_id ORDER BY clientes DESC, solicitudes DESC, r.promotor_id LIMIT %d) t
            LEFT JOIN promotores pr ON pr.promotor_id = t.promotor_id
            LEFT JOIN personas pe ON pe.persona_id = pr.persona_id
            ORDER BY t.clientes DESC, t.solicitudes DESC, t.promotor_id
            """.formatted(W_S, RANKING);
    /** {@code %1$s} is {@code gestor_persona_id} or {@code medico_persona_id}. */
    private static final String ASIGNADOS = """
            SELECT r.%1$s AS persona_id, COUNT(*) AS solicitudes,
                   SUM(CASE WHEN r.estado_atencion = 'ATENDIDO' THEN 1 ELSE 0 END) AS cerradas,
                   MAX(r.actualizado_en) AS ultima
            FROM reporte_solicitud r WHERE WINDOW AND r.%1$s IS NOT NULL
            GROUP BY r.%1$s
            """.replace("WINDOW", W_S);
    private static final String OPERADORES = """
            SELECT u.persona_id, COUNT(*) AS solicitudes,
                   SUM(CASE WHEN r.estado_atencion = 'ATENDIDO' THEN 1 ELSE 0 END) AS cerradas,
                   MAX(r.actualizado_en) AS ultima
            FROM reporte_solicitud r
            JOIN users u ON u.user_id = r.creado_por
            JOIN user_role ur ON ur.user_id = u.user_id AND ur.user_role = 'OPERADOR'
            WHERE %s
            GROUP BY u.persona_id
            """.formatted(W_S);
    /** {@code %s} is one of the grouped queries above, by persona. */
    private static final String MIEMBROS = """
            SELECT t.persona_id, t.solicitudes, t.cerradas, t.ultima, pe.nombres, pe.apellidos
            FROM (%s ORDER BY solicitudes DESC, persona_id LIMIT %d) t
            LEFT JOIN personas pe ON pe.persona_id = t.persona_id
            ORDER BY t.solicitudes DESC, t.persona_id
            """;
    private static final String ACTUALIZADO_EN = """
            SELECT MAX(actualizado_en) AS actualizado_en FROM reporte_estado
            """;

    private final DatabaseClient db;

    ReportesRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Everything the report is computed from, read concurrently. */
    Mono<Lectura> leer(ReporteFiltro f) {
        Mono<Reporte.RankingEquipo> equipo = Mono.zip(asignados(f, "gestor_persona_id"),
                        asignados(f, "medico_persona_id"), operadores(f))
                .map(t -> new Reporte.RankingEquipo(t.getT1(), t.getT2(), t.getT3()));
        return Mono.zip(estados(f), solicitudesPorPeriodo(f), pagos(f), ingresosPorPeriodo(f), promotores(f), equipo,
                        actualizadoEn())
                .map(t -> new Lectura(t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5(), t.getT6(),
                        t.getT7().orElse(null)));
    }

    /** estado_operativo → {solicitudes, of them ATENDIDO} in W_s. */
    private Mono<Map<String, long[]>> estados(ReporteFiltro f) {
        return ventanaSolicitudes(f, db.sql(ESTADOS))
                .map((row, meta) -> EstadoFila.of(row))
                .all()
                .collectMap(EstadoFila::estado, e -> new long[] {e.solicitudes(), e.cerradas()});
    }

    private Mono<Map<String, Long>> solicitudesPorPeriodo(ReporteFiltro f) {
        String estado = f.estado() == null ? "" : "AND r.estado_operativo = :estado";
        DatabaseClient.GenericExecuteSpec spec = ventanaSolicitudes(f,
                db.sql(SOLICITUDES_POR_PERIODO.formatted(f.agrupacion().etiqueta("r.creado_en"), estado)));
        if (f.estado() != null) {
            spec = spec.bind("estado", f.estado().name());
        }
        return spec.map((row, meta) -> Periodo.of(row, "n"))
                .all()
                .collectMap(Periodo::periodo, p -> p.valor().longValue());
    }

    private Mono<Lectura.Pagos> pagos(ReporteFiltro f) {
        return ventanaPagos(f, db.sql(PAGOS))
                .map((row, meta) -> new Lectura.Pagos(number(row.get("solicitudes")).longValue(),
                        decimal(row.get("total")), decimal(row.get("pen")), decimal(row.get("usd"))))
                .one();
    }

    private Mono<Map<String, BigDecimal>> ingresosPorPeriodo(ReporteFiltro f) {
        return ventanaPagos(f, db.sql(INGRESOS_POR_PERIODO.formatted(f.agrupacion().etiqueta("p.fecha_pago"))))
                .map((row, meta) -> Periodo.of(row, "total"))
                .all()
                .collectMap(Periodo::periodo, Periodo::valor);
    }

    /** Ties broken by solicitudes, then id, so the top 20 is one list. */
    private Mono<List<Lectura.Promotor>> promotores(ReporteFiltro f) {
        return ventanaSolicitudes(f, db.sql(PROMOTORES))
                .map((row, meta) -> new Lectura.Promotor(number(row.get("promotor_id")).intValue(),
                        nombrePromotor(row.get("tipo_promotor", String.class), row.get("nombres", String.class),
                                row.get("apellidos", String.class), row.get("razon_social", String.class),
                                row.get("nombre_promotor_otros", String.class)),
                        number(row.get("clientes")).longValue(), number(row.get("solicitudes")).longValue()))
                .all()
                .collectList();
    }

    /** @param columna {@code gestor_persona_id} or {@code medico_persona_id}: the vigente assignee */
    private Mono<List<Reporte.MiembroItem>> asignados(ReporteFiltro f, String columna) {
        return miembros(f, ASIGNADOS.formatted(columna));
    }

    /** domain.md §10 #9: users holding OPERADOR, by the solicitudes they registered, grouped by their persona. */
    private Mono<List<Reporte.MiembroItem>> operadores(ReporteFiltro f) {
        return miembros(f, OPERADORES);
    }

    private Mono<List<Reporte.MiembroItem>> miembros(ReporteFiltro f, String agrupado) {
        return ventanaSolicitudes(f, db.sql(MIEMBROS.formatted(agrupado.strip(), RANKING)))
                .map((row, meta) -> new Reporte.MiembroItem(number(row.get("persona_id")).intValue(),
                        nombrePersona(row.get("nombres", String.class), row.get("apellidos", String.class)),
                        number(row.get("solicitudes")).longValue(), number(row.get("cerradas")).longValue(),
                        Timestamps.format(row.get("ultima", LocalDateTime.class))))
                .all()
                .collectList();
    }

    /** Empty when no event has been applied yet (or no rebuild has run). */
    private Mono<Optional<String>> actualizadoEn() {
        return db.sql(ACTUALIZADO_EN)
                .map((row, meta) -> Optional.ofNullable(Timestamps.format(row.get("actualizado_en", LocalDateTime.class))))
                .one()
                .defaultIfEmpty(Optional.empty());
    }

    private DatabaseClient.GenericExecuteSpec ventanaSolicitudes(ReporteFiltro f, DatabaseClient.GenericExecuteSpec spec) {
        return spec.bind("desde", f.desde().atStartOfDay()).bind("hastaFin", f.hasta().atTime(LocalTime.of(23, 59, 59)));
    }

    private DatabaseClient.GenericExecuteSpec ventanaPagos(ReporteFiltro f, DatabaseClient.GenericExecuteSpec spec) {
        return spec.bind("pDesde", f.desde()).bind("pHasta", f.hasta());
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

    /** One estado_operativo of W_s: its solicitudes and how many of them are ATENDIDO. */
    private record EstadoFila(String estado, long solicitudes, long cerradas) {

        static EstadoFila of(Row row) {
            return new EstadoFila(row.get("estado_operativo", String.class), number(row.get("n")).longValue(),
                    number(row.get("cerradas")).longValue());
        }
    }

    /** One period of a series and its figure (a count or an amount). */
    private record Periodo(String periodo, BigDecimal valor) {

        static Periodo of(Row row, String column) {
            return new Periodo(row.get("periodo", String.class), decimal(row.get(column)));
        }
    }
}
