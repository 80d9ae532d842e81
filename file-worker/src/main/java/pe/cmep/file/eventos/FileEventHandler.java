package pe.cmep.file.eventos;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import pe.cmep.events.ArchivoDeleted;
import pe.cmep.events.ArchivoEvent;
import pe.cmep.events.ArchivoEventCodec;
import pe.cmep.events.InvalidEventException;
import pe.cmep.file.idempotency.ProcessedEventRepository;
import pe.cmep.file.limpieza.ObjetosEliminados;
import pe.cmep.file.verificacion.VerificacionService;
import reactor.core.publisher.Mono;

/**
 * Handles one message of the file-events queue. An event already applied is acknowledged without effect. The
 * returned future fails when the message is refused (unknown type or version, malformed) or its handling
 * fails: the container then leaves it on the queue, it comes back after the visibility timeout, and after the
 * queue's maximum receive count it is in the dead-letter queue.
 */
@Component
class FileEventHandler {

    private static final Logger log = LoggerFactory.getLogger(FileEventHandler.class);

    private final ArchivoEventCodec codec = new ArchivoEventCodec();
    private final ProcessedEventRepository processed;
    private final VerificacionService verificacion;
    private final ObjetosEliminados eliminados;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Timer lag;

    FileEventHandler(ProcessedEventRepository processed, VerificacionService verificacion, ObjetosEliminados eliminados,
                     Clock clock, MeterRegistry registry) {
        this.processed = processed;
        this.verificacion = verificacion;
        this.eliminados = eliminados;
        this.clock = clock;
        this.registry = registry;
        this.lag = Timer.builder("cmep.files.event.lag")
                .description("Time from an event's occurred_at to the end of its handling")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    CompletableFuture<Void> handle(Message<String> message) {
        ArchivoEvent event;
        try {
            event = codec.fromJson(message.getPayload());
        } catch (InvalidEventException e) {
            count("unknown", "rejected");
            log.warn("file_event_rejected sqs_message_id={} reason=\"{}\"", message.getHeaders().getId(),
                    e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        return processed.seen(event.eventId().toString())
                .flatMap(seen -> seen ? Mono.just("duplicate") : apply(event))
                .doOnNext(outcome -> {
                    count(event.type(), outcome);
                    lag.record(Duration.between(event.occurredAt(), clock.instant()));
                    log.debug("file_event_handled event_id={} type={} archivo_id={} outcome={}", event.eventId(),
                            event.type(), event.archivoId(), outcome);
                })
                .doOnError(e -> {
                    count(event.type(), "failed");
                    log.warn("file_event_failed event_id={} type={} archivo_id={} solicitud_id={} error=\"{}\"",
                            event.eventId(), event.type(), event.archivoId(), event.solicitudId(), e.toString());
                })
                .then()
                .toFuture();
    }

    private Mono<String> apply(ArchivoEvent event) {
        if (event.payload() instanceof ArchivoDeleted deleted) {
            return eliminados.eliminar(event, deleted);
        }
        return verificacion.verificar(event);
    }

    private void count(String type, String outcome) {
        Counter.builder("cmep.files.events")
                .description("File events handled, by type and outcome")
                .tag("type", type)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
