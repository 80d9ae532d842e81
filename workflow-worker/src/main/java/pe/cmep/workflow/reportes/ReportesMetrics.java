package pe.cmep.workflow.reportes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The consumer's meters: {@code cmep.reports.events} counts events by type and outcome ({@code applied},
 * {@code duplicate}, {@code rejected}, {@code failed}); {@code cmep.reports.events.lag} is the time from an event's
 * {@code occurred_at} to its aggregates being committed (occurred_at has whole seconds, so up to one second of it
 * is rounding). The dead-letter depth is the platform's {@code cmep.queue.messages} gauge.
 */
@Component
class ReportesMetrics {

    static final String EVENTS = "cmep.reports.events";
    static final String LAG = "cmep.reports.events.lag";

    private final MeterRegistry registry;
    private final Timer lag;

    ReportesMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Timer.builder(LAG)
                .description("From an event's occurred_at to its changes committed in the report aggregates")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    void consumed(String type, String outcome) {
        Counter.builder(EVENTS)
                .description("Solicitud events taken from the queue by the report consumer")
                .tags("type", type, "outcome", outcome)
                .register(registry)
                .increment();
    }

    void lag(Duration duration) {
        lag.record(duration.isNegative() ? Duration.ZERO : duration);
    }
}
