package pe.cmep.gateway.spa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiPathsTest {

    private final ApiPaths api = ApiPaths.of(List.of("/solicitudes", "/solicitudes/{solicitud_id}/archivos",
            "/archivos/{archivo_id}", "/auth/login", "/health"));

    @Test
    void the_first_segment_of_every_mapping_is_the_apis() {
        assertThat(api.firstSegments()).containsExactlyInAnyOrder("solicitudes", "archivos", "auth", "health");
    }

    @Test
    void every_path_under_an_api_segment_belongs_to_the_api() {
        assertThat(api.contains(List.of("solicitudes"))).isTrue();
        assertThat(api.contains(List.of("archivos", "9"))).isTrue();
        assertThat(api.contains(List.of("auth", "no-such-endpoint"))).isTrue();
    }

    @Test
    void the_web_apps_routes_do_not() {
        assertThat(api.contains(List.of())).isFalse();
        assertThat(api.contains(List.of("login"))).isFalse();
        assertThat(api.contains(List.of("status"))).isFalse();
        assertThat(api.contains(List.of("app", "solicitudes", "5"))).isFalse();
        assertThat(api.contains(List.of("solicitudez"))).isFalse();
    }

    @Test
    void a_mapping_without_a_fixed_first_segment_cannot_share_the_origin() {
        for (String pattern : List.of("/", "/{tenant}/solicitudes", "/**", "/sol*")) {
            assertThatThrownBy(() -> ApiPaths.of(List.of(pattern)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(pattern);
        }
    }

    @Test
    void a_resource_handler_under_a_fixed_segment_names_its_paths_a_catch_all_does_not() {
        assertThat(ApiPaths.startsFixed("/webjars/**")).isTrue();
        assertThat(ApiPaths.startsFixed("/**")).isFalse();
    }
}
