package pe.cmep.file.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import pe.cmep.platform.events.ProcessedEventRetention;

/**
 * Settings of the file-worker.
 *
 * @param retryAfter  how long a message whose handling failed stays invisible before it is received again
 * @param orphanSweep the periodic removal of objects no {@code archivos} row points at
 * @param processedEvents how long the applied event ids are remembered ({@code processed_event}) and how they are
 *                    pruned
 */
@ConfigurationProperties("cmep.file-worker")
public record FileWorkerProperties(
        @DefaultValue("30s") Duration retryAfter,
        @DefaultValue OrphanSweep orphanSweep,
        @DefaultValue ProcessedEventRetention processedEvents) {

    public FileWorkerProperties {
        positive(retryAfter, "retry-after");
        positive(orphanSweep.interval(), "orphan-sweep.interval");
        positive(orphanSweep.minAge(), "orphan-sweep.min-age");
    }

    /**
     * @param enabled  false: this instance does not sweep
     * @param interval pause between sweeps
     * @param minAge   objects younger than this are left alone: their upload may still be writing its rows
     */
    public record OrphanSweep(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1h") Duration interval,
            @DefaultValue("1h") Duration minAge) {
    }

    private static void positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("cmep.file-worker." + name + " must be positive, was " + value);
        }
    }
}
