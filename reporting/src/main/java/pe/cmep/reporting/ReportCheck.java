package pe.cmep.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Compares the aggregates the projector keeps with what the rebuild computes from the source tables, in one
 * transaction that is rolled back: nothing changes, and both sides are read from the same snapshot. Used by the
 * system tests after a load (with redeliveries, kills and several workers) to prove the aggregates equal the SQL
 * truth. Timestamps the projector and the rebuild set differently ({@code actualizado_en}) are not compared, nor are
 * daily rows whose figures are all zero (such a row is the same as none).
 */
public final class ReportCheck {

    private static final Map<String, String> ROW_TABLES = Map.of(
            "reporte_solicitud", """
                    SELECT creado_en, solicitud_id, creado_por, cliente_id, promotor_id, estado_atencion,
                           estado_operativo, gestor_persona_id, medico_persona_id
                    FROM reporte_solicitud ORDER BY solicitud_id""",
            "reporte_pago", """
                    SELECT fecha_pago, pago_id, solicitud_id, moneda, monto FROM reporte_pago ORDER BY pago_id""");

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public ReportCheck(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /** @return per table, the rows only the projector has ("- row") and only the rebuild has ("+ row"); empty when equal */
    public Mono<Map<String, List<String>>> differences() {
        ReportRebuildRepository rebuild = new ReportRebuildRepository(db);
        return tx.execute(status -> {
                    status.setRollbackOnly();
                    return tables()
                            .flatMap(projected -> rebuild.vaciar()
                                    .then(rebuild.llenarSolicitudes())
                                    .then(rebuild.llenarPagos())
                                    .then(rebuild.llenarDiarias())
                                    .then(tables())
                                    .map(rebuilt -> compare(projected, rebuilt)));
                })
                .single();
    }

    private Mono<Map<String, List<String>>> tables() {
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

    private static Map<String, List<String>> compare(Map<String, List<String>> projected,
                                                     Map<String, List<String>> rebuilt) {
        Map<String, List<String>> differences = new LinkedHashMap<>();
        for (String table : projected.keySet()) {
            TreeSet<String> only = new TreeSet<>(projected.get(table));
            rebuilt.get(table).forEach(only::remove);
            TreeSet<String> missing = new TreeSet<>(rebuilt.get(table));
            projected.get(table).forEach(missing::remove);
            List<String> lines = new ArrayList<>();
            only.forEach(r -> lines.add("- " + r));
            missing.forEach(r -> lines.add("+ " + r));
            if (!lines.isEmpty()) {
                differences.put(table, lines);
            }
        }
        return differences;
    }
}
