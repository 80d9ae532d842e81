package pe.cmep.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.junit.jupiter.api.Test;

class NewestMigrationTest {

    private final Configuration flyway = Flyway.configure();

    @Test
    void versioned_sql_migrations_give_their_version() {
        assertThat(NewestMigration.versionOf("V5__report_aggregates.sql", flyway))
                .contains(MigrationVersion.fromVersion("5"));
        assertThat(NewestMigration.versionOf("V1_10__later.sql", flyway).orElseThrow())
                .isGreaterThan(MigrationVersion.fromVersion("1.9"));
    }

    @Test
    void other_files_are_not_versioned_migrations() {
        assertThat(NewestMigration.versionOf("R__views.sql", flyway)).isEqualTo(Optional.empty());
        assertThat(NewestMigration.versionOf("V6_notes.txt", flyway)).isEmpty();
        assertThat(NewestMigration.versionOf("V__no_version.sql", flyway)).isEmpty();
    }
}
