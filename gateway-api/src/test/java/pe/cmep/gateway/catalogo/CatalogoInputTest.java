package pe.cmep.gateway.catalogo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import pe.cmep.gateway.web.ApiException;
import pe.cmep.gateway.web.FieldError;

class CatalogoInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"GESTOR", "MEDICO", "OPERADOR"})
    void rol_accepts_the_three_operational_roles(String rol) {
        assertThat(EmpleadosController.rol(rol)).isEqualTo(rol);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void a_missing_rol_is_a_required_field(String rol) {
        assertThatThrownBy(() -> EmpleadosController.rol(rol))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details())
                        .containsExactly(new FieldError("rol", "Campo requerido")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "gestor", "Medico", " GESTOR", "GESTOR,MEDICO", "X"})
    void any_other_rol_is_refused_naming_the_allowed_values(String rol) {
        assertThatThrownBy(() -> EmpleadosController.rol(rol))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details()).containsExactly(
                        new FieldError("rol", "Valor no permitido: " + rol + " (GESTOR, MEDICO, OPERADOR)")));
    }

    @ParameterizedTest
    @CsvSource({"200, 200.00", "200.00, 200.00", "150.5, 150.50", "0.01, 0.01", "1E+3, 1000.00",
            "1234567890.12, 1234567890.12"})
    void money_is_written_with_two_decimals_and_no_exponent(BigDecimal amount, String text) {
        assertThat(ServicioItem.money(amount)).isEqualTo(text);
    }
}
