package pe.cmep.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a consumer remembers the event ids it applied ({@code processed_event}), and how it forgets them; a
 * nested record of each consumer's own settings. The default of 30 days outlasts every way a message can come back:
 * 4 days in a source queue (SQS's default retention, which infra/ keeps), then up to 14 days in its FIFO dead-letter
 * queue, whose retention starts again when a message moves there, and 4 more days in the source queue after a
 * redrive: 22 days (docs/events.md, "Retention").
 *
 * @param enabled   false: this instance deletes nothing (another instance of the same consumer may)
 * @param retention ids remembered for at least this long
 * @param interval  pause between pruning runs
 * @param batchSize rows one DELETE removes; a run repeats it until a DELETE removes fewer
 */
public record ProcessedEventRetention(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("1000") int batchSize) {

    public ProcessedEventRetention {
        if (retention.isNegative() || retention.isZero() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("processed-events retention and interval must be positive, were "
                    + retention + " and " + interval);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("processed-events batch-size must be at least 1, was " + batchSize);
        }
    }
}
