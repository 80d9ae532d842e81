package pe.cmep.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pe.cmep.bench.system.Services;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The run as text (stdout and Markdown) and as JSON, one file pair per run named by its start time. */
public final class ResultFiles {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultFiles() {
    }

    /** @return the Markdown file written */
    public static Path write(BenchReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        String name = "bench-" + report.startedAt().replace(":", "").replace("-", "").replaceAll("\\..*", "")
                + (report.quick() ? "-quick" : "");
        Files.writeString(dir.resolve(name + ".json"), JSON.writeValueAsString(report));
        Path md = dir.resolve(name + ".md");
        Files.writeString(md, "# ./cmep bench, " + report.startedAt() + "\n\n" + render(report, true));
        return md;
    }

    public static String render(BenchReport r, boolean markdown) {
        StringBuilder out = new StringBuilder();
        out.append(markdown ? "" : "\n").append(Table.points(r.rows(), markdown));
        List<String> notes = new ArrayList<>();
        for (Row row : r.rows()) {
            if (row.note() != null) {
                notes.add(row.endpoint() + " @" + row.clients() + ": " + row.note());
            }
        }
        if (!notes.isEmpty()) {
            out.append('\n').append(heading("Notes", markdown));
            notes.forEach(n -> out.append(markdown ? "- " : "  ").append(n).append('\n'));
        }
        BenchReport.Lag lag = r.lag();
        if (lag != null) {
            out.append('\n').append(heading("Action -> report lag", markdown)).append(markdown ? "" : "  ")
                    .append(String.format(Locale.ROOT, "asignar-gestor at %d/s for %.0f s: %d actions, %d failed, %d "
                                    + "seen in reporte_solicitud, %d unseen; from the HTTP response: p50 %.0f ms, "
                                    + "p99 %.0f ms, max %.0f ms",
                            lag.ratePerSecond(), lag.seconds(), lag.actions(), lag.failed(), lag.seen(), lag.unseen(),
                            lag.p50Ms(), lag.p99Ms(), lag.maxMs()))
                    .append(lag.firstError() == null ? "" : " (first error: " + lag.firstError() + ")").append('\n');
        }

        out.append('\n').append(heading("Memory after the load", markdown));
        List<String[]> memory = new ArrayList<>();
        memory.add(new String[] {"process", "RSS MiB", "heap used MiB", "heap max MiB"});
        for (Services.Memory m : r.memory()) {
            memory.add(new String[] {m.process(), String.valueOf(m.rssMiB()), mib(m.heapUsedMiB()), mib(m.heapMaxMiB())});
        }
        out.append(Table.grid(memory.toArray(String[][]::new), markdown));

        out.append('\n').append(heading("Cold start (process start -> healthy)", markdown));
        List<String[]> cold = new ArrayList<>();
        cold.add(new String[] {"service", "seconds"});
        for (Services.ColdStart c : r.coldStarts()) {
            cold.add(new String[] {c.service(), String.format(Locale.ROOT, "%.1f", c.millis() / 1000.0)});
        }
        out.append(Table.grid(cold.toArray(String[][]::new), markdown));

        BenchReport.Seed seed = r.seed();
        BenchReport.Setup setup = r.setup();
        out.append('\n').append(heading("Data and set-up", markdown));
        line(out, markdown, String.format(Locale.ROOT, "seeded %,d solicitudes over two years (%s), %,d payments, %,d files, "
                        + "%,d historial rows, %,d assignments in %.1f s; after-seed.sql: %d statements; report rebuild "
                        + "%.1f s (JVM start included)", seed.solicitudes(), estados(seed.porEstado()), seed.pagos(),
                seed.archivos(), seed.historial(), seed.asignaciones(), seed.seedSeconds(), seed.afterSeedStatements(),
                seed.rebuildSeconds()));
        line(out, markdown, String.format(Locale.ROOT, "gateway-api -Xmx%s; for the login point the login rate limit is raised to %s/s and the failed-login "
                        + "limits to 100000; "
                        + "%.1f s warm-up and %.0f s measured per HTTP point, %.1f s per raw point; system start %.0f s",
                setup.gatewayHeap(), setup.loginRatePerSecond(), setup.warmUpSeconds(), setup.measureSeconds(),
                setup.rawSeconds(), setup.systemStartSeconds()));

        out.append('\n').append(heading("Machine", markdown));
        line(out, markdown, String.format(Locale.ROOT, "%d cores, %,d MiB memory, %s", r.machine().cores(),
                r.machine().memoryMiB(), r.machine().jdk()));
        line(out, markdown, r.machine().uname());
        line(out, markdown, "load average at start: " + r.machine().loadAverageAtStart());
        line(out, markdown, "commit " + r.machine().commit() + "; run started " + r.startedAt());
        line(out, markdown, String.format(Locale.ROOT, "total time %.0f s (%.1f min), the system's start included", r.totalSeconds(),
                r.totalSeconds() / 60));
        return out.toString();
    }

    private static String estados(Map<String, Integer> porEstado) {
        StringBuilder s = new StringBuilder();
        porEstado.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
        return s.toString();
    }

    private static void line(StringBuilder out, boolean markdown, String text) {
        out.append(markdown ? "- " : "  ").append(text).append('\n');
    }

    private static String heading(String title, boolean markdown) {
        return markdown ? "## " + title + "\n\n" : title + "\n";
    }

    private static String mib(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.0f", v);
    }
}
