package pe.cmep.file.limpieza;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.events.ArchivoDeleted;
import pe.cmep.events.ArchivoEvent;
import pe.cmep.file.bucket.FilesBucket;
import pe.cmep.file.idempotency.ProcessedEventRepository;
import reactor.core.publisher.Mono;

/**
 * Deletes the object of a file whose rows are gone (DELETE /archivos/{id}, or its solicitud was deleted). The
 * object goes first and the event is recorded after: a crash in between repeats a delete, which is harmless.
 */
@Service
public class ObjetosEliminados {

    private static final Logger log = LoggerFactory.getLogger(ObjetosEliminados.class);

    private final FilesBucket bucket;
    private final ProcessedEventRepository processed;
    private final TransactionalOperator tx;
    private final Clock clock;

    ObjetosEliminados(FilesBucket bucket, ProcessedEventRepository processed, TransactionalOperator tx, Clock clock) {
        this.bucket = bucket;
        this.processed = processed;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<String> eliminar(ArchivoEvent event, ArchivoDeleted deleted) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return bucket.delete(deleted.storageKey())
                .then(processed.record(event.eventId().toString(), now).as(tx::transactional))
                .doOnSuccess(v -> log.info("archivo_objeto_eliminado archivo_id={} solicitud_id={} event_id={} key={}",
                        event.archivoId(), event.solicitudId(), event.eventId(), deleted.storageKey()))
                .thenReturn("deleted");
    }
}
