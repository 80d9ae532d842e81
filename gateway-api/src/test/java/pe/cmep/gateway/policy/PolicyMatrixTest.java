package pe.cmep.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import pe.cmep.events.EstadoOperativo;
import pe.cmep.gateway.auth.Roles;
import tools.jackson.databind.json.JsonMapper;

class PolicyMatrixTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final PolicyMatrix DEFAULT = resource("/policy/default-policy.json");
    private static final PolicyMatrix PERMISSIVE = resource("/policy/permissive-policy.json");
    private static final List<EstadoOperativo> OPEN = List.of(EstadoOperativo.REGISTRADO,
            EstadoOperativo.ASIGNADO_GESTOR, EstadoOperativo.PAGADO, EstadoOperativo.ASIGNADO_MEDICO);

    /** domain.md §4.1, one row per (role, estado), actions in the matrix's column order. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "ADMIN,    REGISTRADO,      EDITAR_DATOS ASIGNAR_GESTOR CAMBIAR_GESTOR CAMBIAR_MEDICO CANCELAR",
            "ADMIN,    ASIGNADO_GESTOR, EDITAR_DATOS CAMBIAR_GESTOR REGISTRAR_PAGO CAMBIAR_MEDICO CANCELAR",
            "ADMIN,    PAGADO,          EDITAR_DATOS CAMBIAR_GESTOR ASIGNAR_MEDICO CAMBIAR_MEDICO CANCELAR",
            "ADMIN,    ASIGNADO_MEDICO, EDITAR_DATOS CAMBIAR_GESTOR CAMBIAR_MEDICO CERRAR CANCELAR",
            "ADMIN,    CERRADO,         OVERRIDE",
            "ADMIN,    CANCELADO,       OVERRIDE",
            "OPERADOR, REGISTRADO,      EDITAR_DATOS ASIGNAR_GESTOR CAMBIAR_GESTOR CAMBIAR_MEDICO CANCELAR",
            "OPERADOR, ASIGNADO_GESTOR, EDITAR_DATOS CAMBIAR_GESTOR CAMBIAR_MEDICO CANCELAR",
            "OPERADOR, PAGADO,          EDITAR_DATOS CAMBIAR_GESTOR CAMBIAR_MEDICO CANCELAR",
            "OPERADOR, ASIGNADO_MEDICO, EDITAR_DATOS CAMBIAR_GESTOR CAMBIAR_MEDICO CANCELAR",
            "OPERADOR, CERRADO,         ''",
            "OPERADOR, CANCELADO,       ''",
            "GESTOR,   REGISTRADO,      EDITAR_DATOS CAMBIAR_GESTOR CAMBIAR_MEDICO CANCELAR",
            "GESTOR,   ASIGNADO_GESTOR, EDITAR_DATOS CAMBIAR_GESTOR REGISTRAR_PAGO CAMBIAR_MEDICO CANCELAR",
            "GESTOR,   PAGADO,          EDITAR_DATOS CAMBIAR_GESTOR ASIGNAR_MEDICO CAMBIAR_MEDICO CANCELAR",
            "GESTOR,   ASIGNADO_MEDICO, EDITAR_DATOS CAMBIAR_GESTOR CAMBIAR_MEDICO CANCELAR",
            "GESTOR,   CERRADO,         ''",
            "GESTOR,   CANCELADO,       ''",
            "MEDICO,   REGISTRADO,      EDITAR_DATOS CAMBIAR_GESTOR CAMBIAR_MEDICO CANCELAR",
            "MEDICO,   ASIGNADO_GESTOR, EDITAR_DATOS CAMBIAR_GESTOR CAMBIAR_MEDICO CANCELAR",
            "MEDICO,   PAGADO,          EDITAR_DATOS CAMBIAR_GESTOR CAMBIAR_MEDICO CANCELAR",
            "MEDICO,   ASIGNADO_MEDICO, EDITAR_DATOS CAMBIAR_GESTOR CAMBIAR_MEDICO CERRAR CANCELAR",
            "MEDICO,   CERRADO,         ''",
            "MEDICO,   CANCELADO,       ''"})
    void the_default_policy_is_exactly_the_matrix_of_domain_section_4_1(String role, EstadoOperativo estado,
                                                                        String actions) {
        List<String> expected = codes(actions);
        assertThat(DEFAULT.asMap().get(role).get(estado.name())).containsExactlyElementsOf(expected);
        assertThat(DEFAULT.allowedActions(List.of(role), estado))
                .containsExactlyElementsOf(expected.stream().sorted().toList());
        for (Accion accion : Accion.values()) {
            assertThat(DEFAULT.allows(List.of(role), estado, accion))
                    .as("%s %s %s", role, estado, accion)
                    .isEqualTo(expected.contains(accion.name()));
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "GESTOR MEDICO,         ASIGNADO_MEDICO, CAMBIAR_GESTOR CAMBIAR_MEDICO CANCELAR CERRAR EDITAR_DATOS",
            "GESTOR MEDICO,         PAGADO,          ASIGNAR_MEDICO CAMBIAR_GESTOR CAMBIAR_MEDICO CANCELAR EDITAR_DATOS",
            "OPERADOR GESTOR,       REGISTRADO,      ASIGNAR_GESTOR CAMBIAR_GESTOR CAMBIAR_MEDICO CANCELAR EDITAR_DATOS",
            "ADMIN OPERADOR GESTOR MEDICO, CERRADO,  OVERRIDE",
            "OPERADOR GESTOR MEDICO, CANCELADO,      ''",
            "MEDICO MEDICO,         ASIGNADO_MEDICO, CAMBIAR_GESTOR CAMBIAR_MEDICO CANCELAR CERRAR EDITAR_DATOS",
            "SUPERVISOR GESTOR,     ASIGNADO_GESTOR, CAMBIAR_GESTOR CAMBIAR_MEDICO CANCELAR EDITAR_DATOS REGISTRAR_PAGO",
            "SUPERVISOR,            REGISTRADO,      ''",
            "admin,                 CERRADO,         ''"})
    void several_roles_get_the_sorted_union_of_their_actions_and_unknown_roles_add_nothing(
            String roles, EstadoOperativo estado, String actions) {
        List<String> held = codes(roles);
        assertThat(DEFAULT.allowedActions(held, estado)).containsExactlyElementsOf(codes(actions));
        for (Accion accion : Accion.values()) {
            assertThat(DEFAULT.allows(held, estado, accion)).isEqualTo(codes(actions).contains(accion.name()));
        }
    }

    @ParameterizedTest
    @EnumSource(EstadoOperativo.class)
    void a_user_without_roles_may_do_nothing(EstadoOperativo estado) {
        assertThat(DEFAULT.allowedActions(List.of(), estado)).isEmpty();
        assertThat(Arrays.stream(Accion.values()).noneMatch(a -> DEFAULT.allows(List.of(), estado, a))).isTrue();
    }

    @Test
    void the_union_is_sorted_by_code_as_in_the_example_of_domain_section_4_2() {
        Map<String, Map<String, List<String>>> cells = emptyMatrix();
        cells.get("ADMIN").put("PAGADO", List.of("EDITAR_DATOS", "ASIGNAR_GESTOR", "CAMBIAR_GESTOR"));
        cells.get("GESTOR").put("PAGADO", List.of("CAMBIAR_GESTOR", "REGISTRAR_PAGO", "ASIGNAR_MEDICO",
                "CAMBIAR_MEDICO", "CERRAR", "CANCELAR"));
        PolicyMatrix matrix = load(json(cells));
        assertThat(String.join(", ", matrix.allowedActions(List.of("GESTOR", "ADMIN"), EstadoOperativo.PAGADO)))
                .isEqualTo("ASIGNAR_GESTOR, ASIGNAR_MEDICO, CAMBIAR_GESTOR, CAMBIAR_MEDICO, CANCELAR, CERRAR, "
                        + "EDITAR_DATOS, REGISTRAR_PAGO");
    }

    @Test
    void the_whole_matrix_lists_roles_and_estados_in_the_spec_order_and_actions_in_column_order() {
        Map<String, Map<String, List<String>>> cells = emptyMatrix();
        cells.get("MEDICO").put("CERRADO", List.of("OVERRIDE", "CANCELAR", "EDITAR_DATOS"));
        Map<String, Map<String, List<String>>> map = load(json(cells)).asMap();
        assertThat(map.keySet()).containsExactly("ADMIN", "OPERADOR", "GESTOR", "MEDICO");
        for (Map<String, List<String>> row : map.values()) {
            assertThat(row.keySet()).containsExactly("REGISTRADO", "ASIGNADO_GESTOR", "PAGADO", "ASIGNADO_MEDICO",
                    "CERRADO", "CANCELADO");
        }
        assertThat(map.get("MEDICO").get("CERRADO")).containsExactly("EDITAR_DATOS", "CANCELAR", "OVERRIDE");
        assertThatThrownBy(() -> map.get("ADMIN").put("CERRADO", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void the_permissive_variant_loads_and_widens_the_default_as_domain_section_4_1_describes() {
        for (EstadoOperativo terminal : List.of(EstadoOperativo.CERRADO, EstadoOperativo.CANCELADO)) {
            assertThat(PERMISSIVE.asMap().get("ADMIN").get(terminal.name()))
                    .containsExactlyElementsOf(Arrays.stream(Accion.values()).map(Enum::name).toList());
            for (String role : List.of("OPERADOR", "GESTOR", "MEDICO")) {
                assertThat(PERMISSIVE.allowedActions(List.of(role), terminal)).isEmpty();
            }
        }
        for (String role : Roles.ALL) {
            for (EstadoOperativo estado : OPEN) {
                assertThat(PERMISSIVE.allows(List.of(role), estado, Accion.REGISTRAR_PAGO)).as("%s %s", role, estado)
                        .isTrue();
            }
        }
        assertThat(PERMISSIVE.allows(List.of("ADMIN"), EstadoOperativo.ASIGNADO_GESTOR, Accion.ASIGNAR_MEDICO)).isTrue();
        assertThat(PERMISSIVE.allows(List.of("GESTOR"), EstadoOperativo.ASIGNADO_GESTOR, Accion.ASIGNAR_MEDICO)).isTrue();
        assertThat(PERMISSIVE.allows(List.of("OPERADOR"), EstadoOperativo.ASIGNADO_GESTOR, Accion.ASIGNAR_MEDICO))
                .isFalse();
        assertThat(PERMISSIVE.allows(List.of("MEDICO"), EstadoOperativo.ASIGNADO_GESTOR, Accion.ASIGNAR_MEDICO))
                .isFalse();
    }

    @Test
    void the_permissive_variant_only_adds_to_the_default() {
        DEFAULT.asMap().forEach((role, row) -> row.forEach((estado, actions) ->
                assertThat(PERMISSIVE.asMap().get(role).get(estado)).as("%s %s", role, estado)
                        .containsAll(actions)));
    }

    static Stream<Arguments> invalidFiles() {
        String valid = json(emptyMatrix());
        return Stream.of(
                Arguments.of("not JSON", "{\"ADMIN\": [", "not valid JSON"),
                Arguments.of("empty", "", "must be a JSON object"),
                Arguments.of("an array", "[]", "must be a JSON object"),
                Arguments.of("a repeated role", valid.substring(0, valid.length() - 1) + ", \"ADMIN\": {}}",
                        "Duplicate"),
                Arguments.of("a missing role", edited(m -> m.remove("MEDICO")), "lacks role [MEDICO]"),
                Arguments.of("an unknown role", edited(m -> m.put("SUPERVISOR", Map.of())), "unknown role [SUPERVISOR]"),
                Arguments.of("a role in lower case", edited(m -> m.put("admin", Map.of())), "unknown role [admin]"),
                Arguments.of("a role that is no object", edited(m -> m.put("ADMIN", List.of())),
                        "role ADMIN must be an object"),
                Arguments.of("a missing estado", edited(m -> row(m, "GESTOR").remove("PAGADO")),
                        "role GESTOR lacks estado [PAGADO]"),
                Arguments.of("an unknown estado", edited(m -> row(m, "GESTOR").put("ATENDIDO", List.of())),
                        "unknown estado [ATENDIDO] in role GESTOR"),
                Arguments.of("an unknown action",
                        edited(m -> row(m, "OPERADOR").put("PAGADO", List.of("EDITAR_DATOS", "BORRAR"))),
                        "unknown action \"BORRAR\" in OPERADOR/PAGADO"),
                Arguments.of("an action in lower case", edited(m -> row(m, "MEDICO").put("CERRADO", List.of("override"))),
                        "unknown action \"override\" in MEDICO/CERRADO"),
                Arguments.of("an action that is a number", edited(m -> row(m, "ADMIN").put("CERRADO", List.of(8))),
                        "unknown action 8 in ADMIN/CERRADO"),
                Arguments.of("a cell that is no list", edited(m -> row(m, "ADMIN").put("CERRADO", "OVERRIDE")),
                        "ADMIN/CERRADO must be a list"),
                Arguments.of("a repeated action",
                        edited(m -> row(m, "ADMIN").put("CERRADO", List.of("OVERRIDE", "OVERRIDE"))),
                        "OVERRIDE is listed twice in ADMIN/CERRADO"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void an_invalid_policy_file_is_refused_with_a_message_saying_what_is_wrong(String what, String file,
                                                                               String message) {
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(message);
    }

    /** A valid policy file (every cell empty) with one change applied. */
    private static String edited(Consumer<Map<String, Object>> change) {
        Map<String, Object> cells = new LinkedHashMap<>();
        emptyMatrix().forEach((role, row) -> cells.put(role, new LinkedHashMap<String, Object>(row)));
        change.accept(cells);
        return MAPPER.writeValueAsString(cells);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> cells, String role) {
        return (Map<String, Object>) cells.get(role);
    }

    private static Map<String, Map<String, List<String>>> emptyMatrix() {
        Map<String, Map<String, List<String>>> cells = new LinkedHashMap<>();
        for (String role : Roles.ALL) {
            Map<String, List<String>> row = new LinkedHashMap<>();
            for (EstadoOperativo estado : EstadoOperativo.values()) {
                row.put(estado.name(), List.of());
            }
            cells.put(role, row);
        }
        return cells;
    }

    private static String json(Map<String, Map<String, List<String>>> cells) {
        return MAPPER.writeValueAsString(cells);
    }

    private static List<String> codes(String spaced) {
        return spaced.isBlank() ? List.of() : List.of(spaced.trim().split("\\s+"));
    }

    private static PolicyMatrix load(String json) {
        return PolicyMatrix.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static PolicyMatrix resource(String path) {
        InputStream in = PolicyMatrixTest.class.getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return PolicyMatrix.load(in);
    }
}
