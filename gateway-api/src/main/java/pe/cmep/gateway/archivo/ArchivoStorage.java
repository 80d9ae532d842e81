package pe.cmep.gateway.archivo;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.io.InputStream;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import pe.cmep.gateway.web.ApiException;
import pe.cmep.platform.aws.AwsResourceProperties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The files bucket through the S3 API (S3Proxy locally). Calls block, so they run on the bounded-elastic
 * scheduler; each is limited in time and guarded by the {@code s3-storage} circuit breaker, and any failure to
 * reach storage becomes a 503 {@code STORAGE_UNAVAILABLE}.
 */
@Component
class ArchivoStorage {

    static final String UNAVAILABLE = "Almacenamiento de archivos no disponible";
    static final String OBJECT_MISSING = "Archivo fisico no encontrado en storage";
    private static final Logger log = LoggerFactory.getLogger(ArchivoStorage.class);

    private final S3Client s3;
    private final String bucket;
    private final ArchivosProperties properties;
    private final CircuitBreaker breaker;

    ArchivoStorage(S3Client s3, AwsResourceProperties aws, ArchivosProperties properties,
                   CircuitBreakerRegistry breakers) {
        this.s3 = s3;
        this.bucket = aws.bucket();
        this.properties = properties;
        this.breaker = breakers.circuitBreaker("s3-storage");
    }

    Mono<Void> put(String key, Path file, long size, String contentType) {
        return call("put", key, () -> s3.putObject(b -> b.bucket(bucket).key(key)
                        .contentType(contentType)
                        .contentLength(size)
                        .overrideConfiguration(o -> o.apiCallTimeout(properties.storageTimeout())),
                RequestBody.fromFile(file)))
                .then();
    }

    /** The object's bytes, to be read to the end or closed; 404 when the object is missing. */
    Mono<Objeto> open(String key) {
        return call("get", key, () -> {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key)
                    .overrideConfiguration(o -> o.apiCallTimeout(properties.storageTimeout())));
            return new Objeto(in, in.response().contentLength());
        });
    }

    Mono<Void> delete(String key) {
        return call("delete", key, () -> s3.deleteObject(b -> b.bucket(bucket).key(key)
                .overrideConfiguration(o -> o.apiCallTimeout(properties.storageTimeout())))).then();
    }

    private <T> Mono<T> call(String operation, String key, java.util.concurrent.Callable<T> call) {
        return Mono.fromCallable(call)
                .subscribeOn(Schedulers.boundedElastic())
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .onErrorMap(NoSuchKeyException.class, e -> ApiException.notFound(OBJECT_MISSING))
                .onErrorMap(e -> e instanceof SdkException || e instanceof CallNotPermittedException, e -> {
                    log.warn("storage_call_failed operation={} key={} error={}", operation, key, e.toString());
                    return ApiException.storageUnavailable(UNAVAILABLE);
                });
    }

    /** An open object: its bytes and how many there are. */
    record Objeto(InputStream content, Long contentLength) {
    }
}
