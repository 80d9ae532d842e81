package pe.cmep.gateway.archivo;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.web.PathIds;
import pe.cmep.gateway.web.Responses;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The file endpoints of api.md §7.6: any logged-in user; no policy or state check (every authenticated user
 * may read every solicitud, domain.md §10 #11).
 */
@RestController
class ArchivosController {

    private static final int CHUNK = 64 * 1024;

    private final SubidaReader reader;
    private final ArchivoService service;

    ArchivosController(SubidaReader reader, ArchivoService service) {
        this.reader = reader;
        this.service = service;
    }

    /** The body is read only after the session check; the spooled bytes are deleted whatever the outcome. */
    @PostMapping("/solicitudes/{solicitud_id}/archivos")
    Mono<ResponseEntity<Object>> subir(@PathVariable("solicitud_id") String solicitudId, CurrentUser user,
                                       ServerWebExchange exchange) {
        return Mono.usingWhen(reader.leer(exchange.getRequest()),
                        subida -> Mono.defer(() -> service.subir(
                                PathIds.positive(solicitudId, "solicitud_id"), subida, user)),
                        Subida::descartar)
                .map(Responses::ok);
    }

    @GetMapping("/archivos/{archivo_id}")
    Mono<ResponseEntity<Flux<DataBuffer>>> descargar(@PathVariable("archivo_id") String archivoId) {
        return Mono.defer(() -> service.descargable(PathIds.positive(archivoId, "archivo_id")))
                .flatMap(archivo -> service.abrir(archivo).map(objeto -> {
                    HttpHeaders headers = new HttpHeaders();
                    headers.setContentType(archivo.mimeType() == null ? MediaType.APPLICATION_OCTET_STREAM
                            : MediaType.parseMediaType(archivo.mimeType()));
                    headers.set(HttpHeaders.CONTENT_DISPOSITION, Descarga.contentDisposition(archivo.nombreOriginal()));
                    headers.set("X-Content-Type-Options", "nosniff");
                    if (objeto.contentLength() != null) {
                        headers.setContentLength(objeto.contentLength());
                    }
                    Flux<DataBuffer> body = DataBufferUtils.readInputStream(objeto::content,
                                    DefaultDataBufferFactory.sharedInstance, CHUNK)
                            .subscribeOn(Schedulers.boundedElastic());
                    return ResponseEntity.ok().headers(headers).body(body);
                }));
    }

    @DeleteMapping("/archivos/{archivo_id}")
    Mono<ResponseEntity<Object>> eliminar(@PathVariable("archivo_id") String archivoId, CurrentUser user) {
        return Mono.defer(() -> service.eliminar(PathIds.positive(archivoId, "archivo_id"), user))
                .then(Mono.fromSupplier(Responses::ok));
    }
}
