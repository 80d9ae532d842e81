package pe.cmep.gateway.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * The API's answers as the people on call read them: {@code cmep.http.server.requests} by route template, method
 * and status class, and {@code cmep.http.server.errors}, every 5xx answer with no other tag, which is what the
 * "more than 5 in 5 minutes" alarm watches (an alarm reads one series, so the count must not be split by route).
 * Both are read from the server's own observation of each exchange, which ends after the error handlers have set
 * the final status. The error counter is created by the first 5xx, so a service that never failed sends nothing.
 */
@Component
class HttpMetrics implements ObservationHandler<ServerRequestObservationContext> {

    static final String REQUESTS = "cmep.http.server.requests";
    static final String ERRORS = "cmep.http.server.errors";
    /** The route tag of a request no handler matched (unknown paths, the web app's files). */
    static final String UNMATCHED = "unmatched";

    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ServerRequestObservationContext;
    }

    @Override
    public void onStop(ServerRequestObservationContext context) {
        if (context.isConnectionAborted()) {
            return;
        }
        HttpStatusCode status = context.getResponse() == null ? null : context.getResponse().getStatusCode();
        String statusClass = statusClass(status);
        String route = context.getPathPattern() == null ? UNMATCHED : context.getPathPattern();
        Counter.builder(REQUESTS)
                .description("HTTP answers by route template, method and status class")
                .tags("route", route, "method", context.getCarrier().getMethod().name(), "status_class", statusClass)
                .register(registry)
                .increment();
        if (status != null && status.is5xxServerError()) {
            Counter.builder(ERRORS)
                    .description("HTTP answers with a 5xx status")
                    .register(registry)
                    .increment();
        }
    }

    static String statusClass(HttpStatusCode status) {
        return status == null ? "unknown" : (status.value() / 100) + "xx";
    }
}
