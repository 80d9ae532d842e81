package pe.cmep.gateway.catalogo;

import java.util.List;
import pe.cmep.gateway.web.FieldReader;

/** The body of POST /promotores, also accepted inline by POST /solicitudes (api.md §7.7). */
public record PromotorInput(String tipoPromotor, String tipoDocumento, String numeroDocumento, String nombres,
                            String apellidos, String razonSocial, String nombrePromotorOtros, String ruc,
                            String email, String celular1, String fuentePromotor, String comentario) {

    public static final List<String> TIPOS = List.of("PERSONA", "EMPRESA", "OTROS");
    private static final List<String> TIPOS_DOCUMENTO = List.of("DNI", "CE", "PASAPORTE", "RUC");

    /** Reads and validates the body, adding the type rule failures of §7.7 to the reader's errors. */
    public static PromotorInput read(FieldReader r) {
        String tipo = r.requiredEnum("tipo_promotor", TIPOS);
        PromotorInput in = new PromotorInput(tipo,
                r.optionalEnum("tipo_documento", TIPOS_DOCUMENTO),
                r.optionalText("numero_documento", 30),
                r.optionalText("nombres", 150),
                r.optionalText("apellidos", 150),
                r.optionalText("razon_social", 255),
                r.optionalText("nombre_promotor_otros", 255),
                r.optionalText("ruc", 20),
                r.optionalText("email", 255),
                r.optionalText("celular_1", 20),
                r.optionalText("fuente_promotor", 255),
                r.optionalText("comentario", 10_000));
        if ("PERSONA".equals(tipo) && (in.nombres() == null || in.apellidos() == null)) {
            r.error("tipo_promotor", "PERSONA requiere nombres y apellidos");
        } else if ("EMPRESA".equals(tipo) && in.razonSocial() == null) {
            r.error("razon_social", "EMPRESA requiere razon_social");
        } else if ("OTROS".equals(tipo) && in.nombrePromotorOtros() == null) {
            r.error("nombre_promotor_otros", "OTROS requiere nombre_promotor_otros");
        }
        return in;
    }

    boolean hasDocument() {
        return tipoDocumento != null && numeroDocumento != null;
    }
}
