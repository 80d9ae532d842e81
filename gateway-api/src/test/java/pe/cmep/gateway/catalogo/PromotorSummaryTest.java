package pe.cmep.gateway.catalogo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromotorSummaryTest {

    @ParameterizedTest(name = "{6}")
    @CsvSource(nullValues = "NULL", value = {
            // tipo,  nombres, apellidos, razon_social, otros,     fuente,    nombre
            "PERSONA, Luis,    Promotor Reyes, NULL,     NULL,      Cliente,   Luis Promotor Reyes",
            "PERSONA, Luis,    Promotor Reyes, Ignored SA, Otro,    Cliente,   Luis Promotor Reyes",
            "PERSONA, NULL,    NULL,      NULL,         Otro,       Cliente,   Otro",
            "PERSONA, NULL,    NULL,      NULL,         NULL,       Cliente,   Cliente",
            "PERSONA, NULL,    NULL,      NULL,         NULL,       NULL,      ?",
            "EMPRESA, NULL,    NULL,      Notaria SAC,  NULL,       Notaria,   Notaria SAC",
            "EMPRESA, Ana,     Paz,       Notaria SAC,  Otro,       Notaria,   Notaria SAC",
            "EMPRESA, NULL,    NULL,      NULL,         Otro,       Notaria,   ?",
            "EMPRESA, NULL,    NULL,      '',           Otro,       Notaria,   ?",
            "EMPRESA, NULL,    NULL,      '  ',         NULL,       NULL,      ?",
            "OTROS,   NULL,    NULL,      NULL,         Feria 2026, Facebook,  Feria 2026",
            "OTROS,   Ana,     Paz,       Ignored SA,   Feria 2026, Facebook,  Feria 2026",
            "OTROS,   NULL,    NULL,      NULL,         NULL,       Facebook,  Facebook",
            "OTROS,   NULL,    NULL,      NULL,         '',         Facebook,  Facebook",
            "OTROS,   NULL,    NULL,      NULL,         NULL,       '',        ?",
            "OTROS,   NULL,    NULL,      NULL,         NULL,       NULL,      ?"})
    void the_display_name_follows_the_rule_of_api_section_7_3(String tipo, String nombres, String apellidos,
                                                              String razonSocial, String otros, String fuente,
                                                              String nombre) {
        assertThat(PromotorSummary.nombre(tipo, nombres, apellidos, razonSocial, otros, fuente)).isEqualTo(nombre);
    }
}
