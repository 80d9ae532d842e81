package pe.cmep.gateway.auth;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/**
 * The session check every private endpoint starts with (api.md §3 "Lookup"). It runs
 * outside the request's transaction so that purging an expired session, or every
 * session of a suspended user, is committed although the request answers 401.
 */
@Component
public class Authenticator {

    private static final Logger log = LoggerFactory.getLogger(Authenticator.class);
    static final String NOT_AUTHENTICATED = "No autenticado";
    static final String INVALID_SESSION = "Sesion invalida o expirada";
    static final String ADMIN_ONLY = "Solo ADMIN puede acceder a esta funcion";

    private final SessionTokens tokens;
    private final SessionRepository sessions;
    private final UserAccountRepository users;
    private final Clock clock;

    public Authenticator(SessionTokens tokens, SessionRepository sessions, UserAccountRepository users, Clock clock) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.users = users;
        this.clock = clock;
    }

    public Mono<CurrentUser> authenticate(ServerWebExchange exchange) {
        return requireSessionCookie(exchange).then(Mono.defer(() -> lookUp(exchange)));
    }

    /**
     * The checks of {@link #authenticate} that need no database: a request without a well-formed session cookie
     * is refused before its body is read.
     */
    public Mono<Void> requireSessionCookie(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(SessionCookies.NAME);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Mono.error(ApiException.unauthenticated(NOT_AUTHENTICATED));
        }
        if (!SessionTokens.wellFormed(cookie.getValue())) {
            return Mono.error(ApiException.unauthenticated(INVALID_SESSION));
        }
        return Mono.empty();
    }

    private Mono<CurrentUser> lookUp(ServerWebExchange exchange) {
        String hash = tokens.hash(exchange.getRequest().getCookies().getFirst(SessionCookies.NAME).getValue());
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return sessions.find(hash)
                .switchIfEmpty(Mono.error(() -> ApiException.unauthenticated(INVALID_SESSION)))
                .flatMap(session -> {
                    if (session.expiresAt().isBefore(now)) {
                        return sessions.delete(hash).then(invalid());
                    }
                    return users.findUser(session.userId())
                            .switchIfEmpty(sessions.delete(hash).then(invalid()))
                            .flatMap(user -> {
                                if (!"ACTIVO".equals(user.estado())) {
                                    return sessions.deleteAllOf(user.userId())
                                            .doOnNext(n -> log.info("sessions_purged_for_suspended_user user_id={} count={}",
                                                    user.userId(), n))
                                            .then(invalid());
                                }
                                return sessions.touch(hash, now).thenReturn(user.withSession(hash));
                            });
                });
    }

    /** Session first (401), then the role (403), as api.md §1 "Check order" says. */
    public Mono<CurrentUser> requireAdmin(ServerWebExchange exchange) {
        return authenticate(exchange).flatMap(user -> user.hasRole(Roles.ADMIN)
                ? Mono.just(user)
                : Mono.error(ApiException.forbidden(ADMIN_ONLY)));
    }

    /**
     * Reads the raw request body before the session lookup (the request's buffers must be consumed while
     * the exchange reads them; reading them after a database round trip fails), and hands it to
     * {@code handler} only after the session check, so a bad session is 401 before a bad body is 422.
     */
    public <T> Mono<T> withBody(Mono<byte[]> body, ServerWebExchange exchange,
                                BiFunction<CurrentUser, byte[], Mono<T>> handler) {
        return body.defaultIfEmpty(new byte[0])
                .flatMap(bytes -> authenticate(exchange).flatMap(user -> Mono.defer(() -> handler.apply(user, bytes))));
    }

    /** {@link #withBody} for ADMIN-only endpoints: 401, then 403, then the handler. */
    public <T> Mono<T> withBodyAsAdmin(Mono<byte[]> body, ServerWebExchange exchange,
                                       BiFunction<CurrentUser, byte[], Mono<T>> handler) {
        return body.defaultIfEmpty(new byte[0])
                .flatMap(bytes -> requireAdmin(exchange).flatMap(user -> Mono.defer(() -> handler.apply(user, bytes))));
    }

    private static <T> Mono<T> invalid() {
        return Mono.error(ApiException.unauthenticated(INVALID_SESSION));
    }
}
