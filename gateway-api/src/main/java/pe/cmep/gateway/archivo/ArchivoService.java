package pe.cmep.gateway.archivo;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.events.ArchivoDeleted;
import pe.cmep.events.ArchivoEvent;
import pe.cmep.events.ArchivoUploaded;
import pe.cmep.gateway.archivo.ArchivoRepository.Guardado;
import pe.cmep.gateway.archivo.ArchivoRepository.NuevoArchivo;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.db.DeadlockRetry;
import pe.cmep.gateway.outbox.Outbox;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/**
 * Upload, download and delete of files (api.md §7.6, domain.md §8). The object is written before its rows and
 * removed again when the rows cannot be written, so a row never points at nothing; an object whose removal also
 * fails is left to the file-worker's orphan sweep.
 */
@Service
class ArchivoService {

    static final String NOT_FOUND = "Archivo no encontrado";
    static final String SOLICITUD_NOT_FOUND = "Solicitud no encontrada";
    static final String RECHAZADO = "Archivo rechazado por verificacion";
    static final List<String> TIPOS = List.of("DOCUMENTO", "EVIDENCIA_PAGO", "OTROS");
    static final String TIPO_INVALIDO = "tipo_archivo debe ser uno de: DOCUMENTO, EVIDENCIA_PAGO, OTROS";
    static final String PAGO_AJENO = "pago_id no pertenece a esta solicitud";
    static final String TIPO_NO_PERMITIDO = "Tipo de archivo no permitido";
    static final String UPLOAD_PREFIX = "uploads/";
    private static final Logger log = LoggerFactory.getLogger(ArchivoService.class);

    private final ArchivoRepository archivos;
    private final ArchivoStorage storage;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    ArchivoService(ArchivoRepository archivos, ArchivoStorage storage, Outbox outbox, TransactionalOperator tx,
                   Clock clock) {
        this.archivos = archivos;
        this.storage = storage;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** The checks run in the order of api.md §7.6. */
    Mono<ArchivoSubido> subir(int solicitudId, Subida subida, CurrentUser user) {
        Subida.Parte parte = subida.archivo();
        if (parte == null) {
            return Mono.error(ApiException.validation(SubidaReader.FILE_PART,
                    subida.archivoSinNombre() ? "Debe ser un archivo" : "Campo requerido"));
        }
        String tipo = tipo(subida.campos().get("tipo_archivo"));
        Integer pagoId = pagoId(subida.campos().get("pago_id"));
        return archivos.solicitudExists(solicitudId)
                .flatMap(exists -> exists ? Mono.empty() : Mono.error(ApiException.notFound(SOLICITUD_NOT_FOUND)))
                .then(pagoId == null ? Mono.just(true) : archivos.pagoOf(pagoId, solicitudId))
                .flatMap(ownPago -> ownPago ? Mono.empty()
                        : Mono.error(ApiException.validation(PAGO_AJENO, "pago_id", PAGO_AJENO)))
                .then(Mono.defer(() -> store(solicitudId, pagoId, tipo, parte, user)));
    }

    private Mono<ArchivoSubido> store(int solicitudId, Integer pagoId, String tipo, Subida.Parte parte,
                                      CurrentUser user) {
        if (parte.excedeLimite()) {
            return Mono.error(ApiException.payloadTooLarge(SubidaReader.TOO_LARGE));
        }
        String nombre = NombreArchivo.sanear(parte.nombreCliente());
        TiposPermitidos.Aceptado aceptado = TiposPermitidos.aceptar(nombre, parte.tipoDeclarado())
                .orElseThrow(() -> ApiException.validation(TIPO_NO_PERMITIDO, "file", TIPO_NO_PERMITIDO));
        String nombreStorage = UUID.randomUUID().toString().replace("-", "") + aceptado.extension();
        String key = UPLOAD_PREFIX + nombreStorage;
        NuevoArchivo nuevo = new NuevoArchivo(solicitudId, pagoId, nombre, nombreStorage, tipo,
                aceptado.mimeType(), parte.tamanoBytes(), key, user.userId());
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return storage.put(key, parte.spool(), parte.tamanoBytes(), aceptado.mimeType())
                .then(archivos.insert(nuevo, now)
                        .flatMap(archivoId -> outbox.append(ArchivoEvent.of(archivoId, solicitudId, user.userId(),
                                        now.toInstant(ZoneOffset.UTC),
                                        new ArchivoUploaded(key, aceptado.mimeType(), parte.tamanoBytes())))
                                .thenReturn(archivoId))
                        .as(tx::transactional)
                        .retryWhen(DeadlockRetry.of("archivo_upload solicitud_id=" + solicitudId))
                        // the solicitud or the payment was deleted between the checks and the insert
                        .onErrorMap(DataIntegrityViolationException.class,
                                e -> ApiException.notFound(SOLICITUD_NOT_FOUND))
                        .onErrorResume(e -> removeObject(key, solicitudId).then(Mono.error(e))))
                .doOnNext(archivoId -> log.info("archivo_uploaded archivo_id={} solicitud_id={} key={} bytes={} "
                                + "mime_type={} user_id={}", archivoId, solicitudId, key, parte.tamanoBytes(),
                        aceptado.mimeType(), user.userId()))
                .map(archivoId -> new ArchivoSubido(archivoId, nombre, tipo, parte.tamanoBytes(),
                        aceptado.mimeType(), "PENDIENTE"));
    }

    private Mono<Void> removeObject(String key, int solicitudId) {
        return storage.delete(key)
                .onErrorResume(e -> {
                    log.warn("archivo_orphan_left key={} solicitud_id={} reason={} (the file-worker's orphan sweep "
                            + "removes it)", key, solicitudId, e.getMessage());
                    return Mono.empty();
                });
    }

    /** A file that may be downloaded: 404 without its row, 409 once the file-worker rejected it (§10 #32). */
    Mono<Guardado> descargable(int archivoId) {
        return archivos.find(archivoId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(NOT_FOUND)))
                .flatMap(archivo -> archivo.estado() == EstadoVerificacion.RECHAZADO
                        ? Mono.error(ApiException.conflict(RECHAZADO))
                        : Mono.just(archivo));
    }

    Mono<ArchivoStorage.Objeto> abrir(Guardado archivo) {
        return storage.open(archivo.storageKey());
    }

    /** The rows go now; the object goes when the file-worker handles the event written with them. */
    Mono<Void> eliminar(int archivoId, CurrentUser user) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return archivos.lockForDelete(archivoId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(NOT_FOUND)))
                .flatMap(a -> archivos.delete(archivoId)
                        .then(a.solicitudId() == null ? Mono.<Void>empty()
                                : outbox.append(ArchivoEvent.of(archivoId, a.solicitudId(), user.userId(),
                                now.toInstant(ZoneOffset.UTC), new ArchivoDeleted(a.storageKey()))))
                        .thenReturn(a))
                .as(tx::transactional)
                .retryWhen(DeadlockRetry.of("archivo_delete archivo_id=" + archivoId))
                .flatMap(a -> {
                    log.info("archivo_deleted archivo_id={} solicitud_id={} key={} user_id={}", archivoId,
                            a.solicitudId(), a.storageKey(), user.userId());
                    // a file hanging from no solicitud has no queue group: its object is removed here, best effort
                    return a.solicitudId() == null ? removeObject(a.storageKey(), 0) : Mono.empty();
                });
    }

    private static String tipo(String value) {
        if (value == null || value.isBlank()) {
            return "OTROS";
        }
        String tipo = value.strip();
        if (!TIPOS.contains(tipo)) {
            throw ApiException.validation(TIPO_INVALIDO, "tipo_archivo", TIPO_INVALIDO);
        }
        return tipo;
    }

    private static Integer pagoId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int id = Integer.parseInt(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            throw ApiException.validation("pago_id", "Debe ser un entero positivo");
        }
        throw ApiException.validation("pago_id", "Debe ser un entero positivo");
    }
}
