package pe.cmep.gateway.solicitud;

import java.time.LocalDate;
import java.util.List;
import pe.cmep.gateway.web.FieldReader;

/** A cliente or apoderado as POST /solicitudes sends it (api.md §7.4). */
public record PersonaInput(String tipoDocumento, String numeroDocumento, String nombres, String apellidos,
                           String celular, LocalDate fechaNacimiento, String email, String direccion) {

    public static final List<String> TIPOS_DOCUMENTO = List.of("DNI", "CE", "PASAPORTE", "RUC");

    static PersonaInput read(FieldReader r) {
        return new PersonaInput(
                r.requiredEnum("tipo_documento", TIPOS_DOCUMENTO),
                r.requiredString("numero_documento", 1, 30),
                r.requiredString("nombres", 1, 150),
                r.requiredString("apellidos", 1, 150),
                r.optionalText("celular", 20),
                r.optionalDate("fecha_nacimiento"),
                r.optionalText("email", 255),
                r.optionalText("direccion", 500));
    }
}
