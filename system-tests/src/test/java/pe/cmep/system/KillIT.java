package pe.cmep.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cmep.system.cluster.Cluster;
import pe.cmep.system.cluster.Node;
import pe.cmep.system.load.MixedLoad;
import pe.cmep.system.scenario.Disruptions;
import pe.cmep.system.scenario.Scenario;

/**
 * Processes killed with SIGKILL, and the queue server unreachable, at a random point of the mixed load (issue 15). Each
 * scenario ends with the checks of {@link ScaleOutIT}; an answer may be lost only where its API instance died.
 */
class KillIT {

    private static final Duration LOAD = Duration.ofSeconds(12);
    private static Cluster cluster;
    private static MixedLoad load;
    private static long seed;

    @BeforeAll
    static void prepare() throws Exception {
        cluster = SharedCluster.get();
        seed = LoadChecks.seed();
        load = MixedLoad.prepare(cluster.apis().stream().map(Node::url).toList(),
                new MixedLoad.Settings(200, 12, 6, 0.25, 0, seed));
    }

    @Test
    void workers_killed_mid_batch_lose_and_double_no_event() throws Exception {
        Random random = new Random(seed);
        var outcome = Scenario.run(load, LOAD, delay(random), () -> new Disruptions(cluster, random)
                .killWorkers(Duration.ofMillis(500 + random.nextInt(2000)), Duration.ofSeconds(2)));
        System.out.println("workers kill (seed " + seed + "): " + outcome.disruption() + "; "
                + outcome.load().summary());

        assertThat(outcome.load().violations()).as("answers (seed %d)", seed).isEmpty();
        assertThat(outcome.load().lost()).as("answers lost: no API instance died").isZero();
        LoadChecks.assertConsistent(cluster, load, seed);
    }

    @Test
    void an_api_instance_killed_mid_request_leaves_its_events_to_the_survivor_and_loses_nothing_acknowledged()
            throws Exception {
        Random random = new Random(seed + 2);
        var outcome = Scenario.run(load, LOAD, delay(random), () -> new Disruptions(cluster, random)
                .killApi(Duration.ofSeconds(15)));
        System.out.println("API kill (seed " + seed + "): " + outcome.disruption() + "; " + outcome.load().summary());

        assertThat(outcome.disruption().value()).as("ms until the survivor published what was pending at the kill: %s",
                outcome.disruption()).isNotNegative();
        assertThat(outcome.load().violations()).as("answers (seed %d)", seed).isEmpty();
        LoadChecks.assertConsistent(cluster, load, seed);
    }

    @Test
    void the_queue_unreachable_for_10_seconds_delays_events_that_then_arrive_once_each() throws Exception {
        Random random = new Random(seed + 3);
        var outcome = Scenario.run(load, LOAD, Duration.ofSeconds(2), () ->
                new Disruptions(cluster, random).stopQueue(Duration.ofSeconds(10)));
        System.out.println("queue outage (seed " + seed + "): " + outcome.disruption() + "; "
                + outcome.load().summary());

        assertThat(outcome.disruption().value()).as("outbox backlog during the outage").isPositive();
        assertThat(outcome.load().violations()).as("answers (seed %d)", seed).isEmpty();
        assertThat(outcome.load().lost()).as("answers lost: no API instance died").isZero();
        LoadChecks.assertConsistent(cluster, load, seed);
    }

    /** Somewhere in the first half of the load, once it runs at full speed. */
    private static Duration delay(Random random) {
        return Duration.ofMillis(2000 + random.nextInt((int) LOAD.toMillis() / 2 - 2000));
    }
}
