package pe.cmep.platform.aws;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/** DOWN while any of this service's queues (or their DLQs) cannot be reached. */
public class QueueHealthIndicator extends AbstractReactiveHealthIndicator {

    private final QueueMonitor monitor;

    public QueueHealthIndicator(QueueMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return monitor.pollOnce().then(Mono.fromSupplier(() -> {
            boolean up = true;
            Map<String, Object> details = new LinkedHashMap<>();
            for (Map.Entry<String, QueueMonitor.QueueState> e : monitor.states().entrySet()) {
                QueueMonitor.QueueState s = e.getValue();
                if (s.lastError() != null || s.lastSuccess() == null) {
                    up = false;
                    details.put(e.getKey(), s.lastError() == null ? "not polled yet" : s.lastError());
                } else {
                    details.put(e.getKey(), Map.of("visible", s.visible(), "in_flight", s.inFlight()));
                }
            }
            return (up ? builder.up() : builder.down()).withDetails(details).build();
        }));
    }
}
