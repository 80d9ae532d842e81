package pe.cmep.gateway.archivo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TiposPermitidosTest {

    @ParameterizedTest(name = "{0} declared {1} is stored as {3} with extension {2}")
    @CsvSource(nullValues = "null", value = {
            "voucher.pdf,       application/pdf,          .pdf,  application/pdf",
            "VOUCHER.PDF,       application/pdf,          .pdf,  application/pdf",
            "foto.jpg,          image/jpeg,               .jpg,  image/jpeg",
            "foto.JPEG,         image/pjpeg,              .jpeg, image/jpeg",
            "foto.png,          'image/png; q=1',         .png,  image/png",
            "foto.webp,         image/webp,               .webp, image/webp",
            "foto.gif,          image/gif,                .gif,  image/gif",
            "foto.heic,         image/heif,               .heic, image/heic",
            "foto.heif,         image/heif,               .heif, image/heif",
            "carta.doc,         application/msword,       .doc,  application/msword",
            "carta.docx,        application/vnd.openxmlformats-officedocument.wordprocessingml.document, .docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "cuentas.xls,       application/vnd.ms-excel, .xls,  application/vnd.ms-excel",
            "cuentas.xlsx,      application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, .xlsx, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "voucher.pdf,       application/octet-stream, .pdf,  application/pdf",
            "voucher.pdf,       null,                     .pdf,  application/pdf",
            "sin-extension,     application/pdf,          '',    application/pdf",
            "sin-extension,     IMAGE/JPEG,               '',    image/jpeg",
    })
    void allowed_extension_and_declared_type_give_the_type_of_the_extension(String nombre, String declarado,
                                                                             String extension, String mime) {
        assertThat(TiposPermitidos.aceptar(nombre, declarado))
                .contains(new TiposPermitidos.Aceptado(extension, mime));
    }

    @ParameterizedTest(name = "{0} declared {1} is refused")
    @CsvSource(nullValues = "null", value = {
            "pagina.html,       text/html",
            "pagina.html,       application/pdf",
            "programa.exe,      application/octet-stream",
            "script.svg,        image/svg+xml",
            "voucher.pdf,       text/html",
            "foto.png,          image/jpeg",
            "voucher.pdf.html,  application/pdf",
            "sin-extension,     null",
            "sin-extension,     application/octet-stream",
            "sin-extension,     text/plain",
    })
    void anything_else_is_refused(String nombre, String declarado) {
        assertThat(TiposPermitidos.aceptar(nombre, declarado)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void a_trailing_dot_is_no_extension() {
        assertThat(TiposPermitidos.aceptar("punto.", "application/pdf"))
                .contains(new TiposPermitidos.Aceptado("", "application/pdf"));
    }
}
