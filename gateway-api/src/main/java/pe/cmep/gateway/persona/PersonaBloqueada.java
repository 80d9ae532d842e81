package pe.cmep.gateway.persona;

/** A persona read under its row lock, with its current values. */
public record PersonaBloqueada(int personaId, PersonaDatos datos) {

    /** The current value of a column as historial text (a date ISO {@code yyyy-MM-dd}), null when empty. */
    public String texto(String columna) {
        return CampoPersona.of(columna).text(datos);
    }
}
