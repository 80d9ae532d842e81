package pe.cmep.localstack;

import java.util.HashSet;
import java.util.List;
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
 * Starting {@link StandIns}: the ports settled first, the three servers side by side, the databases and queues
 * provisioned, and on any failure whatever already started stopped again before the exception leaves.
 */
final class StandInsStartup {

    // the stand-ins' logger: the start-up lines keep the name they are searched by
    private static final Logger LOG = LoggerFactory.getLogger(StandIns.class);

    private StandInsStartup() {
    }

    static StandIns start(StandInsSettings settings, boolean closedOnlyAtJvmExit) {
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

    static void provisionQueues(SqsStandIn sqs, AwsResources resources) {
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
