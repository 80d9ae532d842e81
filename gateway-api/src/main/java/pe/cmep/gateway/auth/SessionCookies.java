package pe.cmep.gateway.auth;

import java.time.Duration;
import org.springframework.http.ResponseCookie;

/**
 * The {@code cmep_session} cookie of api.md §3: HttpOnly, Path=/, Max-Age = lifetime;
 * locally SameSite=Lax and not Secure; in prod Secure, SameSite=None and the configured
 * Domain. Clearing uses the same attributes so the browser matches the cookie.
 */
public final class SessionCookies {

    public static final String NAME = "cmep_session";

    private final boolean prod;
    private final String domain;
    private final Duration lifetime;

    public SessionCookies(boolean prod, String domain, Duration lifetime) {
        this.prod = prod;
        this.domain = domain == null || domain.isBlank() ? null : domain.trim();
        this.lifetime = lifetime;
    }

    public ResponseCookie issue(String sessionId) {
        return base(sessionId).maxAge(lifetime).build();
    }

    public ResponseCookie clear() {
        return base("").maxAge(Duration.ZERO).build();
    }

    private ResponseCookie.ResponseCookieBuilder base(String value) {
        ResponseCookie.ResponseCookieBuilder builder = ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .path("/");
        if (prod) {
            builder.secure(true).sameSite("None");
            if (domain != null) {
                builder.domain(domain);
            }
        } else {
            builder.secure(false).sameSite("Lax");
        }
        return builder;
    }
}
