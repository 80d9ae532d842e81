package pe.cmep.gateway.solicitud;

/** One historial row to write: a changed field, or an event such as {@code solicitud_creada}. */
public record Cambio(String campo, String valorAnterior, String valorNuevo, String comentario) {

    public static Cambio of(String campo, String valorAnterior, String valorNuevo) {
        return new Cambio(campo, valorAnterior, valorNuevo, null);
    }
}
