package pe.cmep.workflow.reportes;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import pe.cmep.reporting.ReportRebuild;

/**
 * {@code ./cmep reports rebuild}: with {@code cmep.reports.command=rebuild} the worker recomputes the report
 * aggregates from the source tables and exits (0 on success, 1 on failure).
 */
@Component
class ReportesRebuildRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportesRebuildRunner.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final ReportesProperties properties;
    private final ReportRebuild rebuild;
    private final ConfigurableApplicationContext context;

    ReportesRebuildRunner(ReportesProperties properties, ReportRebuild rebuild, ConfigurableApplicationContext context) {
        this.properties = properties;
        this.rebuild = rebuild;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if ("none".equals(properties.command())) {
            return;
        }
        int exitCode;
        if ("rebuild".equals(properties.command())) {
            exitCode = rebuild();
        } else {
            log.error("report_command_unknown command={} known=rebuild", properties.command());
            exitCode = 2;
        }
        int code = exitCode;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    private int rebuild() {
        long start = System.nanoTime();
        try {
            ReportRebuild.Result result = rebuild.run().block(TIMEOUT);
            log.info("report_rebuild_done solicitudes={} pagos={} duration_ms={}", result.solicitudes(),
                    result.pagos(), (System.nanoTime() - start) / 1_000_000);
            return 0;
        } catch (RuntimeException e) {
            log.error("report_rebuild_failed reason=\"{}\"", e.toString());
            return 1;
        }
    }
}
