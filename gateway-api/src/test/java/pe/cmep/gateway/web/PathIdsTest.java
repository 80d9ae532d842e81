package pe.cmep.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathIdsTest {

    @ParameterizedTest
    @CsvSource({"1, 1", "42, 42", "007, 7", "2147483647, 2147483647"})
    void a_path_id_is_a_positive_integer(String value, int id) {
        assertThat(PathIds.positive(value, "promotor_id")).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-3", "abc", "1.5", "1e3", "+1", " 1", "0x10", "2147483648", "99999999999",
            "١٢"})
    void anything_else_is_refused_on_that_parameter(String value) {
        assertThatThrownBy(() -> PathIds.positive(value, "promotor_id"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details()).extracting(FieldError::field)
                        .containsExactly("promotor_id"));
    }
}
