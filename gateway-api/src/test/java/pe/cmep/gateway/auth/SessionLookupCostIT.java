package pe.cmep.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import pe.cmep.gateway.support.ApiIntegrationTest;
import pe.cmep.gateway.support.MutableClock;
import reactor.core.publisher.Flux;

/**
 * What an authenticated request costs the database (decision 40): one statement for a valid session, and a write
 * of {@code last_seen_at} only once per touch interval. The pool holds a single connection, so the server's session
 * counter of that connection counts every statement the API sends, pool validation included; the relay is off so
 * nothing else shares it.
 */
@TestPropertySource(properties = {"spring.r2dbc.pool.initial-size=1", "spring.r2dbc.pool.max-size=1",
        "cmep.outbox.enabled=false"})
class SessionLookupCostIT extends ApiIntegrationTest {

    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    MutableClock clock;

    @Autowired
    SessionTokens tokens;

    @TestConfiguration
    static class Reloj {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }

    @Test
    void an_authenticated_get_costs_one_statement_and_no_write() {
        String session = login("gestor@cmep.local", "gestor123");
        me(session);

        long statements = statementsOf(() -> me(session));

        assertThat(statements).isEqualTo(1);
    }

    @Test
    void last_seen_at_moves_only_once_the_touch_interval_has_passed_and_then_costs_one_more_statement() {
        String session = login("medico@cmep.local", "medico123");
        LocalDateTime loggedIn = now();
        assertThat(lastSeenAt(session)).isEqualTo(loggedIn);

        clock.advance(Duration.ofSeconds(30));
        me(session);
        clock.advance(Duration.ofSeconds(30));
        me(session);
        assertThat(lastSeenAt(session)).isEqualTo(loggedIn);

        clock.advance(Duration.ofSeconds(1));
        long statements = statementsOf(() -> me(session));
        assertThat(lastSeenAt(session)).isEqualTo(now());
        assertThat(statements).isEqualTo(2);

        clock.advance(Duration.ofSeconds(59));
        me(session);
        assertThat(lastSeenAt(session)).isEqualTo(now().minusSeconds(59));
    }

    @Test
    void a_session_never_seen_is_touched_by_its_first_request() {
        String session = login("admin@cmep.local", "admin123");
        execute("UPDATE sessions SET last_seen_at = NULL WHERE session_id = '" + tokens.hash(session) + "'");

        me(session);

        assertThat(lastSeenAt(session)).isEqualTo(now());
    }

    @Test
    void roles_and_permissions_are_read_fresh_and_whole_on_every_request() {
        String session = login("operador@cmep.local", "operador123");
        execute("INSERT INTO user_role (user_id, user_role) VALUES (2, 'ADMIN')");
        execute("INSERT INTO user_permissions (user_id, permission_code) VALUES "
                + "(2, 'reportes.ver'), (2, 'Archivos, \"todos\"'), (2, 'ñandú')");
        try {
            client.get().uri("/auth/me").cookie(SessionCookies.NAME, session)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.data.user.roles").isEqualTo(List.of("ADMIN", "OPERADOR"))
                    .jsonPath("$.data.user.permissions_extra")
                    .isEqualTo(List.of("Archivos, \"todos\"", "ñandú", "reportes.ver"));
        } finally {
            execute("DELETE FROM user_permissions WHERE user_id = 2");
            execute("DELETE FROM user_role WHERE user_id = 2 AND user_role = 'ADMIN'");
        }
        client.get().uri("/auth/me").cookie(SessionCookies.NAME, session)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.user.roles").isEqualTo(List.of("OPERADOR"))
                .jsonPath("$.data.user.permissions_extra").isEmpty();
    }

    @Test
    void a_session_whose_user_row_is_gone_is_401_and_deleted() {
        String session = tokens.newSessionId();
        String hash = tokens.hash(session);
        LocalDateTime now = now();
        // the foreign key forbids such a row; a database restored from parts can still hold one
        db.inConnection(connection -> Flux.concat(
                        Flux.from(connection.createStatement("SET FOREIGN_KEY_CHECKS = 0").execute()),
                        Flux.from(connection.createStatement("INSERT INTO sessions "
                                        + "(session_id, user_id, created_at, expires_at, last_seen_at) "
                                        + "VALUES (?, 999999, ?, ?, ?)")
                                .bind(0, hash).bind(1, now).bind(2, now.plusHours(1)).bind(3, now).execute()),
                        Flux.from(connection.createStatement("SET FOREIGN_KEY_CHECKS = 1").execute()))
                .flatMap(result -> result.getRowsUpdated()).then())
                .block();

        client.get().uri("/auth/me").cookie(SessionCookies.NAME, session)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.message").isEqualTo(Authenticator.INVALID_SESSION);
        assertThat(count("SELECT COUNT(*) FROM sessions WHERE session_id = '" + hash + "'")).isZero();
    }

    private void me(String session) {
        client.get().uri("/auth/me").cookie(SessionCookies.NAME, session).exchange().expectStatus().isOk();
    }

    /**
     * The statements the one pooled connection ran during {@code request}: its server-side counter before and after,
     * less what reading the counter itself costs (measured the same way, with nothing in between).
     */
    private long statementsOf(Runnable request) {
        long first = questions();
        long second = questions();
        request.run();
        long third = questions();
        return (third - second) - (second - first);
    }

    private long questions() {
        return db.sql("SHOW SESSION STATUS LIKE 'Questions'")
                .map((row, meta) -> Long.parseLong(row.get(1, String.class)))
                .one().block();
    }

    private LocalDateTime lastSeenAt(String session) {
        return db.sql("SELECT last_seen_at FROM sessions WHERE session_id = :hash")
                .bind("hash", tokens.hash(session))
                .map((row, meta) -> row.get(0, LocalDateTime.class))
                .one().block();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
