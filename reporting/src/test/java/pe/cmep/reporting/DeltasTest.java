package pe.cmep.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The contributions a solicitud's rows make to the daily tables, and the difference an event makes. */
class DeltasTest {

    private static final LocalDate D1 = LocalDate.parse("2026-03-01");
    private static final LocalDate D5 = LocalDate.parse("2026-03-05");
    private static final LocalDate D9 = LocalDate.parse("2026-03-09");

    @Test
    void a_payment_date_between_two_others_splits_their_gap() {
        List<PagoReporte> antes = List.of(pago(D1, "PEN", "10.00"), pago(D9, "PEN", "20.00"));
        List<PagoReporte> despues = List.of(pago(D1, "PEN", "10.00"), pago(D9, "PEN", "20.00"), pago(D5, "USD", "5.50"));

        Map<TablaDiaria, Map<String, String>> cambios = texto(new Deltas().pagos(antes, -1).pagos(despues, 1));

        assertThat(cambios.get(TablaDiaria.PAGO_SOLICITUD))
                .containsExactlyInAnyOrderEntriesOf(Map.of("[2026-03-09, 8]", "-1", "[2026-03-05, 4]", "1",
                        "[2026-03-09, 4]", "1"));
        assertThat(cambios.get(TablaDiaria.PAGO)).containsExactlyInAnyOrderEntriesOf(Map.of("[2026-03-05, USD]", "1 5.50"));
    }

    @Test
    void a_second_payment_on_the_same_date_changes_only_the_sums() {
        List<PagoReporte> antes = List.of(pago(D1, "PEN", "10.00"));
        List<PagoReporte> despues = List.of(pago(D1, "PEN", "10.00"), pago(D1, "PEN", "7.00"));

        Map<TablaDiaria, Map<String, String>> cambios = texto(new Deltas().pagos(antes, -1).pagos(despues, 1));

        assertThat(cambios).containsOnlyKeys(TablaDiaria.PAGO);
        assertThat(cambios.get(TablaDiaria.PAGO)).containsExactlyInAnyOrderEntriesOf(Map.of("[2026-03-01, PEN]", "1 7.00"));
    }

    @Test
    void a_cliente_returning_to_a_promotor_counts_under_the_days_since_its_previous_day() {
        Map<TablaDiaria, Map<String, String>> cambios = texto(new Deltas()
                .grupo(7, List.of(D1, D9), -1).grupo(7, List.of(D1, D5, D9, D9), 1));

        assertThat(cambios.get(TablaDiaria.PROMOTOR)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "[2026-03-09, 7, 8]", "-1 -1", "[2026-03-05, 7, 4]", "1 1", "[2026-03-09, 7, 4]", "1 2"));
    }

    @Test
    void a_new_gestor_moves_the_solicitud_between_members_and_states() {
        FilaReporte antes = fila(null, "REGISTRADO", "REGISTRADO");
        FilaReporte despues = fila(21, "REGISTRADO", "ASIGNADO_GESTOR");

        Map<TablaDiaria, Map<String, String>> cambios = texto(new Deltas().fila(antes, -1).fila(despues, 1));

        assertThat(cambios.get(TablaDiaria.DIA)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "[2026-03-01, REGISTRADO]", "-1", "[2026-03-01, ASIGNADO_GESTOR]", "1"));
        assertThat(cambios.get(TablaDiaria.EQUIPO)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "[GESTOR, 2026-03-01, 21]", "1 0"));
    }

    @Test
    void a_state_that_changes_no_figure_changes_nothing() {
        FilaReporte fila = fila(21, "ATENDIDO", "CERRADO");

        assertThat(new Deltas().fila(fila, -1).fila(fila, 1).cambios()).isEmpty();
    }

    @Test
    void deadlocks_and_lock_waits_are_retried_other_errors_are_not() {
        assertThat(ReportProjector.bloqueo(new IllegalStateException(
                new io.r2dbc.spi.R2dbcTransientResourceException("Deadlock", "40001", 1213)))).isTrue();
        assertThat(ReportProjector.bloqueo(new io.r2dbc.spi.R2dbcTransientResourceException("wait", "HY000", 1205)))
                .isTrue();
        assertThat(ReportProjector.bloqueo(new io.r2dbc.spi.R2dbcNonTransientResourceException("x", "22007", 1292)))
                .isFalse();
    }

    private static FilaReporte fila(Integer gestor, String atencion, String operativo) {
        return new FilaReporte(LocalDateTime.parse("2026-03-01T10:00:00"), 3, 11, null, atencion, operativo, gestor,
                null, LocalDateTime.parse("2026-03-01T10:00:00"));
    }

    private static PagoReporte pago(LocalDate fecha, String moneda, String monto) {
        return new PagoReporte(fecha, moneda, new BigDecimal(monto));
    }

    private static Map<TablaDiaria, Map<String, String>> texto(Deltas deltas) {
        Map<TablaDiaria, Map<String, String>> result = new TreeMap<>();
        deltas.cambios().forEach((tabla, filas) -> {
            Map<String, String> porClave = new TreeMap<>();
            filas.forEach((clave, cifras) -> porClave.put(clave.toString(),
                    String.join(" ", Arrays.stream(cifras).map(BigDecimal::toPlainString).toList())));
            result.put(tabla, porClave);
        });
        return result;
    }
}
