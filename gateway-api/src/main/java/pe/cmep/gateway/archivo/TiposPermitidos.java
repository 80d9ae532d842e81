package pe.cmep.gateway.archivo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The upload allow-list of domain.md §10 #11, on the file name's extension and the part's declared type. The
 * stored {@code mime_type} is the type that belongs to the accepted extension, never the client's text as is.
 */
final class TiposPermitidos {

    static final String OCTET_STREAM = "application/octet-stream";

    /** Extension → the type stored for it, then the other declarations browsers send for such a file. */
    private static final Map<String, List<String>> POR_EXTENSION = Map.ofEntries(
            Map.entry("pdf", List.of("application/pdf", "application/x-pdf")),
            Map.entry("jpg", List.of("image/jpeg", "image/pjpeg", "image/jpg")),
            Map.entry("jpeg", List.of("image/jpeg", "image/pjpeg", "image/jpg")),
            Map.entry("png", List.of("image/png", "image/x-png")),
            Map.entry("webp", List.of("image/webp")),
            Map.entry("gif", List.of("image/gif")),
            Map.entry("heic", List.of("image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence")),
            Map.entry("heif", List.of("image/heif", "image/heic", "image/heif-sequence", "image/heic-sequence")),
            Map.entry("doc", List.of("application/msword")),
            Map.entry("docx", List.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
            Map.entry("xls", List.of("application/vnd.ms-excel")),
            Map.entry("xlsx", List.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")));

    private TiposPermitidos() {
    }

    /**
     * @param extension lower-case extension with its dot ({@code ".pdf"}), empty when the name has none
     * @param mimeType  the type to store
     */
    record Aceptado(String extension, String mimeType) {
    }

    /**
     * A named extension must be on the list and the declared type must belong to it (or say nothing:
     * absent or {@code application/octet-stream}). A name without extension is accepted on an allowed declared
     * type alone, and is then stored without extension.
     */
    static Optional<Aceptado> aceptar(String nombre, String tipoDeclarado) {
        String declarado = normalizar(tipoDeclarado);
        String extension = extension(nombre);
        if (extension.isEmpty()) {
            return POR_EXTENSION.values().stream()
                    .filter(tipos -> declarado != null && tipos.contains(declarado))
                    .findFirst()
                    .map(tipos -> new Aceptado("", tipos.get(0)));
        }
        List<String> tipos = POR_EXTENSION.get(extension);
        if (tipos == null) {
            return Optional.empty();
        }
        if (declarado != null && !declarado.equals(OCTET_STREAM) && !tipos.contains(declarado)) {
            return Optional.empty();
        }
        return Optional.of(new Aceptado("." + extension, tipos.get(0)));
    }

    /** Lower-case text after the last dot, empty when there is none or nothing follows it. */
    static String extension(String nombre) {
        int dot = nombre.lastIndexOf('.');
        return dot < 0 || dot == nombre.length() - 1 ? "" : nombre.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String normalizar(String tipo) {
        if (tipo == null) {
            return null;
        }
        int semicolon = tipo.indexOf(';');
        String base = (semicolon < 0 ? tipo : tipo.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return base.isEmpty() ? null : base;
    }
}
