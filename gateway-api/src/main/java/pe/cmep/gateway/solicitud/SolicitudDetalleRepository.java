package pe.cmep.gateway.solicitud;

import static pe.cmep.gateway.solicitud.Rows.date;
import static pe.cmep.gateway.solicitud.Rows.dateTime;
import static pe.cmep.gateway.solicitud.Rows.decimal;
import static pe.cmep.gateway.solicitud.Rows.integer;
import static pe.cmep.gateway.solicitud.Rows.str;

import io.r2dbc.spi.Row;
import io.r2dbc.spi.Statement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import pe.cmep.gateway.catalogo.PromotorSummary;
import pe.cmep.gateway.text.Timestamps;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The rows of a solicitud's detail (api.md §7.3): two statements, one after the other on one connection, so a
 * detail costs two round trips and one pooled connection whatever it holds (decision 41).
 */
@Repository
class SolicitudDetalleRepository {

    private static final String BASE = """
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
            """.formatted(PromotorColumnas.COLUMNAS, PromotorColumnas.JOINS);
    /**
     * Every child row of the detail in one result, one branch per kind ({@code k}). A column holds one type across
     * the branches (an id, an integer, a text, a date, a time, an amount), so each value keeps its own SQL type
     * and no branch converts another's: the rows map as typed as the statements they replace.
     * <ul>
     * <li>{@code A} the vigente GESTOR/MEDICO assignments (AsignacionRepository's VIGENTES): id asignacion_id,
     * n1 persona_id, t1 rol, t2/t3 the persona's names;</li>
     * <li>{@code P} pagos: id pago_id, t1 canal_pago, t2 moneda, t3 referencia_transaccion, t4 comentario,
     * d1 fecha_pago, ts1 validated_at, m1 monto;</li>
     * <li>{@code F} archivos: id solicitud_archivo.id, n1 archivo_id, n2 pago_id, n3 tamano_bytes,
     * t1 nombre_original, t2 tipo, t3 mime_type, t4 estado_verificacion, t5 sha256;</li>
     * <li>{@code H} historial: id historial_id, n1 cambiado_por, t1 campo, t2 valor_anterior, t3 valor_nuevo,
     * t4 comentario, t5/t6 the names of the user's persona, ts1 cambiado_en;</li>
     * <li>{@code R} resultados médicos: id resultado_id, n1 medico_id, t1 diagnostico, t2 resultado,
     * t3 observaciones, t4 recomendaciones, t5 estado_certificado, d1 fecha_evaluacion.</li>
     * </ul>
     * Each list's order is applied by {@link Partes} (a UNION has one ORDER BY for all of them).
     */
    private static final String PARTES = """
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
    private static final int PARTES_BINDS = 5;

    private final DatabaseClient db;

    SolicitudDetalleRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The whole detail in two statements on one connection: the solicitud's row, then (only when it exists) every
     * child row at once. Empty when the solicitud does not exist.
     */
    Mono<Detalle> detalle(int solicitudId) {
        return db.inConnection(connection -> rows(connection.createStatement(BASE).bind(0, solicitudId), Base::new)
                .flatMap(bases -> bases.isEmpty() ? Mono.empty()
                        : rows(bind(connection.createStatement(PARTES), solicitudId), Parte::new)
                                .map(partes -> new Detalle(bases.get(0), Partes.of(partes)))));
    }

    private static Statement bind(Statement statement, int solicitudId) {
        for (int i = 0; i < PARTES_BINDS; i++) {
            statement.bind(i, solicitudId);
        }
        return statement;
    }

    /** Every row of the statement, read to the end before the connection runs the next one. */
    private static <T> Mono<List<T>> rows(Statement statement, Function<Row, T> mapper) {
        return Flux.from(statement.execute())
                .concatMap(result -> result.map((row, meta) -> mapper.apply(row)))
                .collectList();
    }

    /** The detail's rows: the solicitud's own and its child lists, each in the order the detail shows it. */
    record Detalle(Base base, Partes partes) {
    }

    /** The child lists of a detail. */
    record Partes(List<AsignacionVigente> vigentes, List<SolicitudDetail.Pago> pagos,
                  List<SolicitudDetail.Archivo> archivos, List<SolicitudDetail.Historial> historial,
                  List<SolicitudDetail.ResultadoMedico> resultados) {

        private static final Comparator<Parte> POR_ID = Comparator.comparingInt(Parte::id);
        // historial is newest first: cambiado_en, then historial_id, both descending
        private static final Comparator<Parte> HISTORIAL = Comparator.comparing(Parte::ts1,
                Comparator.nullsFirst(Comparator.<LocalDateTime>naturalOrder())).thenComparing(POR_ID).reversed();

        static Partes of(List<Parte> partes) {
            return new Partes(
                    lista(partes, "A", POR_ID, Parte::vigente),
                    lista(partes, "P", POR_ID, Parte::pago),
                    lista(partes, "F", POR_ID, Parte::archivo),
                    lista(partes, "H", HISTORIAL, Parte::historial),
                    lista(partes, "R", POR_ID, Parte::resultado));
        }

        private static <T> List<T> lista(List<Parte> partes, String k, Comparator<Parte> orden,
                                         Function<Parte, T> mapper) {
            return partes.stream().filter(p -> k.equals(p.k())).sorted(orden).map(mapper).toList();
        }
    }

    /** One row of {@link #PARTES}, its columns as named there. */
    private record Parte(String k, int id, Integer n1, Integer n2, Integer n3, String t1, String t2, String t3,
                         String t4, String t5, String t6, LocalDate d1, LocalDateTime ts1, BigDecimal m1) {

        Parte(Row row) {
            this(str(row, "k"), integer(row, "id"), integer(row, "n1"), integer(row, "n2"), integer(row, "n3"),
                    str(row, "t1"), str(row, "t2"), str(row, "t3"), str(row, "t4"), str(row, "t5"), str(row, "t6"),
                    date(row, "d1"), dateTime(row, "ts1"), decimal(row, "m1"));
        }

        AsignacionVigente vigente() {
            return new AsignacionVigente(id, RolAsignacion.valueOf(t1), n1, Formats.fullName(t2, t3));
        }

        SolicitudDetail.Pago pago() {
            return new SolicitudDetail.Pago(id, t1, Formats.date(d1), Formats.money(m1), t2, t3, t4,
                    Timestamps.format(ts1));
        }

        SolicitudDetail.Archivo archivo() {
            return new SolicitudDetail.Archivo(id, n1, n2, t1, t2, t3, n3, t4, "VERIFICADO".equals(t4) ? t5 : null);
        }

        SolicitudDetail.Historial historial() {
            return new SolicitudDetail.Historial(id, t1, t2, t3, n1, Formats.fullName(t5, t6), Timestamps.format(ts1),
                    t4);
        }

        SolicitudDetail.ResultadoMedico resultado() {
            return new SolicitudDetail.ResultadoMedico(id, n1, Formats.date(d1), t1, t2, t3, t4, t5);
        }
    }

    /** The solicitud row with its cliente, apoderado, servicio and promotor, as the detail shows them. */
    static final class Base {
        final int solicitudId;
        final String codigo;
        final SolicitudDetail.Cliente cliente;
        final SolicitudDetail.Apoderado apoderado;
        final SolicitudDetail.Servicio servicio;
        final PromotorSummary promotor;
        final String estadoAtencion;
        final String estadoPago;
        final String estadoCertificado;
        final BigDecimal tarifaMonto;
        final String tarifaMoneda;
        final String tipoAtencion;
        final String lugarAtencion;
        final String comentario;
        final String motivoCancelacion;
        final String fechaCierre;
        final Integer cerradoPor;
        final String fechaCancelacion;
        final Integer canceladoPor;
        final String comentarioAdmin;
        final String createdAt;
        final String updatedAt;

        Base(Row row) {
            solicitudId = integer(row, "solicitud_id");
            codigo = str(row, "codigo");
            String tipo = str(row, "c_tipo");
            String numero = str(row, "c_numero");
            cliente = new SolicitudDetail.Cliente(integer(row, "cliente_id"), tipo, numero, PromotorColumnas.doc(tipo, numero),
                    Formats.fullName(str(row, "c_nombres"), str(row, "c_apellidos")), str(row, "c_celular"),
                    str(row, "c_email"), Formats.date(date(row, "c_nacimiento")), str(row, "c_direccion"));
            Integer apoderadoId = integer(row, "apoderado_id");
            apoderado = apoderadoId == null ? null : new SolicitudDetail.Apoderado(apoderadoId, str(row, "a_tipo"),
                    str(row, "a_numero"), str(row, "a_nombres"), str(row, "a_apellidos"), str(row, "a_celular"),
                    str(row, "a_email"), Formats.date(date(row, "a_nacimiento")), str(row, "a_direccion"));
            Integer servicioId = integer(row, "servicio_id");
            servicio = servicioId == null ? null : new SolicitudDetail.Servicio(servicioId,
                    str(row, "sv_descripcion"), Formats.money(decimal(row, "sv_tarifa")), str(row, "sv_moneda"));
            promotor = PromotorColumnas.promotor(row);
            estadoAtencion = str(row, "estado_atencion");
            estadoPago = str(row, "estado_pago");
            estadoCertificado = str(row, "estado_certificado");
            tarifaMonto = decimal(row, "tarifa_monto");
            tarifaMoneda = str(row, "tarifa_moneda");
            tipoAtencion = str(row, "tipo_atencion");
            lugarAtencion = str(row, "lugar_atencion");
            comentario = str(row, "comentario");
            motivoCancelacion = str(row, "motivo_cancelacion");
            fechaCierre = Timestamps.format(dateTime(row, "fecha_cierre"));
            cerradoPor = integer(row, "cerrado_por");
            fechaCancelacion = Timestamps.format(dateTime(row, "fecha_cancelacion"));
            canceladoPor = integer(row, "cancelado_por");
            comentarioAdmin = str(row, "comentario_admin");
            createdAt = Timestamps.format(dateTime(row, "created_at"));
            updatedAt = Timestamps.format(dateTime(row, "updated_at"));
        }
    }
}
