package pe.cmep.gateway.solicitud;

import pe.cmep.gateway.catalogo.PromotorSummary;

/** SolicitudListItem of api.md §7.3. */
public record SolicitudListItem(
        int solicitudId,
        String codigo,
        Cliente cliente,
        Apoderado apoderado,
        String estadoOperativo,
        String gestor,
        String medico,
        PromotorSummary promotor,
        String operador,
        String createdAt) {

    public record Cliente(int personaId, String tipoDocumento, String numeroDocumento, String doc, String nombre,
                          String celular) {
    }

    public record Apoderado(int personaId, String tipoDocumento, String numeroDocumento, String nombres,
                            String apellidos) {
    }
}
