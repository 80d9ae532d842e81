package pe.cmep.system.load;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The HTTP request of each action, with a valid body (api.md §7.4–7.6). */
final class AccionRequests {

    // the smallest PDF the file-worker's magic-byte check accepts
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final List<Integer> gestores;
    private final List<Integer> medicos;
    private final String run;

    AccionRequests(List<Integer> gestores, List<Integer> medicos, String run) {
        this.gestores = List.copyOf(gestores);
        this.medicos = List.copyOf(medicos);
        this.run = run;
    }

    ApiClient.Answer send(ApiClient client, int id, Accion accion, Random random) {
        String base = "/solicitudes/" + id;
        return switch (accion) {
            case ASIGNAR_GESTOR -> client.post(base + "/asignar-gestor", Map.of("persona_id_gestor",
                    any(gestores, random)));
            case CAMBIAR_GESTOR -> client.post(base + "/cambiar-gestor", Map.of("persona_id_gestor",
                    any(gestores, random)));
            case ASIGNAR_MEDICO -> client.post(base + "/asignar-medico", Map.of("persona_id_medico",
                    any(medicos, random)));
            case CAMBIAR_MEDICO -> client.post(base + "/cambiar-medico", Map.of("persona_id_medico",
                    any(medicos, random)));
            case REGISTRAR_PAGO -> client.post(base + "/registrar-pago", pago(random));
            case EDITAR_DATOS -> client.patch(base, Map.of("comentario", "c-" + run + "-" + random.nextLong()));
            case CERRAR -> client.post(base + "/cerrar", Map.of("comentario", "cierre"));
            case CANCELAR -> client.post(base + "/cancelar", Map.of("comentario", "cancelada por la carga"));
            case OVERRIDE_PAGO -> client.post(base + "/override", Map.of("motivo", "ajuste", "accion",
                    "REGISTRAR_PAGO", "payload", pago(random)));
            case OVERRIDE_CANCELAR -> client.post(base + "/override", Map.of("motivo", "anulada", "accion",
                    "CANCELAR", "payload", Map.of()));
            case SUBIR_ARCHIVO -> client.upload(base + "/archivos", "evidencia.pdf", "application/pdf", PDF,
                    "DOCUMENTO");
            case ELIMINAR -> client.delete(base);
        };
    }

    /** A payment of the last 40 days, so the reports' daily tables get many dates and both currencies. */
    private static Map<String, Object> pago(Random random) {
        return Map.of("canal_pago", random.nextBoolean() ? "YAPE" : "TRANSFERENCIA",
                "fecha_pago", LocalDate.now().minusDays(random.nextInt(40)).toString(),
                "monto", (10 + random.nextInt(490)) + "." + String.format("%02d", random.nextInt(100)),
                "moneda", random.nextInt(4) == 0 ? "USD" : "PEN");
    }

    private static int any(List<Integer> ids, Random random) {
        return ids.get(random.nextInt(ids.size()));
    }
}
