package pe.cmep.bench.raw;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * GET /solicitudes/{id} as gateway-api runs it: {@code SolicitudDetalleRepository.BASE} (with
 * {@code PromotorColumnas}), then {@code SolicitudDetalleRepository.PARTES}, one after the other on one connection
 * as the API does (decision 41). A random solicitud in [{@code minId}, {@code maxId}] each time.
 */
public record RawDetail(int minId, int maxId) implements RawEndpoint {

    /** {@code PromotorColumnas.COLUMNAS}. */
    static final String PROMOTOR_COLUMNAS = """
            pr.promotor_id AS pr_id, pr.tipo_promotor AS pr_tipo, pr.razon_social AS pr_razon,
            pr.nombre_promotor_otros AS pr_otros, pr.ruc AS pr_ruc, pr.email AS pr_email,
            pr.celular_1 AS pr_celular, pr.fuente_promotor AS pr_fuente, pp.nombres AS pp_nombres,
            pp.apellidos AS pp_apellidos""";
    /** {@code PromotorColumnas.JOINS}. */
    static final String PROMOTOR_JOINS = """
             LEFT JOIN promotores pr ON pr.promotor_id = s.promotor_id
             LEFT JOIN personas pp ON pp.persona_id = pr.persona_id""";
    static final String BASE = """
            SELECT s.solicitud_id, s.codigo, s.cliente_id, s.apoderado_id, s.servicio_id, s.estado_atencion,
                s.estado_pago, s.estado_certificado, s.tarifa_monto, s.tarifa_moneda, s.tipo_atencion,
                s.lugar_atencion, s.comentario, s.motivo_cancelacion, s.fecha_cierre, s.cerrado_por,
                s.fecha_cancelacion, s.cancelado_por, s.comentario_admin, s.created_at, s.updated_at,
                c.tipo_documento AS c_tipo, c.numero_documento AS c_numero, c.nombres AS c_nombres,
                c.apellidos AS c_apellidos, c.celular_1 AS c_celular, c.email AS c_email,
                c.fecha_nacimiento AS c_nacimiento, c.direccion AS c_direccion,
                a.tipo_documento AS a_tipo, a.numero_documento AS a_numero, a.nombres AS a_nombres,
                a.apellidos AS a_apellidos, a.celular_1 AS a_celular, a.email AS a_email,
                a.fecha_nacimiento AS a_nacimiento, a.direccion AS a_direccion,
                sv.descripcion_servicio AS sv_descripcion, sv.tarifa_servicio AS sv_tarifa,
                sv.moneda_tarifa AS sv_moneda, %s
            FROM solicitud_cmep s JOIN personas c ON c.persona_id = s.cliente_id
            LEFT JOIN personas a ON a.persona_id = s.apoderado_id
            LEFT JOIN servicios sv ON sv.servicio_id = s.servicio_id %s
            WHERE s.solicitud_id = ?
            """.formatted(PROMOTOR_COLUMNAS, PROMOTOR_JOINS);
    /** {@code SolicitudDetalleRepository.PARTES}: every child list in one result; its five {@code ?} are the id. */
    static final String PARTES = """
            SELECT 'A' AS k, sa.asignacion_id AS id, sa.persona_id AS n1, NULL AS n2, NULL AS n3, sa.rol AS t1,
                p.nombres AS t2, p.apellidos AS t3, NULL AS t4, NULL AS t5, NULL AS t6, NULL AS d1, NULL AS ts1,
                NULL AS m1
            FROM solicitud_asignacion sa LEFT JOIN personas p ON p.persona_id = sa.persona_id
            WHERE sa.solicitud_id = ? AND sa.es_vigente = 1 AND sa.rol IN ('GESTOR', 'MEDICO')
            UNION ALL
            SELECT 'P', pago_id, NULL, NULL, NULL, canal_pago, moneda, referencia_transaccion, comentario, NULL, NULL,
                fecha_pago, validated_at, monto
            FROM pago_solicitud WHERE solicitud_id = ?
            UNION ALL
            SELECT 'F', sa.id, a.archivo_id, sa.pago_id, a.tamano_bytes, a.nombre_original, a.tipo, a.mime_type,
                a.estado_verificacion, a.sha256, NULL, NULL, NULL, NULL
            FROM solicitud_archivo sa JOIN archivos a ON a.archivo_id = sa.archivo_id
            WHERE sa.solicitud_id = ?
            UNION ALL
            SELECT 'H', h.historial_id, h.cambiado_por, NULL, NULL, h.campo, h.valor_anterior, h.valor_nuevo,
                h.comentario, p.nombres, p.apellidos, NULL, h.cambiado_en, NULL
            FROM solicitud_estado_historial h
            LEFT JOIN users u ON u.user_id = h.cambiado_por
            LEFT JOIN personas p ON p.persona_id = u.persona_id
            WHERE h.solicitud_id = ?
            UNION ALL
            SELECT 'R', resultado_id, medico_id, NULL, NULL, diagnostico, resultado, observaciones, recomendaciones,
                estado_certificado, NULL, fecha_evaluacion, NULL, NULL
            FROM resultado_medico WHERE solicitud_id = ?
            """;
    static final List<String> STATEMENTS = List.of(BASE, PARTES);

    @Override
    public RawCall open(Connection connection) throws java.sql.SQLException {
        PreparedStatement[] statements = new PreparedStatement[STATEMENTS.size()];
        int[] markers = new int[statements.length];
        for (int i = 0; i < statements.length; i++) {
            statements[i] = connection.prepareStatement(STATEMENTS.get(i));
            markers[i] = (int) STATEMENTS.get(i).chars().filter(c -> c == '?').count();
        }
        return () -> {
            int id = ThreadLocalRandom.current().nextInt(minId, maxId + 1);
            for (int i = 0; i < statements.length; i++) {
                for (int p = 1; p <= markers[i]; p++) {
                    statements[i].setInt(p, id);
                }
                ResultSet r = statements[i].executeQuery();
                RawEndpoint.drain(r);
            }
        };
    }
}
