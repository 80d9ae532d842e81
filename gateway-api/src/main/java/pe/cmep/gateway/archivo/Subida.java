package pe.cmep.gateway.archivo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A multipart upload read to its end: the form's text fields, and the {@code file} part spooled to a
 * temporary file (null when the form had none).
 *
 * @param campos            text fields by name (the first of each name)
 * @param archivo           the file part, null when absent
 * @param archivoSinNombre  a {@code file} field came as text, not as a file
 */
record Subida(Map<String, String> campos, Parte archivo, boolean archivoSinNombre) {

    Subida {
        campos = Map.copyOf(campos);
    }

    static Subida vacia() {
        return new Subida(Map.of(), null, false);
    }

    /**
     * @param nombreCliente  the name the client gave, as sent (null when none)
     * @param tipoDeclarado  the part's Content-Type, as sent (null when none)
     * @param spool          the bytes received, at most {@link SubidaReader#MAX_BYTES}
     * @param tamanoBytes    bytes received in the part, counted past the limit
     */
    record Parte(String nombreCliente, String tipoDeclarado, Path spool, long tamanoBytes) {

        boolean excedeLimite() {
            return tamanoBytes > SubidaReader.MAX_BYTES;
        }
    }

    /** Deletes the spooled bytes; the request's last step, whatever its outcome. */
    Mono<Void> descartar() {
        if (archivo == null) {
            return Mono.empty();
        }
        return Mono.fromRunnable(() -> {
            try {
                Files.deleteIfExists(archivo.spool());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
