package pe.cmep.gateway.contract;

/**
 * The response bodies whose records are private to their handler's package, written again here as api.md gives
 * them; the DTOs that are public (SolicitudDetail, PromotorItem, ...) are described from their own records.
 */
final class ResponseBodies {

    private ResponseBodies() {
    }

    /** POST /solicitudes (api.md §7.4). */
    record SolicitudCreada(int solicitudId, String codigo) {
    }

    /** POST /solicitudes/{solicitud_id}/archivos (api.md §7.6). */
    record ArchivoSubido(int archivoId, String nombre, String tipo, long tamanoBytes, String mimeType,
                         String estadoVerificacion) {
    }
}
