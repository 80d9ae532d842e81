package pe.cmep.file.bucket;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import pe.cmep.file.verificacion.Firmas;
import pe.cmep.platform.aws.AwsResourceProperties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The files bucket as the file-worker uses it. Calls block, so they run on the bounded-elastic scheduler. */
@Component
public class FilesBucket {

    static final String UPLOADS = "uploads/";

    private final S3Client s3;
    private final String bucket;

    FilesBucket(S3Client s3, AwsResourceProperties aws) {
        this.s3 = s3;
        this.bucket = aws.bucket();
    }

    /** Reads the object once, to its end: size, SHA-256 and its first bytes. Empty when there is no object. */
    public Mono<Optional<Contenido>> inspect(String key) {
        return Mono.fromCallable(() -> {
            try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key))) {
                return Optional.of(read(in));
            } catch (NoSuchKeyException e) {
                return Optional.<Contenido>empty();
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Deleting a missing object succeeds, so a repeated delete does nothing more. */
    public Mono<Void> delete(String key) {
        return Mono.fromRunnable(() -> s3.deleteObject(b -> b.bucket(bucket).key(key)))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    /** Keys under {@code uploads/} last written before {@code before}. */
    public Mono<List<String>> uploadsOlderThan(Instant before) {
        return Mono.fromCallable(() -> s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(UPLOADS)).contents()
                        .stream()
                        // the filesystem store of S3Proxy lists the prefix itself as a directory marker
                        .filter(o -> !o.key().endsWith("/"))
                        .filter(o -> o.lastModified().isBefore(before))
                        .map(S3Object::key)
                        .toList())
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static Contenido read(InputStream in) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
        byte[] head = new byte[Firmas.HEAD_BYTES];
        int headLength = 0;
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) != -1) {
            sha256.update(buffer, 0, n);
            if (headLength < head.length) {
                int copy = Math.min(n, head.length - headLength);
                System.arraycopy(buffer, 0, head, headLength, copy);
                headLength += copy;
            }
            size += n;
        }
        return new Contenido(size, HexFormat.of().formatHex(sha256.digest()), Arrays.copyOf(head, headLength));
    }

    /**
     * What a read of the object found.
     *
     * @param sha256 lower-case hex
     * @param head   the first {@link Firmas#HEAD_BYTES} bytes, fewer for a shorter object
     */
    public record Contenido(long size, String sha256, byte[] head) {
    }
}
