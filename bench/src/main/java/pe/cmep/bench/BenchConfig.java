package pe.cmep.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one run measures and against what: the ports of the system {@code ./cmep bench} started (its CMEP_* variables),
 * the volume to seed and the time budget of each point.
 *
 * @param readClients  the concurrencies of the read points (login, auth/me, health, list, detail, reports)
 * @param writeClients the concurrencies of the workflow actions and of the file upload/download
 * @param jvmWarmUp    unmeasured time of each read point before the first measured point
 * @param warmUp       unmeasured time before each point
 * @param measure      the measured time of each HTTP point
 * @param raw          the measured time of each JDBC point (api/raw)
 * @param lag          how long actions are sent at {@link #lagRate} per second for the lag figure
 * @param only         measure only the points whose endpoint contains one of these (and the lag if one is "lag");
 *                     empty: everything
 */
public record BenchConfig(boolean quick, int solicitudes, Path out, Path home, Path root, String api,
                          String apiManagement, String workflowWorker, String fileWorker, String jdbcUrl,
                          String workflowJar, List<Integer> readClients, List<Integer> writeClients, Duration jvmWarmUp,
                          Duration warmUp, Duration measure, Duration raw, int lagRate, Duration lag,
                          List<String> only) {

    static BenchConfig parse(String[] args) {
        boolean quick = false;
        List<String> only = List.of();
        Integer solicitudes = null;
        Path out = null;
        Path home = Path.of("target/bench/home");
        Path root = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--solicitudes" -> solicitudes = Integer.parseInt(value(args, ++i, "--solicitudes"));
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--only" -> only = List.of(value(args, ++i, "--only").split(","));
                case "--home" -> home = Path.of(value(args, ++i, "--home"));
                case "--root" -> root = Path.of(value(args, ++i, "--root"));
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + " (usage: ./cmep bench [--quick] [--solicitudes N] [--out DIR] [--only NAME,...])");
            }
        }
        if (out == null) {
            out = root.resolve("bench-results");
        }
        String host = "http://127.0.0.1:";
        String jdbc = "jdbc:mariadb://127.0.0.1:" + env("CMEP_DB_PORT", "25307") + "/" + env("CMEP_DB_NAME", "cmep_bench")
                + "?user=root&allowMultiQueries=true";
        String workflowJar = env("BENCH_WORKFLOW_JAR", root.resolve("workflow-worker/target/workflow-worker-0.1.0.jar")
                .toString());
        String api = host + env("CMEP_PORT", "25080");
        String management = host + env("CMEP_API_MANAGEMENT_PORT", "25081");
        String workflow = host + env("CMEP_WORKFLOW_WORKER_PORT", "25082");
        String file = host + env("CMEP_FILE_WORKER_PORT", "25083");
        if (quick) {
            return new BenchConfig(true, solicitudes == null ? 10_000 : solicitudes, out, home, root, api, management,
                    workflow, file, jdbc, workflowJar, List.of(1, 16), List.of(16), Duration.ofMillis(300),
                    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(500), 50, Duration.ofSeconds(3),
                    only);
        }
        return new BenchConfig(false, solicitudes == null ? 100_000 : solicitudes, out, home, root, api, management,
                workflow, file, jdbc, workflowJar, List.of(1, 16, 64), List.of(1, 16), Duration.ofSeconds(3),
                Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(3), 50, Duration.ofSeconds(20), only);
    }

    /** Whether a point (or "lag") is measured in this run. */
    boolean measures(String endpoint) {
        return only.isEmpty() || only.stream().anyMatch(endpoint::contains);
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
