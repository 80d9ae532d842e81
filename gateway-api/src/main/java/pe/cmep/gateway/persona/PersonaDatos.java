package pe.cmep.gateway.persona;

import java.time.LocalDate;

/**
 * The values a caller submits for a persona: a registration's cliente or apoderado, a PERSONA promotor, a user
 * created by an admin, a seed row. A null (or blank) value is "not submitted"; without both document fields the
 * persona has no document.
 */
public record PersonaDatos(String tipoDocumento, String numeroDocumento, String nombres, String apellidos,
                           String celular, String email, LocalDate fechaNacimiento, String direccion) {

    boolean hasDocument() {
        return tipoDocumento != null && numeroDocumento != null;
    }
}
