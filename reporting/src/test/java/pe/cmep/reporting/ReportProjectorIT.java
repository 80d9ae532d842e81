package pe.cmep.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.cmep.events.PaymentRegistered;
import pe.cmep.events.SolicitudCreated;
import pe.cmep.events.SolicitudDeleted;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudState;
import pe.cmep.localstack.UsesTestBackend;
import pe.cmep.reporting.ReportProjector.Outcome;

/** ReportProjector against the migrated schema: the aggregate rows each kind of event leaves, once per event id. */
@UsesTestBackend
class ReportProjectorIT {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private static ReportDatabase database;
    private ReportProjector projector;

    @BeforeAll
    static void migrate() {
        database = new ReportDatabase("cmep_reporting_projector");
    }

    @BeforeEach
    void emptyAggregates() {
        database.execute("DELETE FROM reporte_pago", "DELETE FROM reporte_solicitud", "DELETE FROM reporte_estado",
                "DELETE FROM processed_event");
        projector = new ReportProjector(new ReportAggregateRepository(database.db), database.tx, CLOCK, "reporting-it");
    }

    @Test
    void a_created_solicitud_becomes_a_row_with_its_state() {
        assertThat(apply(created(7, T0))).isEqualTo(Outcome.APPLIED);

        assertThat(database.rows("SELECT creado_en, solicitud_id, creado_por, cliente_id, promotor_id, estado_atencion, "
                + "estado_operativo, gestor_persona_id, medico_persona_id, actualizado_en FROM reporte_solicitud"))
                .containsExactly("2026-03-01 10:00:00 7 3 11 null REGISTRADO REGISTRADO null null 2026-03-01 10:00:00");
        assertThat(database.rows("SELECT particion, actualizado_en, eventos_aplicados FROM reporte_estado"))
                .containsExactly("7 2026-03-01 10:00:00 1");
    }

    @Test
    void the_same_event_twice_is_applied_once() {
        SolicitudEvent event = created(8, T0);

        assertThat(apply(event)).isEqualTo(Outcome.APPLIED);
        assertThat(apply(event)).isEqualTo(Outcome.DUPLICATE);

        assertThat(database.rows("SELECT solicitud_id FROM reporte_solicitud")).containsExactly("8");
        assertThat(database.rows("SELECT eventos_aplicados FROM reporte_estado")).containsExactly("1");
    }

    @Test
    void a_payment_adds_its_row_and_moves_the_state_but_an_older_state_does_not() {
        apply(created(9, T0));
        Instant later = T0.plusSeconds(60);
        apply(SolicitudEvent.of(9, 3, later, new PaymentRegistered(41, "YAPE", LocalDate.parse("2026-03-01"),
                new BigDecimal("150.00"), "PEN", "PENDIENTE", state("PAGADO", 21, later))));
        // another event (new id) describing the state before the payment: it arrives late and changes nothing
        apply(created(9, T0));

        assertThat(database.rows("SELECT fecha_pago, pago_id, solicitud_id, moneda, monto FROM reporte_pago"))
                .containsExactly("2026-03-01 41 9 PEN 150.00");
        assertThat(database.rows("SELECT estado_operativo, gestor_persona_id, actualizado_en FROM reporte_solicitud"))
                .containsExactly("PAGADO 21 2026-03-01 10:01:00");
    }

    @Test
    void a_deleted_solicitud_leaves_no_row() {
        apply(created(10, T0));
        apply(SolicitudEvent.of(10, 3, T0.plusSeconds(10), new PaymentRegistered(42, "EFECTIVO",
                LocalDate.parse("2026-03-01"), new BigDecimal("80.00"), "USD", "PENDIENTE",
                state("PAGADO", null, T0.plusSeconds(10)))));

        apply(SolicitudEvent.of(10, 3, T0.plusSeconds(20), new SolicitudDeleted(List.of())));

        assertThat(database.rows("SELECT solicitud_id FROM reporte_solicitud")).isEmpty();
        assertThat(database.rows("SELECT pago_id FROM reporte_pago")).isEmpty();
    }

    private Outcome apply(SolicitudEvent event) {
        return projector.apply(event).block();
    }

    private static SolicitudEvent created(int id, Instant at) {
        return SolicitudEvent.of(id, 3, at, new SolicitudCreated("CMEP-" + id, 11, null, null, null, null, null, 3, at,
                state("REGISTRADO", null, at)));
    }

    private static SolicitudState state(String operativo, Integer gestor, Instant updatedAt) {
        String pago = operativo.equals("PAGADO") ? "PAGADO" : "PENDIENTE";
        return new SolicitudState("REGISTRADO", pago, operativo, gestor, null, updatedAt);
    }
}
