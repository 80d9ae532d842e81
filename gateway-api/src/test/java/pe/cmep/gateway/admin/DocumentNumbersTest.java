package pe.cmep.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentNumbersTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "-", textBlock = """
            DNI,       40000005,      -
            DNI,       ' 40000005 ',  -
            DNI,       4000000,       Un DNI tiene 8 digitos
            DNI,       400000055,     Un DNI tiene 8 digitos
            DNI,       4000000A,      Un DNI tiene 8 digitos
            CE,        CE001234,      -
            CE,        00123,         Un CE tiene de 6 a 12 letras o digitos
            CE,        CE-001234,     Un CE tiene de 6 a 12 letras o digitos
            PASAPORTE, AB1234567,     -
            PASAPORTE, AB12345678901, Un PASAPORTE tiene de 6 a 12 letras o digitos
            -,         123,           -
            DNI,       -,             -
            """)
    void document_numbers_follow_the_shape_of_their_type(String tipo, String numero, String problem) {
        assertThat(DocumentNumbers.problem(tipo, numero)).isEqualTo(problem);
    }
}
