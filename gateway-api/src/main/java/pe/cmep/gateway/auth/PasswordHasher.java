package pe.cmep.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * bcrypt with cost 12 (domain.md §6.1), run off the event loop because each hash
 * takes a few hundred milliseconds on purpose.
 */
@Component
public class PasswordHasher {

    static final int COST = 12;
    /** bcrypt reads at most 72 bytes; longer passwords are reduced to their SHA-256 first so no byte is ignored. */
    private static final int BCRYPT_MAX_BYTES = 72;

    private final String dummyHash = BCrypt.hashpw("not-a-real-password", BCrypt.gensalt(COST));

    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> hashNow(password)).subscribeOn(Schedulers.boundedElastic());
    }

    public String hashNow(String password) {
        return BCrypt.hashpw(reduce(password), BCrypt.gensalt(COST));
    }

    /**
     * A null hash (unknown account) is checked against a dummy so that the answer takes as
     * long as for a real account and does not reveal which e-mails exist.
     */
    public Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> {
            String candidate = hash == null ? dummyHash : hash;
            boolean ok;
            try {
                ok = BCrypt.checkpw(reduce(password), candidate);
            } catch (IllegalArgumentException e) {
                ok = false;
            }
            return ok && hash != null;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static String reduce(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= BCRYPT_MAX_BYTES) {
            return password;
        }
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
