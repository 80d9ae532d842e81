package pe.cmep.gateway.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The version of the newest SQL migration this build ships, i.e. the schema it needs, found once at start-up in the
 * locations Flyway migrates from (the platform module's {@code db/migration}), with Flyway's own naming settings.
 */
@Component
class NewestMigration {

    private final MigrationVersion version;

    NewestMigration(Flyway flyway) {
        Configuration configuration = flyway.getConfiguration();
        this.version = find(configuration, new PathMatchingResourcePatternResolver(configuration.getClassLoader()));
    }

    MigrationVersion version() {
        return version;
    }

    private static MigrationVersion find(Configuration configuration, ResourcePatternResolver resolver) {
        return Arrays.stream(configuration.getLocations())
                .flatMap(location -> Arrays.stream(resources(location, configuration, resolver)))
                .map(resource -> versionOf(resource.getFilename(), configuration))
                .flatMap(Optional::stream)
                .max(MigrationVersion::compareTo)
                .orElseThrow(() -> new IllegalStateException("No versioned migration in "
                        + Arrays.toString(configuration.getLocations()) + ": /health has no schema to check"));
    }

    private static Resource[] resources(Location location, Configuration configuration,
                                        ResourcePatternResolver resolver) {
        if (!location.isClassPath()) {
            // a version this check cannot see would let /health pass on a schema that lacks it
            throw new IllegalStateException("/health reads migrations from classpath locations only, not " + location);
        }
        try {
            return resolver.getResources(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX + location.getRootPath()
                    + "/**/" + configuration.getSqlMigrationPrefix() + "*");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the migrations in " + location, e);
        }
    }

    /** {@code V5__report_aggregates.sql} → 5, {@code V1_1__x.sql} → 1.1, any other file → empty. */
    static Optional<MigrationVersion> versionOf(String filename, Configuration configuration) {
        String prefix = configuration.getSqlMigrationPrefix();
        String separator = configuration.getSqlMigrationSeparator();
        if (filename == null || !filename.startsWith(prefix) || !filename.contains(separator)
                || Arrays.stream(configuration.getSqlMigrationSuffixes()).filter(Objects::nonNull)
                        .noneMatch(filename::endsWith)) {
            return Optional.empty();
        }
        String version = filename.substring(prefix.length(), filename.indexOf(separator));
        return version.isEmpty() ? Optional.empty() : Optional.of(MigrationVersion.fromVersion(version));
    }
}
