package pe.cmep.file.verificacion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pe.cmep.file.bucket.FilesBucket.Contenido;

class VerificacionTest {

    private static final byte[] PDF = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);

    @Test
    void a_matching_object_of_the_registered_size_is_verified_with_its_sha256() {
        Verificacion.Veredicto v = Verificacion.decidir("application/pdf", 8L,
                Optional.of(new Contenido(8, "ab".repeat(32), PDF)));

        assertThat(v).isEqualTo(new Verificacion.Veredicto("VERIFICADO", "ab".repeat(32), null));
    }

    @Test
    void a_size_other_than_the_registered_one_is_rejected() {
        Verificacion.Veredicto v = Verificacion.decidir("application/pdf", 9L,
                Optional.of(new Contenido(8, "ab".repeat(32), PDF)));

        assertThat(v.estado()).isEqualTo("RECHAZADO");
        assertThat(v.sha256()).isNull();
        assertThat(v.motivo()).contains("8 bytes").contains("9 bytes");
    }

    @Test
    void a_missing_object_is_rejected() {
        assertThat(Verificacion.decidir("application/pdf", 8L, Optional.empty()))
                .isEqualTo(new Verificacion.Veredicto("RECHAZADO", null, Verificacion.SIN_OBJETO));
    }

    @Test
    void disguised_content_is_rejected_with_the_declared_type() {
        byte[] html = "<html>".getBytes(StandardCharsets.US_ASCII);

        Verificacion.Veredicto v = Verificacion.decidir("application/pdf", 6L,
                Optional.of(new Contenido(6, "cd".repeat(32), html)));

        assertThat(v.motivo()).isEqualTo("El contenido no corresponde al tipo declarado (application/pdf)");
    }
}
