package pe.cmep.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The aggregate tables as {@link ReportCheck} compares them: every row as text, in key order; the row tables without
 * the time each side stamps ({@code actualizado_en}), the daily tables without rows whose figures are all zero.
 */
final class ReportCheckRepository {

    private static final Map<String, String> ROW_TABLES = Map.of(
            "reporte_solicitud", """
                    SELECT creado_en, solicitud_id, creado_por, cliente_id, promotor_id, estado_atencion,
                           estado_operativo, gestor_persona_id, medico_persona_id
                    FROM reporte_solicitud ORDER BY solicitud_id""",
            "reporte_pago", """
                    SELECT fecha_pago, pago_id, solicitud_id, moneda, monto FROM reporte_pago ORDER BY pago_id""");

    private final DatabaseClient db;

    ReportCheckRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Table name → its rows as text. */
    Mono<Map<String, List<String>>> tables() {
        Map<String, String> queries = new LinkedHashMap<>(ROW_TABLES);
        for (TablaDiaria t : TablaDiaria.values()) {
            List<String> columns = new ArrayList<>(t.claves);
            columns.addAll(t.cifras);
            queries.put(t.tabla, "SELECT " + String.join(", ", columns) + " FROM " + t.tabla + " WHERE "
                    + t.cifras.stream().map(c -> c + " <> 0").collect(Collectors.joining(" OR "))
                    + " ORDER BY " + String.join(", ", t.claves));
        }
        return Flux.fromIterable(queries.entrySet())
                .concatMap(q -> db.sql(q.getValue())
                        .map((row, meta) -> meta.getColumnMetadatas().stream()
                                .map(c -> String.valueOf(row.get(c.getName())))
                                .collect(Collectors.joining(" ")))
                        .all()
                        .collectList()
                        .map(rows -> Map.entry(q.getKey(), rows)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
    }
}
