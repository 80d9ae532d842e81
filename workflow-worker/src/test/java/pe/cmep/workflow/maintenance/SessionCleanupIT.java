package pe.cmep.workflow.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import pe.cmep.events.MaintenanceMessage;
import pe.cmep.workflow.WorkerIntegrationTest;

/**
 * The clean-up itself, on the real database with a fixed clock. "Now" lies weeks ahead of the real time, so
 * the sessions these tests call expired are not yet expired for a clean-up some message triggers meanwhile.
 */
class SessionCleanupIT extends WorkerIntegrationTest {

    @Autowired
    ExpiredSessionRepository expiredSessions;

    @Autowired
    DatabaseClient db;

    @Autowired
    MeterRegistry registry;

    private SessionRows rows;
    private Instant now;
    private LocalDateTime cutoff;
    private int userId;

    @BeforeEach
    void freshUserAndNoSessionExpiredBeforeNow() {
        rows = new SessionRows(db);
        now = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        cutoff = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        userId = rows.newUser();
        // earlier tests leave sessions behind; the counts below are of this test's sessions only
        cleanup(Clock.fixed(now, ZoneOffset.UTC), 1000, registry).run(request()).block();
    }

    @Test
    void expired_sessions_are_removed_and_live_ones_kept() {
        List<String> expired = List.of(
                rows.session(userId, cutoff.minusSeconds(1)),
                rows.session(userId, cutoff.minusHours(1)),
                rows.session(userId, cutoff.minusDays(30)));
        List<String> live = List.of(
                rows.session(userId, cutoff.plusSeconds(1)),
                rows.session(userId, cutoff.plusHours(8)));

        SessionCleanup.Result result = cleanup(Clock.fixed(now, ZoneOffset.UTC), 1000, registry).run(request()).block();

        assertThat(result.deleted()).isEqualTo(3);
        assertThat(result.cutoff()).isEqualTo(cutoff);
        assertThat(rows.remaining(expired)).isEmpty();
        assertThat(rows.remaining(live)).containsExactlyInAnyOrderElementsOf(live);
        assertThat(rows.userExists(userId)).isTrue();
    }

    @Test
    void a_session_expiring_exactly_now_is_kept() {
        String expiringNow = rows.session(userId, cutoff);
        String expiredASecondAgo = rows.session(userId, cutoff.minusSeconds(1));

        // the fraction of a second is cut, as the gateway cuts it when it checks a session
        Clock clock = Clock.fixed(now.plusMillis(999), ZoneOffset.UTC);
        SessionCleanup.Result result = cleanup(clock, 1000, registry).run(request()).block();

        assertThat(result.deleted()).isEqualTo(1);
        assertThat(rows.remaining(List.of(expiringNow, expiredASecondAgo))).containsExactly(expiringNow);
    }

    @Test
    void the_cutoff_is_utc_whatever_the_zone_of_the_clock() {
        String expiredAnHourAgo = rows.session(userId, cutoff.minusHours(1));
        String liveAnotherHour = rows.session(userId, cutoff.plusHours(1));

        // Lima is UTC-5: a cutoff taken in local time would keep the session that expired an hour ago
        Clock lima = Clock.fixed(now, ZoneId.of("America/Lima"));
        SessionCleanup.Result result = cleanup(lima, 1000, registry).run(request()).block();

        assertThat(result.cutoff()).isEqualTo(cutoff);
        assertThat(rows.remaining(List.of(expiredAnHourAgo, liveAnotherHour))).containsExactly(liveAnotherHour);
    }

    @Test
    void a_backlog_larger_than_a_batch_is_deleted_in_several_statements() {
        List<String> expired = List.of(
                rows.session(userId, cutoff.minusDays(3)),
                rows.session(userId, cutoff.minusDays(2)),
                rows.session(userId, cutoff.minusDays(1)),
                rows.session(userId, cutoff.minusHours(1)),
                rows.session(userId, cutoff.minusSeconds(1)));
        String live = rows.session(userId, cutoff.plusMinutes(5));

        SessionCleanup.Result result = cleanup(Clock.fixed(now, ZoneOffset.UTC), 2, registry).run(request()).block();

        assertThat(result.deleted()).isEqualTo(5);
        assertThat(result.batches()).isEqualTo(3);
        assertThat(rows.remaining(expired)).isEmpty();
        assertThat(rows.remaining(List.of(live))).containsExactly(live);
    }

    @Test
    void removed_sessions_are_counted_and_the_run_timed() {
        rows.session(userId, cutoff.minusMinutes(1));
        rows.session(userId, cutoff.minusMinutes(2));
        rows.session(userId, cutoff.plusMinutes(1));
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();

        cleanup(Clock.fixed(now, ZoneOffset.UTC), 1000, metrics).run(request()).block();
        cleanup(Clock.fixed(now, ZoneOffset.UTC), 1000, metrics).run(request()).block();

        assertThat(metrics.get("cmep.sessions.removed").counter().count()).isEqualTo(2.0);
        assertThat(metrics.get("cmep.sessions.cleanup").tag("outcome", "done").timer().count()).isEqualTo(2);
    }

    private SessionCleanup cleanup(Clock clock, int batchSize, MeterRegistry meters) {
        return new SessionCleanup(expiredSessions, clock, batchSize, meters);
    }

    private MaintenanceMessage request() {
        return MaintenanceMessage.sessionCleanup(now);
    }
}
