package pe.cmep.system.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Broken and hostile multipart bodies for an upload route (its schema in openapi.json is multipart). */
final class MultipartGarbage {

    /** The smallest PDF the file-worker's magic-byte check accepts. */
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> FILE_NAMES = List.of("a.pdf", "../../etc/passwd.pdf", "a.exe", "a.pdf.exe",
            "", ".pdf", "a\u0000.pdf", "\u202efdp.exe", "😀.pdf", "a".repeat(3000) + ".pdf", "a.PDF", "con.pdf",
            "a;b\".pdf", "a\r\nX-Injected: 1.pdf");
    private static final List<String> PART_TYPES = List.of("application/pdf", "text/html", "application/x-msdownload",
            "", "image/png", "application/pdf; charset=\u00ff", "*/*");

    private MultipartGarbage() {
    }

    static HostileRequest request(Route route, String path, Random rnd, KnownIds ids) {
        String boundary = "sweep" + Long.toHexString(rnd.nextLong());
        String declared = switch (rnd.nextInt(6)) {
            case 0 -> "multipart/form-data";
            case 1 -> "multipart/form-data; boundary=other";
            case 2 -> "multipart/form-data; boundary=\"\"";
            default -> "multipart/form-data; boundary=" + boundary;
        };
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int parts = rnd.nextInt(4);
        for (int i = 0; i < parts; i++) {
            switch (rnd.nextInt(4)) {
                case 0 -> field(body, boundary, "tipo_archivo", rnd.nextBoolean() ? "DOCUMENTO" : HostileValues.text(rnd));
                case 1 -> field(body, boundary, "pago_id", rnd.nextBoolean() ? oddId(rnd, ids) : HostileValues.text(rnd));
                case 2 -> field(body, boundary, "file", "not a file part");
                default -> field(body, boundary, HostileValues.text(rnd), HostileValues.text(rnd));
            }
        }
        if (rnd.nextInt(4) != 0) {
            String name = FILE_NAMES.get(rnd.nextInt(FILE_NAMES.size()));
            String type = PART_TYPES.get(rnd.nextInt(PART_TYPES.size()));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\n" + (type.isEmpty() ? "" : "Content-Type: " + type + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(rnd.nextInt(3) == 0 ? new byte[]{(byte) 0xff, (byte) 0xd8, 0, 1} : PDF);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (rnd.nextInt(5) != 0) {
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        if (rnd.nextInt(6) == 0) {
            body.writeBytes("\r\ngarbage after the end\r\n--".getBytes(StandardCharsets.US_ASCII));
        }
        return HostileRequest.http("multipart garbage", route.method(), path, declared, body.toByteArray());
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String oddId(Random rnd, KnownIds ids) {
        List<Long> pagos = ids.forField("pago_id");
        return pagos.isEmpty() || rnd.nextBoolean() ? List.of("-1", "0", "2147483648", "abc", "1e3").get(rnd.nextInt(5))
                : String.valueOf(pagos.get(rnd.nextInt(pagos.size())));
    }
}
