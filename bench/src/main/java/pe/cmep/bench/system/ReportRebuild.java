package pe.cmep.bench.system;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Rebuilds the report aggregates from the source tables after the seed, the way {@code ./cmep reports rebuild} does:
 * the workflow-worker's jar in its rebuild mode, against the same database (the environment names it).
 */
public final class ReportRebuild {

    private ReportRebuild() {
    }

    /** @return the seconds it took, JVM start included */
    public static double run(String workflowJar, Path log) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process p = new ProcessBuilder(List.of("java", "-jar", workflowJar, "--spring.main.web-application-type=none",
                "--cmep.reports.consumer-enabled=false", "--cmep.reports.command=rebuild",
                "--cmep.maintenance.schedule.enabled=false", "--cmep.maintenance.listener.enabled=false"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int status = p.waitFor();
        if (status != 0) {
            throw new IllegalStateException("The report rebuild failed (exit " + status + "; log: " + log + ")");
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
