package pe.cmep.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import pe.cmep.events.EstadoOperativo;

class PolicyConfigurationIT {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PolicyConfiguration.class);

    @Test
    void without_configuration_the_default_policy_is_in_force() {
        context.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            PolicyMatrix matrix = ctx.getBean(PolicyMatrix.class);
            assertThat(matrix.allowedActions(List.of("ADMIN"), EstadoOperativo.CERRADO)).containsExactly("OVERRIDE");
        });
    }

    @Test
    void cmep_policy_file_selects_another_policy_such_as_the_permissive_variant() {
        context.withPropertyValues("cmep.policy.file=classpath:policy/permissive-policy.json").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(PolicyMatrix.class).allows(List.of("ADMIN"), EstadoOperativo.CERRADO, Accion.CERRAR))
                    .isTrue();
        });
    }

    @Test
    void a_policy_file_on_disk_can_be_used(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("clinic-policy.json");
        try (var in = getClass().getResourceAsStream("/policy/default-policy.json")) {
            Files.write(file, in.readAllBytes());
        }
        context.withPropertyValues("cmep.policy.file=" + file.toUri()).run(ctx -> assertThat(ctx).hasNotFailed()
                .hasSingleBean(PolicyMatrix.class));
    }

    @Test
    void an_invalid_policy_file_stops_the_start_up_naming_the_file_and_the_problem(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("broken-policy.json");
        Files.writeString(file, "{\"ADMIN\": {}}");
        context.withPropertyValues("cmep.policy.file=" + file.toUri()).run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause()
                    .hasMessage("Invalid policy file " + file.toUri() + ": the policy lacks role [OPERADOR, GESTOR, MEDICO]");
        });
    }

    @Test
    void a_missing_policy_file_stops_the_start_up() {
        context.withPropertyValues("cmep.policy.file=classpath:policy/no-such-policy.json").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause()
                    .hasMessageContaining("Policy file classpath:policy/no-such-policy.json not found");
        });
    }
}
