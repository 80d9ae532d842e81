package pe.cmep.gateway.outbox;

import java.time.Duration;

/** Relay settings for a relay a test starts itself. */
final class TestProperties {

    private TestProperties() {
    }

    static OutboxProperties relay(Duration pollInterval, int batchSize, int parallelBatches) {
        return new OutboxProperties(true, pollInterval, batchSize, parallelBatches, Duration.ofSeconds(5),
                Duration.ofSeconds(1), pruning(Duration.ofDays(7), 1000));
    }

    static OutboxProperties.Pruning pruning(Duration retention, int batchSize) {
        return new OutboxProperties.Pruning(true, retention, Duration.ofMinutes(10), batchSize);
    }
}
