package pe.cmep.gateway.reportes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pe.cmep.gateway.web.ApiException;
import pe.cmep.gateway.web.FieldError;

class ReporteFiltroTest {

    private static final LocalDate HOY = LocalDate.of(2026, 3, 15);
    private static final String RANGO = "Debe ser una fecha entre 1000-01-01 y 9999-12-31";

    @ParameterizedTest(name = "desde={0} hasta={1}")
    @CsvSource({
            "0001-01-01, +999999999-12-31, desde, hasta",
            "2026-01-01, +999999999-12-31, hasta,",
            "2026-01-01, +10000-01-01,     hasta,",
            "-0001-01-01, 2026-01-01,      desde,",
            "0999-12-31,  2026-01-01,      desde,",
            ",            +10000-01-01,    hasta,",
            "0999-12-31,  ,                desde,"})
    void a_date_outside_what_the_date_columns_hold_is_422_with_the_limits(String desde, String hasta, String field,
                                                                          String second) {
        Map<String, String> params = params(desde, hasta);
        assertThatThrownBy(() -> ReporteFiltro.read(params, HOY))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details()).containsExactlyInAnyOrderElementsOf(
                        second == null ? List.of(new FieldError(field, RANGO))
                                : List.of(new FieldError(field, RANGO), new FieldError(second, RANGO))));
    }

    @ParameterizedTest(name = "desde={0} hasta={1}")
    @CsvSource({
            "1000-01-01, 9999-12-31, 1000-01-01, 9999-12-31",
            ",           9999-12-31, 9999-12-01, 9999-12-31",
            "1000-01-01, 1000-01-01, 1000-01-01, 1000-01-01",
            ",           1000-01-10, 1000-01-01, 1000-01-10",
            ",           ,           2026-02-13, 2026-03-15"})
    void the_window_reaches_both_ends_of_the_date_columns_and_the_default_desde_stays_inside(
            String desde, String hasta, LocalDate expectedDesde, LocalDate expectedHasta) {
        ReporteFiltro filtro = ReporteFiltro.read(params(desde, hasta), HOY);
        assertThat(filtro.desde()).isEqualTo(expectedDesde);
        assertThat(filtro.hasta()).isEqualTo(expectedHasta);
    }

    private static Map<String, String> params(String desde, String hasta) {
        Map<String, String> params = new LinkedHashMap<>();
        if (desde != null) {
            params.put("desde", desde);
        }
        if (hasta != null) {
            params.put("hasta", hasta);
        }
        return params;
    }
}
