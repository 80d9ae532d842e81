package pe.cmep.bench.report;

import java.util.List;
import java.util.Map;
import pe.cmep.bench.system.Machine;
import pe.cmep.bench.system.Services;

/** Everything one run measured: what {@link Table} prints and {@link ResultFiles} writes. */
public record BenchReport(String startedAt, boolean quick, Machine machine, Setup setup, Seed seed, List<Row> rows,
                          Lag lag, List<Services.Memory> memory, List<Services.ColdStart> coldStarts,
                          double totalSeconds) {

    /** How the system under test was set up. */
    public record Setup(String gatewayHeap, String loginRatePerSecond, double measureSeconds, double warmUpSeconds,
                        double rawSeconds, double systemStartSeconds) {
    }

    public record Seed(int solicitudes, Map<String, Integer> porEstado, long pagos, long archivos, long historial,
                       long asignaciones, double seedSeconds, int afterSeedStatements, double rebuildSeconds) {
    }

    /**
     * Action → report lag: from the action's HTTP response to the change being in the report tables; null in a run
     * whose {@code --only} leaves it out.
     */
    public record Lag(int ratePerSecond, double seconds, int actions, int failed, int seen, int unseen, double p50Ms,
                      double p99Ms, double maxMs, String firstError) {
    }
}
