package pe.cmep.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.cmep.events.AwsResources;
import software.amazon.awssdk.services.sqs.SqsClient;

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

    private StandIns(AwsResources resources, MariaDbStandIn database, SqsStandIn sqs, S3StandIn s3,
                     boolean closedOnlyAtJvmExit) {
        this.resources = resources;
        this.database = database;
        this.sqs = sqs;
        this.s3 = s3;
        this.closedOnlyAtJvmExit = closedOnlyAtJvmExit;
    }

    /** Starts the three servers; on failure whatever already started is stopped again before the exception leaves. */
    public static StandIns start(StandInsSettings settings) {
        return start(settings, false);
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
            StandIns standIns = start(new StandInsSettings(home, 0, 0, 0, List.of(SHARED_DATABASE)), true);
            Runtime.getRuntime().addShutdownHook(new Thread(standIns::stopAll, "cmep-stand-ins-shutdown"));
            shared = standIns;
        }
        return shared;
    }

    private static StandIns start(StandInsSettings settings, boolean closedOnlyAtJvmExit) {
        AwsResources resources = AwsResources.load();
        // every port is settled before any server starts, so a clash fails fast and names the server
        Set<Integer> taken = new HashSet<>();
        int databasePort = resolvePort(settings.databasePort(), MariaDbStandIn.SERVER, taken);
        int sqsPort = resolvePort(settings.sqsPort(), SqsStandIn.SERVER, taken);
        int s3Port = resolvePort(settings.s3Port(), S3StandIn.SERVER, taken);

        // the three start side by side: mysqld boots in a process of its own while this JVM loads ElasticMQ and
        // S3Proxy, whose class loading is most of the start-up time
        CompletableFuture<MariaDbStandIn> database = inBackground("mariadb", () -> startDatabase(settings, databasePort));
        CompletableFuture<SqsStandIn> sqs = inBackground("sqs", () -> startSqs(settings, sqsPort, resources));
        CompletableFuture<S3StandIn> s3 = inBackground("s3", () -> startS3(settings, s3Port, resources));
        try {
            return new StandIns(resources, join(database), join(sqs), join(s3), closedOnlyAtJvmExit);
        } catch (RuntimeException e) {
            stopOnceStarted(s3, S3StandIn::close, e);
            stopOnceStarted(sqs, SqsStandIn::stop, e);
            stopOnceStarted(database, MariaDbStandIn::stop, e);
            throw e;
        }
    }

    private static MariaDbStandIn startDatabase(StandInsSettings settings, int port) {
        MariaDbStandIn database = MariaDbStandIn.start(settings.home(), port);
        try {
            settings.databases().forEach(database::createDatabase);
        } catch (RuntimeException e) {
            stopQuietly(database::stop, e);
            throw e;
        }
        LOG.info("{} (RDS MySQL stand-in) listening on {}:{}, databases {}, data in {}", MariaDbStandIn.SERVER,
                Ports.LOOPBACK, port, settings.databases(), settings.home().resolve("mariadb"));
        return database;
    }

    private static SqsStandIn startSqs(StandInsSettings settings, int port, AwsResources resources) {
        SqsStandIn sqs = SqsStandIn.start(settings.home(), port);
        try {
            provisionQueues(sqs, resources);
        } catch (RuntimeException e) {
            stopQuietly(sqs::stop, e);
            throw e;
        }
        LOG.info("{} (SQS stand-in) listening on {}, queues {}, {}", SqsStandIn.SERVER, sqs.endpoint(),
                queueNames(resources), sqs.persistent()
                        ? "messages kept in " + settings.home().resolve("sqs")
                        : "messages in memory");
        return sqs;
    }

    private static S3StandIn startS3(StandInsSettings settings, int port, AwsResources resources) {
        S3StandIn s3 = S3StandIn.start(settings.home(), port, resources.bucket());
        LOG.info("{} (S3 stand-in) listening on {}, bucket {}, objects in {}", S3StandIn.SERVER, s3.endpoint(),
                resources.bucket(), settings.home().resolve("s3"));
        return s3;
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
        provisionQueues(sqs, resources);
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

    private static void provisionQueues(SqsStandIn sqs, AwsResources resources) {
        try (SqsClient client = AwsClients.sqs(sqs.endpoint())) {
            new QueueProvisioner(client, resources).provision();
        }
    }

    private static List<String> queueNames(AwsResources resources) {
        return resources.queues().stream()
                .flatMap(queue -> Stream.of(queue.name(), queue.dlqName()))
                .toList();
    }

    private static int resolvePort(int port, String server, Set<Integer> taken) {
        int resolved = Ports.resolve(port, server);
        while (port == 0 && taken.contains(resolved)) {
            resolved = Ports.resolve(0, server);
        }
        if (!taken.add(resolved)) {
            throw new PortBusyException(server, resolved);
        }
        return resolved;
    }

    private static <T> CompletableFuture<T> inBackground(String name, Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, runnable -> {
            Thread thread = new Thread(runnable, "cmep-start-" + name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Waits for a start still under way, then stops what it started; its own failure joins {@code cause}. */
    private static <T> void stopOnceStarted(CompletableFuture<T> start, Consumer<T> stop, RuntimeException cause) {
        T started = start.handle((value, failure) -> {
            Throwable reason = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
            if (reason != null && reason != cause) {
                cause.addSuppressed(reason);
            }
            return value;
        }).join();
        if (started != null) {
            stopQuietly(() -> stop.accept(started), cause);
        }
    }

    private static void stopQuietly(Runnable stop, RuntimeException cause) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
