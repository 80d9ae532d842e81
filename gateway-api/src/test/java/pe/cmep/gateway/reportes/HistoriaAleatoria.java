package pe.cmep.gateway.reportes;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives a random history of solicitudes over HTTP: registrations by different users, with and without
 * promotor, for new and returning clientes; assignments and changes of gestor and medico; payments in PEN and
 * USD on various dates; closing, cancelling, overrides, edits (some changing nothing) and deletions. Each step
 * usually takes the action that moves the solicitud on and otherwise a random one, which the policy may refuse:
 * a refused request must leave the report alone as well. The clock moves forward between steps.
 */
final class HistoriaAleatoria {

    private static final String[] ACCIONES = {"asignar-gestor", "cambiar-gestor", "registrar-pago", "asignar-medico",
            "cambiar-medico", "cerrar", "cancelar", "override", "editar", "editar-sin-cambios", "eliminar"};
    private static final String[] OVERRIDES = {"CAMBIAR_GESTOR", "CAMBIAR_MEDICO", "REGISTRAR_PAGO", "CERRAR",
            "CANCELAR", "EDITAR_DATOS"};

    private final WebTestClient client;
    private final Random random;
    private final MutableClock clock;
    private final String admin;
    /** sessions of the users who register solicitudes: operadores and the admin */
    private final List<String> registradores;
    private final List<Integer> gestores;
    private final List<Integer> medicos;
    private final List<Integer> promotores;
    private final List<Integer> vivas = new ArrayList<>();
    private final List<String> documentos = new ArrayList<>();
    private final JsonMapper json = JsonMapper.builder().build();
    private int pasos;
    private int aceptados;

    HistoriaAleatoria(WebTestClient client, Random random, MutableClock clock, String admin, List<String> registradores,
                      List<Integer> gestores, List<Integer> medicos, List<Integer> promotores) {
        this.client = client;
        this.random = random;
        this.clock = clock;
        this.admin = admin;
        this.registradores = registradores;
        this.gestores = gestores;
        this.medicos = medicos;
        this.promotores = promotores;
    }

    /** Runs {@code n} steps; the clock advances between 1 second and 30 hours before each. */
    void pasos(int n) {
        for (int i = 0; i < n; i++) {
            clock.advance(Duration.ofSeconds(1 + random.nextInt(30 * 3600)));
            pasos++;
            if (vivas.isEmpty() || random.nextInt(4) == 0) {
                registrar();
            } else {
                actuar(vivas.get(random.nextInt(vivas.size())));
            }
        }
    }

    /** How many requests of the history were accepted (200), out of {@link #pasos()}. */
    int aceptados() {
        return aceptados;
    }

    int pasos() {
        return pasos;
    }

    private void registrar() {
        String documento;
        if (!documentos.isEmpty() && random.nextInt(3) == 0) {
            documento = documentos.get(random.nextInt(documentos.size()));
        } else {
            documento = String.valueOf(60_000_000 + documentos.size() + random.nextInt(1000) * 1000);
            documentos.add(documento);
        }
        StringBuilder body = new StringBuilder("{\"cliente\": {\"tipo_documento\": \"DNI\", \"numero_documento\": \"")
                .append(documento).append("\", \"nombres\": \"Cliente\", \"apellidos\": \"").append(documento)
                .append("\"}");
        int promotor = random.nextInt(promotores.size() + 1);
        if (promotor < promotores.size()) {
            body.append(", \"promotor_id\": ").append(promotores.get(promotor));
        }
        if (random.nextBoolean()) {
            body.append(", \"servicio_id\": 1");
        }
        body.append('}');
        String session = registradores.get(random.nextInt(registradores.size()));
        JsonNode r = call(HttpMethod.POST, session, "/solicitudes", body.toString());
        if (r != null) {
            vivas.add(r.get("data").get("solicitud_id").intValue());
        }
    }

    private void actuar(int id) {
        JsonNode detalle = call(HttpMethod.GET, admin, "/solicitudes/" + id, null);
        String estado = detalle.get("data").get("estado_operativo").asString();
        String accion = random.nextInt(10) < 6 ? siguiente(estado) : ACCIONES[random.nextInt(ACCIONES.length)];
        String ruta = "/solicitudes/" + id + "/" + accion;
        switch (accion) {
            case "asignar-gestor", "cambiar-gestor" -> call(HttpMethod.POST, admin, ruta,
                    "{\"persona_id_gestor\": " + uno(gestores) + "}");
            case "asignar-medico", "cambiar-medico" -> call(HttpMethod.POST, admin, ruta,
                    "{\"persona_id_medico\": " + uno(medicos) + "}");
            case "registrar-pago" -> call(HttpMethod.POST, admin, ruta, pago());
            case "cerrar" -> call(HttpMethod.POST, admin, ruta, "{}");
            case "cancelar" -> call(HttpMethod.POST, admin, ruta, "{\"comentario\": \"desiste\"}");
            case "override" -> call(HttpMethod.POST, admin, ruta, override());
            case "editar" -> call(HttpMethod.PATCH, admin, "/solicitudes/" + id,
                    "{\"lugar_atencion\": \"Sede " + random.nextInt(1000) + "\", \"cliente_celular\": \"9"
                            + (10_000_000 + random.nextInt(89_999_999)) + "\"}");
            case "editar-sin-cambios" -> call(HttpMethod.PATCH, admin, "/solicitudes/" + id, "{}");
            case "eliminar" -> {
                if (random.nextInt(3) == 0 && call(HttpMethod.DELETE, admin, "/solicitudes/" + id, null) != null) {
                    vivas.remove(Integer.valueOf(id));
                }
            }
            default -> throw new IllegalStateException(accion);
        }
    }

    private static String siguiente(String estado) {
        return switch (estado) {
            case "REGISTRADO" -> "asignar-gestor";
            case "ASIGNADO_GESTOR" -> "registrar-pago";
            case "PAGADO" -> "asignar-medico";
            case "ASIGNADO_MEDICO" -> "cerrar";
            default -> "override";
        };
    }

    private String override() {
        String accion = OVERRIDES[random.nextInt(OVERRIDES.length)];
        String payload = switch (accion) {
            case "CAMBIAR_GESTOR" -> "{\"persona_id_gestor\": " + uno(gestores) + "}";
            case "CAMBIAR_MEDICO" -> "{\"persona_id_medico\": " + uno(medicos) + "}";
            case "REGISTRAR_PAGO" -> pago();
            case "EDITAR_DATOS" -> random.nextBoolean() ? "{\"comentario\": \"revision " + random.nextInt(100) + "\"}"
                    : "{}";
            default -> "{}";
        };
        return "{\"motivo\": \"auditoria\", \"accion\": \"" + accion + "\", \"payload\": " + payload + "}";
    }

    /** A payment dated up to 45 days back, in either currency. */
    private String pago() {
        LocalDate fecha = LocalDate.now(clock).minusDays(random.nextInt(46));
        String monto = (1 + random.nextInt(900)) + "." + String.format("%02d", random.nextInt(100));
        String moneda = random.nextInt(3) == 0 ? "USD" : "PEN";
        return "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"" + fecha + "\", \"monto\": \"" + monto
                + "\", \"moneda\": \"" + moneda + "\"}";
    }

    private int uno(List<Integer> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    /** The parsed body of a 200, null for any refusal. */
    private JsonNode call(HttpMethod method, String session, String path, String body) {
        WebTestClient.RequestBodySpec spec = client.method(method).uri(path).contentType(MediaType.APPLICATION_JSON)
                .cookie(SessionCookies.NAME, session);
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? spec : spec.bodyValue(body);
        EntityExchangeResult<String> result = ready.exchange().expectBody(String.class).returnResult();
        if (result.getStatus().value() != 200) {
            if (result.getStatus().is5xxServerError()) {
                throw new AssertionError(method + " " + path + " failed: " + result.getResponseBody());
            }
            return null;
        }
        aceptados++;
        return json.readTree(result.getResponseBody());
    }
}
