package pe.cmep.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import pe.cmep.gateway.config.ApiProperties;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/**
 * The session check of api.md §3 "Lookup", run by {@link AuthenticationFilter} only. It runs outside the
 * request's transaction so that purging an expired session, or every session of a suspended user, is committed
 * although the request answers 401.
 *
 * <p>A valid session costs one statement: the session, its user and the user's roles read together (roles fresh
 * on every request). {@code last_seen_at} is written only when the row read shows it older than the touch interval
 * (decision 40), so a GET is no durable write.
 */
@Component
class Authenticator {

    private static final Logger log = LoggerFactory.getLogger(Authenticator.class);
    static final String NOT_AUTHENTICATED = "No autenticado";
    static final String INVALID_SESSION = "Sesion invalida o expirada";

    private final SessionTokens tokens;
    private final SessionRepository sessions;
    private final Clock clock;
    private final Duration touchInterval;

    Authenticator(SessionTokens tokens, SessionRepository sessions, Clock clock, ApiProperties properties) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.clock = clock;
        this.touchInterval = properties.session().touchInterval();
    }

    /** A missing or malformed cookie is refused without asking the database. */
    Mono<CurrentUser> authenticate(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(SessionCookies.NAME);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Mono.error(ApiException.unauthenticated(NOT_AUTHENTICATED));
        }
        if (!SessionTokens.wellFormed(cookie.getValue())) {
            return invalid();
        }
        return Mono.defer(() -> lookUp(tokens.hash(cookie.getValue())));
    }

    private Mono<CurrentUser> lookUp(String hash) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return sessions.lookUp(hash)
                .switchIfEmpty(invalid())
                .flatMap(session -> {
                    CurrentUser user = session.user();
                    if (session.expiresAt().isBefore(now) || user == null) {
                        return sessions.delete(hash).then(invalid());
                    }
                    if (!"ACTIVO".equals(user.estado())) {
                        return sessions.deleteAllOf(user.userId())
                                .doOnNext(n -> log.info("sessions_purged_for_suspended_user user_id={} count={}",
                                        user.userId(), n))
                                .then(invalid());
                    }
                    return touchIfStale(hash, session.lastSeenAt(), now).thenReturn(user.withSession(hash));
                });
    }

    private Mono<Void> touchIfStale(String hash, LocalDateTime lastSeenAt, LocalDateTime now) {
        LocalDateTime staleBefore = now.minus(touchInterval);
        if (lastSeenAt != null && !lastSeenAt.isBefore(staleBefore)) {
            return Mono.empty();
        }
        return sessions.touch(hash, now, staleBefore);
    }

    private static <T> Mono<T> invalid() {
        return Mono.error(() -> ApiException.unauthenticated(INVALID_SESSION));
    }
}
