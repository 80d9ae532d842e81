package pe.cmep.gateway.archivo;

/** The answer to an upload (api.md §7.6). */
record ArchivoSubido(int archivoId, String nombre, String tipo, long tamanoBytes, String mimeType,
                     String estadoVerificacion) {
}
