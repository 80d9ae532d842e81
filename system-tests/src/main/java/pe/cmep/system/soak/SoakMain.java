package pe.cmep.system.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import pe.cmep.system.check.Consistency;
import pe.cmep.system.check.Metrics;
import pe.cmep.system.cluster.Cluster;
import pe.cmep.system.cluster.ClusterSettings;
import pe.cmep.system.cluster.Node;
import pe.cmep.system.cluster.Service;
import pe.cmep.system.load.LoadResult;
import pe.cmep.system.load.MixedLoad;
import pe.cmep.system.scenario.Disruptions;
import pe.cmep.system.scenario.Scenario;

/**
 * {@code ./cmep soak [minutes]} (docs/system-tests.md): the cluster of the system tests under the mixed load at a
 * steady rate for a long time, with a random disruption every few minutes (a worker or an API instance killed, the
 * queue stopped). Prints a line per minute (throughput, p99, lost answers, report lag, memory of each process) and,
 * at the end, the consistency checks; exits 1 if any check or answer failed.
 */
public final class SoakMain {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        SoakSettings settings = SoakSettings.parse(args);
        System.out.println("soak: " + settings);
        Random random = new Random(settings.seed());
        List<String> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (Cluster cluster = Cluster.start(new ClusterSettings(settings.home(),
                ClusterSettings.jarsFromSystemProperties(), 2, settings.heap()))) {
            System.out.println("cluster: " + cluster.describe());
            MixedLoad load = MixedLoad.prepare(cluster.apis().stream().map(Node::url).toList(),
                    new MixedLoad.Settings(settings.solicitudes(), settings.clients(), 6, 0.2, settings.rate(),
                            settings.seed()));
            String header = header(cluster);
            System.out.println(header);
            lines.add(header);
            // a stream of its own: drawn right after the schedule's choices from one generator, the node picks
            // came out the same every time
            Disruptions disruptions = new Disruptions(cluster, new Random(settings.seed() ^ 0x5DEECE66DL));
            int nextDisruption = 2 + random.nextInt(3);
            double[] lagBefore = lag(cluster);
            for (int m = 1; m <= settings.minutes(); m++) {
                int minute = m;
                String event = "";
                LoadResult result;
                if (minute == nextDisruption) {
                    int kind = random.nextInt(4);
                    Scenario.Outcome<Disruptions.Seen> o = Scenario.run(load, WINDOW,
                            Duration.ofSeconds(5 + random.nextInt(20)), () -> switch (kind) {
                                case 0 -> disruptions.killWorker(Service.WORKFLOW_WORKER, Duration.ofSeconds(3));
                                case 1 -> disruptions.killWorker(Service.FILE_WORKER, Duration.ofSeconds(3));
                                case 2 -> disruptions.killApi(Duration.ofSeconds(15));
                                default -> disruptions.stopQueue(Duration.ofSeconds(10));
                            });
                    result = o.load();
                    event = o.disruption().toString();
                    if (kind == 2 && o.disruption().value() < 0) {
                        failures.add("minute " + minute + ": " + event);
                    }
                    nextDisruption = minute + 3 + random.nextInt(3);
                } else {
                    result = load.run(WINDOW);
                }
                double[] lagNow = lag(cluster);
                String line = line(minute, result, lagBefore, lagNow, cluster, event);
                lagBefore = lagNow;
                System.out.println(line);
                lines.add(line);
                result.violations().forEach(v -> failures.add("minute " + minute + ": " + v));
            }
            Consistency consistency = Scenario.consistency(cluster);
            List<String> pending = consistency.awaitQuiet(Duration.ofMinutes(3));
            failures.addAll(pending);
            List<String> violations = consistency.check(load.ledger(), load.knownEstados());
            failures.addAll(violations);
            String verdict = "consistency after " + settings.minutes() + " min: " + (pending.isEmpty()
                    && violations.isEmpty() ? "every check passed (outbox drained; every event applied once, in "
                    + "order; every acknowledged action stored once; reports equal the rebuild; counters; objects)"
                    : violations.size() + pending.size() + " violations");
            System.out.println(verdict);
            lines.add(verdict);
        }
        failures.stream().limit(50).forEach(f -> System.out.println("FAILED: " + f));
        Path out = settings.out().resolve("soak-" + Instant.now().toString().replace(':', '-') + ".txt");
        Files.createDirectories(settings.out());
        Files.write(out, lines);
        System.out.println("written to " + out);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static String header(Cluster cluster) {
        StringJoiner j = new StringJoiner(" | ", "| ", " |");
        j.add("min").add("actions/s").add("p50 ms").add("p99 ms").add("2xx").add("races").add("lost")
                .add("report lag mean ms").add("lag max ms");
        for (Node n : cluster.all()) {
            j.add(n.name() + " RSS/heap MiB");
        }
        j.add("disruption");
        return j.toString();
    }

    private static String line(int minute, LoadResult r, double[] lagBefore, double[] lagNow, Cluster cluster,
                               String event) {
        double count = lagNow[0] - lagBefore[0];
        double mean = count <= 0 ? Double.NaN : (lagNow[1] - lagBefore[1]) / count * 1000;
        StringJoiner j = new StringJoiner(" | ", "| ", " |");
        j.add(String.valueOf(minute)).add(String.format("%.1f", r.throughput()))
                .add(String.format("%.0f", r.p50Millis())).add(String.format("%.0f", r.p99Millis()))
                .add(String.valueOf(r.acknowledged())).add(String.valueOf(r.races())).add(String.valueOf(r.lost()))
                .add(String.format("%.0f", mean)).add(String.format("%.0f", lagNow[2] * 1000));
        for (Node n : cluster.all()) {
            ProcessFigures f = ProcessFigures.of(n);
            j.add(f.rssMiB() + "/" + f.heapMiB());
        }
        j.add(event);
        return j.toString();
    }

    /** Over the workflow-workers: events whose lag was recorded, their total lag (s), the largest recent lag (s). */
    private static double[] lag(Cluster cluster) {
        double count = 0;
        double total = 0;
        double max = 0;
        for (Node n : cluster.nodes(Service.WORKFLOW_WORKER)) {
            try {
                count += Metrics.count(n.managementPort(), "cmep.reports.events.lag");
                total += Metrics.totalTime(n.managementPort(), "cmep.reports.events.lag");
                max = Math.max(max, Metrics.max(n.managementPort(), "cmep.reports.events.lag"));
            } catch (RuntimeException e) {
                // a node restarting: its counts start again from zero, the next minute's figures are approximate
            }
        }
        return new double[] {count, total, max};
    }
}
