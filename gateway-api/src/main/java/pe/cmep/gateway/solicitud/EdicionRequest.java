package pe.cmep.gateway.solicitud;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import pe.cmep.gateway.web.FieldReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * The keys present in a PATCH /solicitudes/{id} body (api.md §7.4): only present keys are
 * considered, an explicit null clears a field, required names may not be null or blank.
 */
record EdicionRequest(List<Edit> solicitud, List<Edit> cliente, List<Edit> apoderado) {

    static final List<String> ESTADOS_CERTIFICADO = List.of("APROBADO", "OBSERVADO");

    /** One field to set: the column and its new value (String, Integer, LocalDate or null). */
    record Edit(String column, Object value) {

        String text() {
            return value == null ? null : value.toString();
        }
    }

    Integer servicioId() {
        return solicitud.stream().filter(e -> e.column().equals("servicio_id") && e.value() != null)
                .map(e -> (Integer) e.value()).findFirst().orElse(null);
    }

    boolean isEmpty() {
        return solicitud.isEmpty() && cliente.isEmpty() && apoderado.isEmpty();
    }

    /** @param solicitudFieldsOnly for override EDITAR_DATOS, which ignores cliente/apoderado keys (§5.10) */
    static EdicionRequest read(ObjectNode body, boolean solicitudFieldsOnly, String errorPrefix) {
        FieldReader r = new FieldReader(body, errorPrefix);
        List<Edit> solicitud = new ArrayList<>();
        if (r.has("tipo_atencion")) {
            solicitud.add(new Edit("tipo_atencion", r.optionalEnum("tipo_atencion", RegistroRequest.TIPOS_ATENCION)));
        }
        if (r.has("lugar_atencion")) {
            solicitud.add(new Edit("lugar_atencion", r.optionalString("lugar_atencion", 255)));
        }
        if (r.has("comentario")) {
            solicitud.add(new Edit("comentario", r.optionalString("comentario", 10_000)));
        }
        if (r.has("servicio_id")) {
            solicitud.add(new Edit("servicio_id", r.optionalId("servicio_id")));
        }
        if (r.has("estado_certificado")) {
            solicitud.add(new Edit("estado_certificado", r.optionalEnum("estado_certificado", ESTADOS_CERTIFICADO)));
        }
        List<Edit> cliente = solicitudFieldsOnly ? List.of() : persona(r, "cliente_");
        List<Edit> apoderado = solicitudFieldsOnly ? List.of() : persona(r, "apoderado_");
        r.validate();
        return new EdicionRequest(solicitud, cliente, apoderado);
    }

    private static List<Edit> persona(FieldReader r, String prefix) {
        List<Edit> edits = new ArrayList<>();
        if (r.has(prefix + "nombres")) {
            edits.add(new Edit("nombres", r.requiredString(prefix + "nombres", 1, 150)));
        }
        if (r.has(prefix + "apellidos")) {
            edits.add(new Edit("apellidos", r.requiredString(prefix + "apellidos", 1, 150)));
        }
        if (r.has(prefix + "celular")) {
            edits.add(new Edit("celular_1", r.optionalString(prefix + "celular", 20)));
        }
        if (r.has(prefix + "email")) {
            edits.add(new Edit("email", r.optionalString(prefix + "email", 255)));
        }
        if (r.has(prefix + "fecha_nacimiento")) {
            LocalDate date = r.optionalDate(prefix + "fecha_nacimiento");
            edits.add(new Edit("fecha_nacimiento", date));
        }
        if (r.has(prefix + "direccion")) {
            edits.add(new Edit("direccion", r.optionalString(prefix + "direccion", 500)));
        }
        return edits;
    }
}
