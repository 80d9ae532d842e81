package pe.cmep.gateway.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API's settings, bound from the environment variables of api.md §5
 * (see application.yml for the mapping).
 */
@ConfigurationProperties("cmep.api")
public record ApiProperties(
        @DefaultValue("local") String appEnv,
        @DefaultValue("0.1.0") String version,
        @DefaultValue Session session,
        @DefaultValue Cors cors,
        @DefaultValue LoginThrottle loginThrottle) {

    public boolean prod() {
        return "prod".equalsIgnoreCase(appEnv == null ? "" : appEnv.trim());
    }

    /**
     * @param secret      HMAC key that hashes session ids before they are stored
     * @param expireHours absolute session lifetime
     * @param cookieDomain Domain attribute of the cookie in prod; empty = host-only
     * @param touchInterval how stale {@code last_seen_at} may get before a request writes it again (decision 40)
     */
    public record Session(String secret, @DefaultValue("24") int expireHours, String cookieDomain,
                          @DefaultValue("1m") Duration touchInterval) {

        public Duration lifetime() {
            return Duration.ofHours(expireHours);
        }
    }

    /** @param origins comma-separated allow-list, as CORS_ORIGINS is written */
    public record Cors(@DefaultValue("http://localhost:3000") String origins) {

        public List<String> allowedOrigins() {
            return Arrays.stream(origins == null ? new String[0] : origins.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
    }

    /** domain.md §10 #33: failed logins per account and per client address within a window. */
    public record LoginThrottle(
            @DefaultValue("5") int accountMaxFailures,
            @DefaultValue("15m") Duration accountWindow,
            @DefaultValue("30") int addressMaxFailures,
            @DefaultValue("1m") Duration addressWindow) {
    }
}
