package pe.cmep.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiPropertiesTest {

    @Test
    void cors_origins_are_split_on_commas_trimmed_and_empty_items_dropped() {
        assertThat(new ApiProperties.Cors(" http://a.pe , ,https://b.pe,").allowedOrigins())
                .containsExactly("http://a.pe", "https://b.pe");
        assertThat(new ApiProperties.Cors("").allowedOrigins()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"prod, true", "PROD, true", "' prod ', true", "local, false", "staging, false", "'', false"})
    void only_app_env_prod_is_production(String appEnv, boolean prod) {
        assertThat(properties(appEnv, "x").prod()).isEqualTo(prod);
    }

    @Test
    void production_refuses_the_development_secret_or_a_short_one() {
        assertThatThrownBy(() -> new ProductionSettingsGuard(properties("prod", ProductionSettingsGuard.DEV_SECRET))
                .afterPropertiesSet()).hasMessageContaining("SESSION_SECRET");
        assertThatThrownBy(() -> new ProductionSettingsGuard(properties("prod", "short")).afterPropertiesSet())
                .hasMessageContaining("SESSION_SECRET");
        assertThatCode(() -> new ProductionSettingsGuard(properties("prod", "x".repeat(40))).afterPropertiesSet())
                .doesNotThrowAnyException();
        assertThatCode(() -> new ProductionSettingsGuard(properties("local", ProductionSettingsGuard.DEV_SECRET))
                .afterPropertiesSet()).doesNotThrowAnyException();
    }

    private static ApiProperties properties(String appEnv, String secret) {
        return new ApiProperties(appEnv, "0.1.0", new ApiProperties.Session(secret, 24, "", Duration.ofMinutes(1)),
                new ApiProperties.Cors("http://localhost:3000"),
                new ApiProperties.LoginThrottle(5, Duration.ofMinutes(15), 30, Duration.ofMinutes(1)));
    }
}
