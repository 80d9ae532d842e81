package pe.cmep.system.load;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.cmep.system.load.Accion.ASIGNAR_GESTOR;
import static pe.cmep.system.load.Accion.ASIGNAR_MEDICO;
import static pe.cmep.system.load.Accion.CAMBIAR_GESTOR;
import static pe.cmep.system.load.Accion.CAMBIAR_MEDICO;
import static pe.cmep.system.load.Accion.CANCELAR;
import static pe.cmep.system.load.Accion.CERRAR;
import static pe.cmep.system.load.Accion.EDITAR_DATOS;
import static pe.cmep.system.load.Accion.ELIMINAR;
import static pe.cmep.system.load.Accion.OVERRIDE_CANCELAR;
import static pe.cmep.system.load.Accion.OVERRIDE_PAGO;
import static pe.cmep.system.load.Accion.REGISTRAR_PAGO;
import static pe.cmep.system.load.Accion.SUBIR_ARCHIVO;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class EleccionTest {

    static Stream<Arguments> detalles() {
        return Stream.of(
                Arguments.of("REGISTRADO as ADMIN", "PENDIENTE",
                        List.of("ASIGNAR_GESTOR", "CAMBIAR_GESTOR", "CAMBIAR_MEDICO", "CANCELAR", "EDITAR_DATOS"),
                        List.of(ASIGNAR_GESTOR, CAMBIAR_GESTOR, EDITAR_DATOS, CANCELAR, SUBIR_ARCHIVO, ELIMINAR)),
                Arguments.of("PAGADO as ADMIN", "PAGADO",
                        List.of("ASIGNAR_MEDICO", "CAMBIAR_GESTOR", "CAMBIAR_MEDICO", "CANCELAR", "EDITAR_DATOS"),
                        List.of(CAMBIAR_GESTOR, ASIGNAR_MEDICO, CAMBIAR_MEDICO, EDITAR_DATOS, CANCELAR, SUBIR_ARCHIVO,
                                ELIMINAR)),
                Arguments.of("ASIGNADO_GESTOR: pay first", "PENDIENTE",
                        List.of("CAMBIAR_GESTOR", "CAMBIAR_MEDICO", "CANCELAR", "EDITAR_DATOS", "REGISTRAR_PAGO"),
                        List.of(CAMBIAR_GESTOR, REGISTRAR_PAGO, EDITAR_DATOS, CANCELAR, SUBIR_ARCHIVO, ELIMINAR)),
                Arguments.of("ASIGNADO_MEDICO", "PAGADO",
                        List.of("CAMBIAR_GESTOR", "CAMBIAR_MEDICO", "CANCELAR", "CERRAR", "EDITAR_DATOS"),
                        List.of(CAMBIAR_GESTOR, CAMBIAR_MEDICO, EDITAR_DATOS, CERRAR, CANCELAR, SUBIR_ARCHIVO,
                                ELIMINAR)),
                Arguments.of("CERRADO: only the override", "PAGADO", List.of("OVERRIDE"),
                        List.of(OVERRIDE_PAGO, OVERRIDE_CANCELAR, SUBIR_ARCHIVO, ELIMINAR)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detalles")
    void the_load_sends_only_what_the_answer_allows(String caso, String estadoPago, List<String> permitidas,
                                                    List<Accion> posibles) {
        JsonNode detalle = ApiClient.JSON.valueToTree(java.util.Map.of("estado_pago", estadoPago,
                "acciones_permitidas", permitidas));

        assertThat(Eleccion.posibles(detalle)).containsExactlyElementsOf(posibles);
        assertThat(Stream.of(0.0, 0.3, 0.6, 0.999).map(x -> Eleccion.elegir(detalle, x)))
                .allMatch(posibles::contains);
    }
}
