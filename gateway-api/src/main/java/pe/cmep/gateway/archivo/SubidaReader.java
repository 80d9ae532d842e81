package pe.cmep.gateway.archivo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.codec.multipart.PartEventHttpMessageReader;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads a multipart upload as a stream of part events and spools the {@code file} part to a temporary file,
 * so no upload is ever held in memory whole. Bytes past {@link #MAX_BYTES} are counted and dropped (the
 * request is refused later, after the checks that come first); a body past {@link #HARD_CAP} is refused at once.
 */
@Component
class SubidaReader {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final String FILE_PART = "file";
    static final String TOO_LARGE = "Archivo excede el tamano maximo (10 MB)";
    /** Past this the client is not worth listening to until the end; it gets its 413 right away. */
    static final long HARD_CAP = 4 * MAX_BYTES;
    private static final int MAX_FIELDS = 20;
    private static final ResolvableType PART_EVENT = ResolvableType.forClass(PartEvent.class);

    private final PartEventHttpMessageReader reader = new PartEventHttpMessageReader();

    SubidaReader() {
        reader.setMaxInMemorySize(64 * 1024);
        reader.setMaxParts(MAX_FIELDS);
    }

    Mono<Subida> leer(ServerHttpRequest request) {
        MediaType type = request.getHeaders().getContentType();
        if (type == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
            return drain(request).thenReturn(Subida.vacia());
        }
        return Mono.defer(() -> {
            Spool spool = new Spool();
            return reader.read(PART_EVENT, request, Map.of())
                    .concatMap(event -> Mono.fromRunnable(() -> spool.accept(event))
                            .subscribeOn(Schedulers.boundedElastic()), 1)
                    .then(Mono.fromCallable(spool::finish).subscribeOn(Schedulers.boundedElastic()))
                    .doOnError(e -> spool.abandon())
                    .doOnCancel(spool::abandon)
                    // a part header the reader cannot parse (a Content-Type that is no media type) is a broken form too
                    .onErrorMap(e -> e instanceof DecodingException || e instanceof InvalidMediaTypeException,
                            e -> ApiException.validation(FILE_PART, "Formulario multipart invalido"));
        });
    }

    /** A body that is not a form still has to be read before the answer; past the cap, not even that. */
    private static Mono<Void> drain(ServerHttpRequest request) {
        long[] total = {0};
        return request.getBody()
                .doOnNext(buffer -> {
                    total[0] += buffer.readableByteCount();
                    DataBufferUtils.release(buffer);
                    if (total[0] > HARD_CAP) {
                        throw ApiException.payloadTooLarge(TOO_LARGE);
                    }
                })
                .then();
    }

    /** The state of one request's reading; its events arrive one at a time, in order. */
    private static final class Spool {

        private final Map<String, String> campos = new LinkedHashMap<>();
        private boolean archivoSinNombre;
        private boolean enParte;
        private boolean capturando;
        private FileChannel channel;
        private Path path;
        private String nombre;
        private String tipo;
        private long tamano;
        private long total;
        private boolean archivoCompleto;

        void accept(PartEvent event) {
            try {
                if (event instanceof FormPartEvent form) {
                    campos.putIfAbsent(form.name(), form.value());
                    archivoSinNombre |= FILE_PART.equals(form.name());
                } else if (event instanceof FilePartEvent file) {
                    acceptFile(file);
                }
            } finally {
                DataBufferUtils.release(event.content());
            }
        }

        private void acceptFile(FilePartEvent event) {
            if (!enParte) {
                enParte = true;
                capturando = FILE_PART.equals(event.name()) && path == null;
                if (capturando) {
                    open(event);
                }
            }
            int bytes = event.content().readableByteCount();
            total += bytes;
            if (total > HARD_CAP) {
                throw ApiException.payloadTooLarge(TOO_LARGE);
            }
            if (capturando) {
                tamano += bytes;
                if (tamano <= MAX_BYTES) {
                    write(event.content());
                }
            }
            if (event.isLast()) {
                enParte = false;
                if (capturando) {
                    capturando = false;
                    archivoCompleto = true;
                    close();
                }
            }
        }

        private void open(FilePartEvent event) {
            nombre = event.filename();
            MediaType declared = event.headers().getContentType();
            tipo = declared == null ? null : declared.toString();
            try {
                path = Files.createTempFile("cmep-upload-", ".part");
                channel = FileChannel.open(path, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot spool the upload", e);
            }
        }

        private void write(DataBuffer buffer) {
            try (DataBuffer.ByteBufferIterator it = buffer.readableByteBuffers()) {
                while (it.hasNext()) {
                    ByteBuffer chunk = it.next();
                    while (chunk.hasRemaining()) {
                        channel.write(chunk);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot spool the upload", e);
            }
        }

        private void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot spool the upload", e);
            }
        }

        Subida finish() {
            if (path != null && !archivoCompleto) {
                abandon();
                throw ApiException.validation(FILE_PART, "Formulario multipart invalido");
            }
            return new Subida(campos, path == null ? null : new Subida.Parte(nombre, tipo, path, tamano),
                    archivoSinNombre);
        }

        void abandon() {
            try {
                if (channel != null) {
                    channel.close();
                }
                if (path != null) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the upload's spool " + path, e);
            }
        }
    }
}
