package pe.cmep.gateway.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@link OutboxRelay} and the {@link OutboxPruner}.
 *
 * @param enabled         false: this instance publishes nothing (rows wait for an instance that does) and prunes
 *                        nothing
 * @param pollInterval    pause between looks for pending rows when no commit of this instance woke the relay: the
 *                        fallback that picks up rows other instances left and retries failed ones
 * @param batchSize       rows per SendMessageBatch call, at most 10 (the SQS limit); also the most rows of one
 *                        solicitud a poll sends, so that they fit in one call and keep their order
 * @param parallelBatches SendMessageBatch calls a poll sends side by side; a poll locks up to
 *                        {@code batchSize × parallelBatches} solicitudes
 * @param sendTimeout     limit of one SQS call, so a hanging call cannot hold the batch's row locks for long
 * @param backlogInterval how often the backlog figures of the metrics are counted (a COUNT of the pending rows)
 * @param pruning         removal of rows published long ago
 */
@ConfigurationProperties("cmep.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10") int batchSize,
        @DefaultValue("4") int parallelBatches,
        @DefaultValue("5s") Duration sendTimeout,
        @DefaultValue("10s") Duration backlogInterval,
        @DefaultValue Pruning pruning) {

    static final int MAX_BATCH_SIZE = 10;

    public OutboxProperties {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("cmep.outbox.batch-size must be 1.." + MAX_BATCH_SIZE + ", was " + batchSize);
        }
        if (parallelBatches < 1) {
            throw new IllegalArgumentException("cmep.outbox.parallel-batches must be at least 1, was " + parallelBatches);
        }
        positive("poll-interval", pollInterval);
        positive("send-timeout", sendTimeout);
        positive("backlog-interval", backlogInterval);
    }

    /** The most solicitudes one poll takes. */
    int solicitudesPerPoll() {
        return batchSize * parallelBatches;
    }

    /**
     * @param enabled   false: this instance deletes no published rows (another may)
     * @param retention how long a published row is kept, for questions like "was this event sent, and when"
     * @param interval  pause between pruning runs
     * @param batchSize rows one DELETE removes; a run repeats it until a DELETE removes fewer
     */
    public record Pruning(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("7d") Duration retention,
            @DefaultValue("10m") Duration interval,
            @DefaultValue("1000") int batchSize) {

        public Pruning {
            positive("pruning.retention", retention);
            positive("pruning.interval", interval);
            if (batchSize < 1) {
                throw new IllegalArgumentException("cmep.outbox.pruning.batch-size must be at least 1, was " + batchSize);
            }
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("cmep.outbox." + name + " must be positive, was " + value);
        }
    }
}
