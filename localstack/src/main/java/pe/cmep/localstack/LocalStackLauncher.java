package pe.cmep.localstack;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./cmep up}: runs the stand-ins in the foreground until SIGTERM or Ctrl-C, with the data of earlier runs.
 * Settings come from the environment, see {@link LauncherEnvironment}.
 */
public final class LocalStackLauncher {

    static {
        // set before the first logger exists; a plain logback.xml would also configure every app that has this jar
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "cmep-localstack-logback.xml");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(LocalStackLauncher.class);

    private LocalStackLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        LauncherEnvironment environment = new LauncherEnvironment(System.getenv());
        StandInsSettings settings;
        try {
            settings = environment.settings();
        } catch (IllegalArgumentException e) {
            LOG.error("CMEP stand-ins not started: {}", e.getMessage());
            System.exit(1);
            return;
        }
        StandIns standIns;
        try {
            standIns = StandIns.start(settings);
        } catch (PortBusyException e) {
            LOG.error("{} cannot start: port {} is already in use. Stop what listens there or set {} to another port.",
                    e.server(), e.port(), environment.variableSetting(e.port()));
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            LOG.error("CMEP stand-ins could not start: {}", e.getMessage(), e);
            // exit explicitly: threads of a half-started server must not keep a failed launch alive
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                standIns.close();
            } finally {
                stopped.countDown();
            }
        }, "cmep-stand-ins-shutdown"));

        String database = settings.databases().get(0);
        LOG.info("CMEP stand-ins ready: database {} (R2DBC {}), SQS {}, S3 {} (bucket {}); Ctrl-C stops them",
                standIns.jdbcUrl(database), standIns.r2dbcUrl(database), standIns.sqsEndpoint(),
                standIns.s3Endpoint(), standIns.resources().bucket());
        stopped.await();
    }
}
