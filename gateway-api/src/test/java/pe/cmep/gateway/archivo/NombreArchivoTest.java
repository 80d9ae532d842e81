package pe.cmep.gateway.archivo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NombreArchivoTest {

    @ParameterizedTest(name = "[{0}] is kept as [{1}]")
    @CsvSource(value = {
            "voucher.pdf|voucher.pdf",
            "../../etc/passwd.pdf|passwd.pdf",
            "..\\..\\windows\\system32\\x.pdf|x.pdf",
            "/abs/path/foto.png|foto.png",
            "  espacios .pdf  |espacios .pdf",
            "..|archivo",
            "...|archivo",
            "carpeta/|archivo",
            "comprobante año 2026.pdf|comprobante año 2026.pdf",
    }, delimiter = '|', ignoreLeadingAndTrailingWhitespace = false)
    void only_the_last_path_segment_is_kept(String original, String kept) {
        assertThat(NombreArchivo.sanear(original)).isEqualTo(kept);
    }

    @Test
    void control_and_direction_characters_are_removed() {
        assertThat(NombreArchivo.sanear("a\u0000b\r\nc\u001b[31m.pdf")).isEqualTo("abc[31m.pdf");
        // "invoice\u202Efdp.exe" shows as "invoiceexe.pdf" in a right-to-left-aware viewer
        assertThat(NombreArchivo.sanear("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(NombreArchivo.sanear("\uFEFFzero\u200Bwidth.pdf")).isEqualTo("zerowidth.pdf");
    }

    @Test
    void a_missing_or_empty_name_becomes_archivo() {
        assertThat(NombreArchivo.sanear(null)).isEqualTo("archivo");
        assertThat(NombreArchivo.sanear("")).isEqualTo("archivo");
        assertThat(NombreArchivo.sanear("\u0000\u0001")).isEqualTo("archivo");
    }

    @Test
    void a_very_long_name_is_cut_to_255_characters_keeping_its_extension() {
        String nombre = NombreArchivo.sanear("x".repeat(1000) + ".pdf");

        assertThat(nombre).hasSize(255).endsWith("x.pdf");
    }

    @Test
    void cutting_never_splits_a_character_outside_the_basic_plane() {
        String nombre = NombreArchivo.sanear("😀".repeat(300) + ".pdf");

        assertThat(nombre.codePointCount(0, nombre.length())).isEqualTo(255);
        assertThat(nombre).endsWith("😀.pdf");
    }
}
