package pe.cmep.gateway.archivo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of file storage.
 *
 * @param storageTimeout limit of one S3 call (a 10 MB upload included), after which the request answers 503
 */
@ConfigurationProperties("cmep.archivos")
public record ArchivosProperties(@DefaultValue("30s") Duration storageTimeout) {

    public ArchivosProperties {
        if (storageTimeout.isNegative() || storageTimeout.isZero()) {
            throw new IllegalArgumentException("cmep.archivos.storage-timeout must be positive, was " + storageTimeout);
        }
    }
}
