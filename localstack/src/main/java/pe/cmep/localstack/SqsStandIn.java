package pe.cmep.localstack;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.CreateQueueMetadata;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.util.Either;

/**
 * ElasticMQ standing in for SQS. Queues and messages are kept in an H2 file under {@code home/sqs},
 * so they survive a restart of the server or of the JVM.
 */
final class SqsStandIn {

    static final String SERVER = "ElasticMQ";
    static final String REGION = "us-east-1";

    private static final Logger LOG = LoggerFactory.getLogger(SqsStandIn.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    // ElasticMQ opens its H2 store once per JVM (a global connection pool), so only one store can be in use
    private static final AtomicReference<Path> STORE_OF_THIS_JVM = new AtomicReference<>();

    private final int port;
    private final Optional<Path> store;
    private ActorSystem actorSystem;
    private ActorRef queueManager;
    private SQSRestServer server;

    private SqsStandIn(int port, Optional<Path> store) {
        this.port = port;
        this.store = store;
    }

    static SqsStandIn start(Path home, int port) {
        // created here so an unusable home fails at once instead of in a background actor
        Path store = Directories.create(home.resolve("sqs").toAbsolutePath().normalize());
        boolean persistent = STORE_OF_THIS_JVM.compareAndSet(null, store) || STORE_OF_THIS_JVM.get().equals(store);
        if (!persistent) {
            LOG.warn("{} keeps messages in memory only: this JVM already persists SQS data in {}",
                    SERVER, STORE_OF_THIS_JVM.get());
        }
        SqsStandIn sqs = new SqsStandIn(port, persistent ? Optional.of(store) : Optional.empty());
        sqs.restart();
        return sqs;
    }

    int port() {
        return port;
    }

    String endpoint() {
        return "http://localhost:" + port;
    }

    boolean persistent() {
        return store.isPresent();
    }

    /** Starts the server, with the queues and messages of the store; does nothing while it runs. */
    synchronized void restart() {
        if (server != null) {
            return;
        }
        actorSystem = ActorSystem.create("cmep-sqs", actorSystemConfig());
        try {
            Option<ActorRef> persistence = store.map(this::persistenceActor).map(Option::apply).orElse(Option.empty());
            ActorRef queueManager = actorSystem.actorOf(Props.create(QueueManagerActor.class,
                    () -> new QueueManagerActor(new NowProvider(), StrictSQSLimits$.MODULE$, persistence)));
            if (persistence.isDefined()) {
                restorePersistedQueues(persistence.get(), queueManager);
            }
            this.queueManager = queueManager;
            bind();
        } catch (RuntimeException e) {
            stop();
            throw new IllegalStateException(SERVER + " did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    private void bind() {
        server = SQSRestServerBuilder.withActorSystem(actorSystem)
                .withQueueManagerActor(queueManager)
                .withInterface(Ports.LOOPBACK)
                .withPort(port)
                // the host in queue URLs; clients reach the server through it
                .withServerAddress(new NodeAddress("http", "localhost", port, ""))
                .withAWSRegion(REGION)
                .start();
        server.waitUntilStarted();
    }

    /**
     * Closes the port only: the queues and their messages stay in memory, as SQS keeps them while clients cannot
     * reach it. (A stop loses what the store had not written yet: it writes behind the answers.)
     */
    synchronized void unbind() {
        if (server != null) {
            server.stopAndWait();
            server = null;
        }
    }

    /** Opens the port again after {@link #unbind()}. */
    synchronized void rebind() {
        if (server == null && actorSystem != null) {
            bind();
        }
    }

    synchronized void stop() {
        if (server != null) {
            server.stopAndWait();
            server = null;
        }
        if (actorSystem != null) {
            actorSystem.terminate();
            awaitTermination();
            actorSystem = null;
        }
    }

    private ActorRef persistenceActor(Path store) {
        SqlQueuePersistenceConfig config = new SqlQueuePersistenceConfig(
                true, "org.h2.Driver", "jdbc:h2:file:" + store.resolve("elasticmq"), "", "", false);
        scala.collection.immutable.List<CreateQueueMetadata> noBaseQueues = scala.collection.immutable.List$.MODULE$.empty();
        return actorSystem.actorOf(Props.create(SqlQueuePersistenceActor.class,
                () -> new SqlQueuePersistenceActor(config, noBaseQueues)));
    }

    private void restorePersistedQueues(ActorRef persistence, ActorRef queueManager) {
        Object result;
        try {
            result = Patterns.ask(persistence, new QueueEvent.Restore(queueManager), TIMEOUT)
                    .toCompletableFuture()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("restoring the queues from " + store.orElseThrow() + " failed", e);
        }
        if (result instanceof Either<?, ?> either && either.isLeft()) {
            throw new IllegalStateException("restoring the queues from " + store.orElseThrow() + " failed: " + either);
        }
    }

    private void awaitTermination() {
        try {
            actorSystem.getWhenTerminated().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("{} actor system did not terminate within {}", SERVER, TIMEOUT, e);
        }
    }

    private static Config actorSystemConfig() {
        return ConfigFactory.parseMap(Map.of(
                        // failures must never leave a JVM hanging on ElasticMQ threads
                        "pekko.daemonic", "on",
                        // close() and the launcher's shutdown hook stop the server in order; a second hook would race them
                        "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off",
                        "pekko.loggers", List.of("org.apache.pekko.event.slf4j.Slf4jLogger"),
                        "pekko.logging-filter", "org.apache.pekko.event.slf4j.Slf4jLoggingFilter",
                        "pekko.loglevel", "INFO"))
                .withFallback(ConfigFactory.load(SqsStandIn.class.getClassLoader()));
    }
}
