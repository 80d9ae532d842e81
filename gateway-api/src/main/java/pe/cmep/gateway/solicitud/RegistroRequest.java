package pe.cmep.gateway.solicitud;

import java.util.List;
import pe.cmep.gateway.catalogo.PromotorInput;
import pe.cmep.gateway.web.FieldReader;
import tools.jackson.databind.node.ObjectNode;

/** The validated body of POST /solicitudes (api.md §7.4, domain.md §5.1). */
record RegistroRequest(PersonaInput cliente, PersonaInput apoderado, PromotorInput promotor, Integer promotorId,
                       String tipoAtencion, String lugarAtencion, Integer servicioId, String comentario) {

    static final List<String> TIPOS_ATENCION = List.of("VIRTUAL", "PRESENCIAL");

    static RegistroRequest read(ObjectNode body) {
        FieldReader r = new FieldReader(body);
        FieldReader cliente = r.requiredObject("cliente");
        FieldReader apoderado = r.optionalObject("apoderado");
        FieldReader promotor = r.optionalObject("promotor");
        FieldReader atencion = r.optionalObject("atencion");
        Integer promotorId = r.optionalId("promotor_id");
        if (promotor != null && promotorId != null) {
            r.error("promotor", "Envie promotor o promotor_id, no ambos");
        }
        RegistroRequest request = new RegistroRequest(
                cliente == null ? null : PersonaInput.read(cliente),
                apoderado == null ? null : PersonaInput.read(apoderado),
                promotor == null ? null : PromotorInput.read(promotor),
                promotorId,
                atencion == null ? null : atencion.optionalEnum("tipo_atencion", TIPOS_ATENCION),
                atencion == null ? null : atencion.optionalText("lugar_atencion", 255),
                r.optionalId("servicio_id"),
                r.optionalText("comentario", 10_000));
        r.validate();
        return request;
    }
}
