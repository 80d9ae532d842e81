package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.cmep.gateway.solicitud.WorkflowClient.ADMIN;
import static pe.cmep.gateway.solicitud.WorkflowClient.ESTADOS;
import static pe.cmep.gateway.solicitud.WorkflowClient.GESTOR;
import static pe.cmep.gateway.solicitud.WorkflowClient.MEDICO;
import static pe.cmep.gateway.solicitud.WorkflowClient.OPERADOR;
import static pe.cmep.gateway.solicitud.WorkflowClient.PAGO;
import static pe.cmep.gateway.solicitud.WorkflowClient.ok;
import static pe.cmep.gateway.solicitud.WorkflowClient.strings;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.cmep.gateway.support.ApiIntegrationTest;

/**
 * The default matrix (domain.md §4.1) enforced by every action endpoint: each role × estado_operativo ×
 * action that the matrix does not grant is a 403 naming the action and the state, and changes nothing.
 */
class AccionesPolicyIT extends ApiIntegrationTest {

    private static final String MULTI = "gestor-medico@cmep.local";
    private static final String SIN_ROLES = "sin-roles@cmep.local";

    /** domain.md §4.1, written out here independently of the policy file. */
    private static final Map<String, Map<String, List<String>>> MATRIX = Map.of(
            "ADMIN", Map.of(
                    "REGISTRADO", List.of("ED", "AG", "CG", "CM", "CA"),
                    "ASIGNADO_GESTOR", List.of("ED", "CG", "RP", "CM", "CA"),
                    "PAGADO", List.of("ED", "CG", "AM", "CM", "CA"),
                    "ASIGNADO_MEDICO", List.of("ED", "CG", "CM", "CE", "CA"),
                    "CERRADO", List.of("OV"),
                    "CANCELADO", List.of("OV")),
            "OPERADOR", Map.of(
                    "REGISTRADO", List.of("ED", "AG", "CG", "CM", "CA"),
                    "ASIGNADO_GESTOR", List.of("ED", "CG", "CM", "CA"),
                    "PAGADO", List.of("ED", "CG", "CM", "CA"),
                    "ASIGNADO_MEDICO", List.of("ED", "CG", "CM", "CA"),
                    "CERRADO", List.of(),
                    "CANCELADO", List.of()),
            "GESTOR", Map.of(
                    "REGISTRADO", List.of("ED", "CG", "CM", "CA"),
                    "ASIGNADO_GESTOR", List.of("ED", "CG", "RP", "CM", "CA"),
                    "PAGADO", List.of("ED", "CG", "AM", "CM", "CA"),
                    "ASIGNADO_MEDICO", List.of("ED", "CG", "CM", "CA"),
                    "CERRADO", List.of(),
                    "CANCELADO", List.of()),
            "MEDICO", Map.of(
                    "REGISTRADO", List.of("ED", "CG", "CM", "CA"),
                    "ASIGNADO_GESTOR", List.of("ED", "CG", "CM", "CA"),
                    "PAGADO", List.of("ED", "CG", "CM", "CA"),
                    "ASIGNADO_MEDICO", List.of("ED", "CG", "CM", "CE", "CA"),
                    "CERRADO", List.of(),
                    "CANCELADO", List.of()));

    private static final Map<String, String> CODES = Map.of("ED", "EDITAR_DATOS", "AG", "ASIGNAR_GESTOR",
            "CG", "CAMBIAR_GESTOR", "RP", "REGISTRAR_PAGO", "AM", "ASIGNAR_MEDICO", "CM", "CAMBIAR_MEDICO",
            "CE", "CERRAR", "CA", "CANCELAR", "OV", "OVERRIDE");

    private static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("ADMIN", ADMIN);
        USERS.put("OPERADOR", OPERADOR);
        USERS.put("GESTOR", GESTOR);
        USERS.put("MEDICO", MEDICO);
    }

    private WorkflowClient w;

    @BeforeEach
    void logIn() {
        if (count("SELECT COUNT(*) FROM users WHERE user_email = '" + MULTI + "'") == 0) {
            addUser(MULTI, "00000091", List.of("GESTOR", "MEDICO"));
            addUser(SIN_ROLES, "00000092", List.of());
        }
        Map<String, String> sessions = new HashMap<>();
        sessions.put(ADMIN, login(ADMIN, "admin123"));
        sessions.put(OPERADOR, login(OPERADOR, "operador123"));
        sessions.put(GESTOR, login(GESTOR, "gestor123"));
        sessions.put(MEDICO, login(MEDICO, "medico123"));
        sessions.put(MULTI, login(MULTI, "gestor123"));
        sessions.put(SIN_ROLES, login(SIN_ROLES, "gestor123"));
        w = new WorkflowClient(client, db, sessions);
    }

    @Test
    void every_action_the_matrix_does_not_grant_is_403_and_changes_nothing() {
        Map<String, Integer> solicitudes = new LinkedHashMap<>();
        ESTADOS.forEach(estado -> solicitudes.put(estado, w.inState(estado)));
        SoftAssertions softly = new SoftAssertions();
        int refused = 0;
        for (Map.Entry<String, String> user : USERS.entrySet()) {
            for (String estado : ESTADOS) {
                int id = solicitudes.get(estado);
                for (String action : CODES.keySet()) {
                    if (MATRIX.get(user.getKey()).get(estado).contains(action)) {
                        continue;
                    }
                    refused++;
                    Map<String, List<String>> before = w.snapshot(id);
                    WorkflowClient.Response r = call(user.getValue(), id, action);
                    String what = user.getKey() + " " + CODES.get(action) + " in " + estado + ": " + r.raw();
                    softly.assertThat(r.status()).as(what).isEqualTo(403);
                    if (r.status() == 403) {
                        softly.assertThat(r.body().get("ok").asBoolean()).as(what).isFalse();
                        softly.assertThat(r.code()).as(what).isEqualTo("FORBIDDEN");
                        softly.assertThat(r.message()).as(what).isEqualTo(
                                "Accion '" + CODES.get(action) + "' no permitida en estado '" + estado + "'");
                    }
                    softly.assertThat(w.snapshot(id)).as(what).isEqualTo(before);
                }
            }
        }
        softly.assertAll();
        assertThat(refused).as("pairs refused by §4.1").isEqualTo(4 * 6 * 9 - grantedCount());
    }

    @Test
    void acciones_permitidas_are_the_granted_actions_of_the_callers_role_sorted() {
        SoftAssertions softly = new SoftAssertions();
        for (String estado : ESTADOS) {
            int id = w.inState(estado);
            for (Map.Entry<String, String> user : USERS.entrySet()) {
                softly.assertThat(strings(w.detail(user.getValue(), id).get("acciones_permitidas")))
                        .as(user.getKey() + " in " + estado)
                        .containsExactlyElementsOf(granted(List.of(user.getKey()), estado));
            }
        }
        softly.assertAll();
    }

    @Test
    void a_user_with_several_roles_holds_the_union_of_their_actions() {
        SoftAssertions softly = new SoftAssertions();
        for (String estado : ESTADOS) {
            int id = w.inState(estado);
            softly.assertThat(strings(w.detail(MULTI, id).get("acciones_permitidas"))).as(estado)
                    .containsExactlyElementsOf(granted(List.of("GESTOR", "MEDICO"), estado));
            softly.assertThat(strings(w.detail(SIN_ROLES, id).get("acciones_permitidas"))).as(estado).isEmpty();
        }
        softly.assertAll();

        // ASIGNAR_MEDICO comes from GESTOR, CERRAR from MEDICO: the same user does both
        int id = w.inState("PAGADO");
        assertThat(ok(w.action(MULTI, id, "asignar-medico", "{\"persona_id_medico\": 4}")).data()
                .get("estado_operativo").asString()).isEqualTo("ASIGNADO_MEDICO");
        assertThat(ok(w.action(MULTI, id, "cerrar", "{}")).data().get("estado_operativo").asString())
                .isEqualTo("CERRADO");
        // REGISTRAR_PAGO comes from GESTOR
        int other = w.inState("ASIGNADO_GESTOR");
        ok(w.action(MULTI, other, "registrar-pago", PAGO));

        // and a user without roles holds nothing
        int registrado = w.inState("REGISTRADO");
        WorkflowClient.Response r = w.action(SIN_ROLES, registrado, "cancelar", "{}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.message()).isEqualTo("Accion 'CANCELAR' no permitida en estado 'REGISTRADO'");
    }

    private WorkflowClient.Response call(String email, int id, String action) {
        String session = w.session(email);
        return switch (action) {
            case "ED" -> w.call("PATCH", session, "/solicitudes/" + id, "{\"comentario\": \"cambiado\"}");
            case "AG" -> w.action(email, id, "asignar-gestor", "{\"persona_id_gestor\": 3}");
            case "CG" -> w.action(email, id, "cambiar-gestor", "{\"persona_id_gestor\": 3}");
            case "RP" -> w.action(email, id, "registrar-pago", PAGO);
            case "AM" -> w.action(email, id, "asignar-medico", "{\"persona_id_medico\": 4}");
            case "CM" -> w.action(email, id, "cambiar-medico", "{\"persona_id_medico\": 4}");
            case "CE" -> w.action(email, id, "cerrar", "{\"comentario\": \"listo\"}");
            case "CA" -> w.action(email, id, "cancelar", "{\"comentario\": \"desistio\"}");
            case "OV" -> w.action(email, id, "override", "{\"motivo\": \"correccion\", \"accion\": \"EDITAR_DATOS\", "
                    + "\"payload\": {\"comentario\": \"cambiado\"}}");
            default -> throw new IllegalArgumentException(action);
        };
    }

    private static List<String> granted(List<String> roles, String estado) {
        Set<String> codes = new TreeSet<>();
        roles.forEach(role -> MATRIX.get(role).get(estado).forEach(a -> codes.add(CODES.get(a))));
        return List.copyOf(codes);
    }

    private static int grantedCount() {
        return MATRIX.values().stream().flatMap(m -> m.values().stream()).mapToInt(List::size).sum();
    }

    /** A user whose password is the gestor's ("gestor123"), with the given roles and no employee row. */
    private void addUser(String email, String documento, List<String> roles) {
        execute("INSERT INTO personas (tipo_documento, numero_documento, nombres, apellidos) VALUES ('DNI', '"
                + documento + "', 'Varios', 'Roles')");
        execute("INSERT INTO users (persona_id, password_hash, user_email, estado) SELECT p.persona_id, "
                + "(SELECT password_hash FROM users WHERE user_id = 3), '" + email + "', 'ACTIVO' FROM personas p "
                + "WHERE p.numero_documento = '" + documento + "'");
        roles.forEach(role -> execute("INSERT INTO user_role (user_id, user_role) SELECT user_id, '" + role
                + "' FROM users WHERE user_email = '" + email + "'"));
    }
}
