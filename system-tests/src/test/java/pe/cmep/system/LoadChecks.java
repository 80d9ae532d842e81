package pe.cmep.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import pe.cmep.system.check.Consistency;
import pe.cmep.system.cluster.Cluster;
import pe.cmep.system.load.MixedLoad;
import pe.cmep.system.scenario.Scenario;

/** The end of every scenario: the system becomes quiet, then every consistency check passes. */
final class LoadChecks {

    static final Duration QUIET_WITHIN = Duration.ofMinutes(2);

    private LoadChecks() {
    }

    static void assertConsistent(Cluster cluster, MixedLoad load, long seed) throws InterruptedException {
        Consistency consistency = Scenario.consistency(cluster);
        List<String> pending = consistency.awaitQuiet(QUIET_WITHIN);
        assertThat(pending).as("still pending %s after the load (seed %d)", QUIET_WITHIN, seed).isEmpty();
        assertThat(consistency.check(load.ledger(), load.knownEstados()))
                .as("consistency after the load (seed %d)", seed).isEmpty();
    }

    static long seed() {
        String fixed = System.getProperty("cmep.system.seed");
        return fixed == null ? System.nanoTime() : Long.parseLong(fixed);
    }
}
