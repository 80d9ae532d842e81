package pe.cmep.gateway.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@link OutboxRelay}.
 *
 * @param enabled      false: this instance publishes nothing (rows wait for an instance that does)
 * @param pollInterval pause between looks for pending rows while there is nothing (more) to send
 * @param batchSize    rows per SendMessageBatch call, at most 10 (the SQS limit)
 * @param sendTimeout  limit of one SQS call, so a hanging call cannot hold the batch's row locks for long
 */
@ConfigurationProperties("cmep.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("10") int batchSize,
        @DefaultValue("5s") Duration sendTimeout) {

    static final int MAX_BATCH_SIZE = 10;

    public OutboxProperties {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("cmep.outbox.batch-size must be 1.." + MAX_BATCH_SIZE + ", was " + batchSize);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("cmep.outbox.poll-interval must be positive, was " + pollInterval);
        }
        if (sendTimeout.isNegative() || sendTimeout.isZero()) {
            throw new IllegalArgumentException("cmep.outbox.send-timeout must be positive, was " + sendTimeout);
        }
    }
}
