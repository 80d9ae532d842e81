package pe.cmep.gateway.auth;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import pe.cmep.gateway.web.ApiException;
import pe.cmep.gateway.web.FieldReader;
import pe.cmep.gateway.web.JsonBody;
import pe.cmep.gateway.web.Responses;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** /auth/login, /auth/logout and /auth/me (api.md §7.2). */
@RestController
class AuthController {

    private final LoginService loginService;
    private final SessionRepository sessions;
    private final SessionCookies cookies;
    private final JsonMapper mapper;
    private final RateLimiter loginLimiter;

    AuthController(LoginService loginService, SessionRepository sessions, SessionCookies cookies, JsonMapper mapper,
                   RateLimiterRegistry rateLimiters) {
        this.loginService = loginService;
        this.sessions = sessions;
        this.cookies = cookies;
        this.mapper = mapper;
        this.loginLimiter = rateLimiters.rateLimiter("login");
    }

    @PostMapping("/auth/login")
    Mono<ResponseEntity<Object>> login(@RequestBody(required = false) Mono<byte[]> body, ServerWebExchange exchange) {
        return body.defaultIfEmpty(new byte[0])
                .map(bytes -> readCredentials(JsonBody.parseObject(mapper, bytes)))
                .flatMap(c -> loginService.login(c.email(), c.password(), clientAddress(exchange)))
                .transformDeferred(RateLimiterOperator.of(loginLimiter))
                .onErrorMap(RequestNotPermitted.class, e -> ApiException.rateLimited(Duration.ofSeconds(1)))
                .map(result -> Responses.okBuilder()
                        .header(HttpHeaders.SET_COOKIE, cookies.issue(result.sessionId()).toString())
                        .body(pe.cmep.gateway.web.Envelope.ok(Map.of("user", result.user().toDto()))));
    }

    @PostMapping("/auth/logout")
    Mono<ResponseEntity<Object>> logout(CurrentUser user) {
        return sessions.delete(user.sessionHash())
                .then(Mono.fromSupplier(() -> Responses.okBuilder()
                        .header(HttpHeaders.SET_COOKIE, cookies.clear().toString())
                        .body(pe.cmep.gateway.web.Envelope.ok())));
    }

    @GetMapping("/auth/me")
    ResponseEntity<Object> me(CurrentUser user) {
        return Responses.ok(Map.of("user", user.toDto()));
    }

    private static Credentials readCredentials(ObjectNode node) {
        FieldReader reader = new FieldReader(node);
        String email = reader.requiredString("email", 1, 255);
        String password = reader.requiredString("password", 1, 1024);
        reader.validate();
        return new Credentials(email, password);
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private record Credentials(String email, String password) {
    }
}
