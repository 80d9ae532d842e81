package pe.cmep.system.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service process of the cluster: its command, ports and log file stay fixed, so a killed node starts again as
 * the same instance (same ports, log appended).
 */
public final class Node {

    private final Service service;
    private final String name;
    private final int port;
    private final int managementPort;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    Node(Service service, String name, int port, int managementPort, List<String> command,
         Map<String, String> environment, Path log) {
        this.service = service;
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    public Service service() {
        return service;
    }

    public String name() {
        return name;
    }

    /** The HTTP port (gateway-api: the API; a worker: its actuator). */
    public int port() {
        return port;
    }

    /** The actuator port: gateway-api's management port, a worker's only port. */
    public int managementPort() {
        return service.hasManagementPort() ? managementPort : port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    synchronized void start() {
        if (alive()) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop, connections and transactions cut where they are. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(30));
        }
    }

    /** SIGTERM, as the orchestrator stops a task; SIGKILL after the timeout. */
    synchronized void stop(Duration timeout) {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(process, timeout)) {
                kill();
            }
        }
    }

    void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!healthy()) {
            if (!alive()) {
                throw new IllegalStateException(name + " exited during start-up; last lines of " + log + ":\n"
                        + tail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not healthy within " + timeout + "; last lines of " + log
                        + ":\n" + tail(40));
            }
            sleep(200);
        }
    }

    boolean healthy() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + service.healthPath())
                    .toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            try {
                return c.getResponseCode() / 100 == 2;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** The last lines of the log, for a failure message. */
    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size())));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static boolean waitFor(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ", :" + port + ")";
    }
}
