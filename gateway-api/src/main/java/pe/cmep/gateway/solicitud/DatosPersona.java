package pe.cmep.gateway.solicitud;

/** The fields of a cliente or apoderado an edit may change (api.md §7.4), as stored, in their text form. */
record DatosPersona(int personaId, String nombres, String apellidos, String celular1, String email,
                    String fechaNacimiento, String direccion) {

    String texto(String columna) {
        return switch (columna) {
            case "nombres" -> nombres;
            case "apellidos" -> apellidos;
            case "celular_1" -> celular1;
            case "email" -> email;
            case "fecha_nacimiento" -> fechaNacimiento;
            case "direccion" -> direccion;
            default -> throw new IllegalArgumentException("Not a persona field: " + columna);
        };
    }
}
