package pe.cmep.gateway.archivo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DescargaTest {

    @Test
    void an_ascii_name_appears_in_both_forms() {
        assertThat(Descarga.contentDisposition("voucher.jpg"))
                .isEqualTo("attachment; filename=\"voucher.jpg\"; filename*=UTF-8''voucher.jpg");
    }

    @Test
    void a_non_ascii_name_has_an_ascii_fallback_and_its_utf8_encoding() {
        assertThat(Descarga.contentDisposition("recibo año ñ.pdf"))
                .isEqualTo("attachment; filename=\"recibo a_o _.pdf\"; filename*=UTF-8''recibo%20a%C3%B1o%20%C3%B1.pdf");
    }

    @Test
    void quotes_and_backslashes_cannot_end_the_quoted_name() {
        assertThat(Descarga.contentDisposition("a\"; filename=evil.html\\.pdf"))
                .startsWith("attachment; filename=\"a_; filename=evil.html_.pdf\"; filename*=UTF-8''a%22%3B%20filename%3Devil.html%5C.pdf");
    }
}
