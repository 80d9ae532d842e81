package pe.cmep.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pe.cmep.bench.load.Api;
import pe.cmep.bench.load.LagProbe;
import pe.cmep.bench.load.LoadRunner;
import pe.cmep.bench.load.Point;
import pe.cmep.bench.load.Points;
import pe.cmep.bench.load.Pools;
import pe.cmep.bench.load.Sessions;
import pe.cmep.bench.raw.RawEndpoint;
import pe.cmep.bench.report.BenchReport;
import pe.cmep.bench.report.ResultFiles;
import pe.cmep.bench.report.Row;
import pe.cmep.bench.seed.AfterSeed;
import pe.cmep.bench.seed.Seeder;
import pe.cmep.bench.system.Machine;
import pe.cmep.bench.system.ReportRebuild;
import pe.cmep.bench.system.Services;

/**
 * {@code ./cmep bench} (docs/performance.md): against the system the script started on the bench ports, seeds the
 * database, rebuilds the report aggregates, measures every point, then the action → report lag, the memory of each
 * process and their cold start, and prints and writes the results.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        BenchConfig config = BenchConfig.parse(args);
        Machine machine = Machine.describe(config.home());
        double systemStart = Double.parseDouble(BenchConfig.env("BENCH_SYSTEM_START_SECONDS", "0"));

        log("Seeding %,d solicitudes into %s...", config.solicitudes(), config.jdbcUrl().replaceAll("\\?.*", ""));
        Seeder.Result seeded;
        int afterSeed;
        try (Connection db = DriverManager.getConnection(config.jdbcUrl())) {
            seeded = new Seeder(db).seed(config.solicitudes());
            afterSeed = AfterSeed.run(db);
        }
        log("Seeded in %.1f s (%s); after-seed.sql: %d statements. Rebuilding the report aggregates...",
                seeded.seconds(), seeded.porEstado(), afterSeed);
        double rebuild = ReportRebuild.run(config.workflowJar(), config.home().resolve("logs/reports-rebuild.log"));
        log("Report aggregates rebuilt in %.1f s.", rebuild);

        Pools pools;
        int medico;
        try (Connection db = DriverManager.getConnection(config.jdbcUrl())) {
            pools = Pools.load(db);
            medico = single(db, "SELECT persona_id FROM users WHERE user_email = 'medico@cmep.local'");
        }
        int maxClients = Collections.max(config.readClients());
        log("Logging in %d sessions per account...", maxClients);
        Sessions sessions = Sessions.login(config.api(), maxClients);
        Api[] apis = new Api[maxClients];
        for (int i = 0; i < maxClients; i++) {
            apis[i] = new Api(config.api());
        }
        // the actions assign a gestor of the seed other than gestor@cmep.local, whose mine=true list stays as seeded
        int gestor = seeded.gestores().get(1);
        List<Point> points = new Points(config, apis, sessions, pools, gestor, medico).all().stream()
                .filter(point -> config.measures(point.endpoint())).toList();
        warmUp(config, points);
        List<Row> rows = new ArrayList<>();
        System.out.println();
        for (Point point : points) {
            for (int clients : point.clients()) {
                LoadRunner.Measured m = LoadRunner.run(clients, config.warmUp(), config.measure(), point.client());
                String note = m.exhausted() != null ? "ended early: " + m.exhausted()
                        : m.firstError() != null ? "first error: " + m.firstError() : null;
                Row row = new Row(point.endpoint(), clients, m.perSecond(), m.millis(50), m.millis(95), m.millis(99),
                        m.requests(), m.errors(), null, note);
                if (point.raw() != null) {
                    row = row.withRaw(raw(config, point.raw(), clients));
                }
                rows.add(row);
                System.out.printf(Locale.ROOT, "  %-28s %3d clients  %9.1f req/s  p50 %8.2f  p99 %8.2f ms  errors %d%s%s%n",
                        row.endpoint(), clients, row.perSecond(), row.p50(), row.p99(), row.errors(),
                        row.rawPerSecond() == null ? "" : String.format(Locale.ROOT, "  raw %.1f req/s",
                                row.rawPerSecond()), note == null ? "" : "  (" + note + ")");
            }
        }

        BenchReport.Lag lag = null;
        if (config.measures("lag")) {
            log("Action -> report lag: asignar-gestor at %d/s for %d s...", config.lagRate(), config.lag().toSeconds());
            lag = LagProbe.run(config.api(), config.jdbcUrl(), sessions, pools, gestor, config.lagRate(), config.lag());
        }

        Services services = new Services(config.home(), Map.of(
                "gateway-api", config.apiManagement(),
                "workflow-worker", config.workflowWorker(),
                "file-worker", config.fileWorker()));
        Map<String, Integer> porEstado = new LinkedHashMap<>();
        seeded.porEstado().forEach((k, v) -> porEstado.put(k.name(), v));
        BenchReport report = new BenchReport(startedAt, config.quick(), machine,
                new BenchReport.Setup(System.getenv().getOrDefault("BENCH_API_HEAP", "?"),
                        System.getenv().getOrDefault("CMEP_LOGIN_RATE_PER_SECOND", "?"),
                        seconds(config.measure()), seconds(config.warmUp()), seconds(config.raw()),
                        systemStart),
                new BenchReport.Seed(seeded.solicitudes(), porEstado, seeded.pagos(), seeded.archivos(),
                        seeded.historial(), seeded.asignaciones(), seeded.seconds(), afterSeed, rebuild),
                rows, lag, services.memory(), services.coldStarts(), systemStart + (System.nanoTime() - started) / 1e9);
        System.out.print(ResultFiles.render(report, false));
        Path written = ResultFiles.write(report, config.out());
        log("Results: %s (and .json beside it)", written);
    }

    /**
     * Every read point once, unmeasured, before the first measured one: otherwise the first points (or every point
     * of an {@code --only} run) would measure a JVM that the later points find compiled. The writes are left out:
     * each of their requests takes a seeded solicitud that the measured point needs.
     */
    private static void warmUp(BenchConfig config, List<Point> points) throws InterruptedException {
        int clients = Math.min(16, Collections.max(config.readClients()));
        log("Warming up: each read point for %.1f s at %d clients, unmeasured...", seconds(config.jvmWarmUp()),
                clients);
        for (Point point : points) {
            if (point.clients().equals(config.readClients()) && !point.endpoint().startsWith("POST")) {
                LoadRunner.run(clients, Duration.ZERO, config.jvmWarmUp(), point.client());
            }
        }
    }

    /** The same SQL straight through JDBC, one connection per client, in a tight loop; @return requests per second */
    private static double raw(BenchConfig config, RawEndpoint raw, int clients) throws InterruptedException {
        List<Connection> connections = Collections.synchronizedList(new ArrayList<>());
        try {
            LoadRunner.Measured m = LoadRunner.run(clients, config.warmUp().dividedBy(2), config.raw(), t -> {
                Connection c = DriverManager.getConnection(config.jdbcUrl());
                connections.add(c);
                RawEndpoint.RawCall call = raw.open(c);
                return call::run;
            });
            if (m.firstError() != null) {
                System.out.println("  raw: " + m.errors() + " errors, first: " + m.firstError());
            }
            return m.perSecond();
        } finally {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the run is over; a connection that does not close cleanly changes no figure
                }
            }
        }
    }

    private static int single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "\033[1;34m[bench]\033[0m " + format + "%n", args);
    }
}
