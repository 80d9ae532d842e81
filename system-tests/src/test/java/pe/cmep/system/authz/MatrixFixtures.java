package pe.cmep.system.authz;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import pe.cmep.system.hostile.ApiCaller;
import pe.cmep.system.hostile.Reply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entities the matrix test acts on, all created by it through HTTP as ADMIN: a solicitud in each
 * estado_operativo (brought there by the workflow actions), a promotor, a user and a file. A cell whose valid request
 * succeeded and changed its entity (a state moved, a row deleted) gets a fresh one for the next cell.
 */
final class MatrixFixtures {

    enum Estado { REGISTRADO, ASIGNADO_GESTOR, PAGADO, ASIGNADO_MEDICO, CERRADO, CANCELADO }

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() & 0xffffffL);

    private final ApiCaller admin;
    private final Map<Estado, Long> solicitudes = new EnumMap<>(Estado.class);
    private final Map<String, Long> others = new HashMap<>();
    final long gestor;
    final long medico;

    MatrixFixtures(ApiCaller admin) {
        this.admin = admin;
        this.gestor = data(ok(admin.get("/empleados?rol=GESTOR"))).get(0).path("persona_id").asLong();
        this.medico = data(ok(admin.get("/empleados?rol=MEDICO"))).get(0).path("persona_id").asLong();
    }

    /** The id for a path variable, for a cell of a solicitud route in {@code estado} (null for other routes). */
    long id(String variable, Estado estado) {
        return switch (variable) {
            case "solicitud_id" -> solicitudes.computeIfAbsent(estado, this::solicitudIn);
            case "archivo_id" -> others.computeIfAbsent(variable, v -> upload(solicitudes.computeIfAbsent(
                    Estado.REGISTRADO, this::solicitudIn)));
            case "promotor_id" -> others.computeIfAbsent(variable, v -> promotor());
            case "user_id" -> others.computeIfAbsent(variable, v -> user());
            default -> throw new IllegalStateException("no fixture for path variable {" + variable + "}: write one");
        };
    }

    /** After a cell's request succeeded: keep the entity only if it is still there and in its state. */
    void afterSuccess(String variable, Estado estado, long id) {
        if (variable.equals("solicitud_id")) {
            Reply detail = admin.get("/solicitudes/" + id);
            if (!detail.success() || !estado.name().equals(data(detail).path("estado_operativo").asString())) {
                solicitudes.remove(estado);
            }
        } else if (!admin.get(probePath(variable, id)).success()) {
            others.remove(variable);
        }
    }

    private static String probePath(String variable, long id) {
        return switch (variable) {
            case "archivo_id" -> "/archivos/" + id;
            case "promotor_id" -> "/promotores/" + id;
            default -> "/health";
        };
    }

    long solicitudIn(Estado estado) {
        long id = data(ok(admin.json("POST", "/solicitudes", "{\"cliente\":{\"tipo_documento\":\"PASAPORTE\","
                + "\"numero_documento\":\"MX" + SEQUENCE.incrementAndGet() + "\",\"nombres\":\"Matriz\","
                + "\"apellidos\":\"Cliente\"}}"))).path("solicitud_id").asLong();
        String base = "/solicitudes/" + id;
        List<Estado> path = switch (estado) {
            case REGISTRADO -> List.of();
            case ASIGNADO_GESTOR -> List.of(Estado.ASIGNADO_GESTOR);
            case PAGADO -> List.of(Estado.ASIGNADO_GESTOR, Estado.PAGADO);
            case ASIGNADO_MEDICO -> List.of(Estado.ASIGNADO_GESTOR, Estado.PAGADO, Estado.ASIGNADO_MEDICO);
            case CERRADO -> List.of(Estado.ASIGNADO_GESTOR, Estado.PAGADO, Estado.ASIGNADO_MEDICO, Estado.CERRADO);
            case CANCELADO -> List.of(Estado.CANCELADO);
        };
        JsonNode detail = data(ok(admin.get(base)));
        for (Estado step : path) {
            detail = data(ok(switch (step) {
                case ASIGNADO_GESTOR -> admin.json("POST", base + "/asignar-gestor",
                        "{\"persona_id_gestor\":" + gestor + "}");
                case PAGADO -> admin.json("POST", base + "/registrar-pago",
                        "{\"canal_pago\":\"YAPE\",\"fecha_pago\":\"2026-01-15\",\"monto\":\"150.00\"}");
                case ASIGNADO_MEDICO -> admin.json("POST", base + "/asignar-medico",
                        "{\"persona_id_medico\":" + medico + "}");
                case CERRADO -> admin.json("POST", base + "/cerrar", "{\"comentario\":\"matriz\"}");
                case CANCELADO -> admin.json("POST", base + "/cancelar", "{\"comentario\":\"matriz\"}");
                case REGISTRADO -> throw new IllegalStateException();
            }));
        }
        String reached = detail.path("estado_operativo").asString();
        if (!estado.name().equals(reached)) {
            throw new IllegalStateException("could not bring solicitud " + id + " to " + estado + ": it is " + reached);
        }
        return id;
    }

    long promotor() {
        return data(ok(admin.json("POST", "/promotores", "{\"tipo_promotor\":\"EMPRESA\",\"razon_social\":\"Matriz "
                + SEQUENCE.incrementAndGet() + "\"}"))).path("promotor_id").asLong();
    }

    long user() {
        long n = SEQUENCE.incrementAndGet();
        return data(ok(admin.json("POST", "/admin/usuarios", newUserBody(n)))).path("user_id").asLong();
    }

    static String newUserBody(long n) {
        return "{\"user_email\":\"matriz-" + n + "-" + Long.toHexString(System.nanoTime()) + "@matriz.test\","
                + "\"password\":\"matriz-pass-1\",\"nombres\":\"Matriz\",\"apellidos\":\"Usuario\","
                + "\"tipo_documento\":\"PASAPORTE\",\"numero_documento\":\"" + String.format("MU%010x", ThreadLocalRandom.current().nextLong(1L << 40))
                + "\",\"roles\":[\"OPERADOR\"]}";
    }

    static long next() {
        return SEQUENCE.incrementAndGet();
    }

    long upload(long solicitud) {
        Multipart body = Multipart.pdf();
        return data(ok(admin.send("POST", "/solicitudes/" + solicitud + "/archivos", body.contentType(),
                body.bytes()))).path("archivo_id").asLong();
    }

    static JsonNode data(Reply reply) {
        return JSON.readTree(reply.body()).path("data");
    }

    private static Reply ok(Reply reply) {
        if (!reply.success()) {
            throw new IllegalStateException("setting up the matrix's entities failed: " + reply.status() + " "
                    + reply.excerpt());
        }
        return reply;
    }

    record Multipart(String contentType, byte[] bytes) {
        static Multipart pdf() {
            String boundary = "matrizboundary";
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"tipo_archivo\"\r\n\r\n"
                    + "DOCUMENTO\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                    + "filename=\"matriz.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII));
            out.writeBytes(PDF);
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }
    }
}
