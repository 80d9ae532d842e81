package pe.cmep.gateway.persona;

import java.time.LocalDate;

/**
 * An explicit edit of a known persona (admin's PATCH of a user, a PERSONA promotor's PATCH): every non-null
 * field is written as given, a null one is left unchanged.
 */
public record PersonaEdicion(String nombres, String apellidos, String celular1, String email, String celular2,
                             String telefonoFijo, LocalDate fechaNacimiento, String direccion, String tipoDocumento,
                             String numeroDocumento, String comentario) {

    /** Only the names, as a promotor's PATCH changes them. */
    public static PersonaEdicion nombres(String nombres, String apellidos) {
        return new PersonaEdicion(nombres, apellidos, null, null, null, null, null, null, null, null, null);
    }
}
