package pe.cmep.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session ids (32 random lowercase hex chars, UUIDv4 without dashes — api.md §3) and the
 * keyed hash that is all the database ever sees of them (HMAC-SHA-256 with SESSION_SECRET).
 */
public final class SessionTokens {

    private static final Pattern WELL_FORMED = Pattern.compile("[0-9a-f]{32}");
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public SessionTokens(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("SESSION_SECRET must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** UUID.randomUUID draws from SecureRandom. */
    public String newSessionId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    public static boolean wellFormed(String sessionId) {
        return sessionId != null && WELL_FORMED.matcher(sessionId).matches();
    }

    /** 64 lowercase hex chars (domain.md §10 #37). */
    public String hash(String sessionId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }
}
