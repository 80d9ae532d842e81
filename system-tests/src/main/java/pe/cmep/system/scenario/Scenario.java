package pe.cmep.system.scenario;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import pe.cmep.localstack.StandIns;
import pe.cmep.system.check.Consistency;
import pe.cmep.system.cluster.Cluster;
import pe.cmep.system.load.LoadResult;
import pe.cmep.system.load.MixedLoad;

/** The load runs in the background while a disruption happens on the calling thread. */
public final class Scenario {

    private Scenario() {
    }

    /** What the load saw, and what the disruption saw. */
    public record Outcome<T>(LoadResult load, T disruption) {
    }

    /** Runs the load for {@code duration}; after {@code delay} the disruption runs; returns when both are done. */
    public static <T> Outcome<T> run(MixedLoad load, Duration duration, Duration delay, Supplier<T> disruption)
            throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<LoadResult> running = background.submit(() -> load.run(duration));
            Thread.sleep(delay.toMillis());
            T seen = disruption.get();
            return new Outcome<>(running.get(), seen);
        } finally {
            background.shutdown();
        }
    }

    public static Consistency consistency(Cluster cluster) {
        StandIns s = cluster.standIns();
        return new Consistency(cluster.jdbcUrl(), cluster.r2dbcUrl(), s.s3Endpoint(), s.resources().bucket());
    }
}
