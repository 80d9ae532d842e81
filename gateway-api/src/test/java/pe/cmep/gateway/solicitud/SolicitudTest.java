package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import pe.cmep.events.EstadoAtencion;
import pe.cmep.events.EstadoOperativo;
import pe.cmep.events.EstadoPago;
import pe.cmep.events.GestorAssigned;
import pe.cmep.events.GestorChanged;
import pe.cmep.events.MedicoChanged;
import pe.cmep.events.PaymentRegistered;
import pe.cmep.events.SolicitudCancelled;
import pe.cmep.events.SolicitudClosed;
import pe.cmep.events.SolicitudEdited;
import pe.cmep.events.SolicitudEventPayload;
import pe.cmep.events.SolicitudOverridden;
import pe.cmep.gateway.persona.PersonaBloqueada;
import pe.cmep.gateway.persona.PersonaDatos;
import pe.cmep.gateway.web.ApiException;
import pe.cmep.gateway.web.ErrorCode;

/** The aggregate's rules as tables, without Spring or a database. */
class SolicitudTest {

    private static final Actor ACTOR = new Actor(7, LocalDateTime.of(2026, 12, 2, 10, 30, 0));
    private static final Candidato GESTOR_ACTIVO = new Candidato(3, "ACTIVO", "ACTIVO", "Gina Gestora");
    private static final Candidato MEDICO_ACTIVO = new Candidato(4, "ACTIVO", null, "Mario Medico");
    private static final PagoInput PAGO = new PagoInput("YAPE", LocalDate.of(2026, 12, 1), new BigDecimal("200.5"),
            "PEN", null, null);
    private static final Desenlace ABIERTA = new Desenlace(null, null, null, null, null);

    private static Solicitud solicitud(EstadoAtencion atencion, EstadoPago pago, boolean gestor, boolean medico,
                                       boolean tienePagos) {
        List<AsignacionVigente> vigentes = new java.util.ArrayList<>();
        if (gestor) {
            vigentes.add(new AsignacionVigente(11, RolAsignacion.GESTOR, 5, "Otro Gestor"));
        }
        if (medico) {
            vigentes.add(new AsignacionVigente(12, RolAsignacion.MEDICO, 6, "Otro Medico"));
        }
        return new Solicitud(1, 2, null, atencion, pago, new DatosSolicitud("VIRTUAL", null, null, 1, null),
                vigentes, tienePagos, ABIERTA);
    }

    private static Solicitud registrada() {
        return solicitud(EstadoAtencion.REGISTRADO, EstadoPago.PENDIENTE, false, false, false);
    }

    private static SolicitudEventPayload evento(Transicion t, int i) {
        return t.eventos().get(i).payload(t.despues().estadoEvento(ACTOR), 99);
    }

    private static void assertRefused(Runnable action, int status, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(status == 409 ? ErrorCode.CONFLICT : ErrorCode.VALIDATION_ERROR);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    static Stream<Arguments> assignments() {
        return Stream.of(
                Arguments.of(AccionSolicitud.ASIGNAR_GESTOR, false, "asignacion_gestor", GestorAssigned.class,
                        EstadoOperativo.ASIGNADO_GESTOR),
                Arguments.of(AccionSolicitud.CAMBIAR_GESTOR, true, "cambio_gestor", GestorChanged.class,
                        EstadoOperativo.ASIGNADO_GESTOR),
                Arguments.of(AccionSolicitud.CAMBIAR_MEDICO, true, "cambio_medico", MedicoChanged.class,
                        EstadoOperativo.ASIGNADO_GESTOR));
    }

    @ParameterizedTest
    @MethodSource("assignments")
    void asignar_writes_its_historial_field_closes_the_previous_and_records_its_event(
            AccionSolicitud accion, boolean previo, String campo, Class<?> evento, EstadoOperativo despues) {
        Solicitud s = solicitud(EstadoAtencion.REGISTRADO, EstadoPago.PENDIENTE, previo, previo, false);
        Candidato candidato = accion.rol() == RolAsignacion.GESTOR ? GESTOR_ACTIVO : MEDICO_ACTIVO;
        Transicion t = s.asignar(accion, candidato.personaId(), candidato, accion == AccionSolicitud.CAMBIAR_MEDICO);

        Cambio cambio = t.historial().get(0);
        assertThat(cambio.campo()).isEqualTo(accion == AccionSolicitud.CAMBIAR_MEDICO ? "override_cambiar_medico" : campo);
        assertThat(cambio.valorNuevo()).isEqualTo(candidato.nombre());
        assertThat(cambio.valorAnterior()).isEqualTo(previo ? s.asignado(accion.rol()).nombre() : null);
        Escritura.NuevaAsignacion escritura = (Escritura.NuevaAsignacion) t.escrituras().get(0);
        assertThat(escritura.cerrar()).containsExactlyElementsOf(previo ? List.of(s.asignado(accion.rol()).asignacionId()) : List.of());
        assertThat(t.despues().asignado(accion.rol()).personaId()).isEqualTo(candidato.personaId());
        assertThat(t.despues().estado()).isEqualTo(despues);
        assertThat(evento(t, 0)).isInstanceOf(evento);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            // estado_empleado, estado del usuario, mensaje de detalle
            "null, null, La persona 4 no es empleado con rol MEDICO",
            "SUSPENDIDO, ACTIVO, El empleado no esta ACTIVO (estado: SUSPENDIDO)",
            "ACTIVO, SUSPENDIDO, La cuenta de usuario de la persona 4 no esta ACTIVA (estado: SUSPENDIDO)"})
    void r10_refuses_who_is_not_an_active_employee_with_an_active_account(String empleado, String usuario,
                                                                          String detalle) {
        Solicitud pagada = solicitud(EstadoAtencion.REGISTRADO, EstadoPago.PAGADO, true, false, true);
        Candidato candidato = empleado == null ? null : new Candidato(4, empleado, usuario, "Mario Medico");
        assertThatThrownBy(() -> pagada.asignar(AccionSolicitud.ASIGNAR_MEDICO, 4, candidato, false))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("La persona no es un MEDICO activo");
                    assertThat(e.details()).singleElement().satisfies(d -> {
                        assertThat(d.field()).isEqualTo("persona_id_medico");
                        assertThat(d.message()).isEqualTo(detalle);
                    });
                });
    }

    @Test
    void a_doctor_before_payment_is_422_but_an_override_skips_that_precondition() {
        Solicitud s = solicitud(EstadoAtencion.REGISTRADO, EstadoPago.PENDIENTE, true, false, false);
        assertRefused(() -> s.asignar(AccionSolicitud.ASIGNAR_MEDICO, 4, MEDICO_ACTIVO, false), 422,
                Solicitud.PAGO_ANTES_DE_MEDICO);
        assertThat(s.asignar(AccionSolicitud.CAMBIAR_MEDICO, 4, MEDICO_ACTIVO, true).historial())
                .extracting(Cambio::campo).containsExactly("override_cambiar_medico");
    }

    @ParameterizedTest
    @CsvSource({
            // estado_atencion, estado_pago, gestor, medico, pagos, status, message
            "ATENDIDO, PAGADO, true, true, true, 409, Solicitud ya esta ATENDIDA",
            "CANCELADO, PAGADO, true, true, true, 409, Solicitud ya esta CANCELADA",
            "REGISTRADO, PENDIENTE, true, true, false, 409, Debe existir al menos un pago registrado para cerrar la solicitud",
            "REGISTRADO, PAGADO, true, false, true, 409, Debe haber un medico asignado para cerrar la solicitud"})
    void cerrar_refuses_each_missing_precondition(EstadoAtencion atencion, EstadoPago pago, boolean gestor,
                                                  boolean medico, boolean pagos, int status, String message) {
        Solicitud s = solicitud(atencion, pago, gestor, medico, pagos);
        assertRefused(() -> s.cerrar(null, ACTOR, false), status, message);
        assertThat(s.cerrar(null, ACTOR, true).despues().estado()).isEqualTo(EstadoOperativo.CERRADO);
    }

    @Test
    void cerrar_sets_atendido_who_and_when_and_records_the_closed_event() {
        Solicitud s = solicitud(EstadoAtencion.REGISTRADO, EstadoPago.PAGADO, true, true, true);
        Transicion t = s.cerrar("Apto", ACTOR, false);
        assertThat(t.historial()).containsExactly(new Cambio("estado_atencion", "REGISTRADO", "ATENDIDO", "Apto"));
        assertThat(t.despues().desenlace().cerradoPor()).isEqualTo(ACTOR.userId());
        assertThat(t.despues().desenlace().fechaCierre()).isEqualTo(ACTOR.ahora());
        assertThat(evento(t, 0)).isInstanceOfSatisfying(SolicitudClosed.class,
                e -> assertThat(e.state().estadoOperativo()).isEqualTo("CERRADO"));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            // comentario, motivo, motivo guardado
            "'No vino', 'No vino', 'No vino'",
            "null, null, 'antes'",
            "'  ', '  ', 'antes'"})
    void cancelar_keeps_the_motivo_unless_a_non_blank_one_is_given(String comentario, String motivo, String guardado) {
        Solicitud s = new Solicitud(1, 2, null, EstadoAtencion.REGISTRADO, EstadoPago.PENDIENTE,
                new DatosSolicitud(null, null, null, null, null), List.of(), false,
                new Desenlace(null, null, null, null, "antes"));
        Transicion t = s.cancelar(comentario, motivo, ACTOR, false);
        assertThat(t.despues().desenlace().motivoCancelacion()).isEqualTo(guardado);
        assertThat(t.despues().estado()).isEqualTo(EstadoOperativo.CANCELADO);
        assertThat(((SolicitudCancelled) evento(t, 0)).motivo()).isEqualTo("antes".equals(guardado) ? null : guardado);
    }

    @Test
    void cancelar_twice_is_409_unless_an_override_runs_it() {
        Solicitud cancelada = solicitud(EstadoAtencion.CANCELADO, EstadoPago.PENDIENTE, false, false, false);
        assertRefused(() -> cancelada.cancelar(null, null, ACTOR, false), 409, "Solicitud ya esta CANCELADA");
        assertThat(cancelada.cancelar(null, "motivo", ACTOR, true).historial()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"PENDIENTE, 2", "PAGADO, 1"})
    void registrar_pago_records_the_amount_and_the_first_payment_changes_estado_pago(EstadoPago pago, int filas) {
        Solicitud s = solicitud(EstadoAtencion.REGISTRADO, pago, true, false, pago == EstadoPago.PAGADO);
        Transicion t = s.registrarPago(PAGO);
        assertThat(t.historial()).hasSize(filas);
        assertThat(t.historial().get(0)).isEqualTo(Cambio.of("pago_registrado", null, "200.50"));
        assertThat(t.despues().pago()).isEqualTo(EstadoPago.PAGADO);
        assertThat(t.despues().tienePagos()).isTrue();
        assertThat(evento(t, 0)).isInstanceOfSatisfying(PaymentRegistered.class, e -> {
            assertThat(e.pagoId()).isEqualTo(99);
            assertThat(e.estadoPagoAnterior()).isEqualTo(pago.name());
        });
    }

    @Test
    void an_edit_that_changes_nothing_writes_nothing() {
        Solicitud s = registrada();
        EdicionRequest same = new EdicionRequest(List.of(new EdicionRequest.Edit("tipo_atencion", "VIRTUAL"),
                new EdicionRequest.Edit("servicio_id", 1)), List.of(), List.of());
        assertThat(s.editar(same, null, null).vacia()).isTrue();
    }

    @Test
    void an_edit_writes_one_historial_row_per_changed_field_and_the_persona_changes_separately() {
        Solicitud s = registrada();
        PersonaBloqueada cliente = new PersonaBloqueada(2, new PersonaDatos("DNI", "45678912", "Rosa", "Quispe", null, null, null, null));
        EdicionRequest edicion = new EdicionRequest(
                List.of(new EdicionRequest.Edit("tipo_atencion", "PRESENCIAL"), new EdicionRequest.Edit("comentario", null)),
                List.of(new EdicionRequest.Edit("nombres", "Rosa"), new EdicionRequest.Edit("celular_1", "999")),
                List.of());
        Transicion t = s.editar(edicion, cliente, null);
        assertThat(t.historial()).containsExactly(Cambio.of("tipo_atencion", "VIRTUAL", "PRESENCIAL"),
                Cambio.of("cliente.celular_1", null, "999"));
        assertThat(t.despues().datos().tipoAtencion()).isEqualTo("PRESENCIAL");
        assertThat(t.escrituras()).containsExactly(new Escritura.EdicionPersona(2,
                List.of(new EdicionRequest.Edit("celular_1", "999"))));
        assertThat(evento(t, 0)).isInstanceOfSatisfying(SolicitudEdited.class,
                e -> assertThat(e.changes()).hasSize(2));
    }

    @Test
    void an_override_writes_its_audit_row_and_event_first_and_both_events_carry_the_final_state() {
        Solicitud cerrada = solicitud(EstadoAtencion.ATENDIDO, EstadoPago.PAGADO, true, true, true);
        Transicion t = cerrada.override(AccionOverride.CANCELAR, "error de registro",
                cerrada.cancelar(null, "error de registro", ACTOR, true));
        assertThat(t.historial()).containsExactly(new Cambio("override", "CERRADO", "true", "error de registro"),
                new Cambio("estado_atencion", "ATENDIDO", "CANCELADO", null));
        assertThat(evento(t, 0)).isInstanceOfSatisfying(SolicitudOverridden.class, e -> {
            assertThat(e.accion()).isEqualTo("CANCELAR");
            assertThat(e.estadoOperativoAnterior()).isEqualTo("CERRADO");
            assertThat(e.state().estadoOperativo()).isEqualTo("CANCELADO");
        });
        assertThat(evento(t, 1)).isInstanceOf(SolicitudCancelled.class);
    }

    @Test
    void every_action_has_one_row_of_the_table_and_its_route_finds_it() {
        for (AccionSolicitud accion : AccionSolicitud.values()) {
            assertThat(accion.politica().name()).isEqualTo(accion.name());
            if (accion.ruta() != null) {
                assertThat(AccionSolicitud.deRuta(accion.ruta())).contains(accion);
            }
        }
        assertThat(AccionSolicitud.RUTAS_ASIGNACION.split("\\|")).allSatisfy(
                ruta -> assertThat(AccionSolicitud.deRuta(ruta).orElseThrow().rol()).isNotNull());
    }
}
