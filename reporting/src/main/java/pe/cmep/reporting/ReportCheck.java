package pe.cmep.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Compares the aggregates the projector keeps with what the rebuild computes from the source tables, in one
 * transaction that is rolled back: nothing changes, and both sides are read from the same snapshot. Used by the
 * system tests after a load (with redeliveries, kills and several workers) to prove the aggregates equal the SQL
 * truth. Timestamps the projector and the rebuild set differently ({@code actualizado_en}) are not compared, nor are
 * daily rows whose figures are all zero (such a row is the same as none).
 */
public final class ReportCheck {

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public ReportCheck(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /** @return per table, the rows only the projector has ("- row") and only the rebuild has ("+ row"); empty when equal */
    public Mono<Map<String, List<String>>> differences() {
        ReportRebuildRepository rebuild = new ReportRebuildRepository(db);
        ReportCheckRepository aggregates = new ReportCheckRepository(db);
        return tx.execute(status -> {
                    status.setRollbackOnly();
                    return aggregates.tables()
                            .flatMap(projected -> rebuild.vaciar()
                                    .then(rebuild.llenarSolicitudes())
                                    .then(rebuild.llenarPagos())
                                    .then(rebuild.llenarDiarias())
                                    .then(aggregates.tables())
                                    .map(rebuilt -> compare(projected, rebuilt)));
                })
                .single();
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
