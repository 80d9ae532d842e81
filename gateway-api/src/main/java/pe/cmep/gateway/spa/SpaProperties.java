package pe.cmep.gateway.spa;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the built web app lives, when this API serves it on its own origin.
 *
 * @param dir the Vite build ({@code frontend/dist}); empty: the API serves no web app (production, where
 *            CloudFront serves it from S3)
 */
@ConfigurationProperties("cmep.spa")
public record SpaProperties(String dir) {

    public Optional<Path> root() {
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir.strip()));
    }
}
