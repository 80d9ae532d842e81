package pe.cmep.file.verificacion;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Magic bytes of the allowed upload types (domain.md §10 #11): does the start of a file look like the type it
 * was accepted as? A file renamed to pass the gateway's extension check (HTML saved as {@code .pdf}, an
 * executable as {@code .jpg}) fails here.
 */
public final class Firmas {

    /** Bytes of the file's start the check looks at; a PDF header may sit anywhere in its first 1024 bytes. */
    public static final int HEAD_BYTES = 1024;

    private static final byte[] PDF = ascii("%PDF-");
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] GIF87 = ascii("GIF87a");
    private static final byte[] GIF89 = ascii("GIF89a");
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WEBP = ascii("WEBP");
    private static final byte[] FTYP = ascii("ftyp");
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm",
            "hevs", "mif1", "msf1", "heif");

    private static final Map<String, Predicate<byte[]>> POR_TIPO = Map.ofEntries(
            Map.entry("application/pdf", head -> indexOf(head, PDF) >= 0),
            Map.entry("image/jpeg", head -> startsWith(head, 0, JPEG)),
            Map.entry("image/png", head -> startsWith(head, 0, PNG)),
            Map.entry("image/gif", head -> startsWith(head, 0, GIF87) || startsWith(head, 0, GIF89)),
            Map.entry("image/webp", head -> startsWith(head, 0, RIFF) && startsWith(head, 8, WEBP)),
            Map.entry("image/heic", Firmas::heif),
            Map.entry("image/heif", Firmas::heif),
            Map.entry("application/msword", head -> startsWith(head, 0, OLE2)),
            Map.entry("application/vnd.ms-excel", head -> startsWith(head, 0, OLE2)),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    head -> startsWith(head, 0, ZIP)),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    head -> startsWith(head, 0, ZIP)));

    private Firmas() {
    }

    /**
     * Why the file does not pass, or empty when it does.
     *
     * @param mimeType the type the upload was accepted as
     * @param head     the first {@link #HEAD_BYTES} bytes (fewer for a shorter file)
     * @param size     the object's size
     */
    public static Optional<String> motivoRechazo(String mimeType, byte[] head, long size) {
        if (size == 0) {
            return Optional.of("Archivo vacio: no es un " + mimeType);
        }
        Predicate<byte[]> firma = POR_TIPO.get(mimeType);
        if (firma == null) {
            return Optional.of("Tipo no verificable: " + mimeType);
        }
        return firma.test(head) ? Optional.empty()
                : Optional.of("El contenido no corresponde al tipo declarado (" + mimeType + ")");
    }

    private static boolean heif(byte[] head) {
        return startsWith(head, 4, FTYP) && head.length >= 12
                && HEIF_BRANDS.contains(new String(head, 8, 4, StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] head, int offset, byte[] prefix) {
        return head.length >= offset + prefix.length
                && Arrays.equals(head, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] head, byte[] needle) {
        for (int i = 0; i + needle.length <= head.length; i++) {
            if (startsWith(head, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
