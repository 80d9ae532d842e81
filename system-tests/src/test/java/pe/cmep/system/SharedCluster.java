package pe.cmep.system;

import java.nio.file.Path;
import pe.cmep.system.cluster.Cluster;
import pe.cmep.system.cluster.ClusterSettings;

/**
 * The one cluster every system test of this JVM runs against (two processes of each service), started by the first
 * test that asks and stopped when the JVM exits. A test that kills nodes heals the cluster before it ends, so the
 * next test finds every node running.
 */
public final class SharedCluster {

    public static final int INSTANCES = 2;
    private static Cluster cluster;
    private static RuntimeException failure;

    private SharedCluster() {
    }

    public static synchronized Cluster get() {
        if (failure != null) {
            throw new IllegalStateException("the cluster did not start for an earlier test", failure);
        }
        if (cluster == null) {
            try {
                Cluster started = Cluster.start(new ClusterSettings(Path.of("target", "cluster"),
                        ClusterSettings.jarsFromSystemProperties(), INSTANCES, "256m"));
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "cmep-cluster-shutdown"));
                cluster = started;
            } catch (RuntimeException e) {
                // every later test would wait minutes for the same failure
                failure = e;
                throw e;
            }
        }
        cluster.heal();
        return cluster;
    }
}
