package pe.cmep.file.verificacion;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.events.ArchivoEvent;
import pe.cmep.file.bucket.FilesBucket;
import pe.cmep.file.idempotency.ProcessedEventRepository;
import reactor.core.publisher.Mono;

/**
 * Verifies an uploaded file (domain.md §8 "Verification"): reads the object, checks its magic bytes against the
 * type it was accepted as and its size against the row, and writes {@code VERIFICADO} with the SHA-256 or
 * {@code RECHAZADO} with the reason, together with the event's id in one transaction. A rejected file's object is
 * removed after the commit; a repeated event finds the verdict given and only repeats that removal, which does
 * nothing more the second time.
 */
@Service
public class VerificacionService {

    private static final Logger log = LoggerFactory.getLogger(VerificacionService.class);

    private final ArchivoRepository archivos;
    private final ProcessedEventRepository processed;
    private final FilesBucket bucket;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final MeterRegistry registry;

    VerificacionService(ArchivoRepository archivos, ProcessedEventRepository processed, FilesBucket bucket,
                        TransactionalOperator tx, Clock clock, MeterRegistry registry) {
        this.archivos = archivos;
        this.processed = processed;
        this.bucket = bucket;
        this.tx = tx;
        this.clock = clock;
        this.registry = registry;
    }

    /** Emits what happened, for the caller's metrics and logs. */
    public Mono<String> verificar(ArchivoEvent event) {
        String eventId = event.eventId().toString();
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return archivos.find(event.archivoId())
                .flatMap(fila -> {
                    if (!"PENDIENTE".equals(fila.estadoVerificacion())) {
                        Mono<Void> cleanUp = Verificacion.RECHAZADO.equals(fila.estadoVerificacion())
                                ? bucket.delete(fila.storageKey()) : Mono.empty();
                        return cleanUp.then(record(eventId, now)).thenReturn("already_decided");
                    }
                    return bucket.inspect(fila.storageKey())
                            .map(contenido -> Verificacion.decidir(fila.mimeType(), fila.tamanoBytes(), contenido))
                            .flatMap(veredicto -> archivos.decide(event.archivoId(), veredicto, now)
                                    .flatMap(decided -> processed.record(eventId, now).thenReturn(decided))
                                    .as(tx::transactional)
                                    .flatMap(decided -> after(event, fila.storageKey(), veredicto, decided)));
                })
                // the file was deleted before its verification: its archivo.deleted event removes the object
                .switchIfEmpty(Mono.defer(() -> record(eventId, now).thenReturn("file_gone")));
    }

    private Mono<String> after(ArchivoEvent event, String key, Verificacion.Veredicto veredicto, boolean decided) {
        if (!decided) {
            return Mono.just("file_gone");
        }
        Counter.builder("cmep.files.verdicts")
                .description("Verdicts given on uploaded files")
                .tag("estado", veredicto.estado())
                .register(registry)
                .increment();
        if (veredicto.rechazado()) {
            log.warn("archivo_rechazado archivo_id={} solicitud_id={} event_id={} key={} motivo=\"{}\"",
                    event.archivoId(), event.solicitudId(), event.eventId(), key, veredicto.motivo());
            return bucket.delete(key).thenReturn(Verificacion.RECHAZADO);
        }
        log.info("archivo_verificado archivo_id={} solicitud_id={} event_id={} sha256={}", event.archivoId(),
                event.solicitudId(), event.eventId(), veredicto.sha256());
        return Mono.just(Verificacion.VERIFICADO);
    }

    private Mono<Void> record(String eventId, LocalDateTime now) {
        return processed.record(eventId, now).as(tx::transactional);
    }
}
