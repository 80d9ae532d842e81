package pe.cmep.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import pe.cmep.system.check.Metrics;
import pe.cmep.system.cluster.Cluster;
import pe.cmep.system.cluster.Node;
import pe.cmep.system.cluster.Service;
import pe.cmep.system.load.LoadResult;
import pe.cmep.system.load.MixedLoad;

/**
 * Two processes of each service on one database and one queue set, under a mixed load sent to both API instances
 * at once (issue 15): every acknowledged action is stored once, each queue's events are applied once each and in
 * commit order per solicitud by whichever worker gets them, the reports equal the rebuild, and the only refusals are
 * same-solicitud races.
 */
class ScaleOutIT {

    /** 1.5 per solicitud on average; the six hot ones take about 30 % of them, ~15 each. */
    private static final int ACTIONS = 300;

    @Test
    void two_instances_of_each_service_store_every_action_once_and_apply_every_event_once_in_order()
            throws Exception {
        Cluster cluster = SharedCluster.get();
        long seed = LoadChecks.seed();
        double[] appliedBefore = cluster.nodes(Service.WORKFLOW_WORKER).stream()
                .mapToDouble(n -> Metrics.count(n.managementPort(), "cmep.reports.events", "outcome:applied"))
                .toArray();
        MixedLoad load = MixedLoad.prepare(cluster.apis().stream().map(Node::url).toList(),
                new MixedLoad.Settings(200, 16, 6, 0.3, 0, seed));

        LoadResult result = load.run(Duration.ofMinutes(2), ACTIONS);
        System.out.println("scale-out load (seed " + seed + "): " + result.summary());

        assertThat(result.violations()).as("answers of the load (seed %d)", seed).isEmpty();
        assertThat(result.lost()).as("answers lost with every node up").isZero();
        assertThat(result.acknowledged()).as("acknowledged actions").isGreaterThanOrEqualTo(ACTIONS);
        assertThat(result.races()).as("same-solicitud races the hot solicitudes provoke").isPositive();
        LoadChecks.assertConsistent(cluster, load, seed);
        for (Node api : cluster.apis()) {
            assertThat(Metrics.count(api.managementPort(), "http.server.requests"))
                    .as("requests served by %s", api.name()).isPositive();
        }
        for (int i = 0; i < appliedBefore.length; i++) {
            Node worker = cluster.nodes(Service.WORKFLOW_WORKER).get(i);
            assertThat(Metrics.count(worker.managementPort(), "cmep.reports.events", "outcome:applied"))
                    .as("events applied by %s during the load", worker.name()).isGreaterThan(appliedBefore[i]);
        }
    }
}
