package pe.cmep.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionTokensTest {

    private final SessionTokens tokens = new SessionTokens("dev-secret-change-in-production");

    @Test
    void new_ids_are_32_lowercase_hex_and_never_repeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = tokens.newSessionId();
            assertThat(id).matches("[0-9a-f]{32}");
            assertThat(seen.add(id)).isTrue();
        }
    }

    @Test
    void hash_is_hmac_sha256_hex_of_the_id_with_the_secret() {
        // HMAC-SHA256(key="key", "The quick brown fox jumps over the lazy dog"), RFC 4231-style known answer
        assertThat(new SessionTokens("key").hash("The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void hash_depends_on_the_secret() {
        String id = tokens.newSessionId();
        assertThat(tokens.hash(id)).hasSize(64).isEqualTo(tokens.hash(id))
                .isNotEqualTo(new SessionTokens("another-secret").hash(id));
    }

    @ParameterizedTest
    @CsvSource({
            "0123456789abcdef0123456789abcdef, true",
            "0123456789ABCDEF0123456789ABCDEF, false",
            "0123456789abcdef0123456789abcde, false",
            "0123456789abcdef0123456789abcdef0, false",
            "0123456789abcdef-123456789abcdef, false",
            "'', false"})
    void only_32_lowercase_hex_chars_are_looked_up(String value, boolean expected) {
        assertThat(SessionTokens.wellFormed(value)).isEqualTo(expected);
    }
}
