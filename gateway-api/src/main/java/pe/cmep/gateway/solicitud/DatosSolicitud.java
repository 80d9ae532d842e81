package pe.cmep.gateway.solicitud;

/** The fields of a solicitud an edit may change (api.md §7.4), as stored. */
record DatosSolicitud(String tipoAtencion, String lugarAtencion, String comentario, Integer servicioId,
                      String estadoCertificado) {

    /** The text form an edit compares (domain.md §5.2). */
    String texto(String columna) {
        return switch (columna) {
            case "tipo_atencion" -> tipoAtencion;
            case "lugar_atencion" -> lugarAtencion;
            case "comentario" -> comentario;
            case "servicio_id" -> servicioId == null ? null : servicioId.toString();
            case "estado_certificado" -> estadoCertificado;
            default -> throw new IllegalArgumentException("Not a solicitud field: " + columna);
        };
    }

    DatosSolicitud con(EdicionRequest.Edit edit) {
        Object v = edit.value();
        return switch (edit.column()) {
            case "tipo_atencion" -> new DatosSolicitud((String) v, lugarAtencion, comentario, servicioId,
                    estadoCertificado);
            case "lugar_atencion" -> new DatosSolicitud(tipoAtencion, (String) v, comentario, servicioId,
                    estadoCertificado);
            case "comentario" -> new DatosSolicitud(tipoAtencion, lugarAtencion, (String) v, servicioId,
                    estadoCertificado);
            case "servicio_id" -> new DatosSolicitud(tipoAtencion, lugarAtencion, comentario, (Integer) v,
                    estadoCertificado);
            case "estado_certificado" -> new DatosSolicitud(tipoAtencion, lugarAtencion, comentario, servicioId,
                    (String) v);
            default -> throw new IllegalArgumentException("Not a solicitud field: " + edit.column());
        };
    }
}
