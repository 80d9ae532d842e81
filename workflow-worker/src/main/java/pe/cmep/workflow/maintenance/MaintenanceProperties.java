package pe.cmep.workflow.maintenance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the maintenance queue's consumer and of the local schedule ({@code cmep.maintenance.*}).
 *
 * @param schedule       the local stand-in for the EventBridge schedule
 * @param listener       how the maintenance queue is consumed
 * @param sessionCleanup how expired sessions are deleted
 */
@ConfigurationProperties("cmep.maintenance")
public record MaintenanceProperties(
        @DefaultValue Schedule schedule,
        @DefaultValue Listener listener,
        @DefaultValue SessionCleanup sessionCleanup) {

    /**
     * @param enabled     whether this worker sends the session-cleanup message itself (on in {@code local}, off in
     *                    {@code prod}, where EventBridge Scheduler sends it)
     * @param interval    time between two messages; the first goes out when the worker starts
     * @param sendTimeout how long one send may take before it counts as failed (the next tick tries again)
     */
    public record Schedule(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("6h") Duration interval,
            @DefaultValue("10s") Duration sendTimeout) {

        public Schedule {
            positive(interval, "cmep.maintenance.schedule.interval");
            positive(sendTimeout, "cmep.maintenance.schedule.send-timeout");
        }
    }

    /**
     * @param enabled    whether this process consumes the maintenance queue (off for the one-shot report rebuild,
     *                   which would otherwise wait for a long poll to end before it can exit)
     * @param retryAfter how long a message that failed stays invisible before it is received again; after the
     *                   queue's maximum receive count it moves to the dead-letter queue (whole seconds)
     */
    public record Listener(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration retryAfter) {

        public Listener {
            positive(retryAfter, "cmep.maintenance.listener.retry-after");
            if (retryAfter.toMillis() % 1000 != 0) {
                throw new IllegalArgumentException("cmep.maintenance.listener.retry-after must be whole seconds, was "
                        + retryAfter);
            }
        }
    }

    /**
     * @param batchSize at most this many sessions per DELETE statement, so a large backlog never holds its locks
     *                  for long
     */
    public record SessionCleanup(@DefaultValue("1000") int batchSize) {

        public SessionCleanup {
            if (batchSize < 1) {
                throw new IllegalArgumentException("cmep.maintenance.session-cleanup.batch-size must be at least 1, was "
                        + batchSize);
            }
        }
    }

    private static void positive(Duration value, String property) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be positive, was " + value);
        }
    }
}
