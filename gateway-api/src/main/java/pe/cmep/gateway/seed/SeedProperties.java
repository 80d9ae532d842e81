package pe.cmep.gateway.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param onStartup {@code dev}: make sure the dev seed rows exist when the API starts (local mode); {@code none}
 * @param command   a one-shot command run instead of serving: {@code dev-reset} or {@code prod} ({@code ./cmep seed})
 * @param confirm   skip the interactive confirmation of the prod seed
 * @param admin     the production admin, from the environment (domain.md §9.2, §10 #25)
 */
@ConfigurationProperties("cmep.seed")
public record SeedProperties(
        @DefaultValue("none") String onStartup,
        @DefaultValue("none") String command,
        @DefaultValue("false") boolean confirm,
        @DefaultValue Admin admin) {

    public record Admin(String email, String password, String nombres, String apellidos) {
    }
}
