package pe.cmep.gateway.archivo;

import java.text.Normalizer;

/**
 * The client's file name made safe to keep as {@code nombre_original} and to send back in a download header:
 * only its last path segment, no control or direction-changing characters, at most 255 characters (the column)
 * with the extension kept. It is metadata only: the object key never contains it.
 */
final class NombreArchivo {

    static final String POR_DEFECTO = "archivo";
    static final int MAX_LENGTH = 255;
    private static final int MAX_EXTENSION = 16;

    private NombreArchivo() {
    }

    static String sanear(String original) {
        if (original == null) {
            return POR_DEFECTO;
        }
        String nombre = Normalizer.normalize(original, Normalizer.Form.NFC);
        nombre = nombre.substring(Math.max(nombre.lastIndexOf('/'), nombre.lastIndexOf('\\')) + 1);
        StringBuilder limpio = new StringBuilder(nombre.length());
        nombre.codePoints().filter(cp -> !peligroso(cp)).forEach(limpio::appendCodePoint);
        nombre = limpio.toString().strip();
        if (nombre.isEmpty() || nombre.chars().allMatch(c -> c == '.')) {
            return POR_DEFECTO;
        }
        return acortar(nombre);
    }

    private static boolean peligroso(int cp) {
        return Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT // bidi overrides, zero-width marks, BOM
                || Character.getType(cp) == Character.LINE_SEPARATOR
                || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR
                || Character.getType(cp) == Character.SURROGATE
                || Character.getType(cp) == Character.UNASSIGNED;
    }

    private static String acortar(String nombre) {
        int length = nombre.codePointCount(0, nombre.length());
        if (length <= MAX_LENGTH) {
            return nombre;
        }
        int dot = nombre.lastIndexOf('.');
        String extension = dot > 0 && nombre.length() - dot <= MAX_EXTENSION ? nombre.substring(dot) : "";
        String base = nombre.substring(0, nombre.length() - extension.length());
        int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
        return base.substring(0, base.offsetByCodePoints(0, keep)).strip() + extension;
    }
}
