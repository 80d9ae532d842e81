package pe.cmep.gateway.reportes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.events.PaymentRegistered;
import pe.cmep.events.SolicitudCancelled;
import pe.cmep.events.SolicitudCreated;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudState;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;
import pe.cmep.reporting.ReportAggregateRepository;
import pe.cmep.reporting.ReportProjector;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET /admin/reportes: access and parameter checks, the exact contract JSON, and the day windows of
 * domain.md §7 on a small known set of solicitudes and payments placed on the window's edges.
 */
class ReportesIT extends ApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TransactionalOperator tx;

    private String admin;

    @BeforeEach
    void sessions() {
        admin = login("admin@cmep.local", "admin123");
    }

    @Test
    void without_a_session_it_is_401_and_for_a_non_admin_403_before_any_parameter_check() {
        error(client.get().uri("/admin/reportes?agrupacion=diaria").exchange(), 401, "UNAUTHENTICATED");
        String operador = login("operador@cmep.local", "operador123");
        error(get(operador, "?agrupacion=diaria"), 403, "FORBIDDEN");
        error(get(operador, ""), 403, "FORBIDDEN");
    }

    @ParameterizedTest
    @CsvSource({
            "desde=2026-02-30, desde",
            "hasta=ayer, hasta",
            "estado=CERRADA, estado",
            "estado=cerrado, estado",
            "agrupacion=diaria, agrupacion",
            "desde=2026-02-02&hasta=2026-02-01, desde"})
    void an_invalid_parameter_is_422_naming_it(String query, String field) {
        JsonNode body = error(get(admin, "?" + query), 422, "VALIDATION_ERROR");
        List<String> fields = new ArrayList<>();
        body.at("/error/details").forEach(d -> fields.add(d.get("field").asString()));
        assertThat(fields).containsExactly(field);
    }

    /** The dates are URI variables, so a {@code +} reaches the API encoded (a raw one would decode to a space). */
    @ParameterizedTest
    @CsvSource({
            "0001-01-01,  +999999999-12-31, desde hasta",
            "2026-01-01,  +10000-01-01,     hasta",
            "-0001-01-01, 2026-01-01,       desde",
            "0999-12-31,  2030-01-01,       desde"})
    void a_date_the_report_cannot_answer_is_422_with_the_limits(String desde, String hasta, String fields) {
        JsonNode body = error(client.get().uri("/admin/reportes?desde={desde}&hasta={hasta}", desde, hasta)
                .cookie(SessionCookies.NAME, admin).exchange(), 422, "VALIDATION_ERROR");
        List<String> named = new ArrayList<>();
        body.at("/error/details").forEach(d -> {
            named.add(d.get("field").asString());
            assertThat(d.get("message").asString()).isEqualTo("Debe ser una fecha entre 1000-01-01 y 9999-12-31");
        });
        assertThat(named).containsExactlyInAnyOrder(fields.split(" "));
    }

    @Test
    void the_report_answers_windows_at_both_ends_of_the_date_columns() {
        execute("INSERT INTO reporte_solicitud (creado_en, solicitud_id, creado_por, cliente_id, estado_atencion, "
                + "estado_operativo, actualizado_en) VALUES "
                + "('9999-12-31 23:59:59', 990001, 2, 40, 'REGISTRADO', 'REGISTRADO', '9999-12-31 23:59:59'), "
                + "('1000-01-01 00:00:00', 990002, 2, 41, 'REGISTRADO', 'REGISTRADO', '1000-01-01 00:00:00')");
        execute("INSERT INTO reporte_pago (fecha_pago, pago_id, solicitud_id, moneda, monto) VALUES "
                + "('9999-12-31', 990001, 990001, 'PEN', 12.00), ('1000-01-01', 990002, 990002, 'USD', 7.00)");
        // the daily tables, as the projector would have kept them for those rows
        execute("INSERT INTO reporte_dia (dia, estado_operativo, solicitudes) VALUES "
                + "('9999-12-31', 'REGISTRADO', 1), ('1000-01-01', 'REGISTRADO', 1)");
        execute("INSERT INTO reporte_equipo_dia (rol, dia, miembro_id, solicitudes, cerradas) VALUES "
                + "('OPERADOR', '9999-12-31', 2, 1, 0), ('OPERADOR', '1000-01-01', 2, 1, 0)");
        execute("INSERT INTO reporte_pago_dia (fecha_pago, moneda, pagos, monto) VALUES "
                + "('9999-12-31', 'PEN', 1, 12.00), ('1000-01-01', 'USD', 1, 7.00)");
        execute("INSERT INTO reporte_pago_dia_solicitud (fecha_pago, dias_desde_anterior, solicitudes) VALUES "
                + "('9999-12-31', 0, 1), ('1000-01-01', 0, 1)");
        try {
            JsonNode ultimoDia = ok(get(admin, "?desde=9999-12-31&hasta=9999-12-31"));
            assertThat(ultimoDia.at("/kpis/solicitudes").intValue()).isEqualTo(1);
            assertThat(JSON.writeValueAsString(ultimoDia.get("series")))
                    .isEqualTo("[{\"periodo\":\"9999-12\",\"solicitudes\":1,\"ingresos\":12.0}]");

            JsonNode primerDia = ok(get(admin, "?desde=1000-01-01&hasta=1000-01-01"));
            assertThat(primerDia.at("/kpis/solicitudes").intValue()).isEqualTo(1);
            assertThat(JSON.writeValueAsString(primerDia.get("series")))
                    .isEqualTo("[{\"periodo\":\"1000-01\",\"solicitudes\":1,\"ingresos\":7.0}]");

            JsonNode todo = ok(get(admin, "?desde=1000-01-01&hasta=9999-12-31&agrupacion=semanal"));
            assertThat(todo.at("/kpis/ingresos_por_moneda/PEN").doubleValue()).isGreaterThanOrEqualTo(12.0);
            assertThat(todo.at("/kpis/ingresos_por_moneda/USD").doubleValue()).isGreaterThanOrEqualTo(7.0);
            assertThat(todo.at("/kpis/solicitudes").intValue())
                    .isEqualTo(ok(get(admin, "?desde=1000-01-01&hasta=9999-12-31")).at("/kpis/solicitudes").intValue())
                    .isGreaterThanOrEqualTo(2);
        } finally {
            execute("DELETE FROM reporte_pago WHERE pago_id IN (990001, 990002)");
            execute("DELETE FROM reporte_solicitud WHERE solicitud_id IN (990001, 990002)");
            for (String tabla : List.of("reporte_dia", "reporte_equipo_dia")) {
                execute("DELETE FROM " + tabla + " WHERE dia IN ('9999-12-31', '1000-01-01')");
            }
            for (String tabla : List.of("reporte_pago_dia", "reporte_pago_dia_solicitud")) {
                execute("DELETE FROM " + tabla + " WHERE fecha_pago IN ('9999-12-31', '1000-01-01')");
            }
        }
    }

    @Test
    void with_nothing_applied_yet_every_figure_is_zero_and_actualizado_en_null() {
        for (String tabla : List.of("reporte_pago", "reporte_solicitud", "reporte_estado", "reporte_dia",
                "reporte_equipo_dia", "reporte_promotor_dia", "reporte_pago_dia", "reporte_pago_dia_solicitud")) {
            execute("DELETE FROM " + tabla);
        }

        JsonNode data = ok(get(admin, "?estado="));

        assertThat(JSON.writeValueAsString(data)).isEqualTo("{\"actualizado_en\":null,"
                + "\"kpis\":{\"solicitudes\":0,\"cerradas\":0,\"ingresos\":0.0,\"ticket_promedio\":0.0,"
                + "\"ingresos_por_moneda\":{\"PEN\":0.0,\"USD\":0.0}},\"series\":[],"
                + "\"distribucion\":[{\"estado\":\"REGISTRADO\",\"cantidad\":0},{\"estado\":\"ASIGNADO_GESTOR\",\"cantidad\":0},"
                + "{\"estado\":\"PAGADO\",\"cantidad\":0},{\"estado\":\"ASIGNADO_MEDICO\",\"cantidad\":0},"
                + "{\"estado\":\"CERRADO\",\"cantidad\":0},{\"estado\":\"CANCELADO\",\"cantidad\":0}],"
                + "\"ranking_promotores\":[],\"ranking_equipo\":{\"gestores\":[],\"medicos\":[],\"operadores\":[]}}");
    }

    @Test
    void the_day_window_includes_both_ends_whole_and_payments_count_by_their_own_date() {
        ReportProjector projector = new ReportProjector(new ReportAggregateRepository(db), tx, Clock.systemUTC(), "reportes-test-" + UUID.randomUUID());
        List<SolicitudEvent> events = escenario();
        events.forEach(e -> assertThat(projector.apply(e).block(Duration.ofSeconds(30)))
                .isEqualTo(ReportProjector.Outcome.APPLIED));
        events.forEach(e -> assertThat(projector.apply(e).block(Duration.ofSeconds(30)))
                .isEqualTo(ReportProjector.Outcome.DUPLICATE));

        JsonNode mensual = ok(get(admin, "?desde=2026-01-10&hasta=2026-01-20"));
        assertThat(JSON.writeValueAsString(mensual)).isEqualTo("{\"actualizado_en\":\"2026-01-22T08:00:00Z\","
                + "\"kpis\":{\"solicitudes\":2,\"cerradas\":1,\"ingresos\":200.0,\"ticket_promedio\":100.0,"
                + "\"ingresos_por_moneda\":{\"PEN\":149.5,\"USD\":50.5}},"
                + "\"series\":[{\"periodo\":\"2026-01\",\"solicitudes\":2,\"ingresos\":200.0}],"
                + "\"distribucion\":[{\"estado\":\"REGISTRADO\",\"cantidad\":1},{\"estado\":\"ASIGNADO_GESTOR\",\"cantidad\":0},"
                + "{\"estado\":\"PAGADO\",\"cantidad\":0},{\"estado\":\"ASIGNADO_MEDICO\",\"cantidad\":0},"
                + "{\"estado\":\"CERRADO\",\"cantidad\":1},{\"estado\":\"CANCELADO\",\"cantidad\":0}],"
                + "\"ranking_promotores\":[{\"promotor_id\":1,\"nombre\":\"Luis Promotor Reyes\",\"clientes\":2,"
                + "\"solicitudes\":2,\"porcentaje\":100.0}],"
                + "\"ranking_equipo\":{"
                + "\"gestores\":[{\"persona_id\":3,\"nombre\":\"Carlos Gestor\",\"solicitudes\":1,\"cerradas\":1,"
                + "\"ultima_actividad\":\"2026-01-15T10:00:00Z\"}],"
                + "\"medicos\":[{\"persona_id\":4,\"nombre\":\"Maria Medico\",\"solicitudes\":1,\"cerradas\":1,"
                + "\"ultima_actividad\":\"2026-01-15T10:00:00Z\"}],"
                + "\"operadores\":[{\"persona_id\":2,\"nombre\":\"Ana Operadora\",\"solicitudes\":1,\"cerradas\":1,"
                + "\"ultima_actividad\":\"2026-01-15T10:00:00Z\"}]}}");

        JsonNode semanal = ok(get(admin, "?desde=2026-01-10&hasta=2026-01-20&agrupacion=semanal&estado=REGISTRADO"));
        assertThat(JSON.writeValueAsString(semanal.get("series"))).isEqualTo("["
                + "{\"periodo\":\"2026-W02\",\"solicitudes\":0,\"ingresos\":100.0},"
                + "{\"periodo\":\"2026-W03\",\"solicitudes\":0,\"ingresos\":49.5},"
                + "{\"periodo\":\"2026-W04\",\"solicitudes\":1,\"ingresos\":50.5}]");
        assertThat(semanal.at("/kpis/solicitudes").intValue()).isEqualTo(1);
        assertThat(semanal.at("/kpis/cerradas").intValue()).isEqualTo(1);
        assertThat(semanal.at("/ranking_promotores/0/porcentaje").doubleValue()).isEqualTo(200.0);
        assertThat(semanal.get("distribucion")).isEqualTo(mensual.get("distribucion"));

        JsonNode finDeAnio = ok(get(admin, "?desde=2025-12-31&hasta=2026-01-01&agrupacion=semanal"));
        assertThat(JSON.writeValueAsString(finDeAnio.get("series"))).isEqualTo("["
                + "{\"periodo\":\"2025-W53\",\"solicitudes\":0,\"ingresos\":20.0},"
                + "{\"periodo\":\"2026-W01\",\"solicitudes\":0,\"ingresos\":10.0}]");

        JsonNode porDefecto = ok(get(admin, ""));
        assertThat(porDefecto.at("/kpis/solicitudes").intValue()).isZero();
        assertThat(porDefecto.get("actualizado_en").asString()).isEqualTo("2026-01-22T08:00:00Z");
    }

    /**
     * A: created at the window's first second, closed; B: at its last second, by the admin (not an operador);
     * C: a second after it, cancelled later; D: a second before it. Payments on the edges, some of solicitudes
     * outside the window.
     */
    private static List<SolicitudEvent> escenario() {
        List<SolicitudEvent> events = new ArrayList<>();
        Instant a = Instant.parse("2026-01-10T00:00:00Z");
        SolicitudState aCerrada = estado("ATENDIDO", "PAGADO", "CERRADO", 3, 4, Instant.parse("2026-01-15T10:00:00Z"));
        events.add(creada(101, 40, 1, 2, a, aCerrada));
        events.add(pago(101, 2, "2026-01-20", "50.50", "USD", aCerrada));
        events.add(pago(101, 3, "2026-01-21", "70.00", "PEN", aCerrada));
        events.add(pago(101, 5, "2026-01-15", "49.50", "PEN", aCerrada));
        Instant b = Instant.parse("2026-01-20T23:59:59Z");
        events.add(creada(102, 41, 1, 1, b, estado("REGISTRADO", "PENDIENTE", "REGISTRADO", null, null, b)));
        Instant c = Instant.parse("2026-01-21T00:00:00Z");
        events.add(creada(103, 42, 2, 2, c, estado("REGISTRADO", "PENDIENTE", "REGISTRADO", null, null, c)));
        events.add(pago(103, 1, "2026-01-10", "100.00", "PEN", estado("REGISTRADO", "PAGADO", "PAGADO", null, null, c)));
        Instant cCancelada = Instant.parse("2026-01-22T08:00:00Z");
        events.add(SolicitudEvent.of(103, 1, cCancelada, new SolicitudCancelled("desiste",
                estado("CANCELADO", "PAGADO", "CANCELADO", null, null, cCancelada))));
        Instant d = Instant.parse("2026-01-09T23:59:59Z");
        SolicitudState dPagada = estado("REGISTRADO", "PAGADO", "PAGADO", 3, null, d);
        events.add(creada(104, 43, 2, 2, d, dPagada));
        events.add(pago(104, 4, "2026-01-09", "30.00", "PEN", dPagada));
        events.add(pago(104, 6, "2025-12-31", "20.00", "PEN", dPagada));
        events.add(pago(104, 7, "2026-01-01", "10.00", "USD", dPagada));
        return events;
    }

    private static SolicitudEvent creada(int id, int cliente, int promotor, int creador, Instant at,
                                         SolicitudState state) {
        return SolicitudEvent.of(id, creador, at, new SolicitudCreated("CMEP-2026-" + id, cliente, null, promotor, null,
                null, null, creador, at, state));
    }

    private static SolicitudEvent pago(int id, int pagoId, String fecha, String monto, String moneda,
                                       SolicitudState state) {
        return SolicitudEvent.of(id, 1, state.updatedAt(), new PaymentRegistered(1000 + pagoId, "YAPE",
                LocalDate.parse(fecha), new BigDecimal(monto), moneda, "PAGADO", state));
    }

    private static SolicitudState estado(String atencion, String pago, String operativo, Integer gestor,
                                         Integer medico, Instant at) {
        return new SolicitudState(atencion, pago, operativo, gestor, medico, at);
    }

    private WebTestClient.ResponseSpec get(String session, String query) {
        return client.get().uri("/admin/reportes" + query).cookie(SessionCookies.NAME, session).exchange();
    }

    private static JsonNode ok(WebTestClient.ResponseSpec response) {
        JsonNode body = JSON.readTree(response.expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(body.get("ok").booleanValue()).isTrue();
        return body.get("data");
    }

    private static JsonNode error(WebTestClient.ResponseSpec response, int status, String code) {
        JsonNode body = JSON.readTree(response.expectStatus().isEqualTo(status).expectBody().returnResult()
                .getResponseBody());
        assertThat(body.get("ok").booleanValue()).isFalse();
        assertThat(body.at("/error/code").asString()).isEqualTo(code);
        return body;
    }
}
