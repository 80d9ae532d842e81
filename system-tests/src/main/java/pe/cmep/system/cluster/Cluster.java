package pe.cmep.system.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.cmep.localstack.Directories;
import pe.cmep.localstack.StandIns;
import pe.cmep.localstack.StandInsSettings;

/**
 * CMEP as production runs it, on one machine: the stand-ins (MariaDB, ElasticMQ, S3Proxy) in this JVM, and
 * {@code instances} processes of gateway-api, workflow-worker and file-worker started from their jars, all on one
 * database and one queue set. A node can be killed with SIGKILL and started again; the queue server can be stopped.
 */
public final class Cluster implements AutoCloseable {

    public static final String DATABASE = "cmep_system";
    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private static final String PIDS = "pids";
    private static final String INSTANCE_PROPERTY = "-Dcmep.instance=";

    private final StandIns standIns;
    private final Map<Service, List<Node>> nodes;
    private final Path pidFile;

    private Cluster(StandIns standIns, Map<Service, List<Node>> nodes, Path pidFile) {
        this.standIns = standIns;
        this.nodes = nodes;
        this.pidFile = pidFile;
    }

    /** Starts everything and returns once every node is healthy. */
    public static Cluster start(ClusterSettings settings) {
        killLeftovers(settings.home().resolve(PIDS));
        Directories.deleteRecursively(settings.home());
        Path logs = Directories.create(settings.home().resolve("logs"));
        StandIns standIns = StandIns.start(new StandInsSettings(settings.home().resolve("stand-ins"), 0, 0, 0,
                List.of(DATABASE)));
        Map<Service, List<Node>> nodes = new HashMap<>();
        try {
            for (Service service : Service.values()) {
                List<Node> list = new ArrayList<>();
                for (int i = 1; i <= settings.instances(); i++) {
                    list.add(node(settings, standIns, service, i, logs));
                }
                nodes.put(service, List.copyOf(list));
            }
            Cluster cluster = new Cluster(standIns, nodes, settings.home().resolve(PIDS));
            // the first API instance migrates the schema and writes the seed; the rest start on a ready database
            Node first = nodes.get(Service.GATEWAY_API).get(0);
            cluster.startAndRecord(first);
            first.awaitHealthy(START_TIMEOUT);
            List<Node> rest = cluster.all().stream().filter(n -> n != first).toList();
            rest.forEach(cluster::startAndRecord);
            inParallel(rest, n -> n.awaitHealthy(START_TIMEOUT));
            LOG.info("cluster_started nodes={}", cluster.all());
            return cluster;
        } catch (RuntimeException e) {
            nodes.values().forEach(list -> list.forEach(n -> n.stop(Duration.ofSeconds(5))));
            standIns.close();
            throw e;
        }
    }

    private static Node node(ClusterSettings settings, StandIns standIns, Service service, int index, Path logs) {
        String name = service.artifact() + "-" + index;
        int port = freePort();
        int managementPort = service.hasManagementPort() ? freePort() : port;
        Map<String, String> env = new HashMap<>();
        env.put("CMEP_DB_PORT", String.valueOf(standIns.databasePort()));
        env.put("CMEP_DB_NAME", DATABASE);
        env.put("CMEP_SQS_PORT", String.valueOf(standIns.sqsPort()));
        env.put("CMEP_S3_PORT", String.valueOf(standIns.s3Port()));
        env.put("CMEP_METRICS_SERVICE", service.artifact());
        env.putAll(service.portEnvironment(port, managementPort));
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + settings.heap(),
                "-XX:+UseSerialGC", INSTANCE_PROPERTY + name));
        command.addAll(serviceSettings(service));
        command.addAll(List.of("-jar", settings.jars().get(service).toString()));
        return new Node(service, name, port, managementPort, command, env, logs.resolve(name + ".log"));
    }

    /**
     * What differs from `./cmep up`, and why: every test client comes from 127.0.0.1, so the failed-login limits
     * (which the hostile-input test trips by design) would lock the address for every later test; and a killed
     * worker's in-flight FIFO groups come back after the visibility timeout, which a bounded test shortens.
     * The route table (actuator mappings) is exposed on the management port for the hostile-input sweep.
     */
    private static List<String> serviceSettings(Service service) {
        return switch (service) {
            case GATEWAY_API -> List.of("-Dcmep.api.login-throttle.account-max-failures=1000000",
                    "-Dcmep.api.login-throttle.address-max-failures=1000000",
                    "-Dresilience4j.ratelimiter.instances.login.limit-for-period=100000",
                    "-Dmanagement.endpoints.web.exposure.include=health,info,metrics,mappings");
            case WORKFLOW_WORKER -> List.of("-Dcmep.reports.visibility-seconds=10");
            case FILE_WORKER -> List.of("-Dcmep.file-worker.retry-after=10s");
        };
    }

    public List<Node> nodes(Service service) {
        return nodes.get(service);
    }

    public List<Node> all() {
        List<Node> all = new ArrayList<>();
        for (Service s : Service.values()) {
            all.addAll(nodes.get(s));
        }
        return all;
    }

    public List<Node> apis() {
        return nodes(Service.GATEWAY_API);
    }

    public String jdbcUrl() {
        return standIns.jdbcUrl(DATABASE);
    }

    public String r2dbcUrl() {
        return standIns.r2dbcUrl(DATABASE);
    }

    public StandIns standIns() {
        return standIns;
    }

    /** Starts a node again (after a kill) and waits until it is healthy. */
    public void restart(Node node) {
        startAndRecord(node);
        node.awaitHealthy(START_TIMEOUT);
    }

    /** Every node that is not running is started again; returns once all are healthy. */
    public void heal() {
        List<Node> dead = all().stream().filter(n -> !n.alive()).toList();
        dead.forEach(this::startAndRecord);
        dead.forEach(n -> n.awaitHealthy(START_TIMEOUT));
    }

    /**
     * Starts the node and appends its pid to {@code home/pids}: a JVM killed before its shutdown hook ran (a test
     * run timed out) leaves its service processes running, and the next start stops them first.
     */
    private synchronized void startAndRecord(Node node) {
        node.start();
        try {
            Files.writeString(pidFile, node.pid() + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void killLeftovers(Path pids) {
        if (!Files.isRegularFile(pids)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(pids)) {
                ProcessHandle.of(Long.parseLong(line.trim()))
                        .filter(p -> p.info().commandLine().orElse("").contains(INSTANCE_PROPERTY))
                        .ifPresent(p -> {
                            LOG.warn("cluster_leftover_killed pid={} command={}", p.pid(),
                                    p.info().command().orElse("?"));
                            p.destroyForcibly();
                        });
            }
        } catch (IOException | NumberFormatException e) {
            LOG.warn("cluster_leftovers_unreadable file={} error={}", pids, e.toString());
        }
    }

    /** The queue server unreachable for a while, as an SQS outage looks to the services; its messages are kept. */
    public void stopQueueFor(Duration outage) {
        standIns.disconnectSqs();
        try {
            Thread.sleep(outage.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            standIns.reconnectSqs();
        }
    }

    public String describe() {
        return all().stream().map(Node::toString).collect(Collectors.joining(", "));
    }

    /** SIGTERM to every node at once (a worker takes ~10 s to stop its listeners), then the stand-ins. */
    @Override
    public void close() {
        inParallel(all(), n -> n.stop(Duration.ofSeconds(10)));
        standIns.close();
    }

    /** One thread per node: the common pool has a single thread on a 2-core machine. */
    private static void inParallel(List<Node> nodes, java.util.function.Consumer<Node> action) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, nodes.size()));
        try {
            List<Future<?>> futures = nodes.stream().map(n -> pool.submit(() -> action.accept(n))).collect(
                    Collectors.toList());
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
