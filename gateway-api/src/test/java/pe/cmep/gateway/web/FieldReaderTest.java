package pe.cmep.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class FieldReaderTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static FieldReader reader(String json) {
        return new FieldReader((ObjectNode) MAPPER.readTree(json));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"monto": 150}          | 150.00
            {"monto": 150.5}        | 150.50
            {"monto": "150.50"}     | 150.50
            {"monto": " 0.01 "}     | 0.01
            {"monto": 9999999999.99}| 9999999999.99
            """)
    void money_accepts_numbers_and_numeric_strings_with_at_most_two_decimals(String json, String expected) {
        FieldReader r = reader(json);
        BigDecimal amount = r.requiredMoney("monto");
        assertThat(r.errors()).isEmpty();
        assertThat(amount).isEqualByComparingTo(expected);
        assertThat(amount.scale()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"monto": 0}               | Debe ser mayor que 0
            {"monto": -5}              | Debe ser mayor que 0
            {"monto": "10.123"}        | Como maximo 2 decimales
            {"monto": 10.129}          | Como maximo 2 decimales
            {"monto": "diez"}          | Debe ser un monto numerico
            {"monto": true}            | Debe ser un monto numerico
            {"monto": null}            | Campo requerido
            {}                         | Campo requerido
            {"monto": 99999999999.00}  | Monto demasiado grande
            """)
    void money_refuses_what_the_spec_refuses(String json, String message) {
        FieldReader r = reader(json);
        assertThat(r.requiredMoney("monto")).isNull();
        assertThat(r.errors()).containsExactly(new FieldError("monto", message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"id": 7}            | 7  |
            {"id": "7"}          |    | Debe ser un id entero positivo
            {"id": 0}            |    | Debe ser un id entero positivo
            {"id": -1}           |    | Debe ser un id entero positivo
            {"id": 1.5}          |    | Debe ser un id entero positivo
            {"id": 3000000000}   |    | Debe ser un id entero positivo
            {"id": null}         |    | Campo requerido
            """)
    void ids_are_positive_json_integers(String json, Integer expected, String message) {
        FieldReader r = reader(json);
        assertThat(r.requiredId("id")).isEqualTo(expected);
        assertThat(r.errors()).isEqualTo(message == null ? List.of() : List.of(new FieldError("id", message)));
    }

    @Test
    void dates_are_iso_local_dates() {
        FieldReader r = reader("{\"a\": \"2026-02-28\", \"b\": \"2026-02-30\", \"c\": \"28/02/2026\", \"d\": 20260228}");
        assertThat(r.optionalDate("a")).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(r.optionalDate("b")).isNull();
        assertThat(r.optionalDate("c")).isNull();
        assertThat(r.optionalDate("d")).isNull();
        assertThat(r.errors()).extracting(FieldError::field).containsExactly("b", "c", "d");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"+10000-01-01", "-0001-01-01", "0000-01-01", "0001-01-01", "0999-12-31", "+999999999-12-31"})
    void dates_outside_what_a_date_column_holds_are_refused_with_the_range(String date) {
        FieldReader r = reader("{\"optional\": \"" + date + "\", \"required\": \"" + date + "\"}");
        assertThat(r.optionalDate("optional")).isNull();
        assertThat(r.requiredDate("required")).isNull();
        assertThat(r.errors()).containsExactly(
                new FieldError("optional", "Debe ser una fecha entre 1000-01-01 y 9999-12-31"),
                new FieldError("required", "Debe ser una fecha entre 1000-01-01 y 9999-12-31"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1000-01-01", "9999-12-31", "2026-02-28"})
    void dates_within_the_column_range_are_accepted(String date) {
        FieldReader r = reader("{\"fecha\": \"" + date + "\"}");
        assertThat(r.requiredDate("fecha")).isEqualTo(LocalDate.parse(date));
        assertThat(r.errors()).isEmpty();
    }

    /** The JSON texts hold the escapes as written: Jackson turns each into one UTF-16 unit of the String. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            \\ud800
            \\udfff
            a\\ud800b
            Rosa\\udbff
            \\udc00\\ud800
            \\ud83d\\ud83d\\ude00
            """)
    void text_with_a_lone_surrogate_is_refused_in_every_kind_of_string(String escaped) {
        String value = "\"" + escaped + "\"";
        FieldReader r = reader("{\"required\": " + value + ", \"optional\": " + value + ", \"text\": " + value
                + ", \"enum\": " + value + "}");
        assertThat(r.requiredString("required", 1, 150)).isNull();
        assertThat(r.optionalString("optional", 150)).isNull();
        assertThat(r.optionalText("text", 150)).isNull();
        assertThat(r.optionalEnum("enum", List.of("DNI"))).isNull();
        String message = "Debe ser texto Unicode valido";
        assertThat(r.errors()).containsExactly(new FieldError("required", message), new FieldError("optional", message),
                new FieldError("text", message), new FieldError("enum", message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            \\ud83d\\ude00           | \uD83D\uDE00
            Rosa \\ud83c\\udf39      | Rosa \uD83C\uDF39
            \\u00d1and\\u00fa        | \u00D1and\u00FA
            \\ufffd                    | \uFFFD
            """)
    void surrogate_pairs_and_other_characters_are_valid_text(String escaped, String expected) {
        FieldReader r = reader("{\"nombres\": \"" + escaped + "\"}");
        assertThat(r.requiredString("nombres", 1, 150)).isEqualTo(expected);
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void strings_check_presence_blankness_type_and_length_in_code_points() {
        FieldReader r = reader("{\"ok\": \"Ñandú\", \"blank\": \"   \", \"num\": 5, \"long\": \"" + "é".repeat(151)
                + "\", \"nul\": null}");
        assertThat(r.requiredString("ok", 1, 5)).isEqualTo("Ñandú");
        assertThat(r.requiredString("blank", 1, 10)).isNull();
        assertThat(r.requiredString("num", 1, 10)).isNull();
        assertThat(r.requiredString("long", 1, 150)).isNull();
        assertThat(r.requiredString("nul", 1, 10)).isNull();
        assertThat(r.requiredString("missing", 1, 10)).isNull();
        assertThat(r.errors()).extracting(FieldError::field).containsExactly("blank", "num", "long", "nul", "missing");
    }

    @Test
    void enums_name_the_allowed_values() {
        FieldReader r = reader("{\"tipo\": \"XX\"}");
        assertThat(r.requiredEnum("tipo", List.of("DNI", "CE", "PASAPORTE", "RUC"))).isNull();
        assertThat(r.errors()).containsExactly(new FieldError("tipo", "Valor no permitido: XX (DNI, CE, PASAPORTE, RUC)"));
    }

    @Test
    void nested_objects_report_dotted_paths_and_validate_throws_all_errors_at_once() {
        FieldReader r = reader("{\"cliente\": {\"tipo_documento\": \"XX\"}, \"apoderado\": 5}");
        FieldReader cliente = r.requiredObject("cliente");
        cliente.requiredEnum("tipo_documento", List.of("DNI"));
        cliente.requiredString("nombres", 1, 150);
        r.optionalObject("apoderado");
        assertThatThrownBy(r::validate)
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details())
                        .extracting(FieldError::field)
                        .containsExactly("cliente.tipo_documento", "cliente.nombres", "apoderado"));
    }
}
