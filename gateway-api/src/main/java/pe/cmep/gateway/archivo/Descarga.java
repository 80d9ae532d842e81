package pe.cmep.gateway.archivo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Headers of a file download (api.md §7.6 GET /archivos/{id}). */
final class Descarga {

    private Descarga() {
    }

    /**
     * {@code attachment; filename="<ascii>"; filename*=UTF-8''<encoded>}: the ASCII fallback for old clients,
     * the RFC 5987 form with the real name for the rest. Quotes, backslashes and anything outside printable ASCII
     * never reach the quoted form, so the name cannot break out of the header.
     */
    static String contentDisposition(String nombre) {
        return "attachment; filename=\"" + ascii(nombre) + "\"; filename*=UTF-8''" + rfc5987(nombre);
    }

    static String ascii(String nombre) {
        StringBuilder out = new StringBuilder(nombre.length());
        nombre.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\'
                ? (char) cp : '_'));
        return out.toString();
    }

    static String rfc5987(String nombre) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : nombre.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (attrChar(c)) {
                out.write(c);
            } else {
                out.write('%');
                out.write(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.write(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** RFC 5987 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~". */
    private static boolean attrChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }
}
