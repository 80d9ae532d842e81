package pe.cmep.gateway.catalogo;

import java.util.LinkedHashMap;
import java.util.Map;
import pe.cmep.gateway.web.FieldReader;

/**
 * The body of PATCH /promotores/{promotor_id} (api.md §7.7): {@code columns} holds each promotor
 * column whose key is present (a null value clears it); {@code nombres}/{@code apellidos} are the
 * non-empty persona names, else null. tipo_promotor, tipo_documento and numero_documento are ignored.
 */
record PromotorPatch(Map<String, String> columns, String nombres, String apellidos) {

    /** The editable promotor columns with their schema lengths (comentario as on create). */
    private static final Map<String, Integer> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("razon_social", 255);
        COLUMNS.put("nombre_promotor_otros", 255);
        COLUMNS.put("ruc", 20);
        COLUMNS.put("email", 255);
        COLUMNS.put("celular_1", 20);
        COLUMNS.put("fuente_promotor", 255);
        COLUMNS.put("comentario", 10_000);
    }

    static PromotorPatch read(FieldReader r) {
        Map<String, String> columns = new LinkedHashMap<>();
        COLUMNS.forEach((name, max) -> {
            if (r.has(name)) {
                columns.put(name, r.optionalString(name, max));
            }
        });
        return new PromotorPatch(columns, r.optionalText("nombres", 150), r.optionalText("apellidos", 150));
    }
}
