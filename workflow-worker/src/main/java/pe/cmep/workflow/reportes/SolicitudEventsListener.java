package pe.cmep.workflow.reportes;

import io.awspring.cloud.sqs.annotation.SqsListener;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import pe.cmep.events.InvalidEventException;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudEventCodec;
import pe.cmep.reporting.ReportProjector;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the report aggregates from the solicitud events (docs/events.md, docs/reports.md). The queue is FIFO
 * with the solicitud as message group, so the events of one solicitud arrive in order while different
 * solicitudes are applied in parallel. A message is acknowledged only once its changes are committed; an event
 * that cannot be read (unknown type or major version, malformed) or fails to apply is not, so it comes back
 * after the visibility timeout and, after the queue's max receive count, goes to the dead-letter queue.
 */
@Component
@ConditionalOnProperty(name = "cmep.reports.consumer-enabled", havingValue = "true", matchIfMissing = true)
class SolicitudEventsListener {

    private static final Logger log = LoggerFactory.getLogger(SolicitudEventsListener.class);
    private static final String UNKNOWN = "unknown";

    private final ReportProjector projector;
    private final ReportesMetrics metrics;
    private final SolicitudEventCodec codec = new SolicitudEventCodec();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.systemUTC();

    SolicitudEventsListener(ReportProjector projector, ReportesMetrics metrics) {
        this.projector = projector;
        this.metrics = metrics;
    }

    @SqsListener(queueNames = "${cmep.aws.queues.solicitud-events}", factory = ReportesConfiguration.LISTENER_FACTORY)
    CompletableFuture<Void> onMessage(Message message) {
        SolicitudEvent event;
        try {
            event = codec.fromJson(message.body());
        } catch (InvalidEventException e) {
            String type = field(message.body(), "type");
            metrics.consumed(type, "rejected");
            log.error("report_event_rejected event_id={} type={} solicitud_id={} message_id={} reason=\"{}\"",
                    field(message.body(), "event_id"), type, field(message.body(), "solicitud_id"),
                    message.messageId(), e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        return projector.apply(event)
                .doOnNext(outcome -> {
                    Duration lag = Duration.between(event.occurredAt(), clock.instant());
                    metrics.consumed(event.type(), outcome.name().toLowerCase(java.util.Locale.ROOT));
                    if (outcome == ReportProjector.Outcome.APPLIED) {
                        metrics.lag(lag);
                        log.debug("report_event_applied event_id={} type={} solicitud_id={} lag_ms={}",
                                event.eventId(), event.type(), event.solicitudId(), lag.toMillis());
                    } else {
                        log.info("report_event_duplicate event_id={} type={} solicitud_id={}",
                                event.eventId(), event.type(), event.solicitudId());
                    }
                })
                .doOnError(e -> {
                    metrics.consumed(event.type(), "failed");
                    log.error("report_event_failed event_id={} type={} solicitud_id={} reason=\"{}\"",
                            event.eventId(), event.type(), event.solicitudId(), e.toString());
                })
                .then()
                .toFuture();
    }

    /** A top-level field of a message that may not even be JSON, for the log line of a rejected event. */
    private String field(String body, String name) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode value = node == null ? null : node.get(name);
            return value == null || value.isNull() || !value.isValueNode() ? UNKNOWN : value.asString();
        } catch (RuntimeException e) {
            return UNKNOWN;
        }
    }
}
