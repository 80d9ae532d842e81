package pe.cmep.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** What needs no database: the aggregates' time columns hold UTC, whatever the JVM's zone. */
class ReportProjectorTest {

    @Test
    void instants_are_stored_as_utc_wall_time() {
        assertThat(ReportProjector.utc(Instant.parse("2026-01-01T04:30:00Z")))
                .isEqualTo(LocalDateTime.parse("2026-01-01T04:30:00"));
    }
}
