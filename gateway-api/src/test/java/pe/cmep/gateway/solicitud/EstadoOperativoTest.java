package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import pe.cmep.events.EstadoOperativo;

class EstadoOperativoTest {

    static final List<String> ESTADOS_ATENCION = List.of("REGISTRADO", "EN_PROCESO", "ATENDIDO", "OBSERVADO", "CANCELADO");
    static final List<String> ESTADOS_PAGO = List.of("PENDIENTE", "PAGADO", "OBSERVADO");

    /**
     * Rules 3–6 of domain.md §3 written as a truth table over (paid, gestor vigente, médico vigente):
     * they apply whenever estado_atencion is neither CANCELADO (rule 1) nor ATENDIDO (rule 2).
     */
    private static final Map<String, EstadoOperativo> OPEN_STATES = Map.of(
            "unpaid,-,-", EstadoOperativo.REGISTRADO,
            "unpaid,G,-", EstadoOperativo.ASIGNADO_GESTOR,
            "unpaid,-,M", EstadoOperativo.REGISTRADO,
            "unpaid,G,M", EstadoOperativo.ASIGNADO_GESTOR,
            "paid,-,-", EstadoOperativo.PAGADO,
            "paid,G,-", EstadoOperativo.PAGADO,
            "paid,-,M", EstadoOperativo.ASIGNADO_MEDICO,
            "paid,G,M", EstadoOperativo.ASIGNADO_MEDICO);

    /** What domain.md §3 says for one combination of the inputs. */
    static EstadoOperativo expected(String estadoAtencion, String estadoPago, boolean gestor, boolean medico) {
        return switch (estadoAtencion) {
            case "CANCELADO" -> EstadoOperativo.CANCELADO;
            case "ATENDIDO" -> EstadoOperativo.CERRADO;
            default -> OPEN_STATES.get(("PAGADO".equals(estadoPago) ? "paid" : "unpaid")
                    + (gestor ? ",G" : ",-") + (medico ? ",M" : ",-"));
        };
    }

    /** All 5 estado_atencion × 3 estado_pago × gestor × médico = 60 combinations. */
    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (String atencion : ESTADOS_ATENCION) {
            for (String pago : ESTADOS_PAGO) {
                for (boolean gestor : new boolean[] {false, true}) {
                    for (boolean medico : new boolean[] {false, true}) {
                        all.add(Arguments.of(atencion, pago, gestor, medico));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} gestor={2} medico={3} -> {4}")
    @CsvSource({
            "REGISTRADO, PENDIENTE, false, false, REGISTRADO",
            "REGISTRADO, PENDIENTE, true,  false, ASIGNADO_GESTOR",
            "REGISTRADO, PENDIENTE, false, true,  REGISTRADO",
            "REGISTRADO, PENDIENTE, true,  true,  ASIGNADO_GESTOR",
            "REGISTRADO, PAGADO,    false, false, PAGADO",
            "REGISTRADO, PAGADO,    true,  false, PAGADO",
            "REGISTRADO, PAGADO,    false, true,  ASIGNADO_MEDICO",
            "REGISTRADO, PAGADO,    true,  true,  ASIGNADO_MEDICO",
            "REGISTRADO, OBSERVADO, true,  true,  ASIGNADO_GESTOR",
            "EN_PROCESO, PENDIENTE, false, false, REGISTRADO",
            "ATENDIDO,   PAGADO,    true,  true,  CERRADO",
            "ATENDIDO,   PENDIENTE, false, false, CERRADO",
            "CANCELADO,  PAGADO,    true,  true,  CANCELADO",
            "CANCELADO,  PENDIENTE, false, false, CANCELADO"})
    void derives_every_row_of_the_table_of_domain_section_3(String atencion, String pago, boolean gestor,
                                                              boolean medico, EstadoOperativo estado) {
        assertThat(EstadoOperativo.derive(atencion, pago, gestor, medico)).isEqualTo(estado);
    }

    @ParameterizedTest(name = "{0} {1} gestor={2} medico={3}")
    @MethodSource("everyCombination")
    void derives_every_combination_of_the_inputs_by_the_ordered_rules(String atencion, String pago, boolean gestor,
                                                                      boolean medico) {
        assertThat(EstadoOperativo.derive(atencion, pago, gestor, medico))
                .isEqualTo(expected(atencion, pago, gestor, medico));
    }

    @ParameterizedTest
    @CsvSource({"REGISTRADO, REGISTRADO", "ASIGNADO_GESTOR, ASIGNADO_GESTOR", "PAGADO, PAGADO",
            "ASIGNADO_MEDICO, ASIGNADO_MEDICO", "CERRADO, CERRADO", "CANCELADO, CANCELADO"})
    void parses_each_of_the_six_names(String value, EstadoOperativo estado) {
        assertThat(EstadoOperativo.parse(value)).contains(estado);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "pagado", " PAGADO", "PAGADO ", "ATENDIDO", "EN_PROCESO", "0"})
    void parses_anything_else_to_empty(String value) {
        assertThat(EstadoOperativo.parse(value)).isEqualTo(Optional.empty());
    }
}
