package pe.cmep.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cmep.localstack.UsesTestBackend;
import pe.cmep.reporting.ReportRebuild.Result;

/** ReportRebuild against the migrated schema: the aggregate rows it writes from the source tables. */
@UsesTestBackend
class ReportRebuildIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);

    private static ReportDatabase database;

    @BeforeAll
    static void sourceRows() {
        database = new ReportDatabase("cmep_reporting_rebuild");
        database.execute(
                "INSERT INTO personas (persona_id, nombres, apellidos) VALUES (1, 'C', 'C'), (2, 'G', 'G'), "
                        + "(3, 'M', 'M'), (4, 'H', 'H')",
                "INSERT INTO clientes (persona_id) VALUES (1)",
                // the current gestor and medico on the row, as gateway-api writes them with the assignment rows
                "INSERT INTO solicitud_cmep (solicitud_id, cliente_id, estado_atencion, estado_pago, "
                        + "gestor_persona_id, medico_persona_id, created_at, updated_at) VALUES "
                        + "(1, 1, 'REGISTRADO', 'PENDIENTE', NULL, NULL, '2026-03-01 09:00:00', '2026-03-01 09:00:00'), "
                        + "(2, 1, 'REGISTRADO', 'PENDIENTE', 2, NULL, '2026-03-01 09:10:00', '2026-03-01 09:20:00'), "
                        + "(3, 1, 'EN_PROCESO', 'PAGADO', 2, 3, '2026-03-01 09:30:00', '2026-03-01 10:00:00'), "
                        + "(4, 1, 'CANCELADO', 'PAGADO', NULL, NULL, '2026-03-01 09:40:00', '2026-03-01 11:00:00'), "
                        + "(5, 1, 'ATENDIDO', 'PAGADO', NULL, NULL, '2026-03-01 09:50:00', '2026-03-01 12:00:00')",
                // 2: a replaced gestor counts for nothing; 3: its current gestor and medico
                "INSERT INTO solicitud_asignacion (solicitud_id, persona_id, rol, es_vigente) VALUES "
                        + "(2, 4, 'GESTOR', 0), (2, 2, 'GESTOR', 1), (3, 2, 'GESTOR', 1), (3, 3, 'MEDICO', 1)",
                // the payment without a date is not a payment of any window
                "INSERT INTO pago_solicitud (pago_id, solicitud_id, canal_pago, fecha_pago, monto, moneda, "
                        + "validated_at) VALUES (31, 3, 'YAPE', '2026-03-01', 150.00, 'PEN', '2026-03-01 10:00:00'), "
                        + "(32, 5, 'YAPE', NULL, 10.00, 'PEN', '2026-03-01 10:00:00')",
                // what a previous projection left, which the rebuild replaces
                "INSERT INTO reporte_solicitud (creado_en, solicitud_id, cliente_id, estado_atencion, "
                        + "estado_operativo, actualizado_en) VALUES ('2020-01-01 00:00:00', 99, 1, 'REGISTRADO', "
                        + "'REGISTRADO', '2020-01-01 00:00:00')",
                "INSERT INTO reporte_estado (particion, actualizado_en, eventos_aplicados) VALUES "
                        + "(5, '2020-01-01 00:00:00', 7)");
    }

    @Test
    void the_aggregates_are_recomputed_from_the_source_tables() {
        Result result = new ReportRebuild(new ReportRebuildRepository(database.db), database.tx, CLOCK).run().block();

        assertThat(result).isEqualTo(new Result(5, 1));
        assertThat(database.rows("SELECT solicitud_id, estado_atencion, estado_operativo, gestor_persona_id, "
                + "medico_persona_id, actualizado_en FROM reporte_solicitud ORDER BY solicitud_id"))
                .containsExactly(
                        "1 REGISTRADO REGISTRADO null null 2026-03-01 09:00:00",
                        "2 REGISTRADO ASIGNADO_GESTOR 2 null 2026-03-01 09:20:00",
                        "3 EN_PROCESO ASIGNADO_MEDICO 2 3 2026-03-01 10:00:00",
                        "4 CANCELADO CANCELADO null null 2026-03-01 11:00:00",
                        "5 ATENDIDO CERRADO null null 2026-03-01 12:00:00");
        assertThat(database.rows("SELECT fecha_pago, pago_id, solicitud_id, moneda, monto FROM reporte_pago"))
                .containsExactly("2026-03-01 31 3 PEN 150.00");
        assertThat(database.rows("SELECT particion, actualizado_en, eventos_aplicados, reconstruido_en "
                + "FROM reporte_estado")).containsExactly("0 2026-03-02 08:00:00 0 2026-03-02 08:00:00");
    }
}
