package pe.cmep.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.cmep.events.AwsResources;

/**
 * The local stand-ins for AWS, all in this JVM and all speaking the real protocols: MariaDB for RDS MySQL,
 * ElasticMQ for SQS (queues, dead-letter queues and redrive policies of {@link AwsResources}), S3Proxy for S3
 * (the bucket of {@link AwsResources}). Data lives under {@link StandInsSettings#home()} and survives restarts.
 */
public final class StandIns implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandIns.class);
    private static final String SHARED_DATABASE = "cmep_test";

    private static StandIns shared;

    private final AwsResources resources;
    private final MariaDbStandIn database;
    private final SqsStandIn sqs;
    private final S3StandIn s3;
    private final boolean closedOnlyAtJvmExit;
    private boolean closed;

    StandIns(AwsResources resources, MariaDbStandIn database, SqsStandIn sqs, S3StandIn s3,
                     boolean closedOnlyAtJvmExit) {
        this.resources = resources;
        this.database = database;
        this.sqs = sqs;
        this.s3 = s3;
        this.closedOnlyAtJvmExit = closedOnlyAtJvmExit;
    }

    /** Starts the three servers; on failure whatever already started is stopped again before the exception leaves. */
    public static StandIns start(StandInsSettings settings) {
        return StandInsStartup.start(settings, false);
    }

    /**
     * One instance per JVM for integration tests: free ports, data in a fresh {@code target/stand-ins}, database
     * {@code cmep_test}. {@link #close()} does nothing on it, so one test cannot pull it from under the others;
     * a JVM shutdown hook stops it.
     */
    public static synchronized StandIns shared() {
        if (shared == null) {
            Path home = Path.of("target", "stand-ins");
            Directories.deleteRecursively(home);
            StandIns standIns = StandInsStartup.start(new StandInsSettings(home, 0, 0, 0, List.of(SHARED_DATABASE)),
                    true);
            Runtime.getRuntime().addShutdownHook(new Thread(standIns::stopAll, "cmep-stand-ins-shutdown"));
            shared = standIns;
        }
        return shared;
    }

    public int databasePort() {
        return database.port();
    }

    public int sqsPort() {
        return sqs.port();
    }

    public int s3Port() {
        return s3.port();
    }

    /** {@code jdbc:mariadb://127.0.0.1:<port>/<database>}; user {@code root}, no password. */
    public String jdbcUrl(String database) {
        return this.database.jdbcUrl(database);
    }

    /** {@code r2dbc:mysql://root@127.0.0.1:<port>/<database>}. */
    public String r2dbcUrl(String database) {
        return this.database.r2dbcUrl(database);
    }

    /**
     * The Spring Boot properties that point a CMEP service at these stand-ins and the given
     * database, as plain strings so this module needs no Spring.
     */
    public Map<String, String> springProperties(String database) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.r2dbc.url", this.database.r2dbcUrl(database).replaceFirst("//root@", "//"));
        props.put("spring.r2dbc.username", "root");
        props.put("spring.flyway.url", jdbcUrl(database));
        props.put("spring.flyway.user", "root");
        props.put("spring.cloud.aws.sqs.endpoint", sqsEndpoint());
        props.put("spring.cloud.aws.s3.endpoint", s3Endpoint());
        return props;
    }

    /** {@code http://localhost:<port>}, the endpoint override for the SQS client. */
    public String sqsEndpoint() {
        return sqs.endpoint();
    }

    /** {@code http://localhost:<port>}, the endpoint override for the S3 client (path-style access). */
    public String s3Endpoint() {
        return s3.endpoint();
    }

    public AwsResources resources() {
        return resources;
    }

    /** Creates the database (utf8mb4, utf8mb4_unicode_ci) unless it exists. */
    public void createDatabase(String name) {
        database.createDatabase(name);
    }

    public void dropDatabase(String name) {
        database.dropDatabase(name);
    }

    /** Stops MariaDB, for tests of what a service does while its database is down. */
    public void stopDatabase() {
        database.stop();
    }

    /** Starts MariaDB again on the same port with the same data. */
    public void startDatabase() {
        database.restart();
    }

    /** Stops ElasticMQ, for tests of what a service does while SQS is down. */
    public void stopSqs() {
        sqs.stop();
    }

    /** Starts ElasticMQ again on the same port and makes sure every queue exists. */
    public void startSqs() {
        sqs.restart();
        StandInsStartup.provisionQueues(sqs, resources);
    }

    /**
     * SQS unreachable: ElasticMQ's port closes, its queues and messages stay as they are (a stop and start loses
     * the messages its store had not written yet). {@link #reconnectSqs()} opens the port again.
     */
    public void disconnectSqs() {
        sqs.unbind();
    }

    public void reconnectSqs() {
        sqs.rebind();
    }

    /** Stops S3Proxy, for tests of what a service does while S3 is down. */
    public void stopS3() {
        s3.stop();
    }

    /** Starts S3Proxy again on the same port with the same objects. */
    public void startS3() {
        s3.restart();
    }

    /** Stops all three servers; does nothing on the {@link #shared()} instance, which stops when the JVM exits. */
    @Override
    public void close() {
        if (!closedOnlyAtJvmExit) {
            stopAll();
        }
    }

    private synchronized void stopAll() {
        if (closed) {
            return;
        }
        closed = true;
        List<RuntimeException> failures = new ArrayList<>();
        for (Runnable stop : List.<Runnable>of(s3::close, sqs::stop, database::stop)) {
            try {
                stop.run();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("Not every stand-in stopped cleanly");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
        LOG.info("CMEP stand-ins stopped");
    }
}
