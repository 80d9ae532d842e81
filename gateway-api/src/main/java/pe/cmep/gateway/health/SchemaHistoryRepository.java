package pe.cmep.gateway.health;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Reads Flyway's schema history table: which migrations the database says it has. */
@Repository
class SchemaHistoryRepository {

    private static final String SUCCESSFUL_VERSIONS = """
            SELECT version FROM %s WHERE success = 1 AND version IS NOT NULL""";

    private final DatabaseClient db;
    private final String successfulVersions;

    SchemaHistoryRepository(DatabaseClient db, Flyway flyway) {
        this.db = db;
        this.successfulVersions = SUCCESSFUL_VERSIONS.formatted(flyway.getConfiguration().getTable());
    }

    /**
     * The highest version applied successfully; {@link MigrationVersion#EMPTY} when none is. Fails when the table
     * is missing (a database that came back empty).
     */
    Mono<MigrationVersion> appliedVersion() {
        return db.sql(successfulVersions)
                .map((row, meta) -> MigrationVersion.fromVersion(row.get(0, String.class)))
                .all()
                .reduce((a, b) -> a.compareTo(b) >= 0 ? a : b)
                .defaultIfEmpty(MigrationVersion.EMPTY);
    }
}
