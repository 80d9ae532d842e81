package pe.cmep.file.verificacion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FirmasTest {

    private static byte[] bytes(String head) {
        return head.startsWith("hex:") ? HexFormat.of().parseHex(head.substring(4))
                : head.getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "{1} passes as {0}")
    @CsvSource({
            "application/pdf, %PDF-1.7 rest",
            "application/pdf, '  %PDF-1.4'",
            "image/jpeg, hex:ffd8ffe000104a464946",
            "image/png, hex:89504e470d0a1a0a0000000d",
            "image/gif, GIF89a....",
            "image/gif, GIF87a....",
            "image/webp, hex:52494646000000005745425056503820",
            "image/heic, hex:0000001866747970686569630000",
            "image/heif, hex:00000018667479706d6966310000",
            "application/msword, hex:d0cf11e0a1b11ae10000",
            "application/vnd.ms-excel, hex:d0cf11e0a1b11ae10000",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document, hex:504b030414000600",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, hex:504b030414000600",
    })
    void content_of_the_declared_type_passes(String mime, String head) {
        assertThat(Firmas.motivoRechazo(mime, bytes(head), bytes(head).length)).isEmpty();
    }

    @ParameterizedTest(name = "{1} is refused as {0}")
    @CsvSource({
            "application/pdf, <html><body>hola</body></html>",
            "application/pdf, hex:ffd8ffe000104a464946",
            "image/jpeg, %PDF-1.7",
            "image/png, <svg xmlns='http://www.w3.org/2000/svg'/>",
            "image/gif, GIF90a",
            "image/webp, hex:524946460000000057415645666d7420",
            "image/heic, hex:000000186674797069736f6d0000",
            "application/msword, hex:504b030414000600",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document, hex:4d5a90000300",
            "application/x-msdownload, hex:4d5a90000300",
    })
    void anything_else_is_refused_with_a_reason(String mime, String head) {
        assertThat(Firmas.motivoRechazo(mime, bytes(head), bytes(head).length)).isPresent();
    }

    @Test
    void an_empty_file_is_no_file_of_any_type() {
        assertThat(Firmas.motivoRechazo("application/pdf", new byte[0], 0)).contains("Archivo vacio: no es un application/pdf");
    }

    @Test
    void a_pdf_header_past_the_first_1024_bytes_does_not_count() {
        byte[] head = new byte[Firmas.HEAD_BYTES];
        System.arraycopy(bytes("%PDF-"), 0, head, head.length - 4, 4);

        assertThat(Firmas.motivoRechazo("application/pdf", head, 5000)).isPresent();
    }
}
