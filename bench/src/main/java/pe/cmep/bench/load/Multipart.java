package pe.cmep.bench.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** A multipart/form-data body of api.md §7.6: a PDF {@code file} and its {@code tipo_archivo}. */
record Multipart(String contentType, byte[] bytes) {

    private static final String BOUNDARY = "cmepbenchboundary7d2f";

    /** A PDF of {@code size} bytes: the magic bytes the file-worker checks, then noise. */
    static Multipart pdf(int size, String tipo) {
        byte[] file = new byte[size];
        new Random(1).nextBytes(file);
        byte[] magic = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, file, 0, magic.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 512);
        write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"tipo_archivo\"\r\n\r\n" + tipo + "\r\n");
        write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n");
        out.writeBytes(file);
        write(out, "\r\n--" + BOUNDARY + "--\r\n");
        return new Multipart("multipart/form-data; boundary=" + BOUNDARY, out.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
