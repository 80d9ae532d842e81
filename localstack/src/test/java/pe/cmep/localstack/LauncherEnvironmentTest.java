package pe.cmep.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherEnvironmentTest {

    @Test
    void defaults_suit_a_developer_machine() {
        StandInsSettings settings = new LauncherEnvironment(Map.of()).settings();

        assertThat(settings).isEqualTo(new StandInsSettings(Path.of(".cmep"), 3307, 9324, 9000, List.of("cmep_dev")));
    }

    @Test
    void environment_overrides_every_default() {
        StandInsSettings settings = new LauncherEnvironment(Map.of(
                "CMEP_HOME", "/var/cmep",
                "CMEP_DB_PORT", "13306",
                "CMEP_SQS_PORT", "19324",
                "CMEP_S3_PORT", "19000",
                "CMEP_DB_NAME", "cmep_demo")).settings();

        assertThat(settings).isEqualTo(new StandInsSettings(Path.of("/var/cmep"), 13306, 19324, 19000, List.of("cmep_demo")));
    }

    @Test
    void a_busy_port_is_traced_back_to_the_variable_that_moves_it() {
        LauncherEnvironment environment = new LauncherEnvironment(Map.of("CMEP_SQS_PORT", "19324"));

        assertThat(environment.variableSetting(3307)).isEqualTo("CMEP_DB_PORT");
        assertThat(environment.variableSetting(19324)).isEqualTo("CMEP_SQS_PORT");
        assertThat(environment.variableSetting(9000)).isEqualTo("CMEP_S3_PORT");
    }

    @Test
    void a_port_that_is_not_a_number_is_refused_by_name() {
        assertThatThrownBy(() -> new LauncherEnvironment(Map.of("CMEP_S3_PORT", "nine")).settings())
                .hasMessageContaining("CMEP_S3_PORT");
    }
}
