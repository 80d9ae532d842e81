package pe.cmep.system.hostile;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * The entities the sweep may address by id, created by the sweep itself through HTTP as ADMIN: solicitudes in a few
 * states (with a payment and a file), a promotor and a user. Seed rows and other tests' rows are only ever
 * referenced from bodies, never edited, deleted or logged out.
 */
final class OwnEntities {

    private static final Duration SETTLE = Duration.ofSeconds(20);

    private final ApiCaller admin;
    private final KnownIds ids;
    private final Random rnd;

    OwnEntities(ApiCaller admin, KnownIds ids, long seed) {
        this.admin = admin;
        this.ids = ids;
        this.rnd = new Random(seed);
    }

    void create() {
        for (String rol : new String[]{"GESTOR", "MEDICO"}) {
            for (JsonNode e : HostileInputIT.data(ok(admin.get("/empleados?rol=" + rol)))) {
                ids.field("persona_id_" + rol.toLowerCase(java.util.Locale.ROOT), e.path("persona_id").asLong());
            }
        }
        for (JsonNode s : HostileInputIT.data(ok(admin.get("/servicios")))) {
            ids.field("servicio_id", s.path("servicio_id").asLong());
        }
        long promotor = HostileInputIT.data(ok(admin.json("POST", "/promotores",
                "{\"tipo_promotor\":\"EMPRESA\",\"razon_social\":\"Sweep " + tag() + "\"}"))).path("promotor_id")
                .asLong();
        ids.variable("promotor_id", promotor);
        long user = HostileInputIT.data(ok(admin.json("POST", "/admin/usuarios", "{\"user_email\":\"sweep-" + tag()
                + "@sweep.test\",\"password\":\"sweep-pass-1\",\"nombres\":\"Sweep\",\"apellidos\":\"Usuario\","
                + "\"tipo_documento\":\"PASAPORTE\",\"numero_documento\":\"" + document() + "\",\"roles\":[\"OPERADOR\"]}")))
                .path("user_id").asLong();
        ids.variable("user_id", user);
        long gestor = ids.forField("persona_id_gestor").get(0);
        long medico = ids.forField("persona_id_medico").get(0);
        for (int i = 0; i < 3; i++) {
            long id = solicitud();
            if (i >= 1) {
                ok(admin.json("POST", "/solicitudes/" + id + "/asignar-gestor", "{\"persona_id_gestor\":" + gestor + "}"));
                JsonNode detail = HostileInputIT.data(ok(admin.json("POST", "/solicitudes/" + id + "/registrar-pago",
                        "{\"canal_pago\":\"YAPE\",\"fecha_pago\":\"2026-01-15\",\"monto\":\"150.00\"}")));
                detail.path("pagos").forEach(p -> ids.field("pago_id", p.path("pago_id").asLong()));
            }
            if (i == 2) {
                ok(admin.json("POST", "/solicitudes/" + id + "/asignar-medico", "{\"persona_id_medico\":" + medico + "}"));
            }
        }
        long archivo = upload(ids.forVariable("solicitud_id").get(0));
        ids.variable("archivo_id", archivo);
    }

    long solicitud() {
        long id = HostileInputIT.data(ok(admin.json("POST", "/solicitudes", "{\"cliente\":{\"tipo_documento\":\"PASAPORTE\","
                + "\"numero_documento\":\"" + document() + "\",\"nombres\":\"Sweep\",\"apellidos\":\"Cliente\"},"
                + "\"promotor_id\":" + ids.forVariable("promotor_id").get(0) + "}"))).path("solicitud_id").asLong();
        ids.variable("solicitud_id", id);
        return id;
    }

    private long upload(long solicitud) {
        String boundary = "sweepboundary";
        byte[] body = HostileGenerator.concat(HostileGenerator.bytes("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sweep.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n"), MultipartGarbage.PDF,
                HostileGenerator.bytes("\r\n--" + boundary + "--\r\n"));
        return HostileInputIT.data(ok(admin.send("POST", "/solicitudes/" + solicitud + "/archivos",
                "multipart/form-data; boundary=" + boundary, body))).path("archivo_id").asLong();
    }

    /**
     * Keeps the pool of addressable entities alive after a hostile request succeeded: a deleted one is forgotten and,
     * for a solicitud, replaced.
     */
    void afterSuccess(Route route, HostileRequest request, Reply reply) {
        if (!route.method().equals("DELETE") || route.variables().size() != 1) {
            return;
        }
        String variable = route.variables().get(0);
        String id = request.target().substring(request.target().lastIndexOf('/') + 1);
        if (id.matches("\\d{1,18}")) {
            ids.forget(variable, Long.parseLong(id));
            if (variable.equals("solicitud_id") && ids.forVariable(variable).isEmpty()) {
                solicitud();
            }
        }
    }

    /**
     * A baseline to compare the next refused request with, taken once the system is quiet: the one business write
     * that follows a request asynchronously is the file-worker's verdict on an uploaded file (archivos).
     */
    Map<String, Long> settled(DomainChecksum checksum) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (checksum.count("SELECT COUNT(*) FROM archivos WHERE estado_verificacion = 'PENDIENTE'"
                + " AND created_at > NOW() - INTERVAL 10 MINUTE") > 0 && System.nanoTime() < deadline) {
            sleep();
        }
        return checksum.take();
    }

    private Reply ok(Reply reply) {
        if (!reply.success()) {
            throw new IllegalStateException("setting up the sweep's own entities failed: " + reply.status() + " "
                    + reply.excerpt());
        }
        return reply;
    }

    private String tag() {
        return Long.toHexString(rnd.nextLong() & 0xffffffffL) + Long.toHexString(System.nanoTime() & 0xffff);
    }

    private String document() {
        return "SW" + Long.toHexString(rnd.nextLong() & 0xffffffffffL);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
