package pe.cmep.workflow.maintenance;

import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import pe.cmep.events.InvalidMaintenanceMessageException;
import pe.cmep.events.MaintenanceMessage;
import pe.cmep.events.MaintenanceMessageCodec;

/**
 * Runs the task a message of the maintenance queue asks for. The returned future fails when the message is
 * refused or the task fails: the container then leaves the message on the queue, so it comes back after the
 * visibility timeout and reaches the dead-letter queue after the queue's maximum receive count.
 */
@Component
class MaintenanceMessageHandler {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceMessageHandler.class);

    private final MaintenanceMessageCodec codec = new MaintenanceMessageCodec();
    private final SessionCleanup sessionCleanup;
    private final Counter rejected;

    MaintenanceMessageHandler(SessionCleanup sessionCleanup, MeterRegistry registry) {
        this.sessionCleanup = sessionCleanup;
        this.rejected = Counter.builder("cmep.maintenance.rejected")
                .description("Receives of maintenance messages with an unknown task or version, or malformed")
                .register(registry);
    }

    CompletableFuture<Void> handle(Message<String> message) {
        MaintenanceMessage request;
        try {
            request = codec.fromJson(message.getPayload());
        } catch (InvalidMaintenanceMessageException e) {
            rejected.increment();
            log.warn("maintenance_message_rejected sqs_message_id={} receive_count={} reason=\"{}\"",
                    message.getHeaders().getId(), message.getHeaders().get(SqsHeaders.MessageSystemAttributes
                            .SQS_APPROXIMATE_RECEIVE_COUNT), e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        return switch (request.task()) {
            case SESSION_CLEANUP -> sessionCleanup.run(request).then().toFuture();
        };
    }
}
