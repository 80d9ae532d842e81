package pe.cmep.system.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import pe.cmep.system.check.SystemRepository;
import pe.cmep.system.cluster.Cluster;
import pe.cmep.system.cluster.Node;
import pe.cmep.system.cluster.Service;

/**
 * What can happen to a production deployment, done to the cluster while the load runs: a task killed (SIGKILL, no
 * graceful stop) and replaced, the queue service unreachable for a while. Each returns what it saw, for the test to
 * assert and the soak to print.
 */
public final class Disruptions {

    private final Cluster cluster;
    private final Random random;
    private final SystemRepository db;

    public Disruptions(Cluster cluster, Random random) {
        this.cluster = cluster;
        this.random = random;
        this.db = new SystemRepository(cluster.jdbcUrl());
    }

    /** What a disruption did and saw. */
    public record Seen(String what, long value, String detail) {
        @Override
        public String toString() {
            return what + ": " + detail;
        }
    }

    /** A worker process of the given service killed while it applies events, replaced after {@code down}. */
    public Seen killWorker(Service service, Duration down) {
        Node node = pickAlive(cluster.nodes(service));
        long pid = node.pid();
        node.kill();
        sleep(down);
        long started = System.nanoTime();
        cluster.restart(node);
        return new Seen("kill " + node.name(), pid, "SIGKILL to " + node.name() + " (pid " + pid
                + "), replaced after " + down.toSeconds() + " s, healthy again in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    /**
     * A workflow-worker and, {@code gap} later, a file-worker killed while they apply events; both replaced
     * together {@code down} after the second kill.
     */
    public Seen killWorkers(Duration gap, Duration down) {
        Node workflow = pickAlive(cluster.nodes(Service.WORKFLOW_WORKER));
        Node file = pickAlive(cluster.nodes(Service.FILE_WORKER));
        long workflowPid = workflow.pid();
        long filePid = file.pid();
        workflow.kill();
        sleep(gap);
        file.kill();
        sleep(down);
        long started = System.nanoTime();
        cluster.heal();
        return new Seen("kill " + workflow.name() + ", " + file.name(), workflowPid, "SIGKILL to "
                + workflow.name() + " (pid " + workflowPid + ") and " + gap.toMillis() + " ms later to " + file.name()
                + " (pid " + filePid + "), both replaced after " + down.toSeconds() + " s, healthy again in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    /**
     * An API instance killed mid-request. While it is down, every outbox row committed before the kill (some by
     * it, not yet sent) must be published by the survivor's relay. @return value: ms the survivor took to publish
     * them, -1 when it did not within {@code publishWithin}
     */
    public Seen killApi(Duration publishWithin) {
        Node node = pickAlive(cluster.apis());
        long pid = node.pid();
        node.kill();
        long killedAt = System.nanoTime();
        long lastCommitted = db.lastOutboxId();
        long pendingAtKill = db.unpublishedUpTo(lastCommitted);
        long deadline = killedAt + publishWithin.toNanos();
        long tookMs = -1;
        while (System.nanoTime() < deadline) {
            if (db.unpublishedUpTo(lastCommitted) == 0) {
                tookMs = (System.nanoTime() - killedAt) / 1_000_000;
                break;
            }
            sleep(Duration.ofMillis(100));
        }
        long startedAgain = System.nanoTime();
        cluster.restart(node);
        return new Seen("kill " + node.name(), tookMs, "SIGKILL to " + node.name() + " (pid " + pid + "); "
                + pendingAtKill + " outbox rows pending at the kill, all published by the survivor "
                + (tookMs < 0 ? "NOT within " + publishWithin.toSeconds() + " s" : "within " + tookMs + " ms")
                + "; replaced, healthy again in " + (System.nanoTime() - startedAgain) / 1_000_000 + " ms");
    }

    /** The queue server unreachable for {@code outage}; @return value: the largest outbox backlog seen meanwhile */
    public Seen stopQueue(Duration outage) {
        long[] maxBacklog = {0};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxBacklog[0] = Math.max(maxBacklog[0], db.unpublished());
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "backlog-sampler");
        sampler.start();
        cluster.stopQueueFor(outage);
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Seen("queue outage", maxBacklog[0], "ElasticMQ unreachable for " + outage.toSeconds()
                + " s; the outbox backlog grew to " + maxBacklog[0] + " rows meanwhile");
    }

    private Node pickAlive(List<Node> nodes) {
        List<Node> alive = nodes.stream().filter(Node::alive).toList();
        if (alive.size() < 2) {
            throw new IllegalStateException("fewer than two running nodes among " + nodes + ": nothing would survive");
        }
        return alive.get(random.nextInt(alive.size()));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
